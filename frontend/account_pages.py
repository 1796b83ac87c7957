"""A person's own account: their name, and their e-mail shown read-only (``/account/``);
the password pages are Django's views with our templates (change, reset by e-mail, the
invited person's first password: ``frontend/urls.py``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.services.errors import DomainError
from annotations.services.people import account_update
from frontend.account_forms import AccountForm


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    saved = False
    if request.method == "POST":
        form = AccountForm(request.POST)
        if form.is_valid():
            try:
                account_update(user=user, **form.cleaned_data)
                saved = True
            except DomainError as error:
                for field, messages in error.details.items():
                    form.add_error(field if field in form.fields else None, messages)
    else:
        form = AccountForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
            }
        )
    return render(request, "frontend/account.html", {"form": form, "saved": saved})
