"""The live workshop under load, on one Daphne process.

- vote-to-projector latency with 200 and 1,000 participants connected by WebSocket: from
  sending a vote (HTTP POST, as a phone does) until the projector's WebSocket receives the
  new count; against a bare Channels group broadcast to as many clients (a message in,
  one group_send out, no database) on a Daphne process of its own;
- with 1,000 connected, how many participants received the last update;
- casting 200 votes with 20 phones at a time: requests per second and latency, against
  GET /livez on the same server.
The WebSocket and HTTP clients run in a second process (asyncio, the ``websockets``
package), on 127.0.0.1 only, bounded in count and time.
"""

import asyncio
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import (
    ROOT,
    BenchContext,
    Measurement,
    daphne_server,
    median_ms,
    p95_ms,
)

CONNECTED = (200, 1000)
LATENCY_SAMPLES = 40
VOTES = 200
CONCURRENCY = 20
CSRF_TOKEN = "b" * 32
CLIENT_TIMEOUT = 180  # seconds for one client process


# --- The bare Channels baseline (served by its own Daphne process) ---------------------------


def _bare_application():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rucphen_portal.settings")
    import django

    django.setup()
    from channels.generic.websocket import AsyncJsonWebsocketConsumer
    from channels.routing import ProtocolTypeRouter, URLRouter
    from django.urls import path

    class BareConsumer(AsyncJsonWebsocketConsumer):
        async def connect(self):
            await self.channel_layer.group_add("bare", self.channel_name)
            await self.accept()

        async def receive_json(self, content, **kwargs):
            await self.channel_layer.group_send("bare", {"type": "bare.message", "n": content["n"]})

        async def bare_message(self, event):
            await self.send_json({"responses": event["n"]})

    return ProtocolTypeRouter({"websocket": URLRouter([path("bare/", BareConsumer.as_asgi())])})


def __getattr__(name):  # PEP 562: ``daphne bench.bench_workshops:bare_application``
    if name == "bare_application":
        return _bare_application()
    raise AttributeError(name)


def _bare_server(ctx: BenchContext):
    return daphne_server(ctx, application="bench.bench_workshops:bare_application")


# --- The client process --------------------------------------------------------------------


async def _http(base: str, method: str, path: str, *, body: str = "", headers=None) -> float:
    """One HTTP/1.1 request on a fresh connection (like a phone); returns its latency."""
    host, port = base.removeprefix("http://").split(":")
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, int(port))
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if method == "POST":
        lines += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
        ]
    writer.write(("\r\n".join(lines) + "\r\n\r\n" + body).encode())
    await writer.drain()
    status_line = await reader.readline()
    await reader.read()
    writer.close()
    elapsed = time.perf_counter() - started
    status = int(status_line.split()[1])
    if status >= 400:
        raise RuntimeError(f"{method} {path}: HTTP {status}")
    return elapsed


class _Listener:
    """A connected screen: remembers the last count it heard."""

    def __init__(self, websocket):
        self.websocket = websocket
        self.last = None
        self.queue = asyncio.Queue()

    async def listen(self):
        try:
            async for raw in self.websocket:
                message = json.loads(raw)
                if "responses" in message:
                    self.last = message["responses"]
                    self.queue.put_nowait((time.perf_counter(), message["responses"]))
        except Exception:  # noqa: BLE001, S110 - a closed socket ends listening
            pass


async def _connect_all(url: str, origin: str, count: int) -> list[_Listener]:
    import websockets

    listeners = []

    async def one():
        websocket = await websockets.connect(url, origin=origin, open_timeout=30, max_queue=None)
        listener = _Listener(websocket)
        listeners.append(listener)
        asyncio.get_running_loop().create_task(listener.listen())

    for start in range(0, count, 50):
        await asyncio.gather(*(one() for _ in range(min(50, count - start))))
    return listeners


async def _wait_for(listener: _Listener, expected: int, timeout: float = 10) -> float:
    deadline = time.perf_counter() + timeout
    while True:
        received_at, responses = await asyncio.wait_for(
            listener.queue.get(), timeout=max(0.01, deadline - time.perf_counter())
        )
        if responses >= expected:
            return received_at


