"""Every URL of the portal takes its parameters through the bounded converters.

NUL, percent-encoded control characters, non-ASCII digits, 10**30 and negative numbers
match none of them: a 404 (never a database error) on every URL, HTTP and WebSocket.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter

from engagements.converters import CONVERTERS
from rucphen_portal.routing import websocket_urlpatterns

# Django's own admin and language switch parse their
# parameters themselves; everything else is ours.
DJANGO_NAMESPACES = {"admin"}
DJANGO_NAMES = {"set_language"}
UNBOUNDED = (IntConverter, StringConverter, SlugConverter, PathConverter)


def _patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in DJANGO_NAMESPACES:
                continue
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def test_no_url_uses_djangos_unbounded_converters():
    offenders = [
        route
        for route, pattern in [
            *_patterns(get_resolver().url_patterns),
            *_patterns(websocket_urlpatterns),
        ]
        if pattern.name not in DJANGO_NAMES
        and any(isinstance(c, UNBOUNDED) for c in pattern.pattern.converters.values())
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "value",
    ["1\x00", "\x00", "%00", "1%0A", "١٢", "²", "1" + "0" * 30, "-1", "12" * 20, "a/b", "é"],
)
def test_bad_values_match_no_converter(value):
    import re

    for name, converter in CONVERTERS.items():
        if (
            name in ("token", "code", "key")
            and value.isascii()
            and value.replace("-", "").isalnum()
        ):
            continue  # a plausible token or code: the view looks it up and answers 404
        assert not re.fullmatch(converter.regex, value), (name, value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/trajecten/1%00/",
        "/trajecten/%D9%A1/",
        "/trajecten/1000000000000000000000000000000/",
        "/trajecten/-1/",
        "/enquete/invullen/abc%00def/",
        "/enquete/invullen/%0D%0A/",
        "/nulmeting/invullen/x%00/",
        "/sessie/doe-mee/ABC%00/",
        "/sessie/live/%F0%9F%98%80/status.json",
        "/nulmeting/invullen/abc/%00/",
    ],
)
def test_bad_path_parameters_answer_404_for_everyone(client, django_user_model, path):
    admin = django_user_model.objects.create_user(
        username="beheer", password="x", role="administrator", is_staff=True, is_superuser=True
    )
    assert client.get(path).status_code == 404
    client.force_login(admin)
    assert client.get(path).status_code == 404
