"""Default content exists after migrate; pages that list it never create it on GET.

These pages used to create the shipped template, model and catalogue on the first visit,
so two first visits at once raced into an IntegrityError."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baseline.models import MaturityModel, ModelVersion
from roadmap.models import ActionCatalogue
from surveys.default_template import DEFAULT_TEMPLATE_KEY
from surveys.models import Survey
from tests.accounts.factories import ConsultantFactory
from tests.engagements.factories import EngagementFactory
from workshops.models import Example

PAGES = [
    ("surveys:template_list", False),
    ("surveys:survey_create", True),
    ("baseline:model_list", False),
    ("baseline:assessment_create", True),
    ("roadmap:catalogue_list", False),
]


def _defaults() -> tuple[int, int, int, int]:
    return (
        Survey.objects.filter(template_key=DEFAULT_TEMPLATE_KEY).count(),
        ModelVersion.objects.count(),
        ActionCatalogue.objects.count(),
        Example.objects.filter(engagement__isnull=True).count(),
    )


def _remove_defaults() -> None:
    """A database without the defaults: what a first visit used to find."""
    ActionCatalogue.objects.all().delete()
    MaturityModel.objects.all().delete()
    # A template's questions refer to each other; renaming its key is enough to lose it.
    Survey.objects.filter(template_key=DEFAULT_TEMPLATE_KEY).update(template_key="old")
    Example.objects.filter(engagement__isnull=True).delete()


def _url(name: str, per_engagement: bool, engagement_pk: int) -> str:
    return reverse(name, kwargs={"engagement_pk": engagement_pk} if per_engagement else {})


@pytest.mark.django_db
def test_a_migrated_database_holds_the_default_content():
    templates, versions, catalogues, examples = _defaults()
    assert (templates, versions, catalogues) == (1, 1, 1)
    assert examples > 0


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "per_engagement"), PAGES)
def test_showing_a_page_that_lists_defaults_writes_nothing(client, name, per_engagement):
    consultant = ConsultantFactory()
    engagement = EngagementFactory(consultants=[consultant])
    _remove_defaults()
    client.force_login(consultant)
    url = _url(name, per_engagement, engagement.pk)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("INSERT")]
    assert writes == [], writes
    assert _defaults() == (0, 0, 0, 0)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_first_visits_of_each_page_both_succeed():
    consultant = ConsultantFactory()
    engagement = EngagementFactory(consultants=[consultant])
    _remove_defaults()
    for name, per_engagement in PAGES:
        url = _url(name, per_engagement, engagement.pk)
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def visit(
            url: str = url, barrier: threading.Barrier = barrier, statuses: list[int] = statuses
        ) -> None:
            client = Client()
            client.force_login(consultant)
            barrier.wait()
            try:
                statuses.append(client.get(url).status_code)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=visit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert statuses == [200, 200], (name, statuses)
    assert _defaults() == (0, 0, 0, 0)
