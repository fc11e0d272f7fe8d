"""Reads of the workshop app.

The contracts the roadmap relies on are ``vision_for_roadmap`` and ``session_highlights``.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class VisionStatementSummary:
    text: str
    # A dimension key of the maturity model (baseline.selectors.DEFAULT_DIMENSION_KEYS)
    # when the statement is about one dimension, else None.
    dimension_key: str | None
    agree: int
    agree_with_reservations: int
    disagree: int


@dataclass(frozen=True)
class VisionSummary:
    session_title: str
    adopted_on: object  # datetime.date the vision was adopted
    statements: list[VisionStatementSummary]
    # Dimension keys in the order of priority the session gave them (most important first).
    priorities: list[str] = field(default_factory=list)
    ambassadors: list[str] = field(default_factory=list)  # names of volunteers


@dataclass(frozen=True)
class StatementResult:
    text: str
    round_number: int
    counts: list[int]  # votes for 1 (strongly disagree) .. 5 (strongly agree)
    polarisation: float  # 0 (consensus) .. 1 (split room)
    notes: str


@dataclass(frozen=True)
class SessionHighlights:
    session_title: str
    held_on: object  # datetime.date
    participants: int
    examples_discussed: list[str]
    statements: list[StatementResult]


def vision_for_roadmap(*, engagement) -> VisionSummary | None:
    """The adopted vision of the engagement's latest session with one, or None.
    Implemented by the workshop issue."""
    return None


def session_highlights(*, engagement) -> SessionHighlights | None:
    """The results of the engagement's latest finished session, or None.
    Implemented by the workshop issue."""
    return None
