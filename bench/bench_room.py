"""The real room: 300 and 1,000 phones on the production stack.

Production settings (DEBUG off, collected static files), PostgreSQL and Redis, two Daphne
processes (``--proxy-headers``) behind nginx configured as the README's deployment section
says. Every phone behaves as live.js makes a browser behave: it joins with cookies (join page,
then the name form), loads its page, opens one WebSocket, fetches its own answers on open,
replaces its screen from the pushed HTML (applying a message only when its seq is higher) and
votes by fetch with the CSRF header. A projector is connected as ``?rol=projector`` and a
facilitator moves on and opens voting through the control form.

Measured against GET /livez under the same load: advance -> every phone showing the new item
(p50/p95/max, how many within 5 s), vote -> acknowledged, vote -> projector count, 5xx,
sockets closed by the server, votes acknowledged vs stored, peak database connections.

Needs BENCH_DATABASE_URL on PostgreSQL, REDIS_URL and Debian's nginx (installed with apt-get
when run as root); otherwise it says why and measures nothing. ``BENCH_ROOM_PHONES`` picks the
room sizes (default "300,1000").
"""

import asyncio
import contextlib
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench.harness import ROOT, BenchContext, Measurement, free_port

PASSWORD = "bench-room-wachtwoord-2026"  # noqa: S105 - a throwaway bench account

NGINX = "/usr/sbin/nginx"


def _skip(reason: str) -> list[Measurement]:
    print(f"bench_room skipped: {reason}", file=sys.stderr)
    return []


def _ensure_nginx() -> str | None:
    if Path(NGINX).exists():
        return None
    if os.geteuid() != 0:
        return "nginx is not installed and this is not root: apt-get install nginx"
    done = subprocess.run(
        ["apt-get", "install", "-y", "nginx"], capture_output=True, text=True, check=False
    )
    return None if Path(NGINX).exists() else f"apt-get install nginx failed: {done.stderr[-300:]}"


def _wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


NGINX_CONF = """
worker_processes 1;
worker_rlimit_nofile 8192;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  log_format bench '$status $request_time "$request"';
  access_log {prefix}/access.log bench;
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  upstream portal {{ server 127.0.0.1:{first}; server 127.0.0.1:{second}; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_read_timeout 3600s;
    }}
  }}
}}
"""


class Stack:
    """Two Daphne processes and nginx in front, production settings."""

    def __init__(self, ctx: BenchContext, env: dict):
        self.env = {**os.environ, **ctx.env, **env}
        self.processes: list[subprocess.Popen] = []
        # Kept after the run: the servers' and nginx's logs are evidence of what went wrong.
        self.prefix = Path(tempfile.mkdtemp(prefix="bench-room-", dir=ROOT / "var"))
        self.port = free_port()

    def __enter__(self) -> "Stack":
        # nginx passes $host (without the port) as the README says; on port 80/443 that is the
        # Origin's host, here the Origin carries this port: trust it as a deployment would.
        self.env["CSRF_TRUSTED_ORIGINS"] = f"http://127.0.0.1:{self.port}"
        ports = [free_port(), free_port()]
        for port in ports:
            log = (self.prefix / f"daphne-{port}.log").open("ab")
            self.processes.append(
                subprocess.Popen(
                    [
                        str(ROOT / ".venv" / "bin" / "daphne"),
                        "--proxy-headers",
                        "-b",
                        "127.0.0.1",
                        "-p",
                        str(port),
                        "rucphen_portal.asgi:application",
                    ],
                    cwd=ROOT,
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        for port in ports:
            _wait_port(port)
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.prefix / name).mkdir()
        conf = self.prefix / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(prefix=self.prefix, first=ports[0], second=ports[1], port=self.port)
        )
        nginx_log = (self.prefix / "nginx-stderr.log").open("ab")
        self.processes.append(
            subprocess.Popen(
                [NGINX, "-c", str(conf), "-p", str(self.prefix), "-g", "daemon off;"],
                stdout=nginx_log,
                stderr=subprocess.STDOUT,
            )
        )
        _wait_port(self.port)
        return self

    def tracebacks(self) -> int:
        return sum(
            path.read_text(errors="replace").count("Traceback")
            for path in self.prefix.glob("daphne-*.log")
        )

    def cpu_seconds(self) -> float:
        """CPU time the two Daphne processes used so far: what the room costs the server,
        whatever else the machine is doing."""
        total = 0.0
        for process in self.processes[:2]:
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def nginx_problems(self) -> tuple[int, int]:
        """Error lines in nginx's error log and stderr, and 5xx answers in its access log."""
        errors = 0
        for name in ("error.log", "nginx-stderr.log"):
            path = self.prefix / name
            if path.exists():
                errors += sum(
                    1
                    for line in path.read_text(errors="replace").splitlines()
                    if any(f"[{level}]" in line for level in ("error", "crit", "alert", "emerg"))
                )
        access = self.prefix / "access.log"
        lines = access.read_text(errors="replace").splitlines() if access.exists() else []
        return errors, sum(1 for line in lines if line.startswith("5"))

    def clean(self) -> None:
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            shutil.rmtree(self.prefix / name, ignore_errors=True)

    def __exit__(self, *exc):
        for process in reversed(self.processes):
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


