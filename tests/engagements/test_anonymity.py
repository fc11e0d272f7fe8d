"""The small-group rule, and that every stage asks it instead of comparing on its own."""

import re
from pathlib import Path

from engagements.anonymity import DEFAULT_MIN_GROUP_SIZE, SmallGroupRule, small_group_rule
from tests.engagements.factories import EngagementFactory

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "engagements", "surveys", "workshops", "baseline", "roadmap", "reporting")


def test_a_group_below_the_minimum_is_hidden_and_at_the_minimum_shown():
    rule = SmallGroupRule(5)
    assert rule.hides(4) and not rule.shows(4)
    assert rule.shows(5) and not rule.hides(5)


def test_the_rule_follows_the_engagement_and_has_a_default_without_one(db):
    assert small_group_rule(EngagementFactory(min_group_size=3)).minimum == 3
    assert small_group_rule(None).minimum == DEFAULT_MIN_GROUP_SIZE


def test_no_code_compares_with_the_minimum_group_size_itself():
    """The rule is written once (engagements/anonymity.py), not inline with a magic number."""
    inline = re.compile(
        r"(min_group\w*\s*(<|>|<=|>=)|(<|>|<=|>=)\s*\w*min_group|min_group_size\s+if\b)"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and path.name != "anonymity.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if inline.search(line)
    ]
    assert offenders == []
