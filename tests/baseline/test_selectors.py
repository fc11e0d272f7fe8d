"""Reads of the baseline app: medians, spread, repeat and peer comparison, the roadmap contract."""

import datetime

import pytest

from baseline.models import Dimension
from baseline.selectors import (
    DEFAULT_DIMENSION_KEYS,
    assessment_results,
    baseline_for_roadmap,
    respondent_progress,
)
from baseline.services import (
    assessment_close,
    default_model_ensure,
    dimension_score_set,
    respondent_invite,
)
from engagements.models import Organisation
from tests.baseline.factories import (
    AssessmentFactory,
    completed_assessment,
    respondent_answering,
)
from tests.engagements.factories import EngagementFactory

pytestmark = pytest.mark.django_db


def _by_key(results):
    return {r.dimension.key: r for r in results.dimensions}


def test_median_spread_and_dont_know_per_dimension():
    assessment = AssessmentFactory()
    respondent_answering(assessment, {"use": 1, "quality": None})
    respondent_answering(assessment, {"use": 2, "quality": 2})
    respondent_answering(assessment, {"use": 4, "quality": 2})
    results = _by_key(assessment_results(assessment=assessment))
    use = results["use"]
    assert use.median == 2.0
    assert (use.spread_min, use.spread_max) == (1.0, 4.0)
    assert use.disagreement is True
    quality = results["quality"]
    questions = Dimension.objects.get(version=assessment.version, key="quality").questions.count()
    assert quality.dont_know_count == questions
    assert quality.median == 2.0
    assert quality.disagreement is False


def test_unsubmitted_respondents_do_not_count():
    assessment = AssessmentFactory()
    respondent_answering(assessment, 2)
    respondent_answering(assessment, 5, submit=False)
    results = assessment_results(assessment=assessment)
    assert results.submitted_count == 1
    assert results.respondent_count == 2
    assert all(r.median == 2.0 for r in results.dimensions)


def test_respondents_appear_only_under_anonymous_labels():
    assessment = AssessmentFactory()
    respondent_answering(assessment, 3)
    results = assessment_results(assessment=assessment)
    assert results.respondent_labels == ["Respondent 1"]
    assert all("Iemand" not in label for label in results.respondent_labels)


def test_current_level_is_the_consensus_if_set_else_the_rounded_median():
    assessment = AssessmentFactory()
    respondent_answering(assessment, {"use": 2, "people": 2})
    respondent_answering(assessment, {"use": 3, "people": 3})
    dimension = Dimension.objects.get(version=assessment.version, key="people")
    dimension_score_set(
        assessment=assessment,
        dimension=dimension,
        target_level=4,
        consensus_level=2,
        consensus_reason="Samen besproken",
    )
    results = _by_key(assessment_results(assessment=assessment))
    assert results["use"].median == 2.5
    assert results["use"].current_level == 3  # 2.5 rounds half up
    assert results["people"].current_level == 2
    assert results["people"].gap == 2


def test_results_have_no_total_but_a_secondary_overall_median():
    assessment = AssessmentFactory()
    respondent_answering(assessment, {key: 2 for key in DEFAULT_DIMENSION_KEYS} | {"use": 4})
    results = assessment_results(assessment=assessment)
    assert results.overall_level == 2.0


def test_previous_measurement_of_the_same_engagement_and_version_shows_progress():
    engagement = EngagementFactory()
    completed_assessment(
        engagement=engagement,
        levels_per_respondent=(1, 2),
        measured_on=datetime.date(2025, 9, 1),
    )
    current = AssessmentFactory(engagement=engagement, measured_on=datetime.date(2026, 9, 1))
    respondent_answering(current, 3)
    results = assessment_results(assessment=current)
    assert results.previous is not None
    use = _by_key(results)["use"]
    assert use.previous_level == 2  # median 1.5 rounds to 2
    assert use.progress == 1


def test_open_earlier_measurement_is_not_a_previous_measurement():
    engagement = EngagementFactory()
    earlier = AssessmentFactory(engagement=engagement, measured_on=datetime.date(2025, 9, 1))
    respondent_answering(earlier, 1)
    current = AssessmentFactory(engagement=engagement, measured_on=datetime.date(2026, 9, 1))
    assert assessment_results(assessment=current).previous is None


