"""Create (or bring up to date) the demo data: Gemeente Rucphen and three users."""

import datetime
import os
import secrets

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Role, User
from accounts.services import user_create, user_set_password
from engagements.demo import registered_seeders
from engagements.models import Engagement, EngagementStatus, Organisation
from engagements.services import engagement_create, membership_create, organisation_create

DEMO_USERS = [
    ("consultant", Role.CONSULTANT, "Carla", "de Consultant", "consultant@example.org"),
    ("rucphen", Role.ORGANISATION_STAFF, "Ruud", "van Rucphen", "informatie@example.org"),
    ("admin", Role.ADMINISTRATOR, "Anna", "Beheerder", "admin@example.org"),
]
DEMO_ENGAGEMENT_TITLE = "Datagedreven werken 2026–2029"


class Command(BaseCommand):
    help = "Creates the demo organisation, engagement and users; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-stages",
            action="store_true",
            help="Only the foundation's demo data, without the stages' demo data.",
        )

    def handle(self, *args, skip_stages: bool = False, **options):
        password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(9)
        with transaction.atomic():
            users = {}
            for username, role, first, last, email in DEMO_USERS:
                user = User.objects.filter(username=username).first()
                if user is None:
                    user = user_create(
                        username=username,
                        password=password,
                        role=role,
                        email=email,
                        first_name=first,
                        last_name=last,
                    )
                else:
                    user_set_password(user=user, password=password)
                users[username] = user

            organisation = Organisation.objects.filter(name="Gemeente Rucphen").first()
            if organisation is None:
                organisation = organisation_create(name="Gemeente Rucphen", cbs_code="GM0840")
            if not organisation.is_client:
                Organisation.objects.filter(pk=organisation.pk).update(is_client=True)
            membership_create(
                user=users["rucphen"], organisation=organisation, job_title="Informatiemanager"
            )

            engagement = Engagement.objects.filter(
                organisation=organisation, title=DEMO_ENGAGEMENT_TITLE
            ).first()
            if engagement is None:
                engagement = engagement_create(
                    organisation=organisation,
                    title=DEMO_ENGAGEMENT_TITLE,
                    description=(
                        "Van ‘wat is datagedreven werken?’ naar een gedeelde visie en een "
                        "routeplan voor de komende jaren."
                    ),
                    starts_on=datetime.date(2026, 9, 1),
                    ends_on=datetime.date(2027, 3, 31),
                    status=EngagementStatus.ACTIVE,
                    consultants=[users["consultant"]],
                )

        context = {"organisation": organisation, "engagement": engagement, "users": users}
        if not skip_stages:
            for seeder in registered_seeders():
                with transaction.atomic():
                    seeder.seed(context, self.stdout)

        self.stdout.write(self.style.SUCCESS("Demo data ready: Gemeente Rucphen."))
        self.stdout.write("Log in at /account/inloggen/ with one of these accounts:")
        for username, role, *_rest in DEMO_USERS:
            self.stdout.write(f"  {username:<12} {password}   ({role.label})")
