"""The workshop's pages: joining, voting from a phone, the facilitator's controls, exports."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.pdf_text import pdf_text
from tests.workshops.factories import SessionFactory, item_of, join, statement_of
from workshops import access, services
from workshops.models import Ambassador, Example, Participant, Vote

pytestmark = pytest.mark.django_db


def _phone(session, name="", department=""):
    """A phone that joined through the join page, holding its cookie."""
    phone = Client()
    response = phone.post(
        reverse("workshops:join_session", kwargs={"code": session.join_code}),
        {"name": name, "department": department},
    )
    assert response.status_code == 302
    return phone


def _act(phone, session, name, data):
    """A phone's action as live.js sends it: fetch, JSON answer."""
    response = phone.post(
        reverse(f"workshops:{name}", kwargs={"code": session.join_code}),
        data,
        HTTP_ACCEPT="application/json",
    )
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def _control(client, session, action, **data):
    return client.post(
        reverse("workshops:control", kwargs={"pk": session.pk}), {"action": action, **data}
    )


def test_join_by_code_is_case_insensitive_and_leads_to_the_session(client, session):
    response = client.post(reverse("workshops:join"), {"code": session.join_code.lower()})
    assert response["Location"] == reverse(
        "workshops:join_session", kwargs={"code": session.join_code}
    )


def test_a_wrong_join_code_gets_a_dutch_message_and_guessing_is_limited(client, session):
    client.get(reverse("workshops:join"))  # the join page issues the client cookie
    assert access.CLIENT_COOKIE in client.cookies
    for _attempt in range(access.JOIN_ATTEMPTS_PER_CLIENT):
        response = client.post(reverse("workshops:join"), {"code": "QQQQQQ"})
        assert response.status_code == 200
        assert "Geen sessie met deze code" in response.content.decode()
    response = client.post(reverse("workshops:join"), {"code": "QQQQQQ"})
    assert response.status_code == 429
    assert "Te veel verkeerde codes" in response.content.decode()
    # A valid code is never refused, not even to the guesser.
    response = client.post(reverse("workshops:join"), {"code": session.join_code})
    assert response.status_code == 302
    # Another phone in the same room (same address) is not blocked.
    other = Client()
    response = other.post(reverse("workshops:join"), {"code": session.join_code})
    assert response.status_code == 302


def test_participants_are_told_apart_by_their_cookie_not_their_address(session):
    first, second = _phone(session), _phone(session, name="Ans")
    assert Participant.objects.filter(session=session).count() == 2
    cookie = access.PARTICIPANT_COOKIE.format(session_id=session.pk)
    assert first.cookies[cookie].value != second.cookies[cookie].value
    assert first.cookies[cookie]["httponly"]


def test_a_participant_who_joined_goes_straight_to_the_session(session):
    phone = _phone(session)
    response = phone.get(reverse("workshops:join_session", kwargs={"code": session.join_code}))
    assert response["Location"] == reverse(
        "workshops:participant", kwargs={"code": session.join_code}
    )


def test_phone_votes_changes_its_vote_and_sees_it_counted(consultant, session):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    phone = _phone(session)
    url = reverse("workshops:vote", kwargs={"code": session.join_code})
    phone.post(url, {"item": statement.pk, "value": 2})
    response = phone.post(url, {"item": statement.pk, "value": 5}, follow=True)
    assert "Uw stem is geteld" in response.content.decode()
    assert list(Vote.objects.values_list("value", flat=True)) == [5]


@pytest.mark.parametrize("value", ["", "0", "6", "abc"])
def test_a_vote_without_a_valid_answer_is_a_dutch_error_not_a_500(session, value):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    phone = _phone(session)
    status, answer = _act(phone, session, "vote", {"item": statement.pk, "value": value})
    assert status == 400 and answer["ok"] is False
    assert "Kies een van de vijf antwoorden" in answer["message"]
    assert not Vote.objects.exists()


