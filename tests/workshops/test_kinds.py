"""The interactive kinds: open question with a word cloud, ideas with upvotes, ranking of the
dimensions (feeding the roadmap's priorities), a multiple-choice poll, vision statements
prepared and reworded, the exports, the report and gallery pictures."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from PIL import Image

from tests.pdf_text import pdf_text
from tests.workshops.factories import item_of, join
from workshops import live, selectors, services
from workshops.models import Contribution, ItemKind, PollVote, RankingBallot, Upvote
from workshops.tallies import word_cloud, words_of

pytestmark = pytest.mark.django_db


def _phone(session, name=""):
    phone = Client()
    response = phone.post(
        reverse("workshops:join_session", kwargs={"code": session.join_code}), {"name": name}
    )
    assert response.status_code == 302
    return phone


def _open(session, kind):
    item = item_of(session, kind)
    services.session_go(session=session, item=item)
    services.voting_open(item=item)
    item.refresh_from_db()
    return item


def _post_json(phone, session, name, data):
    return phone.post(
        reverse(f"workshops:{name}", kwargs={"code": session.join_code}),
        data,
        HTTP_ACCEPT="application/json",
    )


# --- The default agenda ------------------------------------------------------------------


def test_the_default_agenda_has_every_interactive_kind(session):
    kinds = set(session.items.values_list("kind", flat=True))
    assert {ItemKind.QUESTION, ItemKind.IDEAS, ItemKind.RANKING, ItemKind.POLL} <= kinds
    poll = item_of(session, ItemKind.POLL)
    assert len(poll.options) == 4


# --- Word cloud ----------------------------------------------------------------------------


def test_word_cloud_leaves_out_dutch_stop_words_and_counts_a_word_once_per_answer():
    assert words_of("Het gaat om de feiten en de feiten!") == ["feiten", "feiten"]
    cloud = word_cloud(["Feiten, feiten", "betere besluiten op feiten", "Besluiten"])
    counts = {entry.word: entry.count for entry in cloud}
    assert counts == {"feiten": 2, "besluiten": 2, "betere": 1}
    sizes = {entry.word: entry.size for entry in cloud}
    assert sizes["feiten"] > sizes["betere"]


def test_open_question_answers_form_the_cloud_and_a_hidden_answer_leaves_it(session):
    item = _open(session, ItemKind.QUESTION)
    person, _token = join(session)
    other, _token = join(session)
    services.contribution_add(item=item, participant=person, text="  Dashboards  ")
    services.contribution_add(item=item, participant=other, text="dashboards en sturing")
    rude = services.contribution_add(item=item, participant=other, text="onzin")
    words = {entry.word for entry in selectors.kind_screen(item=item)["cloud"]}
    assert words == {"dashboards", "sturing", "onzin"}
    services.contribution_hide(contribution=rude, hidden=True)
    screen = selectors.kind_screen(item=item)
    assert {entry.word for entry in screen["cloud"]} == {"dashboards", "sturing"}
    assert screen["total"] == 2
    assert selectors.kind_responses(item=item) == 2  # participants who answered


def test_an_answer_is_refused_when_closed_not_current_empty_twice_or_too_many(session):
    item = item_of(session, ItemKind.QUESTION)
    person, _token = join(session)
    with pytest.raises(ValidationError, match="niet meer op het scherm"):
        services.contribution_add(item=item, participant=person, text="data")
    services.session_go(session=session, item=item)
    with pytest.raises(ValidationError):
        services.contribution_add(item=item, participant=person, text="data")  # not open
    services.voting_open(item=item)
    with pytest.raises(ValidationError):
        services.contribution_add(item=item, participant=person, text="   ")
    services.contribution_add(item=item, participant=person, text="data")
    with pytest.raises(ValidationError):
        services.contribution_add(item=item, participant=person, text="DATA")
    services.contribution_add(item=item, participant=person, text="twee")
    services.contribution_add(item=item, participant=person, text="drie")
    with pytest.raises(ValidationError):
        services.contribution_add(item=item, participant=person, text="vier")
    assert Contribution.objects.filter(item=item).count() == 3


def test_a_phone_sends_an_answer_by_fetch_and_gets_json_with_a_dutch_message(session):
    item = _open(session, ItemKind.QUESTION)
    phone = _phone(session)
    response = _post_json(phone, session, "contribute", {"item": item.pk, "text": "feiten"})
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["message"] == "Uw antwoord is verstuurd."
    assert body["seq"] == live.last_seq(session.pk)  # the protocol's push sequence
    # The phone marks its own answer.
    assert body["own"] == {
        f"kind-{item.pk}": {"item": item.pk, "kind": "question", "contributions": ["feiten"]}
    }
    services.voting_close(item=item)
    refused = _post_json(phone, session, "contribute", {"item": item.pk, "text": "meer"})
    assert refused.status_code == 409
    assert refused.json()["ok"] is False
    empty = _post_json(phone, session, "contribute", {"item": item.pk, "text": ""})
    assert empty.status_code == 400
    stranger = _post_json(Client(), session, "contribute", {"item": item.pk, "text": "x"})
    assert stranger.status_code == 403
    own = phone.get(reverse("workshops:own_answers", kwargs={"code": session.join_code}))
    assert own.json()["own"][f"kind-{item.pk}"]["contributions"] == ["feiten"]


def test_without_javascript_an_answer_posts_and_comes_back_with_a_message(session):
    item = _open(session, ItemKind.QUESTION)
    phone = _phone(session)
    response = phone.post(
        reverse("workshops:contribute", kwargs={"code": session.join_code}),
        {"item": item.pk, "text": "feiten"},
        follow=True,
    )
    assert "Uw antwoord is verstuurd." in response.content.decode()


def test_the_facilitator_hides_an_answer_and_the_projector_no_longer_shows_it(consultant, session):
    item = _open(session, ItemKind.QUESTION)
    services.results_reveal(item=item)
    person, _token = join(session)
    answer = services.contribution_add(item=item, participant=person, text="scheldwoord")
    projector = reverse("workshops:projector_fragment", kwargs={"pk": session.pk})
    assert "scheldwoord" in consultant.get(projector).content.decode()
    response = consultant.post(
        reverse(
            "workshops:contribution_hide",
            kwargs={"pk": session.pk, "contribution_pk": answer.pk},
        ),
        {"hidden": "1", "notes": "getypt tijdens het verbergen"},
    )
    assert response.status_code == 302
    assert "scheldwoord" not in consultant.get(projector).content.decode()
    item.refresh_from_db()
    assert item.notes == "getypt tijdens het verbergen"


# --- Ideas ---------------------------------------------------------------------------------


def test_ideas_are_upvoted_once_per_participant_and_ranked_by_votes(session):
    item = _open(session, ItemKind.IDEAS)
    alice, _token = join(session)
    bob, _token = join(session)
    first = services.contribution_add(item=item, participant=alice, text="Wachttijden Wmo")
    second = services.contribution_add(item=item, participant=bob, text="Meldingen per wijk")
    assert services.upvote_toggle(contribution=second, participant=alice) is True
    assert services.upvote_toggle(contribution=second, participant=bob) is True
    assert services.upvote_toggle(contribution=second, participant=bob) is False  # undone
    services.upvote_toggle(contribution=second, participant=bob)
    with pytest.raises(IntegrityError), transaction.atomic():
        Upvote.objects.create(contribution=second, participant=bob)
    ranked = selectors.ideas_ranked(item=item)
    assert [(idea.text, idea.votes) for idea in ranked] == [
        ("Meldingen per wijk", 2),
        ("Wachttijden Wmo", 0),
    ]
    services.contribution_hide(contribution=first, hidden=True)
    with pytest.raises(ValidationError):
        services.upvote_toggle(contribution=first, participant=bob)
    own = selectors.participant_kind_state(participant=alice, item=item)
    assert own["upvoted"] == [second.pk]


# --- Poll ----------------------------------------------------------------------------------


def test_a_poll_counts_one_choice_per_participant_and_refuses_unknown_options(session):
    item = _open(session, ItemKind.POLL)
    alice, _token = join(session)
    bob, _token = join(session)
    services.poll_vote_cast(item=item, participant=alice, option=0)
    services.poll_vote_cast(item=item, participant=alice, option=2)  # changes her choice
    services.poll_vote_cast(item=item, participant=bob, option=2)
    with pytest.raises(ValidationError):
        services.poll_vote_cast(item=item, participant=bob, option=len(item.options))
    rows = selectors.poll_result(item=item)
    assert [row["count"] for row in rows] == [0, 0, 2, 0]
    assert rows[2]["percent"] == 100
    assert PollVote.objects.count() == 2


def test_a_poll_needs_two_to_eight_distinct_options(session):
    with pytest.raises(ValidationError):
        services.item_create(session=session, kind=ItemKind.POLL, title="Eén", options=["Ja"])
    with pytest.raises(ValidationError):
        services.item_create(
            session=session, kind=ItemKind.POLL, title="Dubbel", options=["Ja", "ja"]
        )
    poll = services.item_create(
        session=session, kind=ItemKind.POLL, title="Goed", options=[" Ja ", "", "Nee"]
    )
    assert poll.options == ["Ja", "Nee"]


def test_the_item_form_adds_a_poll_with_options_one_per_line(consultant, session):
    response = consultant.post(
        reverse("workshops:item_create", kwargs={"pk": session.pk}),
        {"kind": "poll", "title": "Welke bron?", "options": "CBS\nEigen data\n\n"},
    )
    assert response.status_code == 302
    poll = session.items.get(title="Welke bron?")
    assert poll.options == ["CBS", "Eigen data"]
    refused = consultant.post(
        reverse("workshops:item_create", kwargs={"pk": session.pk}),
        {"kind": "poll", "title": "Zonder opties", "options": ""},
    )
    assert refused.status_code == 200
    assert "tussen 2 en 8" in refused.content.decode()


# --- Ranking -> priorities -> roadmap ------------------------------------------------------


def test_the_ranking_becomes_the_priorities_the_roadmap_reads(session):
    item = _open(session, ItemKind.RANKING)
    ballots = [
        ["quality", "governance", "strategy"],
        ["quality", "strategy"],
        ["governance", "quality", "use"],
    ]
    for order in ballots:
        person, _token = join(session)
        services.ranking_cast(item=item, participant=person, order=order)
    rows = selectors.ranking_result(item=item)
    assert [(row["key"], row["count"]) for row in rows[:3]] == [
        ("quality", 8),
        ("governance", 5),
        ("strategy", 3),
    ]
    services.voting_close(item=item)  # closing applies the room's top three
    session.refresh_from_db()
    assert session.priorities == ["quality", "governance", "strategy"]
    services.vision_statement_add(session=session, text="Wij sturen op feiten.")
    services.vision_adopt(session=session)
    summary = selectors.vision_for_roadmap(engagement=session.engagement)
    assert summary.priorities == ["quality", "governance", "strategy"]


def test_a_ranking_ballot_is_refused_with_unknown_or_repeated_dimensions(session):
    item = _open(session, ItemKind.RANKING)
    person, _token = join(session)
    for order in (
        [],
        ["nonsense"],
        ["quality", "quality"],
        ["quality", "use", "people", "strategy"],
    ):
        with pytest.raises(ValidationError):
            services.ranking_cast(item=item, participant=person, order=order)
    assert not RankingBallot.objects.exists()


def test_a_phone_ranks_with_three_selects(session):
    item = _open(session, ItemKind.RANKING)
    phone = _phone(session)
    response = _post_json(
        phone,
        session,
        "ranking",
        {"item": item.pk, "place_1": "use", "place_2": "quality", "place_3": ""},
    )
    assert response.status_code == 200, response.content
    repeated = _post_json(
        phone, session, "ranking", {"item": item.pk, "place_1": "use", "place_2": "use"}
    )
    assert repeated.status_code == 400
    own = phone.get(reverse("workshops:own_answers", kwargs={"code": session.join_code}))
    assert own.json()["own"][f"kind-{item.pk}"]["order"] == ["use", "quality"]


# --- Vision prepared and reworded ----------------------------------------------------------


def test_a_vision_statement_reworded_during_the_session_keeps_its_endorsements(consultant, session):
    vision = item_of(session, ItemKind.VISION)
    response = consultant.post(
        reverse("workshops:vision_prepare", kwargs={"pk": session.pk}),
        {"text": "Wij delen data met de regio.", "dimension_key": "governance"},
    )
    assert response["Location"].endswith(
        reverse("workshops:item_update", kwargs={"pk": session.pk, "item_pk": vision.pk})
    )
    statement = session.vision_statements.get()
    person, _token = join(session)
    services.vision_endorse(statement=statement, participant=person, choice="agree")
    response = consultant.post(
        reverse(
            "workshops:vision_statement_edit",
            kwargs={"pk": session.pk, "statement_pk": statement.pk},
        ),
        {
            f"vision_text_{statement.pk}": "Wij delen data met buurgemeenten.",
            f"vision_dimension_{statement.pk}": "governance",
        },
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "Wij delen data met buurgemeenten."
    assert statement.endorsements.count() == 1
    services.vision_adopt(session=session)
    with pytest.raises(ValidationError):
        services.vision_statement_update(statement=statement, text="Later nog anders")


def test_the_vision_item_page_lists_prepared_statements(consultant, session):
    vision = item_of(session, ItemKind.VISION)
    services.vision_statement_add(session=session, text="Data zijn van ons allemaal.")
    page = consultant.get(
        reverse("workshops:item_update", kwargs={"pk": session.pk, "item_pk": vision.pk})
    )
    assert "Data zijn van ons allemaal." in page.content.decode()


# --- Screens, exports and the report -------------------------------------------------------


def _answered_session(session):
    people = [join(session)[0] for _ in range(3)]
    question = _open(session, ItemKind.QUESTION)
    for person, text in zip(people, ["open data", "dashboards", "open data delen"], strict=True):
        services.contribution_add(item=question, participant=person, text=text)
    ideas = _open(session, ItemKind.IDEAS)
    idea = services.contribution_add(item=ideas, participant=people[0], text="Meldingenkaart")
    services.upvote_toggle(contribution=idea, participant=people[1])
    poll = _open(session, ItemKind.POLL)
    services.poll_vote_cast(item=poll, participant=people[0], option=1)
    ranking = _open(session, ItemKind.RANKING)
    services.ranking_cast(item=ranking, participant=people[0], order=["quality", "use"])
    services.voting_close(item=ranking)
    return people


def test_every_kind_renders_on_projector_phone_and_facilitator(consultant, session):
    _answered_session(session)
    phone = _phone(session)
    for kind in (ItemKind.QUESTION, ItemKind.IDEAS, ItemKind.POLL, ItemKind.RANKING):
        item = item_of(session, kind)
        services.session_go(session=session, item=item)
        services.results_reveal(item=item)
        projector = consultant.get(
            reverse("workshops:projector_fragment", kwargs={"pk": session.pk})
        )
        facilitator = consultant.get(reverse("workshops:facilitator", kwargs={"pk": session.pk}))
        participant = phone.get(
            reverse("workshops:participant_fragment", kwargs={"code": session.join_code})
        )
        for response in (projector, facilitator, participant):
            assert response.status_code == 200
            assert item.title in response.content.decode()
    ranking_projector = consultant.get(
        reverse("workshops:projector_fragment", kwargs={"pk": session.pk})
    ).content.decode()
    assert "Datakwaliteit" in ranking_projector


def test_phone_html_is_the_same_for_every_participant(session):
    _answered_session(session)
    item = item_of(session, ItemKind.IDEAS)
    services.session_go(session=session, item=item)
    services.voting_open(item=item)
    url = reverse("workshops:participant_fragment", kwargs={"code": session.join_code})
    first, second = _phone(session), _phone(session)
    strip = lambda html: "".join(  # noqa: E731 - the CSRF token is per browser
        line for line in html.splitlines() if "csrfmiddlewaretoken" not in line
    )
    assert strip(first.get(url).content.decode()) == strip(second.get(url).content.decode())


def test_staff_download_answers_ideas_polls_and_ranking_as_csv_and_xlsx(world, session):
    _answered_session(session)
    staff = Client()
    staff.force_login(world.users["staff_a"])
    response = staff.get(reverse("workshops:interactions_csv", kwargs={"pk": session.pk}))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Agendapunt", "Soort", "Antwoord, idee of optie"]
    texts = [row[2] for row in rows[1:]]
    assert "open data" in texts and "Meldingenkaart" in texts and "Datakwaliteit" in texts
    workbook = load_workbook(
        io.BytesIO(
            staff.get(reverse("workshops:interactions_xlsx", kwargs={"pk": session.pk})).content
        )
    )
    assert workbook.active.max_row == len(rows)


def test_the_session_report_has_a_section_per_interaction(session):
    _answered_session(session)
    from workshops.reports import session_report_pdf_bytes

    text = pdf_text(session_report_pdf_bytes(session=session))
    assert "Wat de zaal zei" in text
    assert "Meldingenkaart" in text
    assert "Datakwaliteit" in text
    assert "open" in text and "data" in text


# --- Survey results one question per step --------------------------------------------------


def test_survey_results_step_through_one_highlighted_question_per_next(session, monkeypatch):
    from types import SimpleNamespace

    import surveys.selectors

    fake = SimpleNamespace(charts=["a", "b"], quotes=["q"], response_rate=None)
    monkeypatch.setattr(surveys.selectors, "survey_highlights", lambda engagement: fake)
    survey = item_of(session, ItemKind.SURVEY)
    services.session_go(session=session, item=survey)
    for expected in (1, 2):
        services.session_step(session=session, forward=True)
        survey.refresh_from_db()
        session.refresh_from_db()
        assert (session.current_item_id, survey.step) == (survey.pk, expected)
    services.session_step(session=session, forward=True)  # past the quotes: next item
    session.refresh_from_db()
    assert session.current_item_id != survey.pk
    services.session_go(session=session, item=survey)
    survey.refresh_from_db()
    assert survey.step == 0  # coming back starts at the first question


# --- Gallery pictures ----------------------------------------------------------------------


def _image(kind="PNG", size=(3000, 2000)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f5f8b").save(buffer, format=kind)
    return buffer.getvalue()


def test_a_gallery_picture_is_resized_needs_alt_text_and_reaches_phone_and_projector(
    consultant, session, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = item_of(session, ItemKind.EXAMPLE)
    example = item.example
    url = reverse(
        "workshops:gallery_picture_set", kwargs={"pk": session.pk, "example_pk": example.pk}
    )
    upload = SimpleUploadedFile("kaart.png", _image(), content_type="image/png")
    consultant.post(url, {"picture": upload, "picture_alt": ""})
    example.refresh_from_db()
    assert not example.picture  # no alt text, no picture
    upload = SimpleUploadedFile("kaart.png", _image(), content_type="image/png")
    consultant.post(url, {"picture": upload, "picture_alt": "Kaart met meldingen per wijk"})
    example.refresh_from_db()
    with Image.open(example.picture.path) as stored:
        assert stored.size == (1500, 1000)
    fake = SimpleUploadedFile("echt.png", b"GIF89a not a picture", content_type="image/png")
    consultant.post(url, {"picture": fake, "picture_alt": "Iets"})
    example.refresh_from_db()
    assert example.picture_alt == "Kaart met meldingen per wijk"

    services.session_go(session=session, item=item)
    phone = _phone(session)
    fragment = phone.get(
        reverse("workshops:participant_fragment", kwargs={"code": session.join_code})
    ).content.decode()
    assert 'alt="Kaart met meldingen per wijk"' in fragment
    picture = phone.get(
        reverse("workshops:item_picture", kwargs={"code": session.join_code, "item_pk": item.pk})
    )
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    projector = consultant.get(
        reverse("workshops:projector_fragment", kwargs={"pk": session.pk})
    ).content.decode()
    assert 'alt="Kaart met meldingen per wijk"' in projector
    from workshops.reports import session_report_pdf_bytes

    assert "Kaart met meldingen per wijk" in pdf_text(session_report_pdf_bytes(session=session))


def test_the_database_refuses_a_picture_without_alt_text(session):
    from workshops.models import Example

    example = Example.objects.filter(engagement__isnull=True).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Example.objects.filter(pk=example.pk).update(picture="x.png", picture_alt="")


def test_poll_options_are_edited_but_an_option_someone_chose_cannot_go(consultant, session):
    poll = _open(session, ItemKind.POLL)
    person, _token = join(session)
    services.poll_vote_cast(item=poll, participant=person, option=3)
    url = reverse("workshops:item_update", kwargs={"pk": session.pk, "item_pk": poll.pk})
    page = consultant.get(url).content.decode()
    assert "Bijna altijd" in page  # the options are in the form, one per line
    refused = consultant.post(url, {"title": poll.title, "options": "Nooit\nSoms\nVaak"})
    assert refused.status_code == 200
    poll.refresh_from_db()
    assert len(poll.options) == 4
    saved = consultant.post(url, {"title": poll.title, "options": "Nooit\nSoms\nVaak\nAltijd"})
    assert saved.status_code == 302
    poll.refresh_from_db()
    assert poll.options == ["Nooit", "Soms", "Vaak", "Altijd"]


def test_the_facilitator_sees_which_survey_question_the_projector_shows(
    consultant, session, monkeypatch
):
    from types import SimpleNamespace

    import surveys.selectors
    from reporting.charts import Chart, ChartTable

    def chart(title):
        import plotly.graph_objects as go

        return Chart(key=title, title=title, figure=go.Figure(), table=ChartTable([], []))

    fake = SimpleNamespace(
        charts=[chart("Eerste vraag"), chart("Tweede vraag")],
        quotes=[],
        response_rate=SimpleNamespace(completed=5, started=5, invited=6),
        survey_title="Enquête",
    )
    monkeypatch.setattr(surveys.selectors, "survey_highlights", lambda engagement: fake)
    survey = item_of(session, ItemKind.SURVEY)
    services.session_go(session=session, item=survey)
    services.session_step(session=session, forward=True)
    page = consultant.get(reverse("workshops:facilitator", kwargs={"pk": session.pk}))
    assert "Op het scherm: 2 van 2" in page.content.decode()
    projector = consultant.get(reverse("workshops:projector_fragment", kwargs={"pk": session.pk}))
    html = projector.content.decode()
    assert "Tweede vraag" in html and "Eerste vraag" not in html


# --- Words that match the state -------------------------------------------------------------

# kind: (what the projector says before answering opened, after it opened and closed)
STATE_WORDS = {
    ItemKind.STATEMENT: ("Het stemmen is nog niet geopend.", "Stemmen is gesloten."),
    ItemKind.QUESTION: ("Antwoorden is nog niet geopend.", "Antwoorden is gesloten."),
    ItemKind.IDEAS: ("Antwoorden is nog niet geopend.", "Antwoorden is gesloten."),
    ItemKind.POLL: ("De peiling is nog niet geopend.", "De peiling is gesloten."),
    ItemKind.RANKING: ("Rangschikken is nog niet geopend.", "Rangschikken is gesloten."),
}


@pytest.mark.parametrize("kind", list(STATE_WORDS))
def test_opened_and_closed_without_answers_says_closed_not_not_open_yet(consultant, session, kind):
    """Nobody answered before the facilitator closed: every screen says it has closed."""
    not_yet, closed = STATE_WORDS[kind]
    phone = _phone(session)
    item = item_of(session, kind)
    services.session_go(session=session, item=item)

    def screens():
        projector = consultant.get(
            reverse("workshops:projector_fragment", kwargs={"pk": session.pk})
        ).content.decode()
        facilitator = consultant.get(
            reverse("workshops:facilitator", kwargs={"pk": session.pk})
        ).content.decode()
        participant = phone.get(
            reverse("workshops:participant_fragment", kwargs={"code": session.join_code})
        ).content.decode()
        return projector, facilitator, participant

    projector, facilitator, participant = screens()
    assert not_yet in projector and closed not in projector
    assert "nog niet geopend" in participant and "gesloten" not in participant
    services.voting_open(item=item)
    services.voting_close(item=item)
    projector, facilitator, participant = screens()
    assert closed in projector and not_yet not in projector
    assert "gesloten" in participant and "nog niet geopend" not in participant
    badge = "Stemmen gesloten" if kind == ItemKind.STATEMENT else "Antwoorden gesloten"
    assert badge in facilitator
    assert "nog niet open" not in facilitator and "nog niet geopend" not in facilitator


@pytest.mark.django_db(transaction=True)
def test_items_answered_before_the_migration_count_as_opened():
    from tests.links import migrate_with_a_raw_token
    from tests.workshops.factories import SessionFactory, statement_of

    session = SessionFactory()
    answered, untouched = statement_of(session, 0), statement_of(session, 1)
    services.session_go(session=session, item=answered)
    services.voting_open(item=answered)
    services.vote_cast(item=answered, participant=join(session)[0], value=4)
    services.voting_close(item=answered)
    migrate_with_a_raw_token("workshops", "0005_agendaitem_presenter_notes", lambda apps: None)
    answered.refresh_from_db()
    untouched.refresh_from_db()
    assert answered.answering_closed and answered.opened_at is not None
    assert untouched.opened_at is None and not untouched.answering_closed
