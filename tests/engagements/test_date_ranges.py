"""Dates from 2000 to 2100 only, in every form and in the database.

Year 1 passed the date inputs, was stored, and then broke every page that showed it (local
time conversion overflows), including the admin list, until the engagement was deleted.
"""

import datetime

import pytest
from django.db import IntegrityError, transaction

from engagements.forms import EngagementForm
from engagements.models import Engagement
from tests.baseline.factories import AssessmentFactory
from tests.engagements.factories import EngagementFactory
from tests.surveys.factories import SurveyFactory
from tests.workshops.factories import SessionFactory
from workshops.forms import SessionForm

pytestmark = pytest.mark.django_db

YEAR_1 = datetime.date(1, 1, 1)
YEAR_9999 = datetime.date(9999, 12, 31)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01"])
def test_session_form_refuses_dates_outside_2000_2100_in_dutch(day):
    form = SessionForm(data={"title": "Sessie", "held_on": day})
    assert not form.is_valid()
    assert form.errors["held_on"] == ["Kies een datum tussen 2000 en 2100."]


def test_engagement_form_refuses_year_1(world):
    form = EngagementForm(
        data={"title": "Traject", "starts_on": "0001-01-01", "status": "planned"},
        instance=world.engagement,
    )
    assert not form.is_valid()
    assert "Kies een datum tussen 2000 en 2100." in form.errors["starts_on"]


@pytest.mark.parametrize("day", [YEAR_1, YEAR_9999])
def test_the_database_refuses_dates_outside_2000_2100(day):
    """Even a write that skips the forms and services (an update, a script) is refused."""
    engagement = EngagementFactory()
    session = SessionFactory(engagement=engagement)
    assessment = AssessmentFactory(engagement=engagement)
    survey = SurveyFactory(engagement=engagement)
    moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
    cases = [
        (Engagement.objects.filter(pk=engagement.pk), {"starts_on": day, "ends_on": None}),
        (Engagement.objects.filter(pk=engagement.pk), {"ends_on": day}),
        (type(session).objects.filter(pk=session.pk), {"held_on": day}),
        (type(assessment).objects.filter(pk=assessment.pk), {"measured_on": day}),
        (type(survey).objects.filter(pk=survey.pk), {"opens_at": moment}),
        (type(survey).objects.filter(pk=survey.pk), {"closes_at": moment}),
    ]
    for queryset, values in cases:
        with pytest.raises(IntegrityError), transaction.atomic():
            queryset.update(**values)


def test_dates_inside_the_range_are_kept():
    engagement = EngagementFactory(starts_on=datetime.date(2000, 1, 1))
    SessionFactory(engagement=engagement, held_on=datetime.date(2100, 12, 31))
    assert Engagement.objects.get(pk=engagement.pk).starts_on.year == 2000