def test_a_vote_by_fetch_is_answered_counted_in_json_with_the_sequence(
    session, django_capture_on_commit_callbacks
):
    # Going to the statement and opening the vote push the screens (after commit), so the
    # session has a pushed sequence that the vote's answer refers to.
    with django_capture_on_commit_callbacks(execute=True):
        statement = _open_statement_for(session)
    phone = _phone(session)
    status, answer = _act(phone, session, "vote", {"item": statement.pk, "value": 4})
    assert status == 200 and answer["ok"] is True
    assert answer["message"].startswith("Uw stem is geteld")
    assert answer["own"] == {f"vote-{statement.pk}-1": "4"}
    assert isinstance(answer["seq"], int) and answer["seq"] > 0
    assert Vote.objects.get().value == 4
    # The phone's own state, fetched on (re)connect, says the same.
    own = phone.get(reverse("workshops:own_answers", kwargs={"code": session.join_code})).json()
    assert own["own"] == {f"vote-{statement.pk}-1": "4"}


def test_a_vote_before_opening_is_refused_as_not_open_yet(session):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    phone = _phone(session)
    status, answer = _act(phone, session, "vote", {"item": statement.pk, "value": 3})
    assert status == 409 and answer["message"] == "Het stemmen is nog niet geopend."
    assert not Vote.objects.exists()


def test_a_vote_after_closing_is_refused_with_a_message(session):
    statement = _open_statement_for(session)
    services.voting_close(item=statement)
    phone = _phone(session)
    status, answer = _act(phone, session, "vote", {"item": statement.pk, "value": 3})
    assert status == 409 and answer["ok"] is False
    assert "Stemmen is gesloten" in answer["message"]
    assert not Vote.objects.exists()
    # Without JavaScript the same refusal comes back on the page.
    response = phone.post(
        reverse("workshops:vote", kwargs={"code": session.join_code}),
        {"item": statement.pk, "value": 3},
        follow=True,
    )
    assert "Stemmen is gesloten" in response.content.decode()


def test_ambassador_without_a_name_is_told_so(session):
    services.session_go(session=session, item=item_of(session, "ambassadors"))
    phone = _phone(session)
    status, answer = _act(phone, session, "ambassador", {"name": "", "department": "Burgerzaken"})
    assert status == 400 and "Vul uw naam in" in answer["message"]
    status, answer = _act(
        phone, session, "ambassador", {"name": "Karin", "department": "Burgerzaken"}
    )
    assert status == 200 and answer["own"] == {
        "ambassador": {"name": "Karin", "department": "Burgerzaken"}
    }
    assert Ambassador.objects.get().name == "Karin"


def test_relevance_and_endorsement_from_a_phone(session):
    example = item_of(session, "example")
    services.session_go(session=session, item=example)
    phone = _phone(session)
    status, _answer = _act(phone, session, "mark", {"item": example.pk, "relevant": "on"})
    assert status == 200 and example.marks.count() == 1
    statement = services.vision_statement_add(session=session, text="Feiten eerst.")
    # Endorsing is for the vision item only, as voting is for the current statement.
    status, _answer = _act(
        phone, session, "endorse", {"statement": statement.pk, "choice": "reservations"}
    )
    assert status == 409 and not statement.endorsements.exists()
    services.session_go(session=session, item=item_of(session, "vision"))
    status, _answer = _act(
        phone, session, "endorse", {"statement": statement.pk, "choice": "reservations"}
    )
    assert status == 200
    assert statement.endorsements.get().choice == "reservations"


def test_endorsing_a_statement_the_facilitator_just_deleted_is_a_message_not_a_500(session):
    services.session_go(session=session, item=item_of(session, "vision"))
    statement = services.vision_statement_add(session=session, text="Feiten eerst.")
    phone = _phone(session)
    statement_pk = statement.pk
    services.vision_statement_delete(statement=statement)
    status, answer = _act(phone, session, "endorse", {"statement": statement_pk, "choice": "agree"})
    assert status == 409 and "zojuist verwijderd" in answer["message"]


