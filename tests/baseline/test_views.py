"""Pages of the baseline app: answering by link, the consultant's pages, results and report."""

import json

import pytest
from django.urls import reverse

from baseline.models import Answer, Dimension, ModelVersion
from baseline.selectors import respondent_progress
from baseline.services import assessment_close, default_model_ensure, respondent_invite
from engagements.stages import stage_statuses
from tests.baseline.factories import (
    AssessmentFactory,
    completed_assessment,
    questions_by_dimension,
    respondent_answering,
)
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(world):
    return AssessmentFactory(engagement=world.engagement)


def _page_data(assessment, key, level="3", **extra):
    data = {"action": "next"}
    for question in questions_by_dimension(assessment)[key]:
        data[f"q{question.pk}"] = level
    data.update(extra)
    return data


def test_respondent_answers_a_dimension_page_and_moves_on_without_javascript(client, assessment):
    respondent = respondent_invite(assessment=assessment)
    url = reverse("baseline:respond_dimension", args=[respondent.token, "strategy"])
    page = client.get(url)
    assert "Strategie en leiderschap" in page.content.decode()
    assert "Weet ik niet" in page.content.decode()
    response = client.post(url, _page_data(assessment, "strategy"))
    assert response.status_code == 302
    assert response["Location"].endswith("/people/")
    assert respondent.answers.filter(level=3).count() == len(
        questions_by_dimension(assessment)["strategy"]
    )


def test_missing_answers_give_dutch_errors_and_keep_what_was_typed(client, assessment):
    respondent = respondent_invite(assessment=assessment)
    questions = questions_by_dimension(assessment)["use"]
    data = {"action": "next", f"q{questions[0].pk}": "4", f"c{questions[1].pk}": "Mijn uitleg"}
    url = reverse("baseline:respond_dimension", args=[respondent.token, "use"])
    response = client.post(url, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies het antwoord dat het best past, of ‘weet ik niet’." in body
    assert "Mijn uitleg" in body
    assert Answer.objects.get(respondent=respondent, question=questions[0]).level == 4
    assert Answer.objects.get(respondent=respondent, question=questions[1]).comment == "Mijn uitleg"


def _autosave_url(respondent, question_pk):
    return reverse("baseline:respond_autosave", args=[respondent.token, question_pk])


def test_autosave_stores_one_answer_and_rejects_nonsense(client, assessment):
    """The survey's JSON contract (engagements/feedback.py): 200, 422 with the reason."""
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["quality"][0]
    url = _autosave_url(respondent, question.pk)
    ok = client.post(url, {f"q{question.pk}": "dk", f"c{question.pk}": "Geen idee"})
    assert ok.json() == {"saved": True, "message": "Uw antwoord is opgeslagen."}
    answer = Answer.objects.get()
    assert (answer.level, answer.dont_know, answer.comment) == (None, True, "Geen idee")
    bad = client.post(url, {f"q{question.pk}": "9"})
    assert bad.status_code == 422
    assert bad.json() == {"saved": False, "message": "Kies een van de getoonde niveaus."}
    unknown = client.post(_autosave_url(respondent, 999999), {"q999999": "2"})
    assert unknown.status_code == 422
    assert unknown.json() == {"saved": False, "message": "Onbekende vraag."}


def test_autosave_after_completion_answers_409_and_stores_nothing(client, assessment):
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["quality"][0]
    assessment_close(assessment=assessment)
    closed = client.post(_autosave_url(respondent, question.pk), {f"q{question.pk}": "2"})
    assert closed.status_code == 409
    assert closed.json()["saved"] is False
    assert closed.json()["message"].startswith("Deze meting is afgerond")
    assert not Answer.objects.exists()


@pytest.mark.parametrize("answer", ["²", "١", "٣"])
def test_autosave_refuses_non_ascii_digits_with_a_message(client, assessment, answer):
    """str.isdigit() accepts these; int() did not, and the autosave answered 500."""
    respondent = respondent_invite(assessment=assessment)
    question = questions_by_dimension(assessment)["quality"][0]
    bad = client.post(_autosave_url(respondent, question.pk), {f"q{question.pk}": answer})
    assert bad.status_code == 422
    assert bad.json()["message"].startswith(("Kies", "Dit antwoord"))


def test_the_same_link_resumes_where_the_respondent_left_off(client, assessment):
    respondent = respondent_invite(assessment=assessment)
    client.post(
        reverse("baseline:respond_dimension", args=[respondent.token, "strategy"]),
        _page_data(assessment, "strategy"),
    )
    other_device = type(client)()
    start = other_device.get(reverse("baseline:respond_start", args=[respondent.token]))
    assert reverse("baseline:respond_dimension", args=[respondent.token, "people"]) in (
        start.content.decode()
    )
    assert "Verdergaan" in start.content.decode()


def test_finish_lists_open_questions_then_hands_in(client, assessment):
    respondent = respondent_invite(assessment=assessment)
    url = reverse("baseline:respond_finish", args=[respondent.token])
    response = client.post(url)
    assert response.status_code == 400
    assert "vragen zonder antwoord" in response.content.decode()
    for key in questions_by_dimension(assessment):
        client.post(
            reverse("baseline:respond_dimension", args=[respondent.token, key]),
            _page_data(assessment, key, level="2"),
        )
    assert client.post(url).status_code == 302
    respondent.refresh_from_db()
    assert respondent.submitted_at is not None
    assert "Dank u wel!" in client.get(url).content.decode()


def test_completed_assessment_shows_answers_read_only(client, assessment):
    respondent = respondent_answering(assessment, 2)
    assessment_close(assessment=assessment)
    url = reverse("baseline:respond_dimension", args=[respondent.token, "use"])
    body = client.get(url).content.decode()
    assert "Deze meting is afgerond" in body
    response = client.post(url, _page_data(assessment, "use", level="5"))
    assert response.status_code == 400
    assert not respondent.answers.filter(level=5).exists()


def test_staff_member_joins_and_answers_as_themselves(client, world, assessment):
    client.force_login(world.users["staff_a"])
    response = client.post(
        reverse("baseline:respondent_join", args=[assessment.pk]), {"role": "information"}
    )
    respondent = assessment.respondents.get(user=world.users["staff_a"])
    assert response["Location"] == reverse("baseline:respond_start", args=[respondent.token])
    detail = client.get(assessment.get_absolute_url()).content.decode()
    assert "Verder met mijn antwoorden" in detail


def test_consultant_creates_an_assessment_and_invites_a_respondent(client, world):
    client.force_login(world.users["consultant_on"])
    create_url = reverse("baseline:assessment_create", args=[world.engagement.pk])
    assert client.get(create_url).status_code == 200
    version = ModelVersion.objects.get()
    response = client.post(
        create_url, {"title": "Nulmeting", "version": version.pk, "measured_on": "2026-10-01"}
    )
    assessment = world.engagement.assessments.get()
    assert response["Location"] == assessment.get_absolute_url()
    client.post(
        reverse("baseline:respondent_invite", args=[assessment.pk]),
        {"name": "Wethouder Jansen", "email": "", "role": "management"},
    )
    respondent = assessment.respondents.get()
    detail = client.get(assessment.get_absolute_url()).content.decode()
    assert "Wethouder Jansen" in detail
    assert respondent.token in detail


def test_invalid_invite_shows_dutch_errors(client, world, assessment):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("baseline:respondent_invite", args=[assessment.pk]),
        {"name": "X", "email": "geen-adres", "role": "management"},
    )
    assert response.status_code == 400
    assert "Voer een geldig e-mailadres in." in response.content.decode()


