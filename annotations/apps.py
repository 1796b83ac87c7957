from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        # Connects the signal that revokes a person's API tokens when their password changes.
        from annotations.services import tokens  # noqa: F401
