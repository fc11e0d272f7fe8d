"""Faults during a live session: a crashed server, Redis going away, a lost connection."""

import json
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.live.servers import Browserless, RedisServer, Server, manager_cookie, projector_socket

PARTICIPANTS = 200


def _participants(session, count):
    from workshops import services

    return [services.participant_join(session=session)[1] for _ in range(count)]


class Voter:
    """One phone: opens the session page, votes, and after a failure tries again."""

    def __init__(self, server, session, statement, token, on_acknowledged=None):
        from workshops.services import token_hash

        self.client = Browserless(server.url)
        self.client.set_cookie(f"workshop_deelnemer_{session.pk}", token)
        self.token_hash = token_hash(token)
        self.code = session.join_code
        self.item = statement.pk
        self.value = random.randint(1, 5)
        self.acknowledged = False
        self.on_acknowledged = on_acknowledged

    def vote(self) -> bool:
        try:
            if self.client.cookie("csrftoken") is None:
                self.client.get(f"/sessie/live/{self.code}/", timeout=5)
            status, headers, _body = self.client.post_form(
                f"/sessie/live/{self.code}/stem/", {"item": self.item, "value": self.value},
                timeout=5,
            )  # fmt: skip
        except OSError:
            return False
        self.acknowledged = status == 302 and "#huidig" in headers.get("Location", "")
        if self.acknowledged and self.on_acknowledged:
            self.on_acknowledged()
        return self.acknowledged


class Screen(threading.Thread):
    """A projector that reconnects by itself and remembers the last state it saw."""

    def __init__(self, server, code, cookie):
        super().__init__(daemon=True)
        self.server = server
        self.code = code
        self.cookie = cookie
        self.last_state: dict = {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                with projector_socket(self.server, self.code, self.cookie, open_timeout=2) as ws:
                    while not self.stopping.is_set():
                        try:
                            self.last_state = json.loads(ws.recv(timeout=0.5))
                        except TimeoutError:
                            continue
            except (OSError, ConnectionClosed, TimeoutError):
                time.sleep(0.2)  # the server is away: try again shortly

    def wait_for(self, predicate, timeout: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.last_state and predicate(self.last_state):
                return time.monotonic() - started
            time.sleep(0.05)
        raise AssertionError(f"screen state {self.last_state} not right within {timeout} s")


def test_sigkill_during_voting_loses_no_acknowledged_vote_and_counts_none_twice(
    live_session, redis_prefix
):
    from workshops.models import Vote

    world, session, statement = live_session
    tokens = _participants(session, PARTICIPANTS)
    server = Server(prefix=redis_prefix, faults=True).start()
    cookie = manager_cookie(server, world.users["consultant_on"])
    screens = [Screen(server, session.join_code, cookie) for _ in range(5)]
    try:
        for screen in screens:
            screen.start()
        counted = []
        lock = threading.Lock()

        def acknowledged():
            with lock:
                counted.append(1)
                if len(counted) == PARTICIPANTS // 4:
                    server.kill()  # a crash in the middle of the vote

        voters = [
            Voter(server, session, statement, token, on_acknowledged=acknowledged)
            for token in tokens
        ]
        with ThreadPoolExecutor(max_workers=20) as pool:
            list(pool.map(Voter.vote, voters))
        before_crash = [voter for voter in voters if voter.acknowledged]
        assert PARTICIPANTS // 4 <= len(before_crash) < PARTICIPANTS  # the crash hit mid-vote

        # Every vote the server acknowledged before the crash is in the database.
        stored = dict(
            Vote.objects.filter(item=statement).values_list("participant__token_hash", "value")
        )
        for voter in before_crash:
            assert stored.get(voter.token_hash) == voter.value

        server.start()  # the same port: the phones and screens find it again
        restarted = time.monotonic()
        for _attempt in range(3):  # a phone whose request timed out sends it again
            with ThreadPoolExecutor(max_workers=20) as pool:
                list(pool.map(Voter.vote, [voter for voter in voters if not voter.acknowledged]))
        assert all(voter.acknowledged for voter in voters)

        # Exactly one vote per participant, each with the value that phone sent.
        stored = dict(
            Vote.objects.filter(item=statement).values_list("participant__token_hash", "value")
        )
        assert Vote.objects.filter(item=statement).count() == PARTICIPANTS
        assert stored == {voter.token_hash: voter.value for voter in voters}
        for screen in screens:
            screen.wait_for(lambda state: state.get("responses") == PARTICIPANTS, timeout=5)
        assert time.monotonic() - restarted < 60
    finally:
        for screen in screens:
            screen.stopping.set()
        server.stop()


def test_screens_catch_up_within_5_seconds_after_a_crash(live_session, redis_prefix):
    from workshops import services

    world, session, statement = live_session
    server = Server(prefix=redis_prefix).start()
    screen = Screen(server, session.join_code, manager_cookie(server, world.users["consultant_on"]))
    screen.start()
    try:
        screen.wait_for(lambda state: state.get("item") == statement.pk, timeout=10)
        server.kill()
        # While this server is down the facilitator moves on (through another process).
        services.session_step(session=session, forward=True)
        server.start()
        restarted = time.monotonic()
        session.refresh_from_db()
        elapsed = screen.wait_for(
            lambda state: state.get("item") == session.current_item_id, timeout=5
        )
        assert time.monotonic() - restarted <= 5, elapsed
    finally:
        screen.stopping.set()
        server.stop()


def test_without_redis_the_session_keeps_working_by_polling_and_healthz_says_so(
    live_session, redis_prefix
):
    _world, session, statement = live_session
    tokens = _participants(session, 2)
    redis = RedisServer().start()
    server = Server(redis_url=redis.url, prefix=redis_prefix, faults=True).start()
    try:
        phone = Browserless(server.url)
        assert phone.get("/healthz")[0] == 200
        redis.stop()

        status, _headers, body = phone.get("/healthz")
        assert status == 503
        assert json.loads(body)["checks"]["redis"].startswith("error")

        voter = Voter(server, session, statement, tokens[0])
        assert voter.vote(), "casting a vote must work without Redis"
        state = phone.json(f"/sessie/live/{session.join_code}/status.json")
        assert state["responses"] == 1  # the polling fallback shows it

        redis.start()  # the same port, a fresh Redis
        deadline = time.monotonic() + 10
        while phone.get("/healthz")[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert phone.get("/healthz")[0] == 200

        # Live updates resume: a new WebSocket gets the next vote pushed.
        cookie = manager_cookie(server, _world.users["consultant_on"])
        with projector_socket(server, session.join_code, cookie) as projector:
            assert json.loads(projector.recv(timeout=5))["responses"] == 1
            assert Voter(server, session, statement, tokens[1]).vote()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if json.loads(projector.recv(timeout=5)).get("responses") == 2:
                    break
            else:
                raise AssertionError("no live update after Redis came back")
    finally:
        server.stop()
        redis.stop()


def test_a_foreign_origin_cannot_open_the_session_websocket(live_session, redis_prefix):
    from websockets.exceptions import InvalidStatus

    _world, session, _statement = live_session
    with Server(prefix=redis_prefix) as server:
        try:
            connect(
                f"{server.ws_url}/ws/sessie/{session.join_code}/",
                origin="https://evil.example",
                proxy=None,
            )
        except InvalidStatus as refused:
            assert refused.response.status_code == 403
        else:
            raise AssertionError("a cross-origin handshake was accepted")
