"""AVG: archive export, complete deletion, audit log and retention (purge_expired)."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.utils import timezone

from engagements.models import AuditAction, AuditEvent, Engagement, EngagementStatus
from engagements.selectors import months_before
from engagements.services import engagement_update


def test_administrator_exports_one_archive_with_data_and_pdfs_and_it_is_logged(client, world):
    admin = world.users["admin"]
    client.force_login(admin)
    response = client.get(f"/trajecten/{world.engagement.pk}/archief.zip")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "data.json" in names
    assert "rapporten/samenvatting.pdf" in names
    data = json.loads(archive.read("data.json"))
    assert data["engagement"]["title"] == world.engagement.title
    assert data["organisation"]["name"] == world.org_a.name
    assert archive.read("rapporten/samenvatting.pdf").startswith(b"%PDF-")
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.engagement) == (
        AuditAction.EXPORT,
        admin,
        world.engagement,
    )


def test_deletion_needs_the_title_and_then_removes_everything_but_the_audit_record(client, world):
    client.force_login(world.users["admin"])
    url = f"/trajecten/{world.engagement.pk}/verwijderen/"
    wrong = client.post(url, {"confirm_title": "iets anders"})
    assert "Dit is niet de titel van het traject." in wrong.content.decode()
    assert Engagement.objects.filter(pk=world.engagement.pk).exists()
    client.post(url, {"confirm_title": world.engagement.title})
    assert not Engagement.objects.filter(pk=world.engagement.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.DELETE)
    assert event.engagement is None  # the engagement is gone ...
    assert world.engagement.title in event.engagement_label  # ... its record stays


def test_consultants_read_the_audit_log_of_their_own_engagements_only(client, world):
    from engagements.services import audit_record

    audit_record(actor=world.users["admin"], action=AuditAction.EXPORT, engagement=world.engagement)
    audit_record(
        actor=world.users["admin"], action=AuditAction.EXPORT, engagement=world.other_engagement
    )
    client.force_login(world.users["consultant_on"])
    content = client.get("/logboek/").content.decode()
    assert world.engagement.title in content
    assert world.other_engagement.title not in content


def test_audit_log_query_count_does_not_grow_with_events(
    client, world, django_assert_max_num_queries
):
    from engagements.services import audit_record

    client.force_login(world.users["admin"])
    audit_record(actor=world.users["admin"], action=AuditAction.EXPORT, engagement=world.engagement)
    with django_assert_max_num_queries(6) as few:
        client.get("/logboek/")
    for _ in range(20):
        audit_record(
            actor=world.users["admin"], action=AuditAction.EXPORT, engagement=world.engagement
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/logboek/")


def test_closing_an_engagement_starts_the_retention_clock_and_reopening_stops_it(world):
    engagement_update(engagement=world.engagement, status=EngagementStatus.COMPLETED)
    assert world.engagement.closed_at is not None
    engagement_update(engagement=world.engagement, status=EngagementStatus.ACTIVE)
    assert world.engagement.closed_at is None


def test_purge_expired_purges_only_engagements_closed_longer_than_the_retention(world, settings):
    settings.RETENTION_PERSONAL_DATA_MONTHS = 12
    now = timezone.now()
    Engagement.objects.filter(pk=world.engagement.pk).update(
        status=EngagementStatus.COMPLETED, closed_at=now - datetime.timedelta(days=400)
    )
    Engagement.objects.filter(pk=world.other_engagement.pk).update(
        status=EngagementStatus.COMPLETED, closed_at=now - datetime.timedelta(days=200)
    )
    call_command("purge_expired", stdout=io.StringIO())
    world.engagement.refresh_from_db()
    world.other_engagement.refresh_from_db()
    assert world.engagement.personal_data_purged_at is not None
    assert world.other_engagement.personal_data_purged_at is None
    assert AuditEvent.objects.filter(action=AuditAction.PURGE_PERSONAL_DATA).count() == 1
    call_command("purge_expired", stdout=io.StringIO())  # idempotent
    assert AuditEvent.objects.filter(action=AuditAction.PURGE_PERSONAL_DATA).count() == 1


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 3, 31, 12), 1, datetime.datetime(2026, 2, 28, 12)),
        (datetime.datetime(2026, 1, 15, 8), 12, datetime.datetime(2025, 1, 15, 8)),
        (datetime.datetime(2024, 3, 31), 1, datetime.datetime(2024, 2, 29)),
        (datetime.datetime(2026, 1, 31), 2, datetime.datetime(2025, 11, 30)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


def test_the_archive_of_the_demo_engagement_holds_every_stage_and_its_reports(db):
    """Each stage puts its data and its PDFs into the archive through the registry."""
    call_command("seed_demo", stdout=io.StringIO())
    from accounts.models import User
    from engagements.services import engagement_export

    engagement = Engagement.objects.get(organisation__name="Gemeente Rucphen")
    archive = zipfile.ZipFile(
        io.BytesIO(
            engagement_export(engagement=engagement, actor=User.objects.get(username="admin"))
        )
    )
    data = json.loads(archive.read("data.json"))
    assert {"surveys", "workshops", "baseline", "roadmap"} <= set(data)
    assert data["surveys"][0]["answers"]["rows"]  # anonymised answers, no names
    from surveys.models import Invitation

    text = archive.read("data.json").decode()
    for name, email in Invitation.objects.values_list("name", "email"):
        assert name not in text and email not in text  # anonymised: nobody is named
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert "rapporten/visie-en-routeplan.pdf" in pdfs
    assert any(name.startswith("rapporten/enquete-") for name in pdfs)
    assert len(pdfs) >= 5
