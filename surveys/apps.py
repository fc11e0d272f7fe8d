import os

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reset_chart_export_after_fork() -> None:
    """Work-around for reporting.charts (see the survey issue's report to the lead).

    A forked process (the browser tests' Daphne server, a pre-forking server) inherits a
    started kaleido server whose threads did not survive the fork: every chart export in
    the child then waits forever, and the survey report never downloads. The child starts
    its own kaleido server on first use instead.
    """
    try:
        from kaleido import _sync_server

        from reporting import charts
    except ImportError:  # pragma: no cover - kaleido is a requirement
        return
    server = _sync_server.GlobalKaleidoServer._instance
    if server is not None and server.is_running():
        server._initialized = False
    charts._kaleido = charts._KaleidoServer()


class SurveyConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Survey")

    def ready(self) -> None:
        from engagements.demo import DemoSeeder, register_demo_seeder
        from surveys import demo
        from surveys.stage import register

        register()
        register_demo_seeder(DemoSeeder(order=10, name="surveys", seed=demo.seed))
        if not getattr(SurveyConfig, "_fork_hook_registered", False):
            os.register_at_fork(after_in_child=_reset_chart_export_after_fork)
            SurveyConfig._fork_hook_registered = True
