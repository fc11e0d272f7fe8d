"""Respondents of a baseline are labelled, never named, and a figure per respondent reaches
the organisation's report only when they were told and the group is large enough."""

import pytest

from baseline.models import Respondent
from baseline.reports import baseline_report_context
from baseline.selectors import assessment_results
from baseline.services import respondent_invite
from tests.baseline.factories import AssessmentFactory, completed_assessment

pytestmark = pytest.mark.django_db


def test_the_consultants_respondent_list_shows_names_without_the_result_label(client, world):
    assessment = AssessmentFactory(engagement=world.engagement)
    for name in ("Anna Aalders", "Bram Bos", "Cor Claessen"):
        respondent_invite(assessment=assessment, name=name, role="management")
    client.force_login(world.users["consultant_on"])
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "Anna Aalders" in page
    assert "Respondent 1" not in page
    assert "Respondent 2" not in page


def test_result_labels_do_not_follow_the_order_of_invitation(world):
    """Over several assessments, 'Respondent 1' is not always the first one invited."""
    first_invited_is_respondent_1 = []
    for _ in range(6):
        assessment = completed_assessment(
            engagement=world.engagement, levels_per_respondent=(1, 2, 3, 4, 5)
        )
        results = assessment_results(assessment=assessment)
        medians = dict(results.dimensions[0].respondent_medians)
        # Levels 1..5 were given in order of invitation.
        first_invited_is_respondent_1.append(medians["Respondent 1"] == 1.0)
    assert not all(first_invited_is_respondent_1)


@pytest.mark.parametrize(
    ("announced", "respondents", "in_report"),
    [(False, 5, False), (True, 4, False), (True, 5, True)],
)
def test_the_chart_per_respondent_reaches_the_report_only_when_announced_and_large_enough(
    world, announced, respondents, in_report
):
    assert world.engagement.min_group_size == 5
    assessment = completed_assessment(
        engagement=world.engagement,
        levels_per_respondent=(3,) * respondents,
        respondent_chart_announced=announced,
    )
    charts = baseline_report_context(assessment=assessment)["charts"]
    assert ("spread" in charts) is in_report


def test_respondents_are_told_about_the_chart_before_they_answer(client, world):
    assessment = AssessmentFactory(engagement=world.engagement, respondent_chart_announced=True)
    respondent: Respondent = respondent_invite(assessment=assessment, name="Anna", role="other")
    page = client.get(respondent.get_absolute_url()).content.decode()
    assert "toont het rapport" in page or "onder zo'n nummer" in page
