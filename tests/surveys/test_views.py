import csv
import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from surveys import services
from surveys.models import (
    Answer,
    Invitation,
    InvitationStatus,
    Response,
    ResponseStatus,
    Survey,
    SurveyStatus,
)
from surveys.selectors import survey_definition, survey_questions
from tests.pdf_text import pdf_text
from tests.surveys.factories import completed_responses, small_survey, template_survey
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    return small_survey(engagement=world.engagement)


@pytest.fixture
def consultant(client, world):
    client.force_login(world.users["consultant_on"])
    return client


def _invitation(survey, name="Ans") -> Invitation:
    (invitation,) = services.invitations_create(
        survey=survey,
        people=[(name, f"{name.lower()}@example.org")],
        base_url="http://testserver/",
    )
    return invitation


def _questions(survey):
    return {question.text: question for question in survey_questions(survey=survey)}


def _page_url(token, number):
    return reverse("surveys:respond_page", kwargs={"token": token, "number": number})


# --- Authoring --------------------------------------------------------------------------------


def test_consultant_creates_a_survey_from_the_shipped_template(consultant, world):
    url = reverse("surveys:survey_create", kwargs={"engagement_pk": world.engagement.pk})
    page = consultant.get(url)
    assert "Kennis en beeld van datagedreven werken" in page.content.decode()
    template = Survey.objects.get(template_key="kennis-en-beeld")
    response = consultant.post(url, {"source": str(template.pk), "title": ""})
    survey = Survey.objects.get(engagement=world.engagement)
    assert response.status_code == 302 and response["Location"] == survey.get_absolute_url()
    assert survey.title == template.title
    assert len(survey_questions(survey=survey)) == len(survey_questions(survey=template))


def test_a_blank_survey_needs_a_title(consultant, world):
    url = reverse("surveys:survey_create", kwargs={"engagement_pk": world.engagement.pk})
    response = consultant.post(url, {"source": "blank", "title": ""})
    assert response.status_code == 200
    assert "Geef de nieuwe enquête een titel." in response.content.decode()


def test_consultant_adds_a_choice_question_with_options_one_per_line(consultant, survey):
    page = survey.pages.first()
    url = reverse("surveys:question_create", kwargs={"pk": page.pk})
    response = consultant.post(
        url,
        {
            "kind": "single",
            "text": "Werkt u samen met andere gemeenten?",
            "options_text": "Ja\n\nNee\nWeet ik niet\n",
            "max_length": 5000,
            "ranking_top": 0,
        },
    )
    assert response.status_code == 302
    question = _questions(survey)["Werkt u samen met andere gemeenten?"]
    assert question.options == ["Ja", "Nee", "Weet ik niet"]


def test_a_choice_question_with_one_option_gets_a_dutch_error(consultant, survey):
    url = reverse("surveys:question_create", kwargs={"pk": survey.pages.first().pk})
    response = consultant.post(
        url,
        {"kind": "single", "text": "?", "options_text": "Ja", "max_length": 5000, "ranking_top": 0},
    )
    assert response.status_code == 200
    assert "Vul minstens twee opties in, één per regel." in response.content.decode()


def test_export_and_import_of_a_survey_definition(consultant, survey, world):
    exported = consultant.get(reverse("surveys:survey_export", kwargs={"pk": survey.pk}))
    assert exported["Content-Disposition"].startswith("attachment")
    definition = json.loads(exported.content)
    upload = SimpleUploadedFile("enquete.json", exported.content, "application/json")
    url = reverse("surveys:survey_import", kwargs={"engagement_pk": world.engagement.pk})
    response = consultant.post(url, {"file": upload})
    assert response.status_code == 302
    imported = Survey.objects.exclude(pk=survey.pk).get(engagement=world.engagement)
    assert survey_definition(survey=imported) == definition


def test_importing_a_broken_file_shows_a_dutch_error(consultant, world):
    url = reverse("surveys:survey_import", kwargs={"engagement_pk": world.engagement.pk})
    upload = SimpleUploadedFile("x.json", b"{not json", "application/json")
    response = consultant.post(url, {"file": upload})
    assert response.status_code == 400
    assert "Dit bestand is geen geldige JSON" in response.content.decode()


def test_closing_and_reopening_a_survey(consultant, survey):
    url = reverse("surveys:survey_status", kwargs={"pk": survey.pk})
    consultant.post(url, {"action": "close"})
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    consultant.post(url, {"action": "open"})
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


def test_preview_shows_the_respondent_page_without_saving(consultant, survey):
    response = consultant.get(reverse("surveys:preview", kwargs={"pk": survey.pk, "number": 1}))
    content = response.content.decode()
    assert "Data helpt mij bij besluiten." in content and "Voorbeeld" in content
    assert Response.objects.count() == 0


