"""Reads of the roadmap app: the roadmap with its items, progress, and its sources.

The roadmap reads the earlier stages only through their contracts:
``baseline.selectors.baseline_for_roadmap``, ``workshops.selectors.vision_for_roadmap``
and ``session_highlights``, and ``surveys.selectors.survey_highlights``. Each may return
None; the roadmap then says so instead of failing.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from baseline.selectors import BaselineForRoadmap, baseline_for_roadmap
from engagements.dimensions import Dimension
from engagements.models import Engagement
from roadmap import generator, narrative
from roadmap.models import (
    NARRATIVE_FIELDS,
    ActionCatalogue,
    CatalogueAction,
    DocumentExport,
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
            met_by_vision=action.met_by_vision,
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
        vision_adopted=vision is not None,
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


# --- The decision document ("Visie en routeplan") ---------------------------------------


def level_names(*, roadmap: Roadmap) -> dict[int, str]:
    """The names of the maturity levels of the roadmap's model version (1: "Beginnend")."""
    names = dict(roadmap.catalogue.model_version.levels.values_list("number", "name"))
    return {**narrative.DEFAULT_LEVEL_NAMES, **names}


def plan_span(*, items: list[RoadmapItem]) -> tuple[generator.Quarter, generator.Quarter] | None:
    """The first and last quarter that hold an action that is not dropped."""
    active = [item for item in items if item.status != ItemStatus.DROPPED]
    if not active:
        return None
    return min(item.start for item in active), max(item.end for item in active)


def next_measurement(*, roadmap: Roadmap, baseline: BaselineForRoadmap | None) -> datetime.date:
    """A year after the baseline's measurement date; without one, a year after the start."""
    measured = _date(baseline.measured_on) if baseline is not None else None
    if measured is not None:
        try:
            return measured.replace(year=measured.year + 1)
        except ValueError:  # 29 February
            return measured.replace(year=measured.year + 1, day=28)
    return datetime.date(roadmap.start_year + 1, (roadmap.start_quarter - 1) * 3 + 1, 1)


def _date(value: object) -> datetime.date | None:
    """A date from another stage's contract (typed loosely there), or None."""
    return value if isinstance(value, datetime.date) else None


def year_budgets(*, items: list[RoadmapItem]) -> list[narrative.YearBudget]:
    """Cost and FTE estimates summed per year the actions start (dropped ones left out)."""
    years: dict[int, dict[str, Any]] = {}
    for item in items:
        if item.status == ItemStatus.DROPPED:
            continue
        row = years.setdefault(
            item.start_year, {"actions": 0, "estimated": 0, "cost": 0, "fte": Decimal(0)}
        )
        row["actions"] += 1
        if item.cost_euros is not None or item.fte is not None:
            row["estimated"] += 1
        row["cost"] += item.cost_euros or 0
        row["fte"] += item.fte or 0
    return [
        narrative.YearBudget(
            year=year,
            actions=row["actions"],
            estimated=row["estimated"],
            cost_euros=row["cost"],
            fte=float(row["fte"]),
        )
        for year, row in sorted(years.items())
    ]


def _uses_algorithms(item: RoadmapItem) -> bool:
    return bool(
        narrative.ALGORITHM_WORDS.search(f"{item.title} {item.description}")
        or (item.dimension_key == "use" and (item.from_level or 0) >= 3)
    )


@dataclass(frozen=True)
class RoadmapDocument:
    """Everything "Visie en routeplan" shows, in the PDF and in the .docx alike."""

    roadmap: Roadmap
    sources: ReportSources
    overview: RoadmapOverview
    facts: narrative.DocumentFacts
    sections: list[narrative.Section]
    level_names: dict[int, str]
    span: tuple[generator.Quarter, generator.Quarter] | None

    @property
    def span_label(self) -> str:
        return narrative.span_label(self.span)

    def section(self, anchor: str) -> narrative.Section:
        return next(s for s in self.sections if s.anchor == anchor)

    @property
    def public_reasons(self) -> dict[int, list[str]]:
        """Per item id, the reasons for the municipality (internal notes left out)."""
        return {
            item.pk: [
                reason["text"]
                for reason in item.reasons
                if reason.get("kind") not in generator.INTERNAL_REASON_KINDS
            ]
            for item in self.overview.items
        }


def roadmap_document(*, roadmap: Roadmap) -> RoadmapDocument:
    engagement = roadmap.engagement
    sources = report_sources(engagement=engagement)
    overview = roadmap_overview(roadmap=roadmap)
    names = level_names(roadmap=roadmap)
    items = overview.items
    active = [item for item in items if item.status != ItemStatus.DROPPED]
    span = plan_span(items=items)
    ambitions = []
    for dimension in roadmap.dimensions.all():
        mine = [item for item in active if item.dimension_key == dimension.key]
        ambitions.append(
            narrative.Ambition(
                key=dimension.key,
                name=dimension.name,
                current=dimension.current_level,
                target=dimension.target_level,
                current_label=narrative.level_label(dimension.current_level, names),
                target_label=narrative.level_label(dimension.target_level, names),
                reached_in=max((item.end for item in mine), default=None),
                actions=len(mine),
            )
        )
    vision = sources.vision
    first_year = span[0].year if span else None
    facts = narrative.DocumentFacts(
        organisation=engagement.organisation.name,
        engagement_title=engagement.title,
        vision_adopted_on=_date(vision.adopted_on) if vision else None,
        vision_session=vision.session_title if vision else "",
        vision_statements=list(vision.statements) if vision else [],
        priority_names=[overview.names.get(key, key) for key in vision.priorities]
        if vision
        else [],
        ambassadors=list(vision.ambassadors) if vision else [],
        survey_completed=sources.survey.response_rate.completed if sources.survey else None,
        session_held_on=_date(sources.session.held_on) if sources.session else None,
        session_participants=sources.session.participants if sources.session else None,
        baseline_measured_on=_date(sources.baseline.measured_on) if sources.baseline else None,
        ambitions=ambitions,
        span=span,
        action_count=len(active),
        first_year_titles=[item.title for item in active if item.start_year == first_year],
        owners=narrative.owners_by_count([item.owner for item in active]),
        budgets=year_budgets(items=items),
        capacity=roadmap.capacity,
        algorithm_titles=[item.title for item in active if _uses_algorithms(item)],
        next_measurement=next_measurement(roadmap=roadmap, baseline=sources.baseline),
    )
    stored = {name: getattr(roadmap, name) for name in NARRATIVE_FIELDS}
    return RoadmapDocument(
        roadmap=roadmap,
        sources=sources,
        overview=overview,
        facts=facts,
        sections=narrative.sections(stored=stored, facts=facts),
        level_names=names,
        span=span,
    )


def document_export_latest(*, roadmap: Roadmap, kind: str) -> DocumentExport | None:
    """The roadmap's latest document of this kind, without its content."""
    return roadmap.exports.filter(kind=kind).defer("content").order_by("-created_at").first()
