"""Counts on the screens never go back.

Votes arrive through two processes at once; every push carries a sequence number and a
screen applies a message only when its sequence is higher than the last one it applied
(live.js). Before, every vote pushed the count it read and pushes of parallel requests
arrived out of order: the projector showed [15, 15, 17, 19, 16, 18, 20].
"""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from tests.live.servers import Browserless, Server, manager_cookie, projector_socket

PHONES = 40


def test_counts_pushed_while_votes_pour_in_never_go_back(live_session, redis_prefix):
    from workshops import services

    world, session, statement = live_session
    tokens = [services.participant_join(session=session)[1] for _ in range(PHONES)]
    received: list[dict] = []
    stop = threading.Event()
    with Server(prefix=redis_prefix) as first, Server(prefix=redis_prefix) as second:
        cookie = manager_cookie(second, world.users["consultant_on"])

        def projector():
            with projector_socket(second, session.join_code, cookie) as websocket:
                while not stop.is_set():
                    try:
                        received.append(json.loads(websocket.recv(timeout=0.2)))
                    except TimeoutError:
                        continue

        listener = threading.Thread(target=projector, daemon=True)
        listener.start()
        time.sleep(1)

        def vote(index: int) -> int:
            phone = Browserless((first, second)[index % 2].url)
            phone.set_cookie(f"workshop_deelnemer_{session.pk}", tokens[index])
            phone.get(f"/sessie/live/{session.join_code}/")
            status, _headers, _body = phone.post_form(
                f"/sessie/live/{session.join_code}/stem/",
                {"item": statement.pk, "value": 1 + index % 5},
                timeout=30,
            )
            return status

        with ThreadPoolExecutor(max_workers=PHONES) as pool:
            statuses = list(pool.map(vote, range(PHONES)))
        assert statuses == [302] * PHONES
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if received and max(m.get("responses", 0) for m in received) == PHONES:
                break
            time.sleep(0.1)
        stop.set()
        listener.join(timeout=5)

    counts = [message for message in received if "responses" in message]
    assert all("seq" in message for message in counts), "pushes carry no sequence"
    by_seq = sorted(counts, key=lambda message: message["seq"])
    # A later sequence never carries a lower count.
    shown = [message["responses"] for message in by_seq]
    assert shown == sorted(shown), shown
    # What a screen applying the rule shows: never lower, ending at every vote.
    applied, last = [], 0
    for message in counts:
        if message["seq"] > last:
            last = message["seq"]
            applied.append(message["responses"])
    assert applied == sorted(applied) and applied[-1] == PHONES, applied