# --- A tiny HTTP/1.1 client on asyncio (one connection per request, like a busy phone) -----


class Http:
    def __init__(self, port: int):
        self.port = port
        self.statuses: list[int] = []

    async def request(
        self, method, path, *, cookies=None, data=None, headers=None, with_headers=False
    ):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        body = urllib.parse.urlencode(data).encode() if data is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Connection: close"]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        if data is not None:
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
                f"Origin: http://127.0.0.1:{self.port}",
                f"Referer: http://127.0.0.1:{self.port}{path}",
            ]
        for key, value in (headers or {}).items():
            lines.append(f"{key}: {value}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        raw = await reader.read()
        writer.close()
        head, _sep, content = raw.partition(b"\r\n\r\n")
        parts = head.split(b" ", 2)
        # A connection closed without an answer counts as status 0 (an error, reported).
        status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
        self.statuses.append(status)
        set_cookies, header_values = {}, {}
        for line in head.split(b"\r\n")[1:]:
            name, _colon, value = line.decode("latin-1").partition(":")
            header_values[name.strip().lower()] = value.strip()
            if line.lower().startswith(b"set-cookie:"):
                name, _eq, rest = line.split(b":", 1)[1].strip().partition(b"=")
                set_cookies[name.decode()] = rest.split(b";", 1)[0].decode()
        if b"transfer-encoding: chunked" in head.lower():
            content = _dechunk(content)
        if with_headers:
            return status, set_cookies, content, header_values
        return status, set_cookies, content


def _dechunk(data: bytes) -> bytes:
    out, rest = b"", data
    while rest:
        size_line, _sep, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2 :]
    return out


