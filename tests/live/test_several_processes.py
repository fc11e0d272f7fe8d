"""Two server processes share PostgreSQL (or the SQLite file) and Redis.

A vote cast through one process reaches a projector connected to the other, and a
facilitator's command given on one reaches participants connected to the other: no
sticky sessions are needed behind a load balancer.
"""

import json
import time

from django.contrib.auth.hashers import make_password
from websockets.sync.client import connect

from tests.accounts.factories import PASSWORD
from tests.live.servers import Browserless, Server, manager_cookie, projector_socket


def _receive_until(websocket, predicate, timeout: float = 10) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = json.loads(websocket.recv(timeout=max(0.01, deadline - time.monotonic())))
        if predicate(message):
            return message
    raise AssertionError("the expected live update did not arrive")


def _socket(server: Server, code: str):
    return connect(
        f"{server.ws_url}/ws/sessie/{code}/", origin=server.url, proxy=None, open_timeout=10
    )


def test_a_vote_through_one_process_reaches_a_projector_on_the_other(live_session, redis_prefix):
    world, session, statement = live_session
    with Server(prefix=redis_prefix) as first, Server(prefix=redis_prefix) as second:
        cookie = manager_cookie(second, world.users["consultant_on"])
        with projector_socket(second, session.join_code, cookie) as projector:
            initial = _receive_until(projector, lambda state: "responses" in state)
            assert initial["responses"] == 0 and initial["item"] == statement.pk

            phone = Browserless(first.url)
            status, _headers, _body = phone.post_form(
                f"/sessie/doe-mee/{session.join_code}/", {"name": "", "department": ""}
            )
            assert status == 302
            status, headers, _body = phone.post_form(
                f"/sessie/live/{session.join_code}/stem/", {"item": statement.pk, "value": 4}
            )
            assert status == 302 and "#huidig" in headers["Location"]

            update = _receive_until(projector, lambda state: state.get("responses") == 1)
            assert update["item"] == statement.pk


def test_a_facilitator_command_on_one_process_reaches_phones_on_the_other(
    live_session, redis_prefix
):
    world, session, statement = live_session
    consultant = world.users["consultant_on"]
    # The server processes verify passwords with the production hasher.
    consultant.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    consultant.save(update_fields=["password"])
    with Server(prefix=redis_prefix) as first, Server(prefix=redis_prefix) as second:
        with _socket(first, session.join_code) as phone_socket:
            _receive_until(phone_socket, lambda state: state.get("item") == statement.pk)

            facilitator = Browserless(second.url)
            status, _h, _b = facilitator.post_form(
                "/account/inloggen/",
                {"username": world.users["consultant_on"].username, "password": PASSWORD},
            )
            assert status == 302
            status, _h, _b = facilitator.post_form(
                f"/sessie/{session.pk}/regie/actie/", {"action": "next"}
            )
            assert status == 302

            moved = _receive_until(phone_socket, lambda state: state.get("item") != statement.pk)
            assert moved["item"] is not None
            session.refresh_from_db()
            assert moved["item"] == session.current_item_id
