"""The action catalogue as JSON: the default Dutch catalogue, export and import.

The JSON document is ``{"format": "routeplan-actiecatalogus", "format_version": 1,
"name": ..., "actions": [...]}``; each action has ``key``, ``dimension``, ``from_level``,
``title``, ``description``, ``effort`` (S/M/L), ``duration_quarters``, ``owner_role``,
``prerequisites`` (action keys) and ``requires`` (``[{"dimension": ..., "level": ...}]``).
Parsing checks everything and reports problems in plain Dutch, never a crash.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from engagements.jsonimport import parse_json_import
from roadmap.generator import MAX_LEVEL, MIN_LEVEL, CatalogueAction, Effort, LevelRequirement

FORMAT = "routeplan-actiecatalogus"
FORMAT_VERSION = 1
DEFAULT_CATALOGUE_PATH = Path(__file__).resolve().parent / "default_catalogue.json"
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_ACTIONS = 2000
MAX_DURATION = 12


@dataclass(frozen=True)
class CatalogueDocument:
    name: str
    actions: list[CatalogueAction]


def default_catalogue() -> CatalogueDocument:
    """The default Dutch catalogue shipped with the project."""
    return parse_catalogue(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"))


def parse_catalogue(
    text: str | bytes, *, dimension_keys: set[str] | None = None
) -> CatalogueDocument:
    """A catalogue document from JSON text; ValidationError lists every problem found."""
    data = parse_json_import(text)
    raw_actions = _checked_actions(data)
    errors: list[str] = []
    actions = _parse_actions(raw_actions, errors, dimension_keys)
    errors.extend(_unknown_prerequisites(actions))
    if errors:
        raise ValidationError(errors[:50])
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    return CatalogueDocument(name=name.strip()[:200], actions=actions)


def _checked_actions(data: dict[str, Any]) -> list[object]:
    """The document's list of raw actions, once its format, version and size are right."""
    if data.get("format") != FORMAT:
        raise ValidationError(_("The file is not an action catalogue of this portal."))
    if data.get("format_version") != FORMAT_VERSION:
        raise ValidationError(
            _("This catalogue has format version %(version)s; version %(expected)s is supported."),
            params={"version": data.get("format_version"), "expected": FORMAT_VERSION},
        )
    raw_actions = data.get("actions")
    if not isinstance(raw_actions, list) or not raw_actions:
        raise ValidationError(_("The catalogue holds no actions."))
    if len(raw_actions) > MAX_ACTIONS:
        raise ValidationError(
            _("The catalogue holds more than %(max)s actions."), params={"max": MAX_ACTIONS}
        )
    return raw_actions


def _parse_actions(
    raw_actions: list[object], errors: list[str], dimension_keys: set[str] | None
) -> list[CatalogueAction]:
    """The valid actions with a key not used before; a problem with any other goes to errors."""
    actions: list[CatalogueAction] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_actions, start=1):
        action = _parse_action(raw, number, errors, dimension_keys)
        if action is None:
            continue
        if action.key in seen:
            errors.append(
                _("Action %(number)s: the key “%(key)s” is used twice.")
                % {"number": number, "key": action.key}
            )
            continue
        seen.add(action.key)
        actions.append(action)
    return actions


def _unknown_prerequisites(actions: list[CatalogueAction]) -> list[str]:
    keys = {action.key for action in actions}
    return [
        _("Action “%(key)s” names a prerequisite “%(prerequisite)s” that is not in the catalogue.")
        % {"key": action.key, "prerequisite": prerequisite}
        for action in actions
        for prerequisite in action.prerequisites
        if prerequisite not in keys
    ]


def _parse_action(
    raw: object, number: int, errors: list[str], dimension_keys: set[str] | None
) -> CatalogueAction | None:
    """The action, or None with one sentence in errors naming everything it lacks.

    Each field reader returns the valid value, or adds what the field needs to ``problems``
    and returns a placeholder that is never used (the action is refused then).
    """
    if not isinstance(raw, dict):
        errors.append(_("Action %(number)s is not an object.") % {"number": number})
        return None
    problems: list[str] = []
    key = _key(raw, problems)
    dimension = _dimension(raw, dimension_keys, problems)
    from_level = _whole_number(
        raw, "from_level", MIN_LEVEL, MAX_LEVEL - 1, _("a starting level from 1 to 4"), problems
    )
    title = _text(raw, "title", 200, _("a title of at most 200 characters"), problems)
    description = _text(
        raw,
        "description",
        4000,
        _("a description of at most 4000 characters"),
        problems,
        required=False,
    )
    effort = _effort(raw, problems)
    duration = _whole_number(
        raw, "duration_quarters", 1, MAX_DURATION, _("a duration of 1 to 12 quarters"), problems
    )
    owner = _text(
        raw,
        "owner_role",
        120,
        _("an owner role of at most 120 characters"),
        problems,
        required=False,
    )
    prerequisites = _prerequisites(raw, problems)
    requires = _requires(raw, dimension_keys, problems)
    if problems:
        errors.append(
            _("Action %(number)s needs %(problems)s.")
            % {"number": number, "problems": ", ".join(problems)}
        )
        return None
    return CatalogueAction(
        key=key,
        dimension_key=dimension,
        from_level=from_level,
        title=title,
        description=description,
        effort=effort,
        duration_quarters=duration,
        owner_role=owner,
        prerequisites=prerequisites,
        requires=requires,
        met_by_vision=raw.get("met_by_vision") is True,
    )


