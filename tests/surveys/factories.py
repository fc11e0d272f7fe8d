"""Survey test data, made through the app's services like real data."""

import factory

from engagements.tokens import new_token
from surveys import services
from surveys.models import Page, Question, QuestionKind, Survey, SurveyStatus
from tests.engagements.factories import EngagementFactory


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    engagement = factory.SubFactory(EngagementFactory)
    title = factory.Sequence(lambda n: f"Enquête {n}")
    status = SurveyStatus.OPEN
    token = factory.LazyFunction(new_token)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Pagina {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    page = factory.SubFactory(PageFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = QuestionKind.LIKERT
    text = factory.Sequence(lambda n: f"Stelling {n}")


def template_survey(*, engagement, open_it: bool = True) -> Survey:
    """A copy of the shipped template on the engagement, opened unless told otherwise."""
    template = services.default_template_ensure()
    survey = services.survey_copy(source=template, engagement=engagement)
    if open_it:
        services.survey_open(survey=survey)
    return survey


def small_survey(*, engagement, open_it: bool = True) -> Survey:
    """Two pages: a required agree question, a choice with 'other', a text and a ranking."""
    survey = services.survey_create_blank(engagement=engagement, title="Korte enquête")
    first = survey.pages.get()
    services.question_create(
        page=first, kind=QuestionKind.LIKERT, text="Data helpt mij bij besluiten.", required=True
    )
    services.question_create(
        page=first,
        kind=QuestionKind.MULTIPLE,
        text="Welke producten gebruikt u?",
        options=["Dashboard", "Rapportage", "Kaart"],
        allow_other=True,
    )
    second = services.page_create(survey=survey, title="Tot slot")
    services.question_create(
        page=second, kind=QuestionKind.LONG_TEXT, text="Wat wilt u meegeven?", max_length=50
    )
    services.question_create(
        page=second,
        kind=QuestionKind.RANKING,
        text="Kies uw top 2.",
        options=["Afval", "Zorg", "Veiligheid"],
        ranking_top=2,
    )
    if open_it:
        services.survey_open(survey=survey)
    return survey


def completed_responses(*, survey: Survey, count: int, text: str = "Een open antwoord") -> None:
    """``count`` sent responses answering every question of the survey the same way."""
    from surveys.selectors import survey_questions

    row = {}
    for question in survey_questions(survey=survey):
        if question.kind == QuestionKind.LIKERT:
            row[question.pk] = 4
        elif question.kind == QuestionKind.SCALE:
            row[question.pk] = 7
        elif question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            row[question.pk] = {"choices": [question.options[0]], "other": ""}
        elif question.kind == QuestionKind.RANKING:
            row[question.pk] = question.options[: question.ranking_places]
        else:
            row[question.pk] = text
    services.responses_bulk_create_completed(survey=survey, rows=[dict(row) for _ in range(count)])
