import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys import services
from surveys.models import QuestionKind
from surveys.selectors import (
    survey_export_rows,
    survey_highlights,
    survey_questions,
    survey_response_rate,
    survey_results,
)
from tests.engagements.factories import EngagementFactory
from tests.surveys.factories import completed_responses, small_survey, template_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return EngagementFactory(min_group_size=5)


def _by_text(results):
    return {result.question.text: result for result in results.questions}


def test_a_question_answered_by_fewer_than_the_minimum_group_is_hidden(engagement):
    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=4)
    results = survey_results(survey=survey)
    assert all(result.hidden for result in results.questions)
    assert all(result.chart is None and result.texts == [] for result in results.questions)
    completed_responses(survey=survey, count=1)
    results = survey_results(survey=survey)
    assert not any(result.hidden for result in results.questions)


def test_the_minimum_group_size_is_the_engagements_setting(engagement):
    engagement.min_group_size = 8
    engagement.save()
    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=7)
    assert all(result.hidden for result in survey_results(survey=survey).questions)


def test_results_count_choices_and_give_mean_and_spread_of_scales(engagement):
    survey = small_survey(engagement=engagement)
    questions = {q.text: q for q in survey_questions(survey=survey)}
    likert = questions["Data helpt mij bij besluiten."]
    choice = questions["Welke producten gebruikt u?"]
    rows = [
        {likert.pk: 2, choice.pk: {"choices": ["Dashboard", "Kaart"], "other": ""}},
        {likert.pk: 4, choice.pk: {"choices": ["Dashboard"], "other": "Excel"}},
        {likert.pk: 4, choice.pk: {"choices": ["Kaart"], "other": ""}},
        {likert.pk: 5, choice.pk: {"choices": [], "other": "Excel"}},
        {likert.pk: 5, choice.pk: {"choices": ["Dashboard"], "other": ""}},
    ] * 3  # every category at least the minimum of 5, or none
    services.responses_bulk_create_completed(survey=survey, rows=rows)
    results = _by_text(survey_results(survey=survey))
    chart = results["Data helpt mij bij besluiten."].chart
    assert chart.extra["mean"] == pytest.approx(4.0)
    assert chart.extra["spread"] == pytest.approx(1.095, abs=0.01)
    table = {row[0]: row[1] for row in results["Welke producten gebruikt u?"].chart.table.rows}
    assert table == {"Dashboard": 9, "Rapportage": 0, "Kaart": 6, "Anders": 6}


def test_a_ranking_gives_more_points_for_higher_places(engagement):
    survey = small_survey(engagement=engagement)
    ranking = next(q for q in survey_questions(survey=survey) if q.kind == QuestionKind.RANKING)
    rows = [{ranking.pk: ["Zorg", "Afval"]} for _ in range(9)] + [
        {ranking.pk: ["Afval", "Veiligheid"]} for _ in range(6)
    ]
    services.responses_bulk_create_completed(survey=survey, rows=rows)
    chart = _by_text(survey_results(survey=survey))["Kies uw top 2."].chart
    points = {row[0]: row[1] for row in chart.table.rows}
    assert points == {"Zorg": 18, "Afval": 21, "Veiligheid": 6}
    assert chart.table.rows[0][0] == "Afval"


def test_a_lone_small_first_place_count_cannot_be_worked_out_from_the_total(engagement):
    """12 responses, each ranks one option first: 9 Zorg and 3 Afval. Hiding only the 3
    would leave it as 12 - 9, so Zorg's count is withheld too."""
    survey = small_survey(engagement=engagement)
    ranking = next(q for q in survey_questions(survey=survey) if q.kind == QuestionKind.RANKING)
    rows = [{ranking.pk: ["Zorg", "Afval"]} for _ in range(9)] + [
        {ranking.pk: ["Afval", "Zorg"]} for _ in range(3)
    ]
    services.responses_bulk_create_completed(survey=survey, rows=rows)
    chart = _by_text(survey_results(survey=survey))["Kies uw top 2."].chart
    firsts = {row[0]: row[3] for row in chart.table.rows}
    assert firsts["Afval"] == "minder dan 5"
    assert firsts["Zorg"] == "verborgen, zodat een kleiner aantal niet te herleiden is"
    assert "12 antwoorden" in chart.description


