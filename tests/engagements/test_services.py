import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from engagements.models import Engagement, Membership, Organisation
from engagements.services import (
    engagement_create,
    engagement_update,
    membership_create,
    organisation_create,
)
from tests.accounts.factories import AdministratorFactory, ConsultantFactory, UserFactory
from tests.engagements.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_engagement_create_assigns_the_consultants():
    consultant = ConsultantFactory()
    engagement = engagement_create(
        organisation=OrganisationFactory(),
        title="Datagedreven werken",
        starts_on=datetime.date(2026, 9, 1),
        consultants=[consultant],
    )
    assert list(engagement.consultants.all()) == [consultant]


def test_the_consultant_who_creates_an_engagement_is_on_it():
    creator, colleague = ConsultantFactory(), ConsultantFactory()
    engagement = engagement_create(
        organisation=OrganisationFactory(),
        title="Datagedreven werken",
        starts_on=datetime.date(2026, 9, 1),
        consultants=[colleague],
        created_by=creator,
    )
    assert set(engagement.consultants.all()) == {creator, colleague}


def test_an_administrator_who_creates_an_engagement_is_not_made_its_consultant():
    consultant = ConsultantFactory()
    engagement = engagement_create(
        organisation=OrganisationFactory(),
        title="Datagedreven werken",
        starts_on=datetime.date(2026, 9, 1),
        consultants=[consultant],
        created_by=AdministratorFactory(),
    )
    assert list(engagement.consultants.all()) == [consultant]


def test_engagement_create_refuses_an_end_before_the_start():
    with pytest.raises(ValidationError) as error:
        engagement_create(
            organisation=OrganisationFactory(),
            title="Verkeerd om",
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2026, 8, 1),
        )
    assert "engagements_engagement_ends_after_start" in str(error.value)


def test_the_database_refuses_an_end_before_the_start_even_without_the_service():
    with pytest.raises(IntegrityError):
        Engagement.objects.create(
            organisation=OrganisationFactory(),
            title="Verkeerd om",
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2026, 8, 1),
        )


def test_the_database_refuses_a_tiny_minimum_group_size():
    with pytest.raises(IntegrityError):
        Engagement.objects.create(
            organisation=OrganisationFactory(),
            title="Te klein",
            starts_on=datetime.date(2026, 9, 1),
            min_group_size=1,
        )


def test_engagement_update_changes_only_known_fields():
    engagement = engagement_create(
        organisation=OrganisationFactory(), title="Oud", starts_on=datetime.date(2026, 1, 1)
    )
    engagement_update(engagement=engagement, title="Nieuw", min_group_size=7)
    engagement.refresh_from_db()
    assert (engagement.title, engagement.min_group_size) == ("Nieuw", 7)
    with pytest.raises(TypeError):
        engagement_update(engagement=engagement, organisation=OrganisationFactory())


def test_cbs_codes_are_unique_but_may_be_left_empty():
    organisation_create(name="Gemeente Rucphen", cbs_code="GM0840")
    organisation_create(name="Zonder code A")
    organisation_create(name="Zonder code B")
    with pytest.raises(ValidationError):
        organisation_create(name="Dubbel", cbs_code="GM0840")
    with pytest.raises(IntegrityError):
        Organisation.objects.create(name="Dubbel in de database", cbs_code="GM0840")


def test_cbs_code_format_is_checked_with_a_dutch_message():
    with pytest.raises(ValidationError) as error:
        organisation_create(name="Gemeente Fout", cbs_code="0840")
    assert "GM0840" in str(error.value)


def test_membership_create_is_idempotent_and_unique_in_the_database():
    user, organisation = UserFactory(), OrganisationFactory()
    first = membership_create(user=user, organisation=organisation)
    assert membership_create(user=user, organisation=organisation) == first
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=user, organisation=organisation)


def test_in_lookup_with_an_out_of_range_id_matches_nothing_instead_of_failing(world):
    from accounts.models import User

    ids = [world.users["staff_a"].pk, 2**63, -(2**63) - 1]
    assert list(User.objects.filter(pk__in=ids)) == [world.users["staff_a"]]
    assert list(User.objects.filter(pk__in=[2**64])) == []


@pytest.mark.django_db(transaction=True)
def test_the_archive_renders_its_pdfs_outside_any_transaction(monkeypatch):
    """On SQLite a transaction holds the write lock: PDFs rendered inside one stopped every
    vote and answer for seconds. The audit row is written afterwards, on its own."""
    from django.db import connection

    from engagements import reports
    from engagements.models import AuditAction, AuditEvent
    from engagements.services import engagement_export
    from tests.accounts.factories import UserFactory
    from tests.engagements.factories import EngagementFactory

    seen = []

    def summary(**kwargs):
        seen.append(connection.in_atomic_block)
        return b"%PDF-1.7 summary"

    monkeypatch.setattr(reports, "engagement_summary_pdf_bytes", summary)
    engagement = EngagementFactory()
    admin = UserFactory(role="administrator")
    engagement_export(engagement=engagement, actor=admin)
    assert seen == [False]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, engagement=engagement).exists()


@pytest.mark.django_db
def test_a_large_logo_is_scaled_down_and_a_huge_one_refused(settings, tmp_path):
    """A 10 kB PNG can hold 9,000 x 9,000 pixels, which made every report take 10 s."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from engagements.services import organisation_create

    settings.MEDIA_ROOT = tmp_path

    def png(width, height):
        buffer = io.BytesIO()
        Image.new("1", (width, height)).save(buffer, format="PNG", optimize=True)
        return SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")

    organisation = organisation_create(name="Gemeente Groot", logo=png(3000, 1500))
    with Image.open(organisation.logo.path) as stored:
        assert stored.size == (1200, 600)
    with pytest.raises(ValidationError) as refused:
        organisation_create(name="Gemeente Reus", logo=png(9000, 9000))
    assert "te veel pixels" in " ".join(refused.value.messages)
