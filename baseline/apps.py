from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaselineConfig(AppConfig):
    name = "baseline"
    verbose_name = _("Baseline measurement")

    def ready(self) -> None:
        from baseline.demo import seed
        from baseline.services import default_model_ensure
        from baseline.stage import register
        from engagements.defaults import create_defaults_after_migrate
        from engagements.demo import DemoSeeder, register_demo_seeder

        register()
        register_demo_seeder(DemoSeeder(order=30, name="baseline", seed=seed))
        create_defaults_after_migrate(self, default_model_ensure)
