from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = _("Roadmap")

    def ready(self) -> None:
        from engagements.demo import DemoSeeder, register_demo_seeder
        from roadmap import demo
        from roadmap.stage import register

        register()
        register_demo_seeder(DemoSeeder(order=40, name="roadmap", seed=demo.seed))
