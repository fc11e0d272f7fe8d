"""Run the queued background tasks the way production does: the db_worker command."""

from unittest import mock

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


def run_queued_tasks() -> int:
    """Run every task that is due with ``db_worker --batch``; return how many ran.

    The worker closes stale database connections between tasks; inside a test's
    transaction that would close the test's own connection, so that one call is skipped.
    """
    before = DBTaskResult.objects.exclude(status="READY").count()
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", "--batch", "--queue-name", "*", "--interval", "0", "--no-startup-delay"
        )
    return DBTaskResult.objects.exclude(status="READY").count() - before
