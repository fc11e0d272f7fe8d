"""Hostile input to every URL of the project: never a 500.

The URLs and their valid arguments come from the permission matrices
(tests/*/test_permissions.py), so every app's pages and endpoints are fuzzed with
the roles that may open them. For each, hypothesis posts random and hostile values
(huge strings, HTML and script, SQL, control characters, wrong types, unknown and
foreign ids) under the field names the page's own form uses, and raw bodies with
invalid UTF-8 and broken JSON.
"""

import importlib
import pkgutil
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests
from tests.permissions import LOGIN
from tests.world import build_world

HOSTILE_VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "' OR 1=1 --",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "true",
            "null",
            "[]",
            "{}",
            "../../etc/passwd",
            "\x00",
            "\u202e",
            "😀" * 50,
            "x" * 20_000,
            "2026-02-30",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)
RAW_BODIES = [
    (b"a=%ff%fe%fd&b=\xff\xfe", "application/x-www-form-urlencoded"),
    (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
    (b'{"answer": ', "application/json"),
    (b'{"value": {"nested": [1, 2, {"deep": null}]}}', "application/json"),
    (b"\xff\xfe", "application/json"),
]
FIELD_NAME = re.compile(r'name="([^"]+)"')


def _cases():
    """(case, prepare) pairs: a permission module may define ``prepare_world(world)`` to
    add the objects its cases refer to (``world.extra``)."""
    for module_info in pkgutil.walk_packages(tests.__path__, prefix="tests."):
        if module_info.name.endswith(".test_permissions"):
            module = importlib.import_module(module_info.name)
            prepare = getattr(module, "prepare_world", None)
            for case in getattr(module, "CASES", []):
                yield case, prepare


CASES = sorted(_cases(), key=lambda pair: pair[0].name)


def _client_for(world, case):
    """A client of a role that may open the page (anonymous if it is public).

    Where nobody may (a 404 for everyone), the engagement's consultant fuzzes the
    not-found path."""
    for role in ("anonymous", "consultant_on", "admin", "staff_a"):
        if case.expected[role] not in (LOGIN, 403, 404):
            break
    else:
        role = "consultant_on"
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "prepare"), CASES, ids=[str(case) for case, _p in CASES])
def test_hostile_input_never_causes_a_server_error(case, prepare):
    world = build_world()
    if prepare is not None:
        world = prepare(world) or world
    client = _client_for(world, case)
    url = reverse(case.name, kwargs=case.kwargs(world))
    page = client.get(url)
    _assert_no_server_error(page, f"GET {url}")
    is_html = page.get("Content-Type", "").startswith("text/html")
    names = (
        sorted(set(FIELD_NAME.findall(page.content.decode(errors="replace")))) if is_html else []
    )
    names = [name for name in names if name != "csrfmiddlewaretoken"] or ["value", "id", "answer"]

    for body, content_type in RAW_BODIES:
        response = client.generic("POST", url, data=body, content_type=content_type)
        _assert_no_server_error(response, f"POST {url} raw {body[:20]!r}")

    @settings(
        max_examples=8,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(payload=st.dictionaries(st.sampled_from(names), HOSTILE_VALUES, max_size=len(names)))
    def post_hostile(payload):
        response = client.post(url, payload)
        _assert_no_server_error(response, f"POST {url} {payload!r:.200}")
        response = client.get(url, payload)
        _assert_no_server_error(response, f"GET {url} {payload!r:.200}")

    post_hostile()


# --- Path parameters ------------------------------------------------------------------------
# Every parameter of every URL, replaced by values a view cannot handle: the bounded converters
# (engagements/converters.py) turn them into a 404 before a view or the database sees them.
HOSTILE_PATH_VALUES = [
    "%00",
    "1%00",
    "%0A",
    "%0D%0A",
    "%1B",
    "%7F",
    "%D9%A1%D9%A2",  # Arabic-Indic digits ١٢
    "%C2%B2",  # superscript two
    "1" + "0" * 30,
    "-1",
    "0",
    "%F0%9F%98%80",
    "a%2Fb",
    "..",
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "prepare"), CASES, ids=[str(case) for case, _p in CASES])
def test_hostile_path_parameters_never_cause_a_server_error(case, prepare):
    world = build_world()
    if prepare is not None:
        world = prepare(world) or world
    kwargs = case.kwargs(world)
    if not kwargs:
        pytest.skip("no path parameters")
    client = _client_for(world, case)
    url = reverse(case.name, kwargs=kwargs)
    for name, value in kwargs.items():
        segment = f"/{value}/"
        position = url.rfind(segment) if segment in url else url.rfind(f"/{value}")
        assert position >= 0, (name, url)
        for hostile in HOSTILE_PATH_VALUES:
            bad = url[: position + 1] + hostile + url[position + 1 + len(str(value)) :]
            for method in ("get", "post"):
                response = getattr(client, method)(bad)
                _assert_no_server_error(response, f"{method.upper()} {bad}")


