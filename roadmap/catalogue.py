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


def parse_catalogue(text: str | bytes, *, dimension_keys: set[str] | None = None):
    """A catalogue document from JSON text; ValidationError lists every problem found."""
    data = parse_json_import(text)
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
    errors: list[str] = []
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
    for action in actions:
        for prerequisite in action.prerequisites:
            if prerequisite not in seen:
                errors.append(
                    _(
                        "Action “%(key)s” names a prerequisite “%(prerequisite)s” that is not "
                        "in the catalogue."
                    )
                    % {"key": action.key, "prerequisite": prerequisite}
                )
    if errors:
        raise ValidationError(errors[:50])
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    return CatalogueDocument(name=name.strip()[:200], actions=actions)


def _text(raw: dict, name: str, *, required: bool, max_length: int) -> str | None:
    value = raw.get(name, "")
    if not isinstance(value, str):
        return None
    value = value.strip()
    if (required and not value) or len(value) > max_length:
        return None
    return value


def _parse_action(raw, number: int, errors: list[str], dimension_keys) -> CatalogueAction | None:
    if not isinstance(raw, dict):
        errors.append(_("Action %(number)s is not an object.") % {"number": number})
        return None
    problems = []
    key = raw.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problems.append(_("a key of lower-case letters, digits and hyphens"))
    dimension = raw.get("dimension")
    if not isinstance(dimension, str) or (
        dimension_keys is not None and dimension not in dimension_keys
    ):
        problems.append(_("a dimension of the maturity model"))
    from_level = raw.get("from_level")
    if not isinstance(from_level, int) or not MIN_LEVEL <= from_level < MAX_LEVEL:
        problems.append(_("a starting level from 1 to 4"))
    title = _text(raw, "title", required=True, max_length=200)
    if title is None:
        problems.append(_("a title of at most 200 characters"))
    description = _text(raw, "description", required=False, max_length=4000)
    if description is None:
        problems.append(_("a description of at most 4000 characters"))
    effort = raw.get("effort")
    if effort not in Effort.values:
        problems.append(_("an effort of S, M or L"))
    duration = raw.get("duration_quarters")
    if not isinstance(duration, int) or not 1 <= duration <= MAX_DURATION:
        problems.append(_("a duration of 1 to 12 quarters"))
    owner = _text(raw, "owner_role", required=False, max_length=120)
    if owner is None:
        problems.append(_("an owner role of at most 120 characters"))
    prerequisites = raw.get("prerequisites", [])
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        problems.append(_("prerequisites as a list of action keys"))
        prerequisites = []
    requires = []
    raw_requires = raw.get("requires", [])
    if not isinstance(raw_requires, list):
        raw_requires = [None]
    for rule in raw_requires:
        if (
            isinstance(rule, dict)
            and isinstance(rule.get("dimension"), str)
            and (dimension_keys is None or rule["dimension"] in dimension_keys)
            and rule["dimension"] != dimension
            and isinstance(rule.get("level"), int)
            and MIN_LEVEL < rule["level"] <= MAX_LEVEL
        ):
            requires.append(LevelRequirement(rule["dimension"], rule["level"]))
        else:
            problems.append(_("rules as another dimension with a level from 2 to 5"))
            break
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
        prerequisites=tuple(sorted(set(prerequisites))),
        requires=tuple(sorted(set(requires), key=lambda r: (r.dimension_key, r.level))),
        met_by_vision=raw.get("met_by_vision") is True,
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
