from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Survey")

    def ready(self) -> None:
        from engagements.demo import DemoSeeder, register_demo_seeder
        from surveys import demo
        from surveys.stage import register

        register()
        register_demo_seeder(DemoSeeder(order=10, name="surveys", seed=demo.seed))
