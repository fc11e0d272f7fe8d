import sys

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = _("Roadmap")

    def ready(self) -> None:
        from engagements.defaults import create_defaults_after_migrate
        from engagements.demo import DemoSeeder, register_demo_seeder
        from roadmap import demo
        from roadmap.services import default_catalogue_ensure
        from roadmap.stage import register

        register()
        register_demo_seeder(DemoSeeder(order=40, name="roadmap", seed=demo.seed))
        create_defaults_after_migrate(self, default_catalogue_ensure)
        if sys.argv[1:2] == ["db_worker"]:
            # The worker makes the documents: its chart browser starts with it, and
            # WeasyPrint is imported, not for the first document someone waits for.
            from roadmap.tasks import documents_warm_up

            documents_warm_up()