class Phone:
    def __init__(self, http: Http, code: str):
        self.http = http
        self.code = code
        self.cookies: dict = {}
        self.seq = 0
        self.item = None
        self.voting_open = False
        self.version: int | None = None
        self.refetches = 0
        self.refused = 0
        self.fetches: list[asyncio.Task] = []
        self.seen: dict[tuple, float] = {}
        self.closed_by_server = False
        self.socket = None
        self.task = None

    async def join(self):
        status, cookies, _body = await self.http.request("GET", f"/sessie/doe-mee/{self.code}/")
        self.cookies.update(cookies)
        status, cookies, _body = await self.http.request(
            "POST",
            f"/sessie/doe-mee/{self.code}/",
            cookies=self.cookies,
            data={"name": "", "department": "", "csrfmiddlewaretoken": self.cookies["csrftoken"]},
        )
        self.cookies.update(cookies)
        assert status == 302, status
        status, cookies, _body = await self.http.request(
            "GET", f"/sessie/live/{self.code}/", cookies=self.cookies
        )
        assert status == 200, status

    async def listen(self, websockets):
        url = f"ws://127.0.0.1:{self.http.port}/ws/sessie/{self.code}/"
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(6):
            try:
                self.socket = await websockets.connect(
                    url,
                    origin=f"http://127.0.0.1:{self.http.port}",
                    additional_headers={"Cookie": cookie},
                    open_timeout=60,
                    max_size=2**22,
                )
                break
            except (OSError, websockets.exceptions.InvalidStatus):
                # Refused (Daphne drops a handshake the app did not accept within 5 s): live.js
                # polls and connects again with a backoff; so does this phone, and it counts.
                self.refused += 1
                if attempt == 5:
                    raise
                await asyncio.sleep(2**attempt * (0.75 + random.random() / 2))
        await self.http.request(
            "GET", f"/sessie/live/{self.code}/mij.json", cookies=self.cookies,
            headers={"Accept": "application/json"},
        )  # fmt: skip
        self.task = asyncio.create_task(self._receive())

    async def _receive(self):
        import json

        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in self.socket:
                message = json.loads(raw)
                if message.get("seq", 0) <= self.seq:
                    continue  # older than what is shown (live.js ignores it too)
                self.seq = message["seq"]
                if "html" in message:
                    self._show(message["html"], message)
                elif message.get("version") is not None and message["version"] != self.version:
                    # A state without the screen: fetch the shared render, as live.js does.
                    self.fetches.append(asyncio.create_task(self._refetch(message)))
        except ConnectionClosed:
            self.closed_by_server = True

    def _show(self, html: str, message: dict) -> None:
        version = re.search(r'data-version="(\d*)"', html)
        item = re.search(r'data-item="(\d*)"', html)
        self.version = int(version[1]) if version and version[1] else None
        self.item = int(item[1]) if item and item[1] else None
        self.voting_open = message.get("voting_open")
        now = time.monotonic()
        self.seen.setdefault(("item", self.item), now)
        if self.voting_open and message.get("item") == self.item:
            self.seen.setdefault(("open", self.item), now)

    async def _refetch(self, message: dict) -> None:
        self.refetches += 1
        status, _cookies, body, headers = await self.http.request(
            "GET",
            f"/sessie/live/{self.code}/scherm/",
            cookies=self.cookies,
            headers={"X-Requested-With": "fetch"},
            with_headers=True,
        )
        seq = int(headers.get("x-live-seq", "0") or 0)
        if status == 200 and seq >= self.seq:
            self.seq = seq
            self._show(body.decode(), message)

    async def vote(self, item: int, value: int) -> tuple[bool, float]:
        started = time.monotonic()
        status, _cookies, body = await self.http.request(
            "POST",
            f"/sessie/live/{self.code}/stem/",
            cookies=self.cookies,
            data={"item": item, "value": value, "csrfmiddlewaretoken": self.cookies["csrftoken"]},
            headers={"Accept": "application/json", "X-CSRFToken": self.cookies["csrftoken"]},
        )
        return status == 200 and b'"ok": true' in body, time.monotonic() - started


def _pct(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _login(http: Http, username: str) -> dict:
    _s, cookies, _b = await http.request("GET", "/account/inloggen/")
    status, more, _b = await http.request(
        "POST",
        "/account/inloggen/",
        cookies=cookies,
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": cookies["csrftoken"],
        },
    )
    assert status == 302, status
    return {**cookies, **more}