def test_consultant_sets_targets_and_consensus_with_reason(client, world, assessment):
    respondent_answering(assessment, 2)
    client.force_login(world.users["consultant_on"])
    url = reverse("baseline:assessment_scores", args=[assessment.pk])
    dimension = Dimension.objects.get(version=assessment.version, key="use")
    prefix = f"d{dimension.pk}"
    missing_reason = client.post(
        url, {f"{prefix}-target_level": "4", f"{prefix}-consensus_level": "3"}
    )
    assert missing_reason.status_code == 400
    assert "Geef de reden waarom de groep dit niveau heeft afgesproken." in (
        missing_reason.content.decode()
    )
    response = client.post(
        url,
        {
            f"{prefix}-target_level": "4",
            f"{prefix}-consensus_level": "3",
            f"{prefix}-consensus_reason": "Gezamenlijk besloten",
        },
    )
    assert response.status_code == 302
    score = assessment.scores.get(dimension=dimension)
    assert (score.target_level, score.consensus_level) == (4, 3)


def test_results_page_shows_medians_spread_and_disagreement(client, world, assessment):
    respondent_answering(assessment, {"use": 1})
    respondent_answering(assessment, {"use": 4})
    client.force_login(world.users["staff_a"])
    body = client.get(reverse("baseline:assessment_results", args=[assessment.pk])).content.decode()
    assert "Waar respondenten het oneens zijn" in body
    assert "Gebruik en analyse: van niveau 1 tot niveau 4" in body
    assert "Respondent 2" in body
    assert "Iemand" not in body  # names never appear in results
    assert 'data-chart="chart-baseline-radar-data"' in body


