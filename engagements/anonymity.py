"""The small-group rule: the one place that decides whether a group is big enough to show.

A result, a category, a breakdown or an export column is shown only when it rests on at
least the engagement's minimum group size (``Engagement.min_group_size``), so that no one
can be recognised in it. Every result page, chart, PDF and export of every stage asks
:func:`small_group_rule` instead of comparing with a number of its own.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# The default minimum for a new engagement, and for material outside an engagement
# (templates): the same number as ``Engagement.min_group_size``'s default.
DEFAULT_MIN_GROUP_SIZE = 5
# The lowest minimum the portal allows (a database constraint on the engagement).
LOWEST_MIN_GROUP_SIZE = 3


@dataclass(frozen=True)
class SmallGroupRule:
    minimum: int

    def hides(self, count: int) -> bool:
        """True when a group of ``count`` answers or people is too small to show."""
        return count < self.minimum

    def shows(self, count: int) -> bool:
        return not self.hides(count)

    def merge_small[T](self, rows: Sequence[tuple[T, int]]) -> tuple[list[tuple[T, int]], list[T]]:
        """Categories (label, count) safe to show, and the labels merged into one group.

        When a category has between 1 and minimum - 1 answers, it is merged with every
        other category below the minimum (zeros too, so the group cannot be told apart by
        elimination), and then with the smallest remaining categories until the group has
        at least two categories and at least the minimum of answers. The caller shows the
        merged group as one row with the sum of its counts, or nothing when it is empty.
        Nothing is merged when no category is small; the order of ``rows`` is kept.
        """
        if not any(0 < count < self.minimum for _label, count in rows):
            return list(rows), []
        merged = [index for index, (_label, count) in enumerate(rows) if count < self.minimum]
        rest = sorted(
            (index for index in range(len(rows)) if index not in merged),
            key=lambda index: rows[index][1],
        )
        while rest and (len(merged) < 2 or sum(rows[i][1] for i in merged) < self.minimum):
            merged.append(rest.pop(0))
        kept = [row for index, row in enumerate(rows) if index not in merged]
        return kept, [rows[index][0] for index in sorted(merged)]

    def hidden_cells(self, counts: Sequence[int]) -> list[bool]:
        """Which counts of a column whose total is known to hide: every count of 1 to
        minimum - 1 and, when that is only one, the smallest other count above zero too:
        a single hidden count is the total minus the others."""
        hidden = [self.hides(count) and count > 0 for count in counts]
        if sum(hidden) == 1:
            others = [index for index, count in enumerate(counts) if count and not hidden[index]]
            if others:
                hidden[min(others, key=lambda index: counts[index])] = True
        return hidden


def small_group_rule(engagement) -> SmallGroupRule:
    """The rule for an engagement's results (the default for material without one)."""
    if engagement is None:
        return SmallGroupRule(DEFAULT_MIN_GROUP_SIZE)
    return SmallGroupRule(engagement.min_group_size)
