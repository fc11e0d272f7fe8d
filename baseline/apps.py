from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaselineConfig(AppConfig):
    name = "baseline"
    verbose_name = _("Baseline measurement")

    def ready(self) -> None:
        from baseline.demo import seed
        from baseline.stage import register
        from engagements.demo import DemoSeeder, register_demo_seeder

        register()
        register_demo_seeder(DemoSeeder(order=30, name="baseline", seed=seed))