async def _room(port: int, session, statement_ids, username, phones_count, cpu):  # noqa: C901
    import websockets

    http = Http(port)
    facilitator_cookies = await _login(http, username)
    consultant_cookie = facilitator_cookies["sessionid"]
    code = session.join_code
    phones = [Phone(http, code) for _ in range(phones_count)]
    semaphore = asyncio.Semaphore(50)

    async def join(phone):
        async with semaphore:
            await phone.join()
            await phone.listen(websockets)

    started, cpu_before = time.monotonic(), cpu()
    await asyncio.gather(*(join(phone) for phone in phones))
    joined_in = time.monotonic() - started
    cpu_join = cpu() - cpu_before

    # The projector, signed in.
    projector_counts: list[tuple[float, int]] = []
    projector = await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/sessie/{code}/?rol=projector",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={consultant_cookie}"},
        max_size=2**24,
    )

    async def watch_projector():
        import json

        last = 0
        async for raw in projector:
            message = json.loads(raw)
            if message.get("seq", 0) > last:
                last = message["seq"]
                projector_counts.append((time.monotonic(), message.get("responses", 0)))

    projector_task = asyncio.create_task(watch_projector())

    _s, cookies, _b = await http.request(
        "GET", f"/sessie/{session.pk}/regie/", cookies=facilitator_cookies
    )
    facilitator_cookies.update(cookies)

    async def control(action: str) -> float:
        moment = time.monotonic()
        status, _c, _b = await http.request(
            "POST",
            f"/sessie/{session.pk}/regie/actie/",
            cookies=facilitator_cookies,
            data={
                "action": action,
                "csrfmiddlewaretoken": facilitator_cookies["csrftoken"],
                "notes": "",
                "minutes": 5,
            },
        )
        assert status in (302, 200), status
        return moment

    livez: list[float] = []
    stop = asyncio.Event()

    async def baseline():
        while not stop.is_set():
            moment = time.monotonic()
            await http.request("GET", "/livez")
            livez.append(time.monotonic() - moment)
            await asyncio.sleep(0.05)

    baseline_task = asyncio.create_task(baseline())

    results = {}
    statement = statement_ids[0]
    moment = await control(f"goto:{statement}")
    await asyncio.sleep(0)
    deadline = moment + 30
    while time.monotonic() < deadline and not all(
        ("item", statement) in phone.seen for phone in phones
    ):
        await asyncio.sleep(0.05)
    advance = [
        phone.seen[("item", statement)] - moment
        for phone in phones
        if ("item", statement) in phone.seen
    ]
    results["advance"] = advance
    moment = await control("open")
    deadline = moment + 30
    while time.monotonic() < deadline and not all(
        ("open", statement) in phone.seen for phone in phones
    ):
        await asyncio.sleep(0.05)
    results["open"] = [
        phone.seen[("open", statement)] - moment
        for phone in phones
        if ("open", statement) in phone.seen
    ]

    # Every phone votes within about 10 s, as a room does.
    acks: list[tuple[float, float]] = []

    async def vote(index, phone):
        await asyncio.sleep(index * 10.0 / len(phones))
        ok, took = await phone.vote(statement, 1 + index % 5)
        if ok:
            acks.append((time.monotonic(), took))

    cpu_before = cpu()
    await asyncio.gather(*(vote(index, phone) for index, phone in enumerate(phones)))
    await asyncio.sleep(3)
    cpu_votes = cpu() - cpu_before
    # vote -> projector: the time until the projector's count reached the number of votes
    # acknowledged by the moment of each acknowledgement.
    to_projector = []
    for rank, (acked_at, took) in enumerate(sorted(acks), start=1):
        sent_at = acked_at - took
        shown = next(
            (at for at, count in projector_counts if count >= rank and at >= sent_at), None
        )
        if shown is not None:
            to_projector.append(max(0.0, shown - sent_at))
    stop.set()
    await baseline_task
    await asyncio.gather(*(task for phone in phones for task in phone.fetches))
    dropped = sum(phone.closed_by_server for phone in phones)
    for phone in phones:
        await phone.socket.close()
    projector_task.cancel()
    await projector.close()
    return {
        "joined_in": joined_in,
        "advance": results["advance"],
        "open": results["open"],
        "acks": [took for _at, took in acks],
        "to_projector": to_projector,
        "livez": livez,
        "dropped": dropped,
        "statuses": http.statuses,
        "phones": phones_count,
        "refetches": sum(phone.refetches for phone in phones),
        "refused": sum(phone.refused for phone in phones),
        "cpu_join": cpu_join,
        "cpu_votes": cpu_votes,
    }


def _pg_connections(url: str) -> int:
    import psycopg2

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with psycopg2.connect(url.replace(f"/{name}", "/postgres")) as connection:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name])
            return cursor.fetchone()[0]