def test_invitations_form_reports_bad_lines_in_dutch_and_keeps_the_input(consultant, survey):
    url = reverse("surveys:invitations", kwargs={"pk": survey.pk})
    response = consultant.post(url, {"people": "Ans, ans@example.org\nBert, geen-adres"})
    content = response.content.decode()
    assert "Regel 2: ‘geen-adres’ is geen e-mailadres." in content
    assert "Ans, ans@example.org" in content
    assert survey.invitations.count() == 0


def test_inviting_three_people_sends_three_personal_mails(
    consultant, survey, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("surveys:invitations", kwargs={"pk": survey.pk})
    people = "Ans Jansen, ans@example.org\nBert, bert@example.org\nCor, cor@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = consultant.post(url, {"people": people, "send_anyway": "on"})
    assert response.status_code == 302
    run_queued_tasks()
    assert len(mailoutbox) == 3
    tokens = {invitation.token for invitation in survey.invitations.all()}
    assert all(any(token in mail.body for token in tokens) for mail in mailoutbox)


# --- Answering ----------------------------------------------------------------------------------


def test_a_respondent_answers_page_by_page_and_the_tie_is_cut_on_sending(client, survey):
    invitation = _invitation(survey)
    token = invitation.token
    questions = _questions(survey)
    likert = questions["Data helpt mij bij besluiten."]
    choice = questions["Welke producten gebruikt u?"]
    text = questions["Wat wilt u meegeven?"]
    ranking = questions["Kies uw top 2."]

    welcome = client.get(reverse("surveys:respond", kwargs={"token": token}))
    assert "Enquête starten" in welcome.content.decode()
    started = client.post(reverse("surveys:respond", kwargs={"token": token}))
    assert started["Location"] == _page_url(token, 1)

    # Missing required answer: a Dutch message, and the other answer is kept.
    page = client.post(
        _page_url(token, 1),
        {choice.field_name: ["Kaart", "__other__"], f"{choice.field_name}_other": "Excel"},
    )
    content = page.content.decode()
    assert page.status_code == 200 and "Deze vraag is verplicht." in content
    assert 'value="Excel"' in content

    page = client.post(
        _page_url(token, 1),
        {
            likert.field_name: "4",
            choice.field_name: ["Kaart", "__other__"],
            f"{choice.field_name}_other": "Excel",
            "action": "next",
        },
    )
    assert page["Location"] == _page_url(token, 2)
    # Back and forward lose nothing.
    back = client.get(_page_url(token, 1))
    assert 'value="4" checked' in back.content.decode()

    sent = client.post(
        _page_url(token, 2),
        {
            text.field_name: "<script>alert(1)</script>",
            f"{ranking.field_name}_1": "Zorg",
            f"{ranking.field_name}_2": "Afval",
            "action": "submit",
        },
    )
    assert sent["Location"] == reverse("surveys:thanks", kwargs={"pk": survey.pk})
    assert client.get(sent["Location"]).status_code == 200  # the respondent sees thanks
    assert type(client)().get(sent["Location"]).status_code == 404  # nobody else does
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED and invitation.response_id is None
    response = Response.objects.get(survey=survey)
    assert response.status == ResponseStatus.COMPLETED and response.token_hash is None
    stored = dict(Answer.objects.filter(response=response).values_list("question_id", "value"))
    assert stored[choice.pk] == {"choices": ["Kaart"], "other": "Excel"}
    assert stored[ranking.pk] == ["Zorg", "Afval"]

    # The used link says so; a replayed final post makes no second response.
    again = client.get(reverse("surveys:respond", kwargs={"token": token}))
    assert "Met deze link zijn de antwoorden al verstuurd." in again.content.decode()
    replay = client.post(
        _page_url(token, 2),
        {f"{ranking.field_name}_1": "Zorg", f"{ranking.field_name}_2": "Afval", "action": "submit"},
    )
    assert replay.status_code == 200
    assert Response.objects.filter(survey=survey).count() == 1


def test_autosave_stores_one_answer_and_a_new_device_sees_it(client, survey):
    invitation = _invitation(survey)
    services.response_start_for_invitation(invitation=invitation)
    likert = _questions(survey)["Data helpt mij bij besluiten."]
    url = reverse(
        "surveys:respond_answer", kwargs={"token": invitation.token, "question_pk": likert.pk}
    )
    saved = client.post(url, {likert.field_name: "2"})
    assert saved.json() == {"saved": True, "message": "Uw antwoord is opgeslagen."}
    from django.test import Client

    other_device = Client()
    welcome = other_device.get(reverse("surveys:respond", kwargs={"token": invitation.token}))
    assert "Verdergaan waar u gebleven was" in welcome.content.decode()
    page = other_device.get(_page_url(invitation.token, 1))
    assert 'value="2" checked' in page.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("likert", "7", "Kies een van de antwoorden uit de lijst."),
        ("choice", "Niet in de lijst", "Kies een van de antwoorden uit de lijst."),
        ("text", "x" * 51, "Uw antwoord is 51 tekens lang; hier passen maximaal 50 tekens."),
    ],
)
def test_autosave_refuses_bad_input_with_a_dutch_message(client, survey, field, value, message):
    invitation = _invitation(survey)
    services.response_start_for_invitation(invitation=invitation)
    questions = _questions(survey)
    question = {
        "likert": questions["Data helpt mij bij besluiten."],
        "choice": questions["Welke producten gebruikt u?"],
        "text": questions["Wat wilt u meegeven?"],
    }[field]
    url = reverse(
        "surveys:respond_answer", kwargs={"token": invitation.token, "question_pk": question.pk}
    )
    response = client.post(url, {question.field_name: value})
    assert response.status_code == 422
    assert response.json() == {"saved": False, "message": message}
    assert Answer.objects.count() == 0


