"""Real server processes for the multi-process and fault tests.

Each server is ``daphne`` in its own process (as in production), on 127.0.0.1, against
the test database, with the Redis channel layer. Clients talk to it over real HTTP and
WebSocket connections. Each server's output goes to a log file that is kept (its path is
printed when a test fails), and a traceback in it fails the test when the server stops,
unless the test expects faults (``faults=True``: Redis taken away, a crash).
"""

import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent
DAPHNE = str(Path(sys.executable).parent / "daphne")
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"Nothing listens on port {port}")


def test_database_url() -> str:
    """The URL of the test database this test run created (SQLite file or PostgreSQL)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = urllib.parse.quote(settings.get("USER") or "")
    password = urllib.parse.quote(settings.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings['NAME']}"


class Server:
    """A daphne process serving the portal; can be killed and started again."""

    started: list["Server"] = []  # checked after each test by tests/live/conftest.py

    def __init__(
        self,
        *,
        redis_url: str = REDIS_URL,
        prefix: str,
        port: int | None = None,
        faults: bool = False,
        env: dict | None = None,
    ):
        self.port = port or free_port()
        self.redis_url = redis_url
        self.prefix = prefix
        self.faults = faults
        self.extra_env = env or {}
        self.process: subprocess.Popen | None = None
        self.log_path = Path(
            tempfile.NamedTemporaryFile(
                prefix=f"daphne-{self.port}-", suffix=".log", delete=False
            ).name
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> "Server":
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": test_database_url(),
            "REDIS_URL": self.redis_url,
            "REDIS_PREFIX": self.prefix,
            "DJANGO_SETTINGS_MODULE": "rucphen_portal.settings",
            # No chart browser in these servers: they serve no PDF, and its start and exit
            # cost CPU and leave tempdir noise in the log.
            "CHROMIUM_PATH": "/nonexistent/chromium",
            **self.extra_env,
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        Server.started.append(self)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    DAPHNE,
                    "--proxy-headers",
                    "-b",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "rucphen_portal.asgi:application",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port)
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def check_log(self) -> None:
        """Fail the test when the server logged a traceback it was not expected to."""
        if self.faults:
            return
        text = self.log()
        if "Traceback" in text:
            raise AssertionError(
                f"the server at port {self.port} logged a traceback ({self.log_path}):\n"
                + text[-4000:]
            )

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class RedisServer:
    """A private redis-server for tests that take Redis away (the shared one stays up)."""

    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is missing: install Debian's redis-server package.")
        # Its log is kept (not discarded) so a failing fault test shows why Redis went.
        self.log_path = Path(
            tempfile.NamedTemporaryFile(
                prefix=f"redis-{self.port}-", suffix=".log", delete=False
            ).name
        )
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()  # the server has its own copy
        wait_for_port(self.port)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class Browserless:
    """An HTTP client with cookies, like a phone's browser without JavaScript."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def set_cookie(self, name: str, value: str) -> None:
        cookie = http.cookiejar.Cookie(
            0, name, value, None, False, "127.0.0.1", False, False, "/", True,
            False, None, False, None, None, {},
        )  # fmt: skip
        self.jar.set_cookie(cookie)

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 10):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, method=method)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path: str, data: dict, **kwargs):
        """POST with the CSRF token, fetched from the page first if there is no cookie yet."""
        if self.cookie("csrftoken") is None:
            self.get(path)
        token = self.cookie("csrftoken")
        return self.request("POST", path, data={**data, "csrfmiddlewaretoken": token}, **kwargs)

    def json(self, path: str) -> dict:
        status, _headers, body = self.get(path)
        assert status == 200, status
        return json.loads(body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf_from(html: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()


def manager_cookie(server: "Server", user) -> str:
    """A signed-in session of someone who runs the session (the projector's browser): the
    projector's and facilitator's sockets (``?rol=projector``) need it."""
    from django.contrib.auth.hashers import make_password

    from tests.accounts.factories import PASSWORD

    # The server processes verify passwords with the production hasher.
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    browser = Browserless(server.url)
    status, _headers, _body = browser.post_form(
        "/account/inloggen/", {"username": user.username, "password": PASSWORD}
    )
    assert status == 302, status
    return f"sessionid={browser.cookie('sessionid')}"


def projector_socket(server: "Server", code: str, cookie: str, **kwargs):
    from websockets.sync.client import connect

    return connect(
        f"{server.ws_url}/ws/sessie/{code}/?rol=projector",
        origin=server.url,
        proxy=None,
        additional_headers={"Cookie": cookie},
        **{"open_timeout": 10, **kwargs},
    )