def run(ctx: BenchContext) -> list[Measurement]:
    if not ctx.database_url.startswith("postgres"):
        return _skip("set BENCH_DATABASE_URL to a PostgreSQL database")
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        return _skip("set REDIS_URL")
    problem = _ensure_nginx()
    if problem:
        return _skip(problem)
    import datetime
    import threading

    import redis

    from tests.world import build_world
    from workshops import services
    from workshops.models import ItemKind, Vote

    env = {
        "DEBUG": "0",
        "SECRET_KEY": "bench-room-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": redis_url,
        "REDIS_PREFIX": "bench-room",
        "CHROMIUM_PATH": "/nonexistent/chromium",
    }
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **ctx.env, **env},
        check=True,
    )
    world = build_world()
    consultant = world.users["consultant_on"]
    consultant.set_password(PASSWORD)
    consultant.save(update_fields=["password"])
    sizes = [int(size) for size in os.environ.get("BENCH_ROOM_PHONES", "300,1000").split(",")]
    measurements: list[Measurement] = []
    for size in sizes:
        session = services.session_create(
            engagement=world.engagement, title=f"Zaal {size}", held_on=datetime.date.today()
        )
        statements = list(
            session.items.filter(kind=ItemKind.STATEMENT)
            .order_by("position")
            .values_list("pk", flat=True)
        )
        peak = [0, 0]  # database connections, Redis clients
        sampling = threading.Event()
        redis_client = redis.Redis.from_url(redis_url)

        def sample(sampling=sampling, peak=peak, redis_client=redis_client):
            while not sampling.is_set():
                with contextlib.suppress(Exception):  # a sample missed loses no measurement
                    peak[0] = max(peak[0], _pg_connections(ctx.database_url))
                    clients = redis_client.info("clients")["connected_clients"]
                    peak[1] = max(peak[1], clients)
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        with Stack(ctx, env) as stack:
            sampler.start()
            figures = asyncio.run(
                _room(stack.port, session, statements, consultant.username, size, stack.cpu_seconds)
            )
            sampling.set()
        tracebacks = stack.tracebacks()
        nginx_errors, nginx_5xx = stack.nginx_problems()
        stored = Vote.objects.filter(item_id=statements[0]).count()
        livez = statistics.median(figures["livez"]) * 1000 if figures["livez"] else float("nan")
        group = f"Room {size}"
        errors = sum(1 for status in figures["statuses"] if status >= 500 or status == 0)
        advance = figures["advance"]
        within = sum(1 for value in advance if value <= 5)

        def add(name, samples, fraction, note="", group=group, livez=livez):
            if not samples:
                measurements.append(
                    Measurement(
                        group,
                        name,
                        float("nan"),
                        "ms",
                        "GET /livez (median, same load)",
                        livez,
                        note or "no samples",
                    )
                )
                return
            measurements.append(
                Measurement(group, name, _pct(samples, fraction) * 1000, "ms",
                            "GET /livez (median, same load)", livez, note)
            )  # fmt: skip

        note = (
            f"{within}/{size} within 5 s; max {max(advance, default=float('nan')):.2f} s; "
            f"{len(advance)}/{size} showed it within 30 s"
        )
        add("Advance -> phone shows new item, p50", advance, 0.5, note)
        add("Advance -> phone shows new item, p95", advance, 0.95, note)
        opened = figures["open"]
        add(
            "Open voting -> phone shows it open, p95",
            opened,
            0.95,
            f"{sum(1 for v in opened if v <= 5)}/{size} within 5 s",
        )
        add("Vote -> acknowledged, p50", figures["acks"], 0.5)
        add(
            "Vote -> acknowledged, p95",
            figures["acks"],
            0.95,
            f"acknowledged {len(figures['acks'])}, stored {stored}",
        )
        add("Vote -> projector count, p95", figures["to_projector"], 0.95)
        measurements.append(
            Measurement(
                group,
                "Server CPU (both Daphne processes) per vote, incl. its pushes",
                figures["cpu_votes"] * 1000 / size,
                "ms",
                "server CPU per joined phone (5 requests, a socket)",
                figures["cpu_join"] * 1000 / size,
                "CPU time, not wall time: independent of the machine's other load",
            )
        )
        measurements.append(
            Measurement(
                group,
                "5xx / server-closed sockets / tracebacks / DB connections peak",
                float(errors),
                "",
                "requests",
                float(len(figures["statuses"])),
                f"5xx or no answer {errors}; sockets closed by the server {figures['dropped']}; "
                f"tracebacks {tracebacks}; nginx error lines {nginx_errors}, 5xx {nginx_5xx}; "
                f"peak DB connections {peak[0]}; peak Redis clients {peak[1]} (all users); "
                f"fragment refetches {figures['refetches']}; "
                f"WebSocket handshakes refused then retried {figures['refused']}; "
                f"joined in {figures['joined_in']:.1f} s; logs in {stack.prefix}",
            )
        )
        stack.clean()
    return measurements