def test_text_over_its_limit_is_shown_again_with_the_error_on_the_page(client, survey):
    invitation = _invitation(survey)
    services.response_start_for_invitation(invitation=invitation)
    text = _questions(survey)["Wat wilt u meegeven?"]
    page = client.post(
        _page_url(invitation.token, 2), {text.field_name: "woord " * 20, "action": "submit"}
    )
    content = page.content.decode()
    assert "hier passen maximaal 50 tekens" in content
    assert "woord woord woord" in content


def test_a_closed_survey_says_so_in_dutch(client, survey):
    invitation = _invitation(survey)
    services.survey_close(survey=survey)
    page = client.get(reverse("surveys:respond", kwargs={"token": invitation.token}))
    assert "Deze enquête is gesloten." in page.content.decode()


def test_a_survey_that_opens_later_says_when(client, survey):
    invitation = _invitation(survey)
    opens_at = timezone.now() + datetime.timedelta(days=2)
    services.survey_update(survey=survey, opens_at=opens_at)
    page = client.get(reverse("surveys:respond", kwargs={"token": invitation.token}))
    assert "Deze enquête is nog niet geopend." in page.content.decode()


def test_an_invalid_link_is_a_dutch_404(client, survey):
    response = client.get(reverse("surveys:respond", kwargs={"token": "x" * 32}))
    assert response.status_code == 404


def test_autosave_after_closing_answers_409_and_stores_nothing(client, survey):
    invitation = _invitation(survey)
    services.response_start_for_invitation(invitation=invitation)
    services.survey_close(survey=survey)
    likert = _questions(survey)["Data helpt mij bij besluiten."]
    url = reverse(
        "surveys:respond_answer", kwargs={"token": invitation.token, "question_pk": likert.pk}
    )
    response = client.post(url, {likert.field_name: "3"})
    assert response.status_code == 409
    assert response.json() == {
        "saved": False,
        "message": "Deze enquête neemt geen antwoorden meer aan.",
    }
    assert Answer.objects.count() == 0


def test_open_link_asks_for_the_access_code_and_reuses_the_started_response(client, survey):
    services.survey_update(survey=survey, open_link_enabled=True, access_code="Rucphen")
    url = reverse("surveys:open_link", kwargs={"token": survey.token})
    wrong = client.post(url, {"code": "fout"})
    assert "Deze toegangscode klopt niet." in wrong.content.decode()
    assert Response.objects.count() == 0
    first = client.post(url, {"code": "rucphen"})
    second = client.post(url, {"code": "rucphen"})
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1


def test_wrong_access_codes_are_limited_per_client_and_right_ones_count_nothing(
    client, survey, settings
):
    """Guessing stops after 20 wrong codes from one address; another address (a phone behind
    the proxy, seen through X-Forwarded-For) still gets in, and right codes count nothing."""
    from django.core.cache import cache

    cache.clear()
    services.survey_update(survey=survey, open_link_enabled=True, access_code="Rucphen")
    url = reverse("surveys:open_link", kwargs={"token": survey.token})
    for _ in range(25):
        ok = client.post(url, {"code": "rucphen"}, REMOTE_ADDR="10.0.0.7")
        assert ok.status_code == 302
    for _ in range(20):
        assert client.post(url, {"code": "fout"}, REMOTE_ADDR="10.0.0.8").status_code == 200
    blocked = client.post(url, {"code": "rucphen"}, REMOTE_ADDR="10.0.0.8")
    assert blocked.status_code == 429
    assert "Te veel verkeerde toegangscodes" in blocked.content.decode()
    other = type(client)().post(url, {"code": "rucphen"}, REMOTE_ADDR="10.0.0.7")
    assert other.status_code == 302


def test_a_switched_off_open_link_is_a_404(client, survey):
    url = reverse("surveys:open_link", kwargs={"token": survey.token})
    assert client.get(url).status_code == 404


