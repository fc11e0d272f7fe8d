"""Reads of the roadmap app: the roadmap with its items, progress, and its sources.

The roadmap reads the earlier stages only through their contracts:
``baseline.selectors.baseline_for_roadmap``, ``workshops.selectors.vision_for_roadmap``
and ``session_highlights``, and ``surveys.selectors.survey_highlights``. Each may return
None; the roadmap then says so instead of failing.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from baseline.selectors import BaselineForRoadmap, baseline_for_roadmap
from engagements.dimensions import Dimension
from engagements.models import Engagement
from roadmap import generator
from roadmap.models import (
    ActionCatalogue,
    CatalogueAction,
    ItemStatus,
    Roadmap,
    RoadmapItem,
)
from surveys.selectors import SurveyHighlights, survey_highlights
from workshops.selectors import (
    SessionHighlights,
    VisionSummary,
    session_highlights,
    vision_for_roadmap,
)

# Used when the engagement has no completed baseline yet: a typical starting point of a
# Dutch municipality, so that a roadmap can be drafted and discussed before the baseline.
# (dimension, current level, target level)
DEFAULT_DIMENSION_GOALS = (
    (Dimension.STRATEGY, 2, 3),
    (Dimension.PEOPLE, 2, 3),
    (Dimension.GOVERNANCE, 1, 3),
    (Dimension.QUALITY, 2, 3),
    (Dimension.PLATFORM, 2, 3),
    (Dimension.USE, 2, 4),
    (Dimension.RESPONSIBLE, 2, 3),
)


def default_dimension_goals() -> list[tuple[str, str, int, int]]:
    """(key, name in the active language, current level, target level) per dimension."""
    return [
        (str(dimension.value), str(dimension.label), current, target)
        for dimension, current, target in DEFAULT_DIMENSION_GOALS
    ]


@dataclass(frozen=True)
class RoadmapSources:
    baseline: BaselineForRoadmap | None
    vision: VisionSummary | None


def roadmap_sources(*, engagement: Engagement) -> RoadmapSources:
    return RoadmapSources(
        baseline=baseline_for_roadmap(engagement=engagement),
        vision=vision_for_roadmap(engagement=engagement),
    )


@dataclass(frozen=True)
class ReportSources:
    baseline: BaselineForRoadmap | None
    vision: VisionSummary | None
    session: SessionHighlights | None
    survey: SurveyHighlights | None


def report_sources(*, engagement: Engagement) -> ReportSources:
    return ReportSources(
        baseline=baseline_for_roadmap(engagement=engagement),
        vision=vision_for_roadmap(engagement=engagement),
        session=session_highlights(engagement=engagement),
        survey=survey_highlights(engagement=engagement),
    )


# --- Catalogues ------------------------------------------------------------------------


def catalogue_list() -> QuerySet[ActionCatalogue]:
    return (
        ActionCatalogue.objects.select_related("model_version__model")
        .annotate(action_count=Count("actions", distinct=True))
        .order_by("name")
    )


def catalogue_actions(*, catalogue: ActionCatalogue) -> QuerySet[CatalogueAction]:
    return catalogue.actions.prefetch_related(
        Prefetch("prerequisites", queryset=CatalogueAction.objects.only("pk", "key", "title")),
        "level_rules",
    ).order_by("dimension_key", "from_level", "key")


def catalogue_actions_for_generator(
    *, catalogue: ActionCatalogue
) -> list[generator.CatalogueAction]:
    return [
        generator.CatalogueAction(
            key=action.key,
            dimension_key=action.dimension_key,
            from_level=action.from_level,
            title=action.title,
            description=action.description,
            effort=action.effort,
            duration_quarters=action.duration_quarters,
            owner_role=action.owner_role,
            prerequisites=tuple(sorted(p.key for p in action.prerequisites.all())),
            requires=tuple(
                generator.LevelRequirement(rule.dimension_key, rule.level)
                for rule in action.level_rules.all()
            ),
        )
        for action in catalogue_actions(catalogue=catalogue)
    ]


def catalogue_dimension_choices(*, catalogue: ActionCatalogue) -> list[tuple[str, str]]:
    """The dimensions of the catalogue's model version, as (key, name)."""
    return list(
        catalogue.model_version.dimensions.order_by("order").values_list("key", "name")
    ) or [(key, name) for key, name, _c, _t in default_dimension_goals()]


# --- Roadmaps --------------------------------------------------------------------------


def roadmap_for_engagement(*, engagement: Engagement) -> Roadmap | None:
    return (
        Roadmap.objects.filter(engagement=engagement)
        .select_related("catalogue", "engagement__organisation")
        .prefetch_related("dimensions")
        .first()
    )


