"""A survey's definition as plain data: the JSON export and import format.

The shipped template is written in this format too. Questions carry a ``key`` that
conditions refer to; a condition may only refer to a question on an earlier page.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from surveys.models import CHOICE_KINDS, DEFAULT_MAX_LENGTH, QuestionKind

FORMAT = "rucphen-survey"
VERSION = 1
MAX_PAGES = 50
MAX_QUESTIONS = 300


def _text(item: dict, name: str, *, limit: int, required: bool = False) -> str:
    value = item.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("'%(name)s' must be text.") % {"name": name})
    value = value.strip()
    if required and not value:
        raise ValidationError(_("'%(name)s' may not be empty.") % {"name": name})
    if len(value) > limit:
        raise ValidationError(
            _("'%(name)s' is longer than %(limit)s characters.") % {"name": name, "limit": limit}
        )
    return value


def _options(item: dict[str, Any], kind: str) -> list[str]:
    options = item.get("options") or []
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise ValidationError(_("The options of a question must be a list of texts."))
    options = [option.strip() for option in options if option.strip()]
    if kind in CHOICE_KINDS and len(options) < 2:
        raise ValidationError(_("A choice or ranking question needs at least two options."))
    if len(set(options)) != len(options):
        raise ValidationError(_("The options of a question must differ from each other."))
    return options


def _question(item: Any, seen_keys: set[str], earlier_keys: set[str]) -> dict:
    if not isinstance(item, dict):
        raise ValidationError(_("Every question must be an object."))
    kind = item.get("kind")
    if kind not in QuestionKind.values:
        raise ValidationError(_("Unknown question type: %(kind)s.") % {"kind": kind})
    options = _options(item, kind)
    key = _text(item, "key", limit=60) or f"q{len(seen_keys) + 1}"
    if key in seen_keys:
        raise ValidationError(_("The question key %(key)s is used twice.") % {"key": key})
    seen_keys.add(key)
    max_length = item.get("max_length", DEFAULT_MAX_LENGTH)
    ranking_top = item.get("ranking_top", 0)
    if not isinstance(max_length, int) or not 1 <= max_length <= 20000:
        raise ValidationError(_("The maximum length must be a number from 1 to 20000."))
    if not isinstance(ranking_top, int) or not 0 <= ranking_top <= 20:
        raise ValidationError(_("The top of a ranking must be a number from 0 to 20."))
    condition = item.get("condition")
    if condition:
        if not isinstance(condition, dict) or condition.get("question") not in earlier_keys:
            raise ValidationError(
                _("A condition must refer to a question on an earlier page (question %(key)s).")
                % {"key": key}
            )
        condition = {
            "question": condition["question"],
            "value": _text(condition, "value", limit=200, required=True),
        }
    return {
        "key": key,
        "kind": kind,
        "text": _text(item, "text", limit=500, required=True),
        "help_text": _text(item, "help_text", limit=2000),
        "required": bool(item.get("required", False)),
        "options": options if kind in CHOICE_KINDS else [],
        "allow_other": bool(item.get("allow_other", False)) and kind != QuestionKind.RANKING,
        "max_length": max_length,
        "ranking_top": ranking_top if kind == QuestionKind.RANKING else 0,
        "is_highlight": bool(item.get("is_highlight", False)),
        "condition": condition or None,
    }


def validate_definition(data: Any) -> dict:
    """A cleaned copy of a survey definition, or a ValidationError in Dutch."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(_("This file is not a survey exported from this portal."))
    if data.get("version") != VERSION:
        raise ValidationError(_("This survey file has a version this portal cannot read."))
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages or len(pages) > MAX_PAGES:
        raise ValidationError(_("A survey needs between 1 and 50 pages."))
    cleaned_pages: list[dict[str, Any]] = []
    seen_keys: set[str] = set()
    for page in pages:
        if not isinstance(page, dict) or not isinstance(page.get("questions", []), list):
            raise ValidationError(_("Every page must be an object with a list of questions."))
        earlier = set(seen_keys)
        questions = [_question(item, seen_keys, earlier) for item in page.get("questions", [])]
        cleaned_pages.append(
            {
                "title": _text(page, "title", limit=200, required=True),
                "intro": _text(page, "intro", limit=5000),
                "questions": questions,
            }
        )
    if len(seen_keys) > MAX_QUESTIONS:
        raise ValidationError(_("A survey can have at most 300 questions."))
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": _text(data, "title", limit=200, required=True),
        "intro": _text(data, "intro", limit=10000),
        "thank_you_text": _text(data, "thank_you_text", limit=5000),
        "invitation_subject": _text(data, "invitation_subject", limit=200),
        "invitation_message": _text(data, "invitation_message", limit=10000),
        "reminder_message": _text(data, "reminder_message", limit=10000),
        "pages": cleaned_pages,
    }
