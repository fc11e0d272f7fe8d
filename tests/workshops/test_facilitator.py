"""The facilitator's page: controls answered in JSON for the page that never reloads, the
same controls without JavaScript, presenter notes, the next item and the projector's
thumbnail."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.workshops.factories import item_of, join, statement_of
from workshops import services
from workshops.models import SessionStatus

pytestmark = pytest.mark.django_db

# The fixtures session (with the default agenda) and consultant come from conftest.py.


def _fetch(client, session, action, **data):
    """A button as facilitator.js sends it: fetch, JSON answer."""
    response = client.post(
        reverse("workshops:control", kwargs={"pk": session.pk}),
        {"action": action, **data},
        HTTP_ACCEPT="application/json",
    )
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_a_button_by_fetch_is_answered_with_what_happened_in_dutch(consultant, session):
    statement = statement_of(session)
    status, answer = _fetch(consultant, session, f"goto:{statement.pk}")
    assert (status, answer) == (
        200,
        {"ok": True, "message": f"Nu op het scherm: {statement.title}"},
    )
    status, answer = _fetch(consultant, session, "open", notes="Eerste indruk.")
    assert (status, answer["message"]) == (200, "Stemmen is open.")
    statement.refresh_from_db()
    assert statement.voting_open and statement.notes == "Eerste indruk."


def test_a_refused_or_invalid_button_by_fetch_is_a_dutch_message_not_a_page(consultant, session):
    status, answer = _fetch(consultant, session, "reveal")
    assert status == 409 and answer == {
        "ok": False,
        "message": "Kies eerst een onderdeel van de agenda.",
    }
    status, answer = _fetch(consultant, session, "timer_start", minutes="500")
    assert status == 400 and answer["ok"] is False and "120" in answer["message"]
    status, answer = _fetch(consultant, session, "nonsense")
    assert status == 400 and answer["message"] == "Onbekende actie."


def test_without_javascript_a_button_posts_and_comes_back_with_the_message(consultant, session):
    statement = statement_of(session)
    response = consultant.post(
        reverse("workshops:control", kwargs={"pk": session.pk}),
        {"action": f"goto:{statement.pk}"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "workshops:facilitator", kwargs={"pk": session.pk}
    )
    assert f"Nu op het scherm: {statement.title}" in response.content.decode()


def test_notes_typed_for_an_item_stay_with_it_after_another_screen_moved_on(consultant, session):
    first, second = statement_of(session, 0), statement_of(session, 1)
    services.session_go(session=session, item=first)
    services.session_go(session=session, item=second)  # another laptop moved on
    _fetch(consultant, session, "save_notes", notes="Over de eerste.", notes_item=first.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.notes, second.notes) == ("Over de eerste.", "")


def test_presenter_notes_are_prepared_in_the_agenda_and_shown_only_to_the_facilitator(
    consultant, session
):
    statement = statement_of(session)
    after = statement_of(session, 1)
    response = consultant.post(
        reverse("workshops:item_update", kwargs={"pk": session.pk, "item_pk": statement.pk}),
        {"title": statement.title, "body": "", "presenter_notes": "Vraag: wie herkent dit?"},
    )
    assert response.status_code == 302
    services.item_update(
        item=after, title=after.title, presenter_notes="Daarna: de regio erbij halen."
    )
    services.session_go(session=session, item=statement)
    page = consultant.get(reverse("workshops:facilitator", kwargs={"pk": session.pk}))
    body = page.content.decode()
    assert "Vraag: wie herkent dit?" in body
    # The next item and its notes, so the facilitator sees what comes.
    assert after.title in body and "Daarna: de regio erbij halen." in body
    projector = consultant.get(reverse("workshops:projector", kwargs={"pk": session.pk}))
    assert "wie herkent dit" not in projector.content.decode()
    join(session)
    fragment = Client().get(
        reverse("workshops:participant_fragment", kwargs={"code": session.join_code})
    )
    assert "wie herkent dit" not in fragment.content.decode()


def test_the_agenda_editor_offers_presenter_notes(consultant, session):
    item = item_of(session, "vision")
    page = consultant.get(
        reverse("workshops:item_update", kwargs={"pk": session.pk, "item_pk": item.pk})
    )
    assert 'name="presenter_notes"' in page.content.decode()


def test_the_projector_may_be_framed_by_our_own_pages_only(consultant, session):
    """The facilitator page shows the projector small in a frame: same origin, nobody else."""
    page = consultant.get(reverse("workshops:facilitator", kwargs={"pk": session.pk}))
    projector_url = reverse("workshops:projector", kwargs={"pk": session.pk})
    assert f'<iframe src="{projector_url}"' in page.content.decode()
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    projector = consultant.get(projector_url)
    assert projector["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in projector["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in projector["Content-Security-Policy"]


def test_finishing_asks_for_confirmation_first(consultant, session):
    body = consultant.get(reverse("workshops:facilitator", kwargs={"pk": session.pk})).content
    text = body.decode()
    # The finishing button sits inside a closed disclosure that says what finishing does.
    start = text.index('<details class="finish-confirm">')
    assert text.index('value="finish"') > start
    assert text.index('value="finish"') < text.index("</details>", start)
    _fetch(consultant, session, "finish")
    session.refresh_from_db()
    assert session.status == SessionStatus.FINISHED