async def _latency(args: dict) -> dict:
    """N screens connected; each vote (or bare message) until the projector hears it."""
    base, count = args["base"], args["connected"]
    origin = base
    ws_url = base.replace("http://", "ws://") + args["ws_path"]
    idle = await _connect_all(ws_url, origin, count)
    projector = (await _connect_all(ws_url, origin, 1))[0]
    await asyncio.sleep(1.0)
    while not projector.queue.empty():
        projector.queue.get_nowait()
    start = args.get("start", 0)
    latencies = []
    for index in range(args["samples"]):
        expected = start + index + 1
        sent = time.perf_counter()
        if args["mode"] == "bare":
            await projector.websocket.send(json.dumps({"n": expected}))
        else:
            token = args["tokens"][index]
            cookie = f"{args['cookie']}={token}; csrftoken={CSRF_TOKEN}"
            await _http(
                base,
                "POST",
                args["vote_path"],
                body=f"item={args['item']}&value={1 + index % 5}",
                headers={"Cookie": cookie, "X-CSRFToken": CSRF_TOKEN},
            )
        received = await _wait_for(projector, expected)
        latencies.append(received - sent)
        await asyncio.sleep(0.02)
    await asyncio.sleep(2.0)
    final = start + args["samples"]
    delivered = sum(1 for listener in idle if listener.last == final)
    for listener in [*idle, projector]:
        await listener.websocket.close()
    return {"latencies": latencies, "delivered": delivered, "connected": len(idle)}


async def _throughput(args: dict) -> dict:
    """Many requests, CONCURRENCY at a time: votes from phones, or GET /livez."""
    base = args["base"]
    latencies = []
    queue = asyncio.Queue()
    for index in range(args["requests"]):
        queue.put_nowait(index)

    async def worker():
        while not queue.empty():
            index = queue.get_nowait()
            if args["mode"] == "votes":
                token = args["tokens"][index]
                cookie = f"{args['cookie']}={token}; csrftoken={CSRF_TOKEN}"
                latencies.append(
                    await _http(
                        base,
                        "POST",
                        args["vote_path"],
                        body=f"item={args['item']}&value={1 + index % 5}",
                        headers={"Cookie": cookie, "X-CSRFToken": CSRF_TOKEN},
                    )
                )
            else:
                latencies.append(await _http(base, "GET", "/livez"))

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return {"latencies": latencies, "elapsed": time.perf_counter() - started}