# --- Stored values read back ----------------------------------------------------------------
# A value that a form accepted can still break every page that shows it later (a year-1 date
# did). After hostile posts, the pages that read the engagement's data must still render.
DATE_EXTREMES = ["0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59", "1-1-1"]


def _read_back_pages(world) -> list[str]:
    engagement = world.engagement.pk
    return [
        reverse("engagements:engagement_detail", kwargs={"pk": engagement}),
        reverse("engagements:organisation_detail", kwargs={"pk": world.engagement.organisation_id}),
        reverse("surveys:survey_list", kwargs={"engagement_pk": engagement}),
        reverse("workshops:session_list", kwargs={"engagement_pk": engagement}),
        reverse("baseline:assessment_list", kwargs={"engagement_pk": engagement}),
        reverse("roadmap:roadmap_detail", kwargs={"engagement_pk": engagement}),
        reverse("engagements:home"),
        "/beheer/engagements/engagement/",
        "/beheer/engagements/organisation/",
        "/beheer/workshops/session/",
        "/beheer/surveys/survey/",
        "/beheer/baseline/assessment/",
    ]


class _FormValues(HTMLParser):
    """The values a page's forms would send as they are, and which fields are dates."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self.dates: list[str] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("date", "datetime-local"):
                self.dates.append(name)
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("file", "submit"):
                self.values.setdefault(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = name
        elif (
            tag == "option"
            and self._select
            and ("selected" in attrs or self._select not in self.values)
        ):
            self.values[self._select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.setdefault(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "prepare"), CASES, ids=[str(case) for case, _p in CASES])
def test_extreme_dates_break_no_page_afterwards(case, prepare):
    """Every date field of every form, with year 1 and 9999 and everything else as the page
    filled it in; then the pages that read the engagement's data, as the administrator."""
    world = build_world()
    if prepare is not None:
        world = prepare(world) or world
    client = _client_for(world, case)
    url = reverse(case.name, kwargs=case.kwargs(world))
    page = client.get(url)
    if not page.get("Content-Type", "").startswith("text/html"):
        pytest.skip("not a page with a form")
    form = _FormValues()
    form.feed(page.content.decode(errors="replace"))
    if not form.dates:
        pytest.skip("no date field")
    for name in form.dates:
        for extreme in DATE_EXTREMES:
            payload = {**form.values, name: extreme}
            payload.pop("csrfmiddlewaretoken", None)
            _assert_no_server_error(client.post(url, payload), f"POST {url} {name}={extreme}")
    admin = Client()
    admin.force_login(world.users["admin"])
    for read in _read_back_pages(world):
        _assert_no_server_error(admin.get(read), f"GET {read} after POST {url}")


