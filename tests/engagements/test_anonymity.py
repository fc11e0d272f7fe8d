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


def test_no_category_below_the_minimum_is_shown_on_its_own():
    """Small categories merge with every other small one and, when that group is still
    small or alone, with the smallest others, so none can be told apart by elimination."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    rule = SmallGroupRule(5)
    assert rule.merge_small([("A", 6), ("B", 0), ("C", 7)]) == ([("A", 6), ("B", 0), ("C", 7)], [])
    assert rule.merge_small([("A", 6), ("B", 7), ("C", 2)]) == ([("B", 7)], ["A", "C"])
    assert rule.merge_small([("A", 9), ("B", 0), ("C", 3), ("D", 3)]) == (
        [("A", 9)],
        ["B", "C", "D"],
    )

    @settings(deadline=None)  # no timing in tests: a busy machine is not a failure
    @given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=8))
    def check(counts):
        rows = [(f"o{index}", count) for index, count in enumerate(counts)]
        kept, merged = rule.merge_small(rows)
        assert all(count == 0 or count >= 5 for _label, count in kept)
        together = sum(count for label, count in rows if label in merged)
        if merged and sum(counts) >= 5:
            assert len(merged) >= 2 or not kept
            assert together >= 5
        assert sorted(kept + [r for r in rows if r[0] in merged]) == sorted(rows)

    check()


def test_a_single_hidden_count_is_never_the_total_minus_the_others():
    """A column whose total is known (every response ranks one option first) hides a second
    count next to a lone small one: the smallest other count above zero."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    rule = SmallGroupRule(5)
    assert rule.hidden_cells([9, 7, 0]) == [False, False, False]
    assert rule.hidden_cells([9, 7, 2, 0]) == [False, True, True, False]
    assert rule.hidden_cells([9, 3, 2]) == [False, True, True]

    @settings(deadline=None)
    @given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=8))
    def check(counts):
        hidden = rule.hidden_cells(counts)
        pairs = list(zip(counts, hidden, strict=True))
        assert all(hide for count, hide in pairs if 0 < count < 5)
        others_shown = [count for count, hide in pairs if not hide and count]
        # One hidden count alone is derivable unless nothing else could be hidden with it.
        assert sum(hidden) != 1 or not others_shown

    check()