def test_peer_comparison_needs_three_other_organisations_and_uses_their_latest():
    own = AssessmentFactory()
    respondent_answering(own, 2)
    for level in (1, 3):
        completed_assessment(levels_per_respondent=(level,))
    Organisation.objects.update(is_client=True)
    results = assessment_results(assessment=own)
    assert results.peer_organisation_count == 2
    assert results.peer_shown is False
    assert all(r.peer_median is None for r in results.dimensions)

    third = completed_assessment(levels_per_respondent=(4,), measured_on=datetime.date(2025, 1, 1))
    # The same organisation's newer measurement replaces its older one.
    completed_assessment(
        engagement=third.engagement,
        levels_per_respondent=(5,),
        measured_on=datetime.date(2026, 1, 1),
    )
    # Another measurement of one's own organisation is never a peer.
    completed_assessment(engagement=own.engagement, levels_per_respondent=(1,))
    Organisation.objects.update(is_client=True)
    results = assessment_results(assessment=own)
    assert results.peer_organisation_count == 3
    assert results.peer_shown is True
    assert {r.peer_median for r in results.dimensions} == {3.0}  # median of 1, 3, 5


def test_organisations_not_marked_as_clients_are_never_peers():
    """A consultant can create organisations at will; three fakes must not unlock (or move)
    the comparison with real clients."""
    own = AssessmentFactory()
    respondent_answering(own, 2)
    real = completed_assessment(levels_per_respondent=(1,))
    Organisation.objects.filter(pk=real.engagement.organisation_id).update(is_client=True)
    for level in (5, 5, 5):
        completed_assessment(levels_per_respondent=(level,))  # not clients
    results = assessment_results(assessment=own)
    assert results.peer_organisation_count == 1
    assert results.peer_shown is False
    assert all(r.peer_median is None for r in results.dimensions)


def test_role_breakdown_respects_the_minimum_group_size():
    engagement = EngagementFactory(min_group_size=3)
    assessment = AssessmentFactory(engagement=engagement)
    for _ in range(3):
        respondent_answering(assessment, 2, role="management")
    for _ in range(2):
        respondent_answering(assessment, 4, role="it")
    results = assessment_results(assessment=assessment)
    assert [row.role_label for row in results.role_breakdown] == ["Management"]
    assert results.role_breakdown[0].medians[0] == 2.0
    assert results.hidden_role_count == 1


def test_quotes_only_where_the_respondent_allowed_it():
    assessment = AssessmentFactory()
    respondent_answering(assessment, 3, comment="Mag geciteerd worden", may_quote=True)
    respondent_answering(assessment, 3, comment="Liever niet citeren", may_quote=False)
    quotes = [q for r in assessment_results(assessment=assessment).dimensions for q in r.quotes]
    assert "Mag geciteerd worden" in quotes
    assert "Liever niet citeren" not in quotes


def test_results_query_count_does_not_grow_with_respondents(django_assert_max_num_queries):
    assessment = AssessmentFactory()
    respondent_answering(assessment, 2)
    with django_assert_max_num_queries(12) as few:
        assessment_results(assessment=assessment)
    for _ in range(8):
        respondent_answering(assessment, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assessment_results(assessment=assessment)


def test_baseline_for_roadmap_uses_the_latest_completed_assessment():
    engagement = EngagementFactory()
    assert baseline_for_roadmap(engagement=engagement) is None
    assessment = completed_assessment(engagement=engagement, levels_per_respondent=(2, 3))
    dimension = Dimension.objects.get(version=assessment.version, key="quality")
    dimension_score_set(
        assessment=assessment,
        dimension=dimension,
        target_level=4,
        consensus_level=1,
        consensus_reason="Na de sessie",
    )
    # An open newer measurement does not count yet.
    AssessmentFactory(engagement=engagement, measured_on=datetime.date(2027, 9, 1))
    contract = baseline_for_roadmap(engagement=engagement)
    assert contract.assessment_id == assessment.pk
    assert contract.model_version_id == default_model_ensure().pk
    assert [d.key for d in contract.dimensions] == list(DEFAULT_DIMENSION_KEYS)
    quality = next(d for d in contract.dimensions if d.key == "quality")
    assert (quality.current_level, quality.target_level) == (1, 4)
    use = next(d for d in contract.dimensions if d.key == "use")
    assert (use.current_level, use.target_level) == (3, None)  # median 2.5 → 3


def test_respondent_progress_finds_the_first_open_dimension():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    progress = respondent_progress(respondent=respondent)
    assert progress.first_open_dimension().key == "strategy"
    assert progress.answered_count == 0
    assert progress.question_count == sum(len(d.questions.all()) for d in progress.dimensions)
    assessment_close(assessment=assessment)