def _key(raw: dict[str, Any], problems: list[str]) -> str:
    key = raw.get("key")
    if isinstance(key, str) and KEY_PATTERN.match(key):
        return key
    problems.append(_("a key of lower-case letters, digits and hyphens"))
    return ""


def _dimension(raw: dict[str, Any], dimension_keys: set[str] | None, problems: list[str]) -> str:
    dimension = raw.get("dimension")
    if isinstance(dimension, str) and (dimension_keys is None or dimension in dimension_keys):
        return dimension
    problems.append(_("a dimension of the maturity model"))
    return ""


def _whole_number(
    raw: dict[str, Any], name: str, low: int, high: int, problem: str, problems: list[str]
) -> int:
    value = raw.get(name)
    if isinstance(value, int) and low <= value <= high:
        return value
    problems.append(problem)
    return low


def _text(
    raw: dict[str, Any],
    name: str,
    max_length: int,
    problem: str,
    problems: list[str],
    *,
    required: bool = True,
) -> str:
    value = raw.get(name, "")
    if isinstance(value, str):
        value = value.strip()
        if (value or not required) and len(value) <= max_length:
            return value
    problems.append(problem)
    return ""


def _effort(raw: dict[str, Any], problems: list[str]) -> str:
    effort = raw.get("effort")
    if isinstance(effort, str) and effort in Effort.values:
        return effort
    problems.append(_("an effort of S, M or L"))
    return Effort.MEDIUM


def _prerequisites(raw: dict[str, Any], problems: list[str]) -> tuple[str, ...]:
    prerequisites = raw.get("prerequisites", [])
    if isinstance(prerequisites, list) and all(isinstance(p, str) for p in prerequisites):
        return tuple(sorted(set(prerequisites)))
    problems.append(_("prerequisites as a list of action keys"))
    return ()


def _requires(
    raw: dict[str, Any], dimension_keys: set[str] | None, problems: list[str]
) -> tuple[LevelRequirement, ...]:
    """The cross-dimension rules: each names another dimension and a level from 2 to 5."""
    raw_requires = raw.get("requires", [])
    if not isinstance(raw_requires, list):
        raw_requires = [None]
    requires: set[LevelRequirement] = set()
    for rule in raw_requires:
        if not _is_rule(rule, raw.get("dimension"), dimension_keys):
            problems.append(_("rules as another dimension with a level from 2 to 5"))
            break
        requires.add(LevelRequirement(rule["dimension"], rule["level"]))
    return tuple(sorted(requires, key=lambda r: (r.dimension_key, r.level)))


def _is_rule(
    rule: object, dimension: object, dimension_keys: set[str] | None
) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(rule, dict)
        and isinstance(rule.get("dimension"), str)
        and (dimension_keys is None or rule["dimension"] in dimension_keys)
        and rule["dimension"] != dimension
        and isinstance(rule.get("level"), int)
        and MIN_LEVEL < rule["level"] <= MAX_LEVEL
    )


def catalogue_to_json(*, name: str, actions: list[CatalogueAction]) -> str:
    """The catalogue as a JSON document that ``parse_catalogue`` reads back unchanged."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name,
        "actions": [
            {
                "key": action.key,
                "dimension": action.dimension_key,
                "from_level": action.from_level,
                "title": action.title,
                "description": action.description,
                "effort": str(action.effort),
                "duration_quarters": action.duration_quarters,
                "owner_role": action.owner_role,
                "prerequisites": list(action.prerequisites),
                "requires": [
                    {"dimension": rule.dimension_key, "level": rule.level}
                    for rule in action.requires
                ],
                **({"met_by_vision": True} if action.met_by_vision else {}),
            }
            for action in actions
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