def generator_input(
    *,
    roadmap: Roadmap,
    actions: list[generator.CatalogueAction],
    kept: list[RoadmapItem],
    vision: VisionSummary | None = None,
    use_vision: bool = True,
) -> generator.GeneratorInput:
    """The generator's input: the roadmap's levels and settings, the vision, the pins."""
    if use_vision and vision is None:
        vision = vision_for_roadmap(engagement=roadmap.engagement)
    pinned = {}
    settled = set()
    for item in kept:
        if item.is_removed or item.status in (ItemStatus.DONE, ItemStatus.DROPPED):
            settled.add(item.action_key)
        else:
            pinned[item.action_key] = item.start
    return generator.GeneratorInput(
        actions=actions,
        dimensions=[
            generator.DimensionGoal(d.key, d.name, d.current_level, d.target_level)
            for d in roadmap.dimensions.all()
        ],
        start=roadmap.start,
        horizon_years=roadmap.horizon_years,
        capacity=roadmap.capacity,
        priorities=list(vision.priorities) if vision else [],
        vision_statements=[
            generator.VisionStatement(s.text, s.dimension_key) for s in vision.statements
        ]
        if vision
        else [],
        pinned_starts=pinned,
        settled=frozenset(settled),
    )


def roadmap_items(*, roadmap: Roadmap, include_removed: bool = False) -> list[RoadmapItem]:
    items = roadmap.items.all()
    if not include_removed:
        items = items.filter(is_removed=False)
    return list(items.order_by("start_year", "start_quarter", "position", "pk"))


@dataclass
class YearGroup:
    year: int
    number: int  # 1 for the roadmap's first year
    items: list[RoadmapItem] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.status == ItemStatus.DONE)

    @property
    def active(self) -> int:
        return sum(1 for item in self.items if item.status != ItemStatus.DROPPED)

    @property
    def percentage(self) -> int:
        return round(100 * self.done / self.active) if self.active else 0


def items_per_year(*, roadmap: Roadmap, items: list[RoadmapItem]) -> list[YearGroup]:
    groups: dict[int, YearGroup] = {}
    for item in items:
        year = item.start_year
        if year not in groups:
            groups[year] = YearGroup(year=year, number=year - roadmap.start_year + 1)
        groups[year].items.append(item)
    return [groups[year] for year in sorted(groups)]


@dataclass(frozen=True)
class DimensionProgress:
    key: str
    name: str
    current_level: int | None
    target_level: int | None
    total: int
    done: int
    in_progress: int

    @property
    def percentage(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_per_dimension(
    *, roadmap: Roadmap, items: list[RoadmapItem]
) -> list[DimensionProgress]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in items:
        if item.status != ItemStatus.DROPPED:
            counts[item.dimension_key]["total"] += 1
            counts[item.dimension_key][item.status] += 1
    return [
        DimensionProgress(
            key=dimension.key,
            name=dimension.name,
            current_level=dimension.current_level,
            target_level=dimension.target_level,
            total=counts[dimension.key]["total"],
            done=counts[dimension.key][ItemStatus.DONE],
            in_progress=counts[dimension.key][ItemStatus.IN_PROGRESS],
        )
        for dimension in roadmap.dimensions.all()
    ]


def dimension_names(*, roadmap: Roadmap) -> dict[str, str]:
    return {dimension.key: dimension.name for dimension in roadmap.dimensions.all()}


@dataclass(frozen=True)
class RoadmapOverview:
    """Everything the roadmap page, the XLSX and the report show, in a fixed number of
    queries whatever the number of actions."""

    roadmap: Roadmap
    items: list[RoadmapItem]
    removed: list[RoadmapItem]
    years: list[YearGroup]
    progress: list[DimensionProgress]
    names: dict[str, str]

    @property
    def pinned_count(self) -> int:
        return sum(1 for item in self.items if item.is_pinned)


def roadmap_overview(*, roadmap: Roadmap) -> RoadmapOverview:
    every = roadmap_items(roadmap=roadmap, include_removed=True)
    names = dimension_names(roadmap=roadmap)
    for item in every:
        item.dimension_name = names.get(item.dimension_key, item.dimension_key)
    items = [item for item in every if not item.is_removed]
    return RoadmapOverview(
        roadmap=roadmap,
        items=items,
        removed=[item for item in every if item.is_removed],
        years=items_per_year(roadmap=roadmap, items=items),
        progress=progress_per_dimension(roadmap=roadmap, items=items),
        names=names,
    )


def roadmap_progress_summary(*, engagement: Engagement) -> tuple[int, int] | None:
    """(actions, done) of the engagement's roadmap in one query; None without a roadmap."""
    row = (
        Roadmap.objects.filter(engagement=engagement)
        .annotate(
            total=Count(
                "items",
                filter=~Q(items__status=ItemStatus.DROPPED) & Q(items__is_removed=False),
            ),
            done=Count("items", filter=Q(items__status=ItemStatus.DONE, items__is_removed=False)),
        )
        .values_list("total", "done")
        .first()
    )
    return row
