"""Reading an uploaded JSON document (survey, maturity model, action catalogue) safely.

One function for every import, with limits a real export never comes near: size, nesting
depth, length of a number, no NUL in any text (PostgreSQL cannot store it), no NaN or
Infinity, and the expected type at the top. Anything else is a ValidationError with a Dutch
message (the form shows it; the answer is a 400 page, never a 500). Each import then checks
its own schema on the result.
"""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NUMBER_LENGTH = 30


class _Refused(Exception):
    pass


def _number(text: str, convert):
    if len(text) > MAX_NUMBER_LENGTH:
        raise _Refused(_("The file holds a number that is too long."))
    return convert(text)


def _constant(name: str):
    raise _Refused(_("The file holds %(value)s, which is not a number.") % {"value": name})


def _check_structure(data: Any) -> None:
    """Depth and NUL, iteratively (a recursive walk would itself overflow)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise _Refused(_("The file is nested too deeply."))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and "\x00" in key:
                    raise _Refused(_("The file holds a NUL character."))
                stack.append((item, depth + 1))
        elif isinstance(value, str) and "\x00" in value:
            raise _Refused(_("The file holds a NUL character."))


def parse_json_import(raw: bytes | str, *, expected: type = dict) -> Any:
    """The parsed document, or ValidationError saying in Dutch what is wrong with it."""
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 1 MB."), code="too_large")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _("The file is not a UTF-8 text file."), code="encoding"
            ) from None
    try:
        data = json.loads(
            raw,
            parse_int=lambda text: _number(text, int),
            parse_float=lambda text: _number(text, float),
            parse_constant=_constant,
        )
        _check_structure(data)
    except _Refused as refused:
        raise ValidationError(str(refused), code="refused") from None
    except RecursionError:
        raise ValidationError(_("The file is nested too deeply."), code="depth") from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("This file is not valid JSON (line %(line)s, column %(column)s)."),
            params={"line": error.lineno, "column": error.colno},
            code="syntax",
        ) from None
    except ValueError:
        raise ValidationError(_("This file is not valid JSON."), code="syntax") from None
    if not isinstance(data, expected):
        raise ValidationError(_("The file does not hold what this import expects."), code="type")
    return data
