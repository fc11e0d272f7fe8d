from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "engagements"
    verbose_name = _("Organisations and engagements")

    def ready(self) -> None:
        from engagements import converters, demo, lookups, stages  # noqa: F401

        converters.register()
