"""The session's WebSocket: state on connect, a push per vote, and the Origin check."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from rucphen_portal.asgi import application
from tests.workshops.factories import SessionFactory, join, statement_of
from workshops import services

pytestmark = pytest.mark.django_db(transaction=True)


def _communicator(code: str, origin: bytes = b"http://localhost"):
    return WebsocketCommunicator(
        application, f"/ws/sessie/{code}/", headers=[(b"origin", origin), (b"host", b"localhost")]
    )


def test_a_screen_gets_the_current_state_on_connect_and_after_every_vote():
    session = SessionFactory()
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    participant, _token = join(session)

    async def scenario():
        communicator = _communicator(session.join_code)
        connected, _subprotocol = await communicator.connect()
        assert connected
        first = await communicator.receive_json_from(timeout=5)
        assert first["item"] == statement.pk and first["responses"] == 0
        await communicator.disconnect()
        return first

    async_to_sync(scenario)()

    async def listen_while_voting():
        communicator = _communicator(session.join_code)
        await communicator.connect()
        await communicator.receive_json_from(timeout=5)
        from channels.db import database_sync_to_async

        await database_sync_to_async(services.vote_cast)(
            item=statement, participant=participant, value=4
        )
        # A phone shows no counts: a vote is no message to every phone in the room.
        assert await communicator.receive_nothing(timeout=1)
        await database_sync_to_async(services.voting_close)(item=statement)
        pushed = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return pushed

    pushed = async_to_sync(listen_while_voting)()
    # Closing the vote changes the phone's screen: the new render comes with it.
    assert pushed["voting_open"] is False and pushed["responses"] == 1
    assert f'data-item="{statement.pk}"' in pushed["html"] and "seq" in pushed


def test_a_foreign_origin_is_refused():
    session = SessionFactory()

    async def scenario():
        communicator = _communicator(session.join_code, origin=b"https://evil.example")
        connected, _code = await communicator.connect()
        await communicator.disconnect()
        return connected

    assert async_to_sync(scenario)() is False


def test_an_unknown_join_code_is_refused():
    async def scenario():
        communicator = _communicator("ZZZZZZ")
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    connected, code = async_to_sync(scenario)()
    assert connected is False and code == 4404


def test_guessing_join_codes_over_websockets_is_rate_limited(settings):
    """Wrong codes count against the join limit; then even a right code is refused."""
    from django.core.cache import cache

    from workshops.access import JOIN_ATTEMPTS_PER_CLIENT
    from workshops.consumers import _client

    limiter_keys = [
        "workshops:join:client:guesser",
        f"workshops:join:addr:{_client({'client': ['127.0.0.1', 0]}).META['REMOTE_ADDR']}",
    ]
    cache.delete_many(limiter_keys)
    session = SessionFactory()
    headers = [
        (b"origin", b"http://localhost"),
        (b"host", b"localhost"),
        (b"cookie", b"workshop_client=guesser"),
    ]

    async def attempt(code):
        communicator = WebsocketCommunicator(application, f"/ws/sessie/{code}/", headers=headers)
        connected, close_code = await communicator.connect()
        await communicator.disconnect()
        return connected, close_code

    results = [
        async_to_sync(attempt)(f"ZZZZ{index:02d}") for index in range(JOIN_ATTEMPTS_PER_CLIENT)
    ]
    assert all(result == (False, 4404) for result in results)
    assert async_to_sync(attempt)("ZZZZZZ") == (False, 4429)
    # A valid code is never refused: the room behind the same address keeps joining.
    assert async_to_sync(attempt)(session.join_code) == (True, None)
    cache.delete_many(limiter_keys)


def test_ping_gets_a_pong():
    session = SessionFactory()

    async def scenario():
        communicator = _communicator(session.join_code)
        await communicator.connect()
        await communicator.receive_json_from(timeout=5)
        await communicator.send_json_to({"type": "ping"})
        reply = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return reply

    assert async_to_sync(scenario)() == {"type": "pong"}
