"""The small-group rule: the one place that decides whether a group is big enough to show.

A result, a category, a breakdown or an export column is shown only when it rests on at
least the engagement's minimum group size (``Engagement.min_group_size``), so that no one
can be recognised in it. Every result page, chart, PDF and export of every stage asks
:func:`small_group_rule` instead of comparing with a number of its own.
"""

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


def small_group_rule(engagement) -> SmallGroupRule:
    """The rule for an engagement's results (the default for material without one)."""
    if engagement is None:
        return SmallGroupRule(DEFAULT_MIN_GROUP_SIZE)
    return SmallGroupRule(engagement.min_group_size)
