"""Delete data past its retention period (AVG). Meant for a daily cron job."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from engagements.selectors import engagements_due_for_personal_data_purge
from engagements.services import engagement_personal_data_purge, unfinished_responses_purge


class Command(BaseCommand):
    help = (
        "Deletes unfinished responses older than RETENTION_UNFINISHED_DAYS and the personal "
        "data of engagements closed more than RETENTION_PERSONAL_DATA_MONTHS ago."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=settings.RETENTION_UNFINISHED_DAYS)
        counts = unfinished_responses_purge(older_than=cutoff)
        for stage, count in counts.items():
            self.stdout.write(f"{stage}: {count} unfinished responses deleted")
        due = engagements_due_for_personal_data_purge(
            now=now, months=settings.RETENTION_PERSONAL_DATA_MONTHS
        )
        for engagement in due:
            purged = engagement_personal_data_purge(engagement=engagement)
            self.stdout.write(f"{engagement}: personal data deleted {purged}")
        self.stdout.write(self.style.SUCCESS("Retention enforced."))