# --- Results ----------------------------------------------------------------------------------


def test_results_apply_the_small_group_rule_and_say_why(consultant, survey):
    completed_responses(survey=survey, count=4)
    content = consultant.get(reverse("surveys:results", kwargs={"pk": survey.pk})).content
    assert "Verborgen om de anonimiteit te beschermen: 4 mensen" in content.decode()
    completed_responses(survey=survey, count=1)
    content = consultant.get(reverse("surveys:results", kwargs={"pk": survey.pk})).content
    assert "Verborgen om de anonimiteit" not in content.decode()
    assert 'data-chart="chart-q' in content.decode()


def test_open_answers_are_shown_escaped(consultant, survey):
    completed_responses(survey=survey, count=5, text="<script>alert('x')</script>")
    content = consultant.get(reverse("surveys:results", kwargs={"pk": survey.pk})).content
    assert b"<script>alert(" not in content
    assert b"&lt;script&gt;alert(" in content


def test_results_page_query_count_is_the_same_for_few_and_many_responses(
    consultant, world, django_assert_max_num_queries
):
    small = small_survey(engagement=world.engagement)
    completed_responses(survey=small, count=5)
    big = template_survey(engagement=world.engagement)
    completed_responses(survey=big, count=80)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        consultant.get(reverse("surveys:results", kwargs={"pk": small.pk}))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = consultant.get(reverse("surveys:results", kwargs={"pk": big.pk}))
    assert response.status_code == 200


def test_list_and_invitation_pages_have_a_fixed_query_count(
    consultant, survey, world, django_assert_max_num_queries
):
    for number in range(30):
        services.invitations_create(
            survey=survey,
            people=[(f"Persoon {number}", f"p{number}@example.org")],
            base_url="http://x/",
            send=False,
        )
    small_survey(engagement=world.engagement)
    with django_assert_max_num_queries(12):
        consultant.get(reverse("surveys:invitations", kwargs={"pk": survey.pk}))
    with django_assert_max_num_queries(10):
        consultant.get(
            reverse("surveys:survey_list", kwargs={"engagement_pk": world.engagement.pk})
        )
    with django_assert_max_num_queries(12):
        consultant.get(reverse("surveys:survey_detail", kwargs={"pk": survey.pk}))


def test_marking_a_quote_with_htmx_returns_the_toggle(consultant, survey):
    completed_responses(survey=survey, count=5, text="Begin klein")
    answer = Answer.objects.filter(value="Begin klein").first()
    url = reverse("surveys:quote_toggle", kwargs={"pk": answer.pk})
    response = consultant.post(url, {"is_quote": "1"}, headers={"HX-Request": "true"})
    assert "Geen citaat meer" in response.content.decode()
    answer.refresh_from_db()
    assert answer.is_quote


def test_staff_see_results_read_only(client, world, survey):
    completed_responses(survey=survey, count=5)
    client.force_login(world.users["staff_a"])
    content = client.get(reverse("surveys:results", kwargs={"pk": survey.pk})).content.decode()
    assert "Markeren als citaat" not in content
    assert "Antwoorden (CSV)" not in content
    assert "Rapport (PDF)" in content


def test_csv_export_has_one_row_per_response_and_neutralises_formulas(consultant, survey):
    completed_responses(survey=survey, count=5, text="=HYPERLINK(1)")
    response = consultant.get(reverse("surveys:results_csv", kwargs={"pk": survey.pk}))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "1. Data helpt mij bij besluiten."
    assert len(rows) == 6
    assert "'=HYPERLINK(1)" in rows[1]


def test_xlsx_export_has_a_header_and_one_row_per_response(consultant, survey):
    completed_responses(survey=survey, count=5)
    response = consultant.get(reverse("surveys:results_xlsx", kwargs={"pk": survey.pk}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "1. Data helpt mij bij besluiten."
    assert len(rows) == 6 and rows[1][0] == "4 – Eens"


def test_pdf_report_has_the_questions_and_applies_the_small_group_rule(consultant, survey):
    completed_responses(survey=survey, count=5)
    services.question_create(
        page=survey.pages.first(), kind="scale", text="Nieuwe vraag zonder antwoorden"
    )
    response = consultant.get(reverse("surveys:results_pdf", kwargs={"pk": survey.pk}))
    assert response.content[:5] == b"%PDF-"
    text = " ".join(pdf_text(response.content).split())
    assert "Data helpt mij bij besluiten." in text
    assert "Verborgen om de anonimiteit te beschermen: 0 mensen" in text


def test_the_stage_card_shows_the_survey_progress(consultant, survey, world):
    _invitation(survey)
    completed_responses(survey=survey, count=1)
    page = consultant.get(world.engagement.get_absolute_url()).content.decode()
    assert "1 van de 1 genodigden hebben geantwoord." in page