@pytest.mark.parametrize("name", ["vote", "mark", "endorse", "ambassador"])
def test_participant_actions_are_refused_on_an_item_that_is_not_current_or_a_finished_session(
    session, name
):
    statement = _open_statement_for(session)
    example = item_of(session, "example")
    vision_statement = services.vision_statement_add(session=session, text="Feiten eerst.")
    data = {
        "vote": {"item": statement.pk, "value": 3},
        "mark": {"item": example.pk, "relevant": "on"},
        "endorse": {"statement": vision_statement.pk, "choice": "agree"},
        "ambassador": {"name": "Karin", "department": ""},
    }[name]
    phone = _phone(session)
    if name == "vote":
        services.session_go(session=session, item=example)  # the statement is no longer current
    status, answer = _act(phone, session, name, data)
    assert status == 409 and answer["ok"] is False
    current = {
        "vote": statement,
        "mark": example,
        "endorse": item_of(session, "vision"),
        "ambassador": item_of(session, "ambassadors"),
    }[name]
    services.session_go(session=session, item=current)
    if name == "vote":
        services.voting_open(item=statement)
    services.session_finish(session=session)
    status, answer = _act(phone, session, name, data)
    assert status == 409 and answer["ok"] is False
    assert not Vote.objects.exists() and not Ambassador.objects.exists()


def test_facilitator_runs_a_statement_through_its_controls(consultant, session):
    statement = statement_of(session)
    _control(consultant, session, f"goto:{statement.pk}")
    _control(consultant, session, "open")
    statement.refresh_from_db()
    assert statement.voting_open
    _control(consultant, session, "reveal", notes="Verdeelde zaal.")
    statement.refresh_from_db()
    assert statement.results_revealed and statement.notes == "Verdeelde zaal."
    _control(consultant, session, "next", notes="Verdeelde zaal, tweede ronde gewenst.")
    statement.refresh_from_db()
    assert statement.notes == "Verdeelde zaal, tweede ronde gewenst." and not statement.voting_open


def test_facilitator_errors_are_dutch_and_keep_the_notes(consultant, session):
    services.session_go(session=session, item=statement_of(session))
    response = _control(consultant, session, "timer_start", minutes="500", notes="Niet kwijt")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Niet kwijt" in body
    response = _control(consultant, session, "unknown", notes="x")
    assert response.status_code == 400


def test_facilitator_drafts_and_adopts_the_vision_with_priorities(consultant, session):
    services.session_go(session=session, item=item_of(session, "vision"))
    _control(consultant, session, "vision_add", vision_text="Samen met de regio.", dimension_key="")
    _control(consultant, session, "priorities", priority_1="quality", priority_2="use")
    _control(consultant, session, "adopt")
    session.refresh_from_db()
    assert session.vision_adopted_at is not None
    assert session.priorities == ["quality", "use"]
    assert session.vision_statements.get().text == "Samen met de regio."


def test_status_endpoint_serves_the_live_state_for_polling(client, session):
    join(session)
    response = client.get(reverse("workshops:live_state", kwargs={"code": session.join_code}))
    assert response.json()["participants"] == 1
    assert response["Cache-Control"].startswith("max-age=0")


def _finished_session(session):
    statement = statement_of(session)
    services.voting_open(item=statement)
    people = [join(session)[0] for _ in range(4)]
    for person, value in zip(people, [1, 2, 4, 5], strict=True):
        services.vote_cast(item=statement, participant=person, value=value)
    services.vote_round_start(item=statement)
    for person in people:
        services.vote_cast(item=statement, participant=person, value=4)
    services.notes_update(item=statement, notes="Na discussie meer eensgezind.")
    vision = services.vision_statement_add(session=session, text="Feiten eerst.")
    services.vision_endorse(statement=vision, participant=people[0], choice="agree")
    services.vision_adopt(session=session)
    services.ambassador_volunteer(participant=people[0], name="Henk de Wit")
    services.session_finish(session=session)
    return statement


