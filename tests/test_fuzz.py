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
