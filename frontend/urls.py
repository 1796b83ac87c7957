from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from frontend import (
    account_pages,
    agreement_pages,
    curate_pages,
    exchange_pages,
    people_pages,
    settings_pages,
    views,
)
from frontend.account_forms import ResetForEveryoneForm
from frontend.document_list_pages import project_documents
from frontend.document_pages import project_add_documents
from frontend.progress_pages import project_progress
from frontend.project_pages import project_new
from frontend.rewrites_pages import story_rewrites
from frontend.schema_pages import project_schema
from frontend.source_pages import project_sources, source_page
from frontend.story_pages import project_stories, story_workbench
from frontend.suggester_pages import project_suggesters

# The set-password page for a reset link and for an invitation's link (Django's views).
set_password = auth_views.PasswordResetConfirmView.as_view(
    template_name="frontend/password_set.html", success_url="/account/password/set/"
)
welcome = auth_views.PasswordResetConfirmView.as_view(
    template_name="frontend/password_set.html",
    success_url="/account/password/set/",
    extra_context={"welcome": True},
)

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="frontend/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "account/password/",
        auth_views.PasswordChangeView.as_view(
            template_name="frontend/password_change.html", success_url="/account/password/done/"
        ),
        name="password-change",
    ),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="frontend/password_change.html", extra_context={"done": True}
        ),
        name="password-change-done",
    ),
    path("account/", account_pages.account, name="account"),
    path(
        "account/password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="frontend/password_reset.html",
            form_class=ResetForEveryoneForm,
            email_template_name="frontend/email/password_reset_body.txt",
            subject_template_name="frontend/email/password_reset_subject.txt",
            success_url="/account/password/reset/sent/",
        ),
        name="password-reset",
    ),
    path(
        "account/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="frontend/password_reset_sent.html",
            extra_context={"timeout_days": settings.PASSWORD_RESET_TIMEOUT // 86400},
        ),
        name="password-reset-sent",
    ),
    path("account/reset/<uidb64>/<token>/", set_password, name="password-reset-confirm"),
    path("account/welcome/<uidb64>/<token>/", welcome, name="account-welcome"),
    path(
        "account/password/set/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="frontend/password_set_done.html"
        ),
        name="password-set-done",
    ),
    path("projects/new/", project_new, name="project-new"),
    path("projects/<int:project_id>/", views.project_home, name="project-home"),
    path("projects/<int:project_id>/work/", views.workspace, name="workspace-next"),
    path(
        "projects/<int:project_id>/documents/<int:document_id>/work/",
        views.workspace,
        name="workspace-document",
    ),
    path(
        "projects/<int:project_id>/curate/<int:document_id>/",
        curate_pages.curate_document,
        name="curate-document-page",
    ),
    path(
        "projects/<int:project_id>/curate/",
        curate_pages.curate_queue,
        name="curate-queue-page",
    ),
    path(
        "projects/<int:project_id>/settings/",
        settings_pages.project_settings,
        name="project-settings",
    ),
    path(
        "projects/<int:project_id>/schema/",
        project_schema,
        name="project-schema-page",
    ),
    path(
        "projects/<int:project_id>/documents/add/",
        project_add_documents,
        name="project-add-documents-page",
    ),
    path(
        "projects/<int:project_id>/import/",
        exchange_pages.project_import,
        name="project-import-page",
    ),
    path(
        "projects/<int:project_id>/export/",
        exchange_pages.project_export,
        name="project-export-page",
    ),
    path(
        "projects/<int:project_id>/people/",
        people_pages.project_people,
        name="project-people-page",
    ),
    path(
        "projects/<int:project_id>/agreement/",
        agreement_pages.project_agreement,
        name="project-agreement-page",
    ),
    path(
        "projects/<int:project_id>/progress/",
        project_progress,
        name="project-progress-page",
    ),
    path(
        "projects/<int:project_id>/stories/<int:story_id>/rewrites/",
        story_rewrites,
        name="story-rewrites",
    ),
    path("projects/<int:project_id>/stories/", project_stories, name="project-stories"),
    path(
        "projects/<int:project_id>/stories/<int:story_id>/",
        story_workbench,
        name="story-workbench",
    ),
    path(
        "projects/<int:project_id>/documents/",
        project_documents,
        name="project-documents-page",
    ),
    path("projects/<int:project_id>/sources/", project_sources, name="project-sources"),
    path("projects/<int:project_id>/suggesters/", project_suggesters, name="project-suggesters"),
    path(
        "projects/<int:project_id>/sources/<int:entry_id>/",
        source_page,
        name="source-page",
    ),
]