def test_the_results_query_count_does_not_grow_with_responses_or_questions(engagement):
    small = small_survey(engagement=engagement)
    completed_responses(survey=small, count=5)
    with CaptureQueriesContext(connection) as few:
        survey_results(survey=small)
    big = template_survey(engagement=engagement)
    completed_responses(survey=big, count=60)
    with CaptureQueriesContext(connection) as many:
        results = survey_results(survey=big)
    assert len(results.questions) > 3 * 4
    assert len(many.captured_queries) == len(few.captured_queries)


def test_response_rate_counts_invited_started_and_sent(engagement):
    survey = small_survey(engagement=engagement)
    invitations = services.invitations_create(
        survey=survey,
        people=[("Ans", "ans@example.org"), ("Bert", "bert@example.org")],
        base_url="https://p.example/",
    )
    services.response_start_for_invitation(invitation=invitations[0])
    completed_responses(survey=survey, count=2)
    rate = survey_response_rate(survey=survey)
    assert (rate.invited, rate.started, rate.completed) == (2, 3, 2)


def test_highlights_hold_charts_of_chosen_questions_and_marked_quotes_only(engagement):
    assert survey_highlights(engagement=engagement) is None
    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=5, text="Begin klein")
    questions = {q.text: q for q in survey_questions(survey=survey)}
    services.question_highlight_set(
        question=questions["Data helpt mij bij besluiten."], is_highlight=True
    )
    text_answers = questions["Wat wilt u meegeven?"].answers.all()
    services.answer_quote_set(answer=text_answers[0], is_quote=True)
    highlights = survey_highlights(engagement=engagement)
    assert highlights.survey_title == survey.title
    assert highlights.response_rate.completed == 5
    assert [chart.title for chart in highlights.charts] == ["Data helpt mij bij besluiten."]
    assert highlights.quotes == ["Begin klein"]


def test_highlights_leave_out_questions_below_the_minimum_group(engagement):
    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=4)
    for question in survey_questions(survey=survey):
        services.question_highlight_set(question=question, is_highlight=True)
    highlights = survey_highlights(engagement=engagement)
    assert highlights.charts == [] and highlights.quotes == []


def test_highlights_skip_draft_surveys(engagement):
    small_survey(engagement=engagement, open_it=False)
    assert survey_highlights(engagement=engagement) is None


def test_export_rows_have_one_row_per_sent_response_and_one_column_per_question(engagement):
    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=6)
    headers, rows = survey_export_rows(survey=survey)
    assert len(headers) == 4 and headers[0] == "1. Data helpt mij bij besluiten."
    assert len(rows) == 6
    assert rows[0][0] == "4 – Eens"


def test_export_leaves_out_questions_below_the_minimum_group(engagement):
    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=3)
    headers, rows = survey_export_rows(survey=survey)
    assert headers == [] and rows == []


def _small_categories_survey(engagement):
    """Six responses: 'Dashboard' by four, 'Kaart' by two (a category of two people)."""
    survey = small_survey(engagement=engagement)
    questions = {q.text: q for q in survey_questions(survey=survey)}
    likert = questions["Data helpt mij bij besluiten."]
    choice = questions["Welke producten gebruikt u?"]
    rows = [{likert.pk: 4, choice.pk: {"choices": ["Dashboard"], "other": ""}}] * 4 + [
        {likert.pk: 1, choice.pk: {"choices": ["Kaart"], "other": ""}}
    ] * 2
    services.responses_bulk_create_completed(survey=survey, rows=rows)
    return survey


def test_no_chart_or_table_shows_a_category_of_fewer_people_than_the_minimum(engagement):
    results = _by_text(survey_results(survey=_small_categories_survey(engagement)))
    for text in ("Welke producten gebruikt u?", "Data helpt mij bij besluiten."):
        chart = results[text].chart
        counts = [row[1] for row in chart.table.rows]
        assert all(count == 0 or count >= 5 for count in counts), chart.table.rows
        assert sum(counts) == 6
        assert "minder dan 5 mensen" in chart.description
        assert list(chart.figure.data[0].x) == counts
    choice = {row[0]: row[1] for row in results["Welke producten gebruikt u?"].chart.table.rows}
    assert choice == {"Samen: Dashboard, Rapportage, Kaart, Anders": 6}


def test_the_export_shows_no_answer_given_by_fewer_people_than_the_minimum(engagement):
    headers, rows = survey_export_rows(survey=_small_categories_survey(engagement))
    column = headers.index("2. Welke producten gebruikt u?")
    answers = {row[column] for row in rows}
    assert answers == {"(een antwoord dat minder dan 5 mensen gaven)"}
    assert "1 – Helemaal oneens" not in {row[0] for row in rows}
