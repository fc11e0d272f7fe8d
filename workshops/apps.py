from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Inspiration and vision session")

    def ready(self) -> None:
        from engagements.defaults import create_defaults_after_migrate
        from engagements.demo import DemoSeeder, register_demo_seeder
        from workshops import demo
        from workshops.services import default_content_ensure
        from workshops.stage import register

        register()
        register_demo_seeder(DemoSeeder(order=20, name="workshops", seed=demo.seed))
        create_defaults_after_migrate(self, default_content_ensure)
