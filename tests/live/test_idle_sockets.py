"""Idle WebSockets stay open on Redis.

channels-redis waits for messages with a blocking read of 5 s; with redis-py's default
socket timeout of 5 s that read timed out and every idle socket was closed with 1011. A
room sits idle for minutes while the facilitator talks, so a phone's socket must live.
"""

import json
import time

from tests.live.servers import Browserless, Server, manager_cookie, projector_socket

IDLE_SECONDS = 30


def test_an_idle_socket_lives_30_seconds_and_then_still_gets_the_next_update(
    live_session, redis_prefix
):
    world, session, statement = live_session
    with Server(prefix=redis_prefix) as server:
        cookie = manager_cookie(server, world.users["consultant_on"])
        with projector_socket(server, session.join_code, cookie) as phone:
            first = json.loads(phone.recv(timeout=10))
            assert first["item"] == statement.pk
            deadline = time.monotonic() + IDLE_SECONDS
            while time.monotonic() < deadline:
                try:
                    message = phone.recv(timeout=deadline - time.monotonic())
                except TimeoutError:
                    break
                raise AssertionError(f"an idle socket got {message!r}")
            # Someone joins through the server: the idle socket hears of it.
            status, _headers, _body = Browserless(server.url).post_form(
                f"/sessie/doe-mee/{session.join_code}/", {"name": "", "department": ""}
            )
            assert status == 302
            deadline = time.monotonic() + 10
            while True:
                message = json.loads(phone.recv(timeout=max(0.01, deadline - time.monotonic())))
                if message.get("participants") == first["participants"] + 1:
                    break
    assert "Timeout reading" not in server.log()
