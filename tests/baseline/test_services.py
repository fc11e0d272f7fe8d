"""Writes of the baseline app: models and versions, answers, submission, scores."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from baseline.default_model import DEFAULT_MODEL
from baseline.models import Answer, AnswerOption, Dimension, ModelVersion, Question
from baseline.selectors import DEFAULT_DIMENSION_KEYS, model_version_export
from baseline.services import (
    answer_save,
    assessment_close,
    default_model_ensure,
    dimension_score_set,
    model_import,
    respondent_invite,
    respondent_join,
    respondent_submit,
)
from tests.baseline.factories import AssessmentFactory, questions_by_dimension

pytestmark = pytest.mark.django_db


def test_default_model_has_seven_dimensions_of_five_levels_with_anchored_questions():
    version = default_model_ensure()
    dimensions = list(version.dimensions.order_by("order"))
    assert tuple(d.key for d in dimensions) == DEFAULT_DIMENSION_KEYS
    assert version.levels.count() == 5
    for dimension in dimensions:
        assert dimension.sources, f"{dimension.key} does not name its frameworks"
        assert dimension.descriptors.count() == 5
        assert 3 <= dimension.questions.count() <= 5
        for question in dimension.questions.all():
            assert sorted(question.options.values_list("level", flat=True)) == [1, 2, 3, 4, 5]


def test_default_model_ensure_is_idempotent():
    first = default_model_ensure()
    assert default_model_ensure() == first
    assert ModelVersion.objects.count() == 1


def test_export_then_import_makes_the_next_version_and_leaves_the_old_one_untouched():
    version = default_model_ensure()
    data = model_version_export(version=version)
    data["dimensions"][0]["questions"][0]["text"] = "Een aangepaste vraag?"
    new_version = model_import(data=data, changelog="Vraag aangepast")
    assert new_version.model == version.model
    assert new_version.number == 2
    assert new_version.changelog == "Vraag aangepast"
    first_old = Question.objects.filter(dimension__version=version).order_by(
        "dimension__order", "order"
    )[0]
    assert first_old.text != "Een aangepaste vraag?"
    assert model_version_export(version=new_version)["dimensions"][0]["questions"][0]["text"] == (
        "Een aangepaste vraag?"
    )


def test_export_round_trips_the_default_model_exactly():
    version = default_model_ensure()
    exported = model_version_export(version=version)
    reimported = model_import(data=exported)
    again = model_version_export(version=reimported)
    exported.pop("version"), again.pop("version")
    assert again == exported


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="iets anders"), "geen export"),
        (lambda d: d["levels"].pop(), "beschrijving per niveau"),
        (lambda d: d["dimensions"][1].update(key=d["dimensions"][0]["key"]), "komt twee keer"),
        (lambda d: d["dimensions"][0]["questions"][0]["options"].pop(), "per niveau"),
        (lambda d: d["dimensions"][0].update(questions=[]), "minstens één vraag"),
    ],
)
def test_import_refuses_a_broken_model_with_a_dutch_message(mutate, message):
    data = copy.deepcopy(DEFAULT_MODEL)
    mutate(data)
    before = ModelVersion.objects.count()  # the default model, created after migrate
    with pytest.raises(ValidationError) as error:
        model_import(data=data)
    assert message in " ".join(error.value.messages)
    assert ModelVersion.objects.count() == before


def test_respondents_get_consecutive_numbers_and_unguessable_distinct_tokens():
    assessment = AssessmentFactory()
    first = respondent_invite(assessment=assessment, name="A")
    second = respondent_invite(assessment=assessment, name="B")
    assert (first.number, second.number) == (1, 2)
    assert first.token != second.token
    assert len(first.token) >= 40


def test_joining_as_staff_twice_returns_the_same_respondent(world):
    assessment = AssessmentFactory(engagement=world.engagement)
    user = world.users["staff_a"]
    assert respondent_join(assessment=assessment, user=user) == respondent_join(
        assessment=assessment, user=user
    )


def test_answer_save_overwrites_the_previous_answer_for_autosave():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["quality"][0]
    answer_save(respondent=respondent, question=question, level=2, comment="eerst")
    answer_save(respondent=respondent, question=question, level=None, dont_know=True)
    answer = Answer.objects.get()
    assert (answer.level, answer.dont_know, answer.comment) == (None, True, "")


def test_consent_to_quote_needs_a_comment():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["quality"][0]
    answer = answer_save(respondent=respondent, question=question, level=2, may_quote=True)
    assert answer.may_quote is False


def test_answer_must_be_a_level_of_the_question():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["quality"][0]
    with pytest.raises(ValidationError):
        answer_save(respondent=respondent, question=question, level=7)
    with pytest.raises(ValidationError):
        answer_save(respondent=respondent, question=question, level=2, dont_know=True)


def test_question_of_another_version_is_refused():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    other = model_import(data=copy.deepcopy(DEFAULT_MODEL))
    foreign = Question.objects.filter(dimension__version=other).first()
    with pytest.raises(ValidationError):
        answer_save(respondent=respondent, question=foreign, level=2)


def test_answers_cannot_change_once_the_assessment_is_completed():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    assessment_close(assessment=assessment)
    question = questions_by_dimension(assessment)["use"][0]
    with pytest.raises(ValidationError):
        answer_save(respondent=respondent, question=question, level=2)


def test_submit_requires_every_question_and_says_how_many_are_missing():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    questions = [q for qs in questions_by_dimension(assessment).values() for q in qs]
    for question in questions[:-2]:
        answer_save(respondent=respondent, question=question, level=3)
    with pytest.raises(ValidationError) as error:
        respondent_submit(respondent=respondent)
    assert "2 vragen" in error.value.messages[0]
    for question in questions[-2:]:
        answer_save(respondent=respondent, question=question, level=None, dont_know=True)
    assert respondent_submit(respondent=respondent).submitted_at is not None


def test_consensus_level_needs_a_reason_and_levels_stay_in_range():
    assessment = AssessmentFactory()
    dimension = Dimension.objects.get(version=assessment.version, key="use")
    with pytest.raises(ValidationError):
        dimension_score_set(
            assessment=assessment, dimension=dimension, target_level=3, consensus_level=2
        )
    with pytest.raises(ValidationError):
        dimension_score_set(
            assessment=assessment, dimension=dimension, target_level=6, consensus_level=None
        )
    score = dimension_score_set(
        assessment=assessment,
        dimension=dimension,
        target_level=4,
        consensus_level=2,
        consensus_reason="Afgesproken in de sessie",
    )
    assert (score.target_level, score.consensus_level) == (4, 2)


def test_setting_the_scores_of_several_dimensions_is_all_or_none():
    from baseline.models import DimensionScore
    from baseline.services import dimension_scores_set

    assessment = AssessmentFactory()
    use = Dimension.objects.get(version=assessment.version, key="use")
    quality = Dimension.objects.get(version=assessment.version, key="quality")
    valid = {"target_level": 4, "consensus_level": None, "consensus_reason": ""}
    without_reason = {"target_level": 3, "consensus_level": 2, "consensus_reason": ""}
    with pytest.raises(ValidationError):
        dimension_scores_set(
            assessment=assessment, scores=[(use, valid), (quality, without_reason)]
        )
    assert not DimensionScore.objects.filter(assessment=assessment).exists()
    scores = dimension_scores_set(assessment=assessment, scores=[(use, valid), (quality, valid)])
    assert [score.target_level for score in scores] == [4, 4]


def test_database_refuses_an_answer_with_both_a_level_and_dont_know():
    assessment = AssessmentFactory()
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["use"][0]
    with pytest.raises(IntegrityError):
        Answer.objects.create(respondent=respondent, question=question, level=2, dont_know=True)


def test_database_refuses_two_options_for_one_level():
    question = Question.objects.filter(dimension__version=default_model_ensure()).first()
    with pytest.raises(IntegrityError):
        AnswerOption.objects.create(question=question, level=1, text="dubbel")
