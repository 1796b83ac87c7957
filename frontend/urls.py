from django.contrib.auth import views as auth_views
from django.urls import path

from frontend import agreement_pages, curate_pages, exchange_pages, settings_pages, views

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
        "projects/<int:project_id>/agreement/",
        agreement_pages.project_agreement,
        name="project-agreement-page",
    ),
]
