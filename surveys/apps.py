from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Survey")

    def ready(self) -> None:
        from engagements.defaults import create_defaults_after_migrate
        from engagements.demo import DemoSeeder, register_demo_seeder
        from surveys import demo
        from surveys.services import default_template_ensure
        from surveys.stage import register

        register()
        register_demo_seeder(DemoSeeder(order=10, name="surveys", seed=demo.seed))
        create_defaults_after_migrate(self, default_template_ensure)
