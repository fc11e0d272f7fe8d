"""Reads of the baseline app.

The contract the roadmap relies on is ``baseline_for_roadmap``.
"""

from dataclasses import dataclass

# The keys of the default maturity model's seven dimensions, in order. Other stages
# (vision statements, the roadmap's action catalogue) refer to dimensions by these keys.
DEFAULT_DIMENSION_KEYS = (
    "strategy",  # strategie en leiderschap
    "people",  # mensen en cultuur
    "governance",  # governance en eigenaarschap
    "quality",  # datakwaliteit
    "platform",  # tools en platform
    "use",  # gebruik en analyse
    "responsible",  # verantwoord gebruik
)


@dataclass(frozen=True)
class DimensionLevel:
    key: str
    name: str  # Dutch display name
    current_level: int | None  # 1..5, the consensus score if set, else the rounded median
    target_level: int | None  # 1..5, set by the consultant with the client


@dataclass(frozen=True)
class BaselineForRoadmap:
    model_version_id: int
    assessment_id: int
    dimensions: list[DimensionLevel]


def baseline_for_roadmap(*, engagement) -> BaselineForRoadmap | None:
    """Current and target level per dimension of the engagement's latest completed
    assessment, or None without one. Implemented by the baseline issue."""
    return None
