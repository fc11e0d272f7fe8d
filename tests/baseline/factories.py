"""Factories for the baseline app. Answers are made through the real services."""

import datetime

import factory

from baseline.models import Assessment, Dimension, Question, Respondent, RespondentRole
from baseline.services import (
    answer_save,
    assessment_close,
    default_model_ensure,
    respondent_invite,
    respondent_submit,
)
from engagements.tokens import new_token
from tests.engagements.factories import EngagementFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    engagement = factory.SubFactory(EngagementFactory)
    version = factory.LazyFunction(default_model_ensure)
    title = factory.Sequence(lambda n: f"Nulmeting {n}")
    measured_on = datetime.date(2026, 9, 15)


class RespondentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Respondent

    assessment = factory.SubFactory(AssessmentFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Respondent Naam {n}")
    role = RespondentRole.MANAGEMENT
    token = factory.LazyFunction(new_token)


def questions_by_dimension(assessment: Assessment) -> dict[str, list[Question]]:
    return {
        dimension.key: list(dimension.questions.order_by("order"))
        for dimension in Dimension.objects.filter(version=assessment.version).order_by("order")
    }


def respondent_answering(
    assessment: Assessment,
    levels: dict[str, int | None] | int,
    *,
    role: str = RespondentRole.MANAGEMENT,
    submit: bool = True,
    comment: str = "",
    may_quote: bool = False,
) -> Respondent:
    """A respondent who answers every question of a dimension with the given level
    (None: "don't know"); an int gives every dimension the same level."""
    respondent = respondent_invite(assessment=assessment, name="Iemand", role=role)
    for key, questions in questions_by_dimension(assessment).items():
        level = levels if isinstance(levels, int) else levels.get(key, 3)
        for question in questions:
            answer_save(
                respondent=respondent,
                question=question,
                level=level,
                dont_know=level is None,
                comment=comment,
                may_quote=may_quote,
            )
    if submit:
        respondent_submit(respondent=respondent)
    return respondent


def completed_assessment(*, engagement=None, levels_per_respondent=(3, 3, 3), **kwargs):
    assessment = AssessmentFactory(**({"engagement": engagement} if engagement else {}), **kwargs)
    for levels in levels_per_respondent:
        respondent_answering(assessment, levels)
    assessment_close(assessment=assessment)
    return assessment
