"""A skip condition on an option works whatever its case; an invalid one cannot be saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from surveys import services
from surveys.answers import visible_questions
from surveys.models import Question, QuestionKind
from tests.surveys.factories import small_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    survey = small_survey(engagement=world.engagement, open_it=False)
    first = survey.pages.order_by("position").first()
    services.question_create(
        page=first,
        kind=QuestionKind.SINGLE,
        text="Hoe vaak gebruikt u data?",
        options=["Nooit", "Soms", "Vaak"],
    )
    return survey


def _frequency(survey) -> Question:
    return Question.objects.get(page__survey=survey, text="Hoe vaak gebruikt u data?")


def _later_page(survey):
    return survey.pages.order_by("position").last()


def test_a_condition_in_another_case_is_stored_as_the_option_and_shows_the_question(survey):
    question = services.question_create(
        page=_later_page(survey),
        kind=QuestionKind.SHORT_TEXT,
        text="Waarom nooit?",
        condition_question=_frequency(survey),
        condition_value="  nooit ",
    )
    assert question.condition_value == "Nooit"
    frequency = _frequency(survey)
    shown = visible_questions([frequency, question], {frequency.pk: "Nooit"})
    assert question in shown
    assert question not in visible_questions([frequency, question], {frequency.pk: "Vaak"})


def test_a_condition_that_is_no_option_cannot_be_saved(survey):
    with pytest.raises(ValidationError) as raised:
        services.question_create(
            page=_later_page(survey),
            kind=QuestionKind.SHORT_TEXT,
            text="Waarom?",
            condition_question=_frequency(survey),
            condition_value="Nooit gedaan",
        )
    assert "“Nooit”, “Soms”, “Vaak”" in str(raised.value)


def test_a_condition_on_an_open_question_cannot_be_saved(survey):
    open_question = Question.objects.get(page__survey=survey, kind=QuestionKind.LONG_TEXT)
    last = services.page_create(survey=survey, title="Extra")
    with pytest.raises(ValidationError):
        services.question_create(
            page=last,
            kind=QuestionKind.SHORT_TEXT,
            text="Nog iets?",
            condition_question=open_question,
            condition_value="ja",
        )


def test_the_editor_says_which_options_are_valid(client, world, survey):
    client.force_login(world.users["consultant_on"])
    url = reverse("surveys:question_create", kwargs={"pk": _later_page(survey).pk})
    response = client.post(
        url + "?kind=short_text",
        {
            "kind": "short_text",
            "text": "Waarom?",
            "max_length": 500,
            "ranking_top": 0,
            "condition_question": _frequency(survey).pk,
            "condition_value": "Nooit gedaan",
        },
    )
    assert response.status_code == 200
    assert "Kies een van de opties van die vraag" in response.content.decode()
    assert not Question.objects.filter(text="Waarom?").exists()


def test_the_migration_rewrites_a_condition_in_another_case_to_the_option(survey):
    """Data written before conditions were checked: 'nooit' for the option 'Nooit'."""
    import importlib

    from django.apps import apps

    question = services.question_create(
        page=_later_page(survey),
        kind=QuestionKind.SHORT_TEXT,
        text="Waarom nooit?",
        condition_question=_frequency(survey),
        condition_value="Nooit",
    )
    Question.objects.filter(pk=question.pk).update(condition_value="nooit")
    migration = importlib.import_module("surveys.migrations.0003_condition_values_as_options")
    migration.forwards(apps, None)
    question.refresh_from_db()
    assert question.condition_value == "Nooit"


def test_an_answered_question_offers_no_delete_and_an_open_survey_warns(client, world):
    from tests.surveys.factories import completed_responses

    survey = small_survey(engagement=world.engagement)
    completed_responses(survey=survey, count=1)
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("surveys:survey_detail", kwargs={"pk": survey.pk})).content
    content = page.decode()
    assert "beantwoord: kan niet worden verwijderd" in content
    answered = Question.objects.filter(page__survey=survey, answers__isnull=False).distinct()
    for question in answered:
        assert reverse("surveys:question_delete", kwargs={"pk": question.pk}) not in content
    assert "respondenten zien elke wijziging" in content


@pytest.mark.parametrize(("shown_for", "nobody"), [("Kaart", True), ("dashboard", False)])
def test_results_say_nobody_got_a_question_only_when_that_is_true(world, shown_for, nobody):
    from surveys.models import Answer
    from surveys.selectors import survey_results
    from tests.surveys.factories import completed_responses

    survey = small_survey(engagement=world.engagement, open_it=False)
    products = Question.objects.get(page__survey=survey, text="Welke producten gebruikt u?")
    question = services.question_create(
        page=_later_page(survey),
        kind=QuestionKind.SHORT_TEXT,
        text="Wat doet u ermee?",
        condition_question=products,
        condition_value=shown_for,
    )
    services.survey_open(survey=survey)
    completed_responses(survey=survey, count=6)  # everyone picks "Dashboard"
    Answer.objects.filter(question=question).delete()  # and skips the optional question
    [result] = [r for r in survey_results(survey=survey).questions if r.question == question]
    assert result.hidden
    assert result.nobody_got_it is nobody


def test_a_choice_question_saves_without_the_fields_of_other_types(client, world, survey):
    """The form asked a single-choice question for a maximum length and a top."""
    client.force_login(world.users["consultant_on"])
    page = _later_page(survey)
    url = reverse("surveys:question_create", kwargs={"pk": page.pk}) + "?kind=single"
    form = client.get(url).content.decode()
    assert (
        form.index('name="text"')
        < form.index('name="options_text"')
        < form.index('name="help_text"')
    )
    assert 'data-for-kinds="short_text long_text"' in form  # max_length, hidden by script
    response = client.post(
        url, {"kind": "single", "text": "Welke rol hebt u?", "options_text": "Bestuur\nBeleid"}
    )
    assert response.status_code == 302
    question = Question.objects.get(text="Welke rol hebt u?")
    assert question.options == ["Bestuur", "Beleid"]