def _client(args: dict) -> dict:
    """Run one measurement in a second process and return its JSON result."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.bench_workshops", json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CLIENT_TIMEOUT,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"benchmark client failed: {completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


# --- The benchmark -------------------------------------------------------------------------


def _setup(votes_needed: int):
    from accounts.models import Role
    from accounts.services import user_create
    from engagements.services import engagement_create, organisation_create
    from workshops import services
    from workshops.models import ItemKind

    organisation = organisation_create(name="Gemeente Benchmark Sessie")
    consultant = user_create(username="bench-facilitator", password=None, role=Role.CONSULTANT)
    engagement = engagement_create(
        organisation=organisation,
        title="Benchmark sessie",
        starts_on=datetime.date(2026, 1, 1),
        consultants=[consultant],
    )
    session = services.session_create(
        engagement=engagement, title="Benchmark", held_on=datetime.date(2026, 1, 1),
        with_defaults=False,
    )  # fmt: skip
    statements = [
        services.item_create(session=session, kind=ItemKind.STATEMENT, title=f"Stelling {n}")
        for n in range(4)
    ]
    tokens = [services.participant_join(session=session)[1] for _ in range(votes_needed)]
    return session, statements, tokens


def _show(session, statement):
    from workshops import services

    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)


def run(ctx: BenchContext) -> list[Measurement]:
    from workshops.access import PARTICIPANT_COOKIE

    session, statements, tokens = _setup(max(VOTES, LATENCY_SAMPLES))
    common = {
        "cookie": PARTICIPANT_COOKIE.format(session_id=session.pk),
        "vote_path": f"/sessie/live/{session.join_code}/stem/",
        "ws_path": f"/ws/sessie/{session.join_code}/",
    }
    measurements = []
    with _bare_server(ctx) as bare_base:
        bare = {
            count: _client(
                {
                    "kind": "latency",
                    "mode": "bare",
                    "base": bare_base,
                    "connected": count,
                    "samples": LATENCY_SAMPLES,
                    "ws_path": "/bare/",
                }
            )
            for count in CONNECTED
        }
    with daphne_server(ctx) as base:
        for count, statement in zip(CONNECTED, statements, strict=False):
            _show(session, statement)
            result = _client(
                {
                    **common,
                    "kind": "latency",
                    "mode": "vote",
                    "base": base,
                    "connected": count,
                    "samples": LATENCY_SAMPLES,
                    "item": statement.pk,
                    "tokens": tokens[:LATENCY_SAMPLES],
                }
            )
            baseline = bare[count]["latencies"]
            for label, fn in (("median", median_ms), ("p95", p95_ms)):
                measurements.append(
                    Measurement(
                        "Workshop",
                        f"Vote to projector, {count} connected ({label})",
                        fn(result["latencies"]),
                        "ms",
                        f"bare group broadcast to {count} ({label})",
                        fn(baseline),
                        note=f"{LATENCY_SAMPLES} votes, one Daphne process",
                    )
                )
            if count == max(CONNECTED):
                measurements.append(
                    Measurement(
                        "Workshop",
                        f"Participants who got the last update, {count} connected",
                        float(result["delivered"]),
                        "clients",
                        "clients connected",
                        float(result["connected"]),
                        note="every screen hears every vote's count",
                    )
                )
        _show(session, statements[2])
        votes = _client(
            {
                **common,
                "kind": "throughput",
                "mode": "votes",
                "base": base,
                "requests": VOTES,
                "item": statements[2].pk,
                "tokens": tokens[:VOTES],
            }
        )
        livez = _client({"kind": "throughput", "mode": "livez", "base": base, "requests": VOTES})
    from workshops.models import Vote

    rows = Vote.objects.filter(item=statements[2]).count()
    measurements += [
        Measurement(
            "Workshop",
            f"Casting {VOTES} votes, {CONCURRENCY} at a time (requests/s)",
            VOTES / votes["elapsed"],
            "req/s",
            "GET /livez, same load",
            VOTES / livez["elapsed"],
            note=f"all {VOTES} in {votes['elapsed']:.1f} s; {rows} rows",
        ),
        Measurement(
            "Workshop",
            "Casting a vote under that load (median)",
            median_ms(votes["latencies"]),
            "ms",
            "GET /livez (median)",
            median_ms(livez["latencies"]),
        ),
        Measurement(
            "Workshop",
            "Casting a vote under that load (p95)",
            p95_ms(votes["latencies"]),
            "ms",
            "GET /livez (p95)",
            p95_ms(livez["latencies"]),
        ),
    ]
    measurements.append(_session_report_pdf(session))
    return measurements


def _session_report_pdf(session) -> Measurement:
    """The session report (statements with results and charts) against a plain page."""
    from weasyprint import HTML

    from bench.harness import time_calls
    from workshops.reports import session_report_pdf_bytes

    plain = "<html><body>" + "<p>Een gewone alinea tekst.</p>" * 40 + "</body></html>"
    plain_samples = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=5)
    first = time_calls(lambda: session_report_pdf_bytes(session=session), repeat=1, warmup=0)
    return Measurement(
        "Workshop",
        "Session report PDF (4 statements with votes, charts), first download",
        median_ms(first),
        "ms",
        "WeasyPrint plain page",
        median_ms(plain_samples),
        note="includes starting the chart browser when the process has none yet",
    )


def _main(argv: list[str]) -> int:
    args = json.loads(argv[0])
    runner = _latency if args["kind"] == "latency" else _throughput
    result = asyncio.run(asyncio.wait_for(runner(args), timeout=CLIENT_TIMEOUT - 10))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(_main(sys.argv[1:]))
