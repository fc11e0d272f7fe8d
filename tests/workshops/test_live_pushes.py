"""What a push sends: a count is written into the screens, not rendered again with them.

A vote changes the count on the projector and the facilitator's screen; it changes nothing a
phone shows. Rendering a screen (charts, the QR code, the templates) is what costs, so a
screen is rendered again only when what it shows changed beyond the counts, and a screen that
follows the answers themselves (the facilitator's live chart) at most once per interval.
"""

import pytest

from tests.workshops.factories import SessionFactory, join, statement_of
from workshops import live, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    """The messages each publish sends, per role (no channel layer involved)."""
    messages: list[dict] = []
    monkeypatch.setattr(live, "_server_loop", None)
    monkeypatch.setattr(live, "_send", lambda session_id, batch: messages.append(dict(batch)))
    return messages


def _voting_room(participants: int = 3):
    session = SessionFactory()
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    people = [join(session)[0] for _ in range(participants)]
    return session, statement, people


def test_a_vote_sends_the_projector_its_count_without_a_new_render(sent):
    session, statement, people = _voting_room()
    for person in people[:2]:  # whether there are votes, one or more, is in the render
        services.vote_cast(item=statement, participant=person, value=4)
    live.publish(session.pk)
    services.vote_cast(item=statement, participant=people[2], value=2)
    sent.clear()

    live.publish(session.pk)

    (messages,) = sent
    assert "participant" not in messages  # a phone shows no counts: nothing to 300 phones
    projector = messages["projector"]
    assert projector["responses"] == 3 and "html" not in projector
    # The stored screen (for reconnects and polling) shows the new count all the same.
    cached = live.screen(session.pk, "projector")
    assert '<span data-state="responses">3</span>' in cached["html"]


def test_a_second_vote_sends_only_the_new_count_to_every_screen_that_shows_it(sent):
    session, statement, people = _voting_room()
    for person in people[:2]:
        services.vote_cast(item=statement, participant=person, value=4)
    live.publish(session.pk)
    services.vote_cast(item=statement, participant=people[2], value=2)
    sent.clear()

    live.publish(session.pk)

    (messages,) = sent
    assert set(messages) == {"projector", "facilitator"}
    assert messages["projector"]["responses"] == 3
    assert "html" not in messages["projector"]
    # The facilitator's chart follows the votes: rendered again (outside the pusher, at once).
    assert "html" in messages["facilitator"]


def test_the_pusher_renders_the_facilitator_again_only_when_its_interval_has_passed(
    sent, monkeypatch
):
    session, statement, people = _voting_room()
    for person in people[:2]:
        services.vote_cast(item=statement, participant=person, value=4)
    live.publish(session.pk)
    services.vote_cast(item=statement, participant=people[2], value=2)
    sent.clear()

    _entries, later = live._publish(session.pk, throttle=True)

    assert "html" not in sent[-1]["facilitator"] and sent[-1]["facilitator"]["responses"] == 3
    assert later is not None and 0 < later <= live.RENDER_INTERVAL["facilitator"]
    monkeypatch.setattr(live, "RENDER_INTERVAL", {"projector": 0.0, "facilitator": 0.0})

    _entries, later = live._publish(session.pk, throttle=True)

    assert later is None
    assert "html" in sent[-1]["facilitator"]


def test_what_a_phone_shows_changing_renders_every_screen(sent):
    session, statement, _people = _voting_room()
    live.publish(session.pk)
    sent.clear()

    services.voting_close(item=statement)
    live.publish(session.pk)

    (messages,) = sent
    assert set(messages) == {"participant", "projector", "facilitator"}
    assert all("html" in message for message in messages.values())


def test_a_count_that_changes_its_plural_renders_the_projector_again(sent):
    session, _statement, _people = _voting_room(participants=1)
    live.publish(session.pk)
    sent.clear()

    join(session)  # "1 participant" becomes "2 participants"
    live.publish(session.pk)

    assert "html" in sent[-1]["projector"]
