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


def _why_never(survey, shown_for: str = "Nooit") -> Question:
    """A later question shown only to those who answer ``shown_for`` to the frequency."""
    return services.question_create(
        page=_later_page(survey),
        kind=QuestionKind.SHORT_TEXT,
        text="Waarom nooit?",
        condition_question=_frequency(survey),
        condition_value=shown_for,
    )


def test_a_condition_in_another_case_is_stored_as_the_options_key_and_shows_the_question(survey):
    question = _why_never(survey, "  nooit ")
    assert question.condition_value == "o1"
    assert question.condition_label == "Nooit"
    frequency = _frequency(survey)
    never, often = ({"choices": [choice], "other": ""} for choice in ("Nooit", "Vaak"))
    assert question in visible_questions([frequency, question], {frequency.pk: never})
    assert question not in visible_questions([frequency, question], {frequency.pk: often})


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


def _editor_post(client, page, **data):
    url = reverse("surveys:question_create", kwargs={"pk": page.pk}) + "?kind=short_text"
    fields = {"kind": "short_text", "text": "Waarom?", "max_length": 500, "ranking_top": 0}
    return client.post(url, {**fields, **data})


def test_the_editor_offers_the_earlier_questions_options_and_stores_the_key(client, world, survey):
    client.force_login(world.users["consultant_on"])
    page = _later_page(survey)
    frequency = _frequency(survey)
    form = client.get(reverse("surveys:question_create", kwargs={"pk": page.pk})).content.decode()
    assert f'<optgroup label="{frequency.text}">' in form
    assert f'<option value="{frequency.pk}:o1">het antwoord is “Nooit”</option>' in form
    response = _editor_post(client, page, condition=f"{frequency.pk}:o1")
    assert response.status_code == 302
    question = Question.objects.get(text="Waarom?")
    assert (question.condition_question, question.condition_value) == (frequency, "o1")


@pytest.mark.parametrize("condition", ["{pk}:Nooit gedaan", "{pk}:o9", "{pk}:nooit", "999999:o1"])
def test_an_invalid_condition_cannot_be_saved_and_the_editor_says_why(
    client, world, survey, condition
):
    client.force_login(world.users["consultant_on"])
    condition = condition.format(pk=_frequency(survey).pk)
    response = _editor_post(client, _later_page(survey), condition=condition)
    assert response.status_code == 200
    assert "Kies een antwoord uit de lijst" in response.content.decode()
    assert not Question.objects.filter(text="Waarom?").exists()


def test_renaming_an_option_keeps_the_condition_working(client, world, survey):
    frequency = _frequency(survey)
    question = _why_never(survey)
    client.force_login(world.users["consultant_on"])
    url = reverse("surveys:question_update", kwargs={"pk": frequency.pk})
    response = client.post(
        url,
        {
            "kind": "single",
            "text": frequency.text,
            "options_text": "Vaak\nNooit of zelden\nSoms",
            "move_to_page": frequency.page_id,
        },
    )
    assert response.status_code == 302
    frequency.refresh_from_db()
    question.refresh_from_db()
    assert frequency.options == ["Vaak", "Nooit of zelden", "Soms"]
    assert frequency.option_keys == ["o3", "o1", "o2"]
    assert question.condition_label == "Nooit of zelden"
    assert question in visible_questions(
        [frequency, question], {frequency.pk: {"choices": ["Nooit of zelden"], "other": ""}}
    )
    assert question not in visible_questions(
        [frequency, question], {frequency.pk: {"choices": ["Vaak"], "other": ""}}
    )


def test_removing_the_option_a_condition_needs_is_refused(survey):
    frequency = _frequency(survey)
    _why_never(survey)
    with pytest.raises(ValidationError) as raised:
        services.question_update(question=frequency, options=["Soms", "Vaak"])
    assert "“Waarom nooit?”" in str(raised.value)
    assert "“Nooit”" in str(raised.value)


def test_the_migration_rewrites_a_text_condition_in_any_case_to_the_options_key(survey):
    """Data written before conditions were stored by key: 'nooit' for the option 'Nooit'."""
    import importlib

    from django.apps import apps

    question = _why_never(survey)
    Question.objects.filter(pk=question.pk).update(condition_value="nooit ")
    Question.objects.filter(pk=_frequency(survey).pk).update(option_keys=[])
    migration = importlib.import_module("surveys.migrations.0006_option_keys")
    migration.forwards(apps, None)
    question.refresh_from_db()
    assert question.condition_value == "o1"
    assert _frequency(survey).option_keys == ["o1", "o2", "o3"]
    migration.backwards(apps, None)
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


def test_the_editor_refuses_removing_an_option_a_condition_needs_next_to_the_options(
    client, world, survey
):
    frequency = _frequency(survey)
    _why_never(survey)
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("surveys:question_update", kwargs={"pk": frequency.pk}),
        {"kind": "single", "text": frequency.text, "options_text": "Soms\nVaak"},
    )
    assert response.status_code == 200
    assert "Pas eerst die voorwaarde aan" in response.content.decode()
    frequency.refresh_from_db()
    assert frequency.options == ["Nooit", "Soms", "Vaak"]
