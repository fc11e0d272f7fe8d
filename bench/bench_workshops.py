"""Votes on one Daphne process, and the session report.

- casting 200 votes with 20 phones at a time: requests per second and latency, against
  GET /livez on the same server;
- the session report PDF, against a plain WeasyPrint page.
The room as a whole (300 and 1,000 phones with their WebSockets, the projector's count after
a vote, two processes behind nginx) is measured by bench_room.py. The HTTP client runs in a
second process (asyncio), on 127.0.0.1 only, bounded in count and time.
"""

import asyncio
import datetime
import json
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

VOTES = 200
CONCURRENCY = 20
CSRF_TOKEN = "b" * 32
CLIENT_TIMEOUT = 180  # seconds for one client process


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

    session, statements, tokens = _setup(VOTES)
    common = {
        "cookie": PARTICIPANT_COOKIE.format(session_id=session.pk),
        "vote_path": f"/sessie/live/{session.join_code}/stem/",
    }
    measurements = []
    with daphne_server(ctx) as base:
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
    result = asyncio.run(asyncio.wait_for(_throughput(args), timeout=CLIENT_TIMEOUT - 10))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(_main(sys.argv[1:]))
