from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaselineConfig(AppConfig):
    name = "baseline"
    verbose_name = _("Baseline measurement")

    def ready(self) -> None:
        from baseline.stage import register

        register()