# --- JSON imports -----------------------------------------------------------------------------
# Every import (survey, maturity model, action catalogue), with documents no export makes:
# a Dutch message and a 400, never a 500 (engagements/jsonimport.py).
HOSTILE_DOCUMENTS = [
    b"[" * 10_000 + b"]" * 10_000,
    b'{"a": ' * 10_000 + b"1" + b"}" * 10_000,
    b'{"n": ' + b"9" * 5_000 + b"}",
    b'{"n": 1e999999}',
    b'{"n": NaN}',
    b'{"t": "\\u0000"}',
    b"[]",
    b'"text"',
    b"12",
    b"null",
    b'{"format": ["wrong"], "actions": {"a": 1}, "dimensions": "x", "pages": 3}',
    b'{"format": "routeplan-actiecatalogus", "format_version": 1, "actions": [1, "x", null]}',
    b'{"title": 5, "pages": [{"questions": [{"type": [], "options": 7}]}]}',
    b"\xff\xfe\x00",
]
IMPORTS = ["surveys:survey_import", "baseline:model_import", "roadmap:catalogue_import"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", IMPORTS)
def test_hostile_json_imports_get_a_400_never_a_500(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case, prepare = next((c, p) for c, p in CASES if c.name == name)
    world = build_world()
    if prepare is not None:
        world = prepare(world) or world
    client = _client_for(world, case)
    url = reverse(case.name, kwargs=case.kwargs(world))
    for document in HOSTILE_DOCUMENTS:
        upload = SimpleUploadedFile("import.json", document, "application/json")
        response = client.post(url, {"file": upload, "text": document.decode(errors="replace")})
        assert response.status_code == 400, f"{name} {document[:40]!r}: {response.status_code}"


# --- WebSocket frames -------------------------------------------------------------------------
# Whatever a client sends on the session's socket, the consumer answers with an error message,
# ignores it, or closes with a code of its own: never a traceback (close 1011).
HOSTILE_FRAMES = [
    "not json",
    " ",
    "{",
    "[" * 10_000 + "]" * 10_000,
    '{"a": ' * 5_000 + "1" + "}" * 5_000,
    '{"type": 1}',
    '{"action": "vote", "value": ' + "9" * 5_000 + "}",
    '{"action": "\\u0000"}',
    "[]",
    "null",
    "\x00",
    b"\xff\xfe\x00",
    "x" * 100_000,
]


@pytest.mark.django_db(transaction=True)
def test_hostile_websocket_frames_never_crash_the_consumer():
    from asgiref.sync import async_to_sync
    from channels.testing import WebsocketCommunicator

    from rucphen_portal.asgi import application
    from tests.workshops.factories import SessionFactory

    session = SessionFactory()

    async def send(frame):
        communicator = WebsocketCommunicator(
            application,
            f"/ws/sessie/{session.join_code}/",
            headers=[(b"origin", b"http://localhost"), (b"host", b"localhost")],
        )
        connected, _ = await communicator.connect()
        assert connected
        while not await communicator.receive_nothing(timeout=0.3):
            await communicator.receive_output(timeout=1)  # the state on connect
        if isinstance(frame, bytes):
            await communicator.send_to(bytes_data=frame)
        else:
            await communicator.send_to(text_data=frame)
        outputs = []
        try:
            while not await communicator.receive_nothing(timeout=0.5):
                outputs.append(await communicator.receive_output(timeout=1))
        finally:
            await communicator.disconnect()
        return outputs

    failures = []
    for frame in HOSTILE_FRAMES:
        try:
            outputs = async_to_sync(send)(frame)
        except (TimeoutError, AssertionError):
            raise
        except Exception as error:  # noqa: BLE001  the consumer raised: a traceback, close 1011
            failures.append(f"{frame[:30]!r}: {type(error).__name__}: {error!s:.100}")
            continue
        for output in outputs:
            if output["type"] == "websocket.close" and output.get("code") in (1011, None):
                failures.append(f"{frame[:30]!r}: closed with {output.get('code')}")
    assert failures == []
