"""The path converters of every URL: a value a view cannot handle never reaches a view.

Registered in ``EngagementsConfig.ready()``, so every app's ``urls.py`` (and the WebSocket
routing) writes ``<id:pk>``, ``<token:token>``, ``<code:code>`` and ``<key:key>`` instead of
Django's unbounded ``int``, ``str`` and ``slug``. A NUL, a percent-encoded control character,
a non-ASCII digit, 10**30 or a minus sign matches none of them, so the answer is a 404, never
a database error (PostgreSQL refuses NUL in text; a 31-digit id overflows a 64-bit integer).
``tests/rucphen_portal/test_converters.py`` fails when a URL uses Django's own converters.
"""

from django.urls import register_converter


class IdConverter:
    """A primary key: ASCII digits, at most 18 (below 2**63)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class _TextConverter:
    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


class TokenConverter(_TextConverter):
    """A personal link's token: URL-safe base64, at most 128 characters."""

    regex = "[A-Za-z0-9_-]{1,128}"


class CodeConverter(_TextConverter):
    """A session's join code as typed: letters and digits, at most 16."""

    regex = "[A-Za-z0-9]{1,16}"


class KeyConverter(_TextConverter):
    """A slug key (a dimension): ASCII letters, digits, '-' and '_', at most 64."""

    regex = "[A-Za-z0-9_-]{1,64}"


CONVERTERS: dict[str, type[IdConverter | _TextConverter]] = {
    "id": IdConverter,
    "token": TokenConverter,
    "code": CodeConverter,
    "key": KeyConverter,
}


def register() -> None:
    from django.urls.converters import get_converters

    for name, converter in CONVERTERS.items():
        if name not in get_converters():
            register_converter(converter, name)
