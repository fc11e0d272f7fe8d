from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Survey")

    def ready(self) -> None:
        from surveys.stage import register

        register()
