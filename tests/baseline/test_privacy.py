"""AVG hooks of the baseline stage: archive export and reports, purges."""

import datetime

import pytest
from django.utils import timezone

from baseline.models import Answer, Respondent
from baseline.services import (
    respondent_personal_data_purge,
    unfinished_answers_purge,
)
from baseline.stage import export, reports
from tests.baseline.factories import AssessmentFactory, completed_assessment, respondent_answering
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def test_unfinished_answers_older_than_the_cutoff_are_deleted_and_handed_in_ones_kept():
    assessment = AssessmentFactory()
    stale = respondent_answering(assessment, 2, submit=False)
    done = respondent_answering(assessment, 3)
    Answer.objects.filter(respondent=stale).update(
        updated_at=timezone.now() - datetime.timedelta(days=40)
    )
    Answer.objects.filter(respondent=done).update(
        updated_at=timezone.now() - datetime.timedelta(days=40)
    )
    fresh = respondent_answering(assessment, 4, submit=False)
    count = unfinished_answers_purge(older_than=timezone.now() - datetime.timedelta(days=30))
    assert count == 1
    assert not stale.answers.exists()
    assert done.answers.exists()
    assert fresh.answers.exists()
    assert Respondent.objects.filter(pk=stale.pk).exists()


def test_personal_data_purge_removes_names_and_invalidates_links(world):
    assessment = AssessmentFactory(engagement=world.engagement)
    respondent = respondent_answering(assessment, 2)
    old_token = respondent.token
    assert respondent_personal_data_purge(engagement=world.engagement) == 1
    respondent.refresh_from_db()
    assert (respondent.name, respondent.email, respondent.user) == ("", "", None)
    assert respondent.token != old_token
    assert respondent.answers.count() > 0


def test_archive_export_is_anonymous_and_reports_cover_completed_measurements(world):
    assessment = completed_assessment(engagement=world.engagement, levels_per_respondent=(2, 4))
    AssessmentFactory(engagement=world.engagement)  # open: no report yet
    data = export(world.engagement)
    assert len(data["assessments"]) == 2
    first = next(a for a in data["assessments"] if a["title"] == assessment.title)
    use = next(d for d in first["dimensions"] if d["key"] == "use")
    assert use["median"] == 3.0
    assert set(use["respondent_medians"]) == {"Respondent 1", "Respondent 2"}
    assert "Iemand" not in str(data)
    files = reports(world.engagement, world.users["admin"])
    assert len(files) == 1
    filename, pdf = files[0]
    assert filename.endswith(".pdf")
    assert "Rapport nulmeting" in pdf_text(pdf)