def test_staff_downloads_votes_per_statement_and_round_as_csv_and_xlsx(world, session):
    statement = _finished_session(session)
    staff = Client()
    staff.force_login(world.users["staff_a"])
    response = staff.get(reverse("workshops:votes_csv", kwargs={"pk": session.pk}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Stelling", "Ronde"]
    assert rows[1][:8] == [statement.title, "1", "1", "1", "0", "1", "1", "4"]
    assert rows[2][:8] == [statement.title, "2", "0", "0", "0", "4", "0", "4"]
    response = staff.get(reverse("workshops:votes_xlsx", kwargs={"pk": session.pk}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][:3] == [statement.title, 1, 1]


def test_report_pdf_holds_statements_rounds_notes_vision_and_ambassadors(world, session):
    statement = _finished_session(session)
    staff = Client()
    staff.force_login(world.users["staff_a"])
    response = staff.get(reverse("workshops:report_pdf", kwargs={"pk": session.pk}))
    assert response.content.startswith(b"%PDF-")
    text = " ".join(pdf_text(response.content).split())
    for expected in (statement.title[:30], "Na discussie meer eensgezind", "Feiten eerst",
                     "Henk de Wit", "Stellingen", "Visie", "Ambassadeurs"):  # fmt: skip
        assert expected in text


def test_markdown_slides_are_sanitised(consultant, session):
    slide = item_of(session, "slide")
    services.item_update(
        item=slide, title="Test", body="**vet** <script>alert(1)</script> [x](javascript:alert(1))"
    )
    services.session_go(session=session, item=slide)
    body = consultant.get(reverse("workshops:projector", kwargs={"pk": session.pk})).content
    assert b"<strong>vet</strong>" in body
    assert b"<script>alert" not in body and b"javascript:" not in body


def test_projector_shows_join_qr_code_and_hides_results_until_revealed(consultant, session):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    join(session)
    body = consultant.get(reverse("workshops:projector", kwargs={"pk": session.pk})).content
    assert b"<svg" in body and session.join_code.encode() in body
    assert b"chart-statement" not in body
    services.results_reveal(item=statement)
    body = consultant.get(reverse("workshops:projector", kwargs={"pk": session.pk})).content
    assert b"chart-statement" in body


def test_survey_slide_shows_an_empty_state_without_survey_results(consultant, session):
    services.session_go(session=session, item=item_of(session, "survey"))
    body = consultant.get(reverse("workshops:projector", kwargs={"pk": session.pk})).content
    assert "enquête".encode() in body.lower()


PAGES = ["facilitator", "projector", "projector_fragment", "facilitator_fragment"]


@pytest.mark.parametrize("name", PAGES)
def test_live_pages_take_the_same_queries_with_more_votes(
    consultant, session, name, django_assert_max_num_queries
):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    services.results_reveal(item=statement)
    url = reverse(f"workshops:{name}", kwargs={"pk": session.pk})
    services.vote_cast(item=statement, participant=join(session)[0], value=3)
    with django_assert_max_num_queries(40) as few:
        consultant.get(url)
    for value in (1, 2, 4, 5, 5, 4, 1, 2):
        services.vote_cast(item=statement, participant=join(session)[0], value=value)
    with django_assert_max_num_queries(len(few.captured_queries)):
        consultant.get(url)


@pytest.mark.parametrize("name", ["session_list", "session_detail", "gallery"])
def test_lists_take_the_same_queries_with_more_data(
    consultant, world, session, name, django_assert_max_num_queries
):
    kwargs = (
        {"engagement_pk": world.engagement.pk} if name == "session_list" else {"pk": session.pk}
    )
    url = reverse(f"workshops:{name}", kwargs=kwargs)
    with django_assert_max_num_queries(40) as few:
        assert consultant.get(url).status_code == 200
    for _ in range(3):
        _finished_session(SessionFactory(engagement=world.engagement))
    _finished_session(session)
    with django_assert_max_num_queries(len(few.captured_queries)):
        consultant.get(url)


def test_participant_page_takes_the_same_queries_with_more_participants(
    session, django_assert_max_num_queries
):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    phone = _phone(session)
    url = reverse("workshops:participant", kwargs={"code": session.join_code})
    with django_assert_max_num_queries(20) as few:
        phone.get(url)
    for _ in range(10):
        services.vote_cast(item=statement, participant=join(session)[0], value=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        phone.get(url)


def test_engagement_page_shows_the_sessions_stage_and_its_links(world, consultant, session):
    url = reverse("engagements:engagement_detail", kwargs={"pk": world.engagement.pk})
    body = consultant.get(url).content.decode()
    assert "Sessie leiden" in body and "is voorbereid voor" in body
    _finished_session(session)
    staff = Client()
    staff.force_login(world.users["staff_a"])
    body = staff.get(url).content.decode()
    assert "Sessieverslag (PDF)" in body and "met 4 deelnemers" in body
    assert "Sessie leiden" not in body


def test_consultant_adds_an_own_product_with_a_sample_chart(consultant, world):
    url = reverse("workshops:own_product_create", kwargs={"engagement_pk": world.engagement.pk})
    data = {
        "title": "Meldingenkaart Rucphen",
        "task": "public_space",
        "complexity": "simple",
        "summary": "Onze kaart met meldingen per kern.",
        "chart_title": "Meldingen per kern",
        "chart_data": "Rucphen;120\nSt. Willebrord; 95,5\n\n",
    }
    response = consultant.post(url, {**data, "chart_data": "Rucphen;veel"})
    assert response.status_code == 200
    assert "Regel 1 is geen label met een getal" in response.content.decode()
    assert 'value="Meldingenkaart Rucphen"' in response.content.decode()
    assert consultant.post(url, data).status_code == 302
    example = Example.objects.get(engagement=world.engagement)
    assert example.sample_chart["values"] == [120.0, 95.5]
    assert example.sample_chart["labels"] == ["Rucphen", "St. Willebrord"]


def test_guessing_codes_in_the_address_is_limited_too(client, session):
    client.get(reverse("workshops:join"))
    for _attempt in range(access.JOIN_ATTEMPTS_PER_CLIENT):
        url = reverse("workshops:live_state", kwargs={"code": "QQQQQQ"})
        assert client.get(url).status_code == 404
    url = reverse("workshops:live_state", kwargs={"code": "QQQQQR"})
    assert client.get(url).status_code == 403
    url = reverse("workshops:join_session", kwargs={"code": session.join_code})
    assert client.get(url).status_code == 200  # a valid code is never refused


def test_phones_keep_voting_when_the_cache_is_down(session, monkeypatch):
    """Redis away: the join-code limit cannot be checked, so it lets everyone through."""
    from django.core.cache import cache

    statement = _open_statement_for(session)
    phone = _phone(session)

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get_many", "add", "incr", "set"):
        monkeypatch.setattr(cache, name, broken)
    response = phone.post(
        reverse("workshops:vote", kwargs={"code": session.join_code}),
        {"item": statement.pk, "value": 4},
    )
    assert response.status_code == 302
    assert Vote.objects.filter(item=statement).count() == 1
    assert (
        Client().get(reverse("workshops:live_state", kwargs={"code": "QQQQQQ"})).status_code == 404
    )


def _open_statement_for(session):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    return statement


def test_a_guesser_at_the_rooms_address_never_stops_the_room_from_joining_and_voting(session):
    """100 wrong codes from the projector's address (the room shares it behind the proxy)
    do not stop 30 phones behind that same address from joining and voting."""
    statement = _open_statement_for(session)
    projector = Client(REMOTE_ADDR="10.0.0.1")
    for _attempt in range(100):
        projector.post(reverse("workshops:join"), {"code": "QQQQQQ"})
    assert projector.post(reverse("workshops:join"), {"code": "QQQQQQ"}).status_code == 429
    for index in range(30):
        phone = Client(REMOTE_ADDR="10.0.0.1")
        response = phone.post(reverse("workshops:join"), {"code": session.join_code})
        assert response.status_code == 302
        response = phone.post(
            reverse("workshops:join_session", kwargs={"code": session.join_code}), {"name": ""}
        )
        assert response.status_code == 302
        status, answer = _act(
            phone, session, "vote", {"item": statement.pk, "value": 1 + index % 5}
        )
        assert status == 200 and answer["ok"], answer
    assert Vote.objects.filter(item=statement).count() == 30