def test_results_page_query_count_does_not_grow_with_respondents(
    client, world, assessment, django_assert_max_num_queries
):
    client.force_login(world.users["consultant_on"])
    url = reverse("baseline:assessment_results", args=[assessment.pk])
    respondent_answering(assessment, 2)
    with django_assert_max_num_queries(30) as first:
        client.get(url)
    for level in (1, 3, 4, 5, 2, 3):
        respondent_answering(assessment, level)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)


def test_list_page_query_count_does_not_grow_with_assessments(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.users["consultant_on"])
    url = reverse("baseline:assessment_list", args=[world.engagement.pk])
    AssessmentFactory(engagement=world.engagement)
    with django_assert_max_num_queries(20) as first:
        client.get(url)
    for _ in range(4):
        AssessmentFactory(engagement=world.engagement)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)


def test_report_pdf_holds_summary_levels_spread_targets_quotes_and_method(client, world):
    engagement = world.engagement
    assessment = AssessmentFactory(engagement=engagement)
    respondent_answering(assessment, {"use": 1}, comment="Citeer mij gerust", may_quote=True)
    respondent_answering(assessment, {"use": 4})
    client.force_login(world.users["staff_a"])
    response = client.get(reverse("baseline:assessment_report", args=[assessment.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    for expected in (
        "Rapport nulmeting",
        "Samenvatting",
        "Gebruik en analyse",
        "Spreiding tussen respondenten",
        "men is het oneens",
        "Citeer mij gerust",
        "Werkwijze",
        "Datavolwassenheid gemeenten",
    ):
        assert expected in text, expected


def test_model_export_and_import_pages_make_a_new_version(client, world):
    client.force_login(world.users["consultant_on"])
    version = default_model_ensure()
    exported = client.get(reverse("baseline:version_export", args=[version.pk]))
    data = json.loads(exported.content)
    data["dimensions"][0]["name"] = "Strategie, visie en leiderschap"
    response = client.post(
        reverse("baseline:version_edit", args=[version.pk]),
        {"text": json.dumps(data), "changelog": "Naam aangepast"},
    )
    new_version = ModelVersion.objects.get(number=2)
    assert response["Location"] == new_version.get_absolute_url()
    assert new_version.dimensions.get(key="strategy").name == "Strategie, visie en leiderschap"
    assert version.dimensions.get(key="strategy").name == "Strategie en leiderschap"
    broken = client.post(reverse("baseline:model_import"), {"text": "{niet: json"})
    assert broken.status_code == 400
    assert "Dit bestand is geen geldige JSON (regel" in broken.content.decode()


def test_stage_status_follows_the_latest_assessment(world):
    user = world.users["consultant_on"]

    def baseline_status():
        return dict(
            (s.key, st) for s, st in stage_statuses(engagement=world.engagement, user=user)
        )["baseline"]

    assert baseline_status().state == "not_started"
    assessment = AssessmentFactory(engagement=world.engagement)
    respondent_answering(assessment, 2)
    respondent_invite(assessment=assessment)
    status = baseline_status()
    assert status.state == "in_progress"
    assert status.progress == 0.5
    latest = completed_assessment(engagement=world.engagement)
    status = baseline_status()
    assert status.state == "done"
    assert reverse("baseline:assessment_report", args=[latest.pk]) in [
        link.url for link in status.links
    ]


def test_progress_counts_answered_questions(assessment):
    respondent = respondent_answering(assessment, 2, submit=False)
    progress = respondent_progress(respondent=respondent)
    assert progress.answered_count == progress.question_count


def test_a_comment_with_a_nul_character_is_kept_without_it_and_never_a_server_error(client, db):
    """Found by the fuzzer on PostgreSQL: raw page data with NUL used to reach the database."""
    from baseline.models import Answer
    from tests.baseline.factories import RespondentFactory

    respondent = RespondentFactory()
    dimension = respondent.assessment.version.dimensions.order_by("order").first()
    question = dimension.questions.order_by("order").first()
    url = f"/nulmeting/invullen/{respondent.token}/{dimension.key}/"
    response = client.post(url, {f"c{question.pk}": "Zie de nota\x00 van 2025"})
    assert response.status_code == 400  # the page again, asking for the missing answers
    assert Answer.objects.get(respondent=respondent, question=question).comment == (
        "Zie de nota van 2025"
    )
