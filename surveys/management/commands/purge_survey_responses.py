"""Retention: delete unfinished survey responses nobody has touched for a while.

Run it daily (cron or a systemd timer). Sent responses are anonymous and stay; an
unfinished one is pseudonymous (its invitation can resume it), so it is not kept longer
than needed. The invitation goes back to "invited", so the person can still start again.
"""

import datetime

from django.core.management.base import BaseCommand

from surveys.services import responses_purge_unfinished


class Command(BaseCommand):
    help = "Deletes unfinished survey responses without activity for --days days (default 30)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days: int, **options):
        count = responses_purge_unfinished(older_than=datetime.timedelta(days=days))
        self.stdout.write(f"Deleted {count} unfinished survey responses older than {days} days.")
