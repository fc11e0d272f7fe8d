from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Inspiration and vision session")

    def ready(self) -> None:
        from workshops.stage import register

        register()
