"""``{{ project.guidelines|guidelines_html }}``: a project's Markdown guidelines as the
sanitised HTML of ``annotations/guidelines.py`` (safe to put in a page as it is)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from annotations.guidelines import guidelines_html as render

register = template.Library()


@register.filter
def guidelines_html(markdown_text: str) -> SafeString:
    return mark_safe(render(markdown_text or ""))  # noqa: S308 - sanitised by nh3
