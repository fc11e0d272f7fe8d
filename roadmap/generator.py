"""The roadmap generator: from current and target levels to actions per quarter.

Pure Python, no database: the services feed it plain dataclasses and store the plan.

1. **Selection.** For every dimension, every catalogue action of the level transitions
   between the current level and the target is needed. Prerequisites and cross-dimension
   rules ("use and analytics to level 4 only after responsible use and data quality reach
   level 3") raise the level another dimension must reach, until nothing changes.
2. **Ordering.** The actions form a graph: an action waits for its explicit
   prerequisites, for the actions of the previous transition of its own dimension and for
   the actions that bring another dimension to a level its rules require. A topological
   sort (``graphlib``) respects that graph; among the actions that are ready at the same
   time it prefers the vision's priorities, then foundations (lower levels, actions
   others wait for), then quick wins (small effort, short duration), then the key.
3. **Scheduling.** Quarter by quarter, ready actions start in that order while fewer than
   ``capacity`` actions run at once. Pinned actions keep their quarter.
4. **Warnings** in plain Dutch: a target beyond the horizon (and what would make it fit),
   a transition without actions, a cycle in the prerequisites (named, never a crash).
5. **Self-check.** ``check_plan`` lists every way a plan contradicts its input (an action
   for a step already reached, an action an adopted vision already met, an action before
   the start, a step before its predecessors); ``generate`` runs it on every plan it makes
   and turns a problem into a warning, so an inconsistency never reaches the client
   silently. Reasons are written for the municipality ("Uw datakwaliteit staat op niveau
   2, het doel is 4; dit is de eerste stap daarheen"); the reasons of kinds in
   ``INTERNAL_REASON_KINDS`` are notes for the consultant and stay out of the documents.

The same input always gives the same plan.
"""

import heapq
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

MIN_LEVEL = 1
MAX_LEVEL = 5


class Effort(models.TextChoices):
    SMALL = "S", gettext_lazy("Small")
    MEDIUM = "M", gettext_lazy("Medium")
    LARGE = "L", gettext_lazy("Large")


EFFORT_RANK: dict[str, int] = {Effort.SMALL: 0, Effort.MEDIUM: 1, Effort.LARGE: 2}


class ReasonKind(models.TextChoices):
    GAP = "gap", gettext_lazy("Gap")
    PREREQUISITE = "prerequisite", gettext_lazy("Prerequisite")
    RULE = "rule", gettext_lazy("Cross-dimension rule")
    VISION = "vision", gettext_lazy("Vision")
    PINNED = "pinned", gettext_lazy("Pinned")


# Notes for the consultant, not for the municipality: shown on the roadmap page, never in
# the documents the municipality takes home.
INTERNAL_REASON_KINDS = frozenset({ReasonKind.PINNED})


class WarningKind(models.TextChoices):
    HORIZON = "horizon", gettext_lazy("Beyond the horizon")
    MISSING_ACTIONS = "missing_actions", gettext_lazy("No actions in the catalogue")
    CYCLE = "cycle", gettext_lazy("Cycle in the prerequisites")
    UNKNOWN = "unknown", gettext_lazy("Unknown reference")
    MISSING_LEVEL = "missing_level", gettext_lazy("Level missing")
    PINNED = "pinned", gettext_lazy("Pinned action conflicts")
    INCONSISTENT = "inconsistent", gettext_lazy("Inconsistent plan")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, such as Q1 2027 (shown in Dutch as "K1 2027")."""

    year: int
    number: int  # 1..4

    def __post_init__(self):
        if not 1 <= self.number <= 4:
            raise ValueError(f"A quarter is numbered 1 to 4, not {self.number}")

    @property
    def index(self) -> int:
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> "Quarter":
        return cls(year=index // 4, number=index % 4 + 1)

    def plus(self, quarters: int) -> "Quarter":
        return Quarter.from_index(self.index + quarters)

    @property
    def label(self) -> str:
        return _("Q%(number)s %(year)s") % {"year": self.year, "number": self.number}

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class LevelRequirement:
    """A cross-dimension rule: this action starts only once a dimension reaches a level."""

    dimension_key: str
    level: int


@dataclass(frozen=True)
class CatalogueAction:
    key: str
    dimension_key: str
    from_level: int  # the action helps to go from this level to the next
    title: str
    description: str = ""
    effort: str = Effort.MEDIUM
    duration_quarters: int = 1
    owner_role: str = ""
    prerequisites: tuple[str, ...] = ()  # keys of other actions
    requires: tuple[LevelRequirement, ...] = ()
    # Done once the vision session adopted a vision (such as "adopt a vision"): never
    # planned for a municipality that has one.
    met_by_vision: bool = False

    @property
    def to_level(self) -> int:
        return self.from_level + 1


@dataclass(frozen=True)
class DimensionGoal:
    key: str
    name: str
    current_level: int | None
    target_level: int | None


@dataclass(frozen=True)
class VisionStatement:
    text: str
    dimension_key: str | None


@dataclass(frozen=True)
class GeneratorInput:
    actions: Sequence[CatalogueAction]
    dimensions: Sequence[DimensionGoal]
    start: Quarter
    horizon_years: int = 3
    capacity: int = 3
    priorities: Sequence[str] = ()  # dimension keys, most important first
    vision_statements: Sequence[VisionStatement] = ()
    # Manual changes kept across regeneration: actions that keep their start quarter, and
    # actions that are removed, done or dropped (not scheduled; they no longer hold anyone up).
    pinned_starts: Mapping[str, Quarter] = field(default_factory=dict)
    settled: frozenset[str] = frozenset()
    vision_adopted: bool = False

    @property
    def horizon_end(self) -> Quarter:
        """The last quarter inside the horizon."""
        return self.start.plus(self.horizon_years * 4 - 1)


@dataclass(frozen=True)
class Reason:
    kind: str
    text: str


@dataclass(frozen=True)
class ScheduledAction:
    action: CatalogueAction
    start: Quarter
    end: Quarter  # the last quarter the action runs
    reasons: tuple[Reason, ...]
    pinned: bool = False
    position: int = 0  # rank in the topological order


@dataclass(frozen=True)
class PlanWarning:
    kind: str
    text: str
    dimension_key: str | None = None


@dataclass(frozen=True)
class DimensionOutcome:
    key: str
    name: str
    current_level: int
    target_level: int
    planned_level: int  # the level the plan reaches (the target, or higher when rules need it)
    reached_in: Quarter | None  # when the planned level is reached; None without actions
    level_within_horizon: int


@dataclass(frozen=True)
class RoadmapPlan:
    items: tuple[ScheduledAction, ...]
    warnings: tuple[PlanWarning, ...]
    outcomes: tuple[DimensionOutcome, ...]
    horizon_end: Quarter

    def item_for(self, key: str) -> ScheduledAction | None:
        return next((item for item in self.items if item.action.key == key), None)

    @property
    def span(self) -> tuple[Quarter, Quarter] | None:
        """The first and the last quarter that hold an action (None for an empty plan)."""
        if not self.items:
            return None
        return min(item.start for item in self.items), max(item.end for item in self.items)


class _Selection:
    """Which transitions each dimension needs, and why."""

    def __init__(self, data: GeneratorInput, warnings: list[PlanWarning]):
        self.data = data
        self.warnings = warnings
        self.names = {d.key: d.name for d in data.dimensions}
        self.by_key: dict[str, CatalogueAction] = {}
        for action in sorted(data.actions, key=lambda a: a.key):
            if action.key in self.by_key:
                warnings.append(
                    PlanWarning(
                        WarningKind.UNKNOWN,
                        _("The catalogue holds the action key “%(key)s” twice; the first is used.")
                        % {"key": action.key},
                    )
                )
                continue
            self.by_key[action.key] = action
        self.by_transition: dict[tuple[str, int], list[CatalogueAction]] = {}
        for action in self.by_key.values():
            self.by_transition.setdefault((action.dimension_key, action.from_level), []).append(
                action
            )
        self.current: dict[str, int] = {}
        self.target: dict[str, int] = {}
        for goal in data.dimensions:
            current = goal.current_level
            if current is None:
                current = MIN_LEVEL
                warnings.append(
                    PlanWarning(
                        WarningKind.MISSING_LEVEL,
                        _(
                            "“%(name)s” has no current level; the roadmap assumes level "
                            "%(level)s. Complete the baseline to plan more precisely."
                        )
                        % {"name": goal.name, "level": MIN_LEVEL},
                        goal.key,
                    )
                )
            self.current[goal.key] = current
            target = goal.target_level if goal.target_level is not None else current
            self.target[goal.key] = max(target, current)
        # needed[d]: the level dimension d must reach; raised_by[(d, level)]: why above target.
        self.needed = dict(self.target)
        self.raised_by: dict[tuple[str, int], Reason] = {}

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def current_of(self, key: str) -> int:
        return self.current.get(key, MIN_LEVEL)

    def achieved(self, action: CatalogueAction) -> bool:
        return self.current_of(action.dimension_key) >= action.to_level

    def _raise(self, dimension_key: str, level: int, reason: Reason) -> bool:
        if dimension_key not in self.current:
            # A dimension the input does not know: its level cannot be checked.
            self.current[dimension_key] = MIN_LEVEL
            self.target[dimension_key] = MIN_LEVEL
            self.needed[dimension_key] = MIN_LEVEL
            self.warnings.append(
                PlanWarning(
                    WarningKind.UNKNOWN,
                    _(
                        "A rule refers to the dimension “%(key)s”, which has no current "
                        "level in this roadmap; level %(level)s is assumed."
                    )
                    % {"key": dimension_key, "level": MIN_LEVEL},
                    dimension_key,
                )
            )
        if level <= self.needed[dimension_key]:
            return False
        for raised_level in range(self.needed[dimension_key] + 1, level + 1):
            self.raised_by.setdefault((dimension_key, raised_level), reason)
        self.needed[dimension_key] = level
        return True

    def selected(self) -> list[CatalogueAction]:
        return [
            action
            for key in sorted(self.needed)
            for level in range(self.current_of(key), self.needed[key])
            for action in self.by_transition.get((key, level), [])
        ]

    def resolve(self) -> list[CatalogueAction]:
        """Raise levels for prerequisites and rules until nothing changes."""
        changed = True
        while changed:
            changed = False
            for action in self.selected():
                for prerequisite_key in action.prerequisites:
                    prerequisite = self.by_key.get(prerequisite_key)
                    if prerequisite is None or self.achieved(prerequisite):
                        continue
                    reason = Reason(
                        ReasonKind.PREREQUISITE,
                        _("This has to be in place before “%(title)s” can start.")
                        % {"title": action.title},
                    )
                    changed |= self._raise(
                        prerequisite.dimension_key, prerequisite.to_level, reason
                    )
                for rule in action.requires:
                    reason = Reason(
                        ReasonKind.RULE,
                        _(
                            "“%(title)s” can only start once %(dimension)s has reached level "
                            "%(level)s; this step brings it there."
                        )
                        % {
                            "title": action.title,
                            "dimension": self.name(rule.dimension_key),
                            "level": rule.level,
                        },
                    )
                    changed |= self._raise(rule.dimension_key, rule.level, reason)
        return self.selected()


def _graph(
    selection: _Selection, actions: list[CatalogueAction], warnings: list[PlanWarning]
) -> dict[str, set[str]]:
    """Each action's predecessors among the actions to schedule."""
    keys = {action.key for action in actions}
    by_dimension_level: dict[tuple[str, int], list[str]] = {}
    for action in actions:
        by_dimension_level.setdefault((action.dimension_key, action.to_level), []).append(
            action.key
        )
    graph: dict[str, set[str]] = {}
    for action in actions:
        predecessors = set(by_dimension_level.get((action.dimension_key, action.from_level), []))
        for prerequisite_key in action.prerequisites:
            if prerequisite_key in keys:
                predecessors.add(prerequisite_key)
            elif prerequisite_key not in selection.by_key:
                warnings.append(
                    PlanWarning(
                        WarningKind.UNKNOWN,
                        _(
                            "“%(title)s” names a prerequisite “%(key)s” that is not in the "
                            "catalogue; it is ignored."
                        )
                        % {"title": action.title, "key": prerequisite_key},
                        action.dimension_key,
                    )
                )
        for rule in action.requires:
            for level in range(selection.current_of(rule.dimension_key) + 1, rule.level + 1):
                predecessors.update(by_dimension_level.get((rule.dimension_key, level), []))
        predecessors.discard(action.key)
        graph[action.key] = predecessors
    return graph


def _break_cycles(
    graph: dict[str, set[str]], titles: dict[str, str], warnings: list[PlanWarning]
) -> set[str]:
    """Remove every action caught in a cycle (and those waiting for it); warn by name."""
    blocked: set[str] = set()
    while True:
        try:
            TopologicalSorter(graph).prepare()
        except CycleError as error:
            cycle = list(error.args[1])
            names = " → ".join(f"“{titles[key]}”" for key in cycle)
            warnings.append(
                PlanWarning(
                    WarningKind.CYCLE,
                    _(
                        "These actions wait for each other: %(names)s. They are left out of "
                        "the roadmap until a prerequisite is removed from the catalogue."
                    )
                    % {"names": names},
                )
            )
            stuck = set(cycle)
            # Everything that (indirectly) waits for a stuck action cannot be planned either.
            grew = True
            while grew:
                grew = False
                for key, predecessors in graph.items():
                    if key not in stuck and predecessors & stuck:
                        stuck.add(key)
                        grew = True
            waiting = sorted(stuck - set(cycle), key=lambda key: titles[key])
            if waiting:
                warnings.append(
                    PlanWarning(
                        WarningKind.CYCLE,
                        _(
                            "Because of that cycle these actions cannot be planned either: "
                            "%(names)s."
                        )
                        % {"names": ", ".join(f"“{titles[key]}”" for key in waiting)},
                    )
                )
            blocked |= stuck
            graph = {k: v - stuck for k, v in graph.items() if k not in stuck}
            continue
        break
    return blocked


def _topological_order(graph: dict[str, set[str]], sort_key: Mapping[str, tuple]) -> list[str]:
    """A topological order that, among ready actions, takes the smallest sort key first."""
    sorter = TopologicalSorter(graph)
    sorter.prepare()
    heap: list[tuple] = []
    for key in sorter.get_ready():
        heapq.heappush(heap, (sort_key[key], key))
    order = []
    while heap:
        _key, key = heapq.heappop(heap)
        order.append(key)
        sorter.done(key)
        for ready in sorter.get_ready():
            heapq.heappush(heap, (sort_key[ready], ready))
    return order


def _schedule(
    order: list[str],
    graph: Mapping[str, set[str]],
    durations: Mapping[str, int],
    capacity: int,
    pinned: Mapping[str, int],
) -> dict[str, int]:
    """Start offsets (quarters after the start) under the capacity; pinned starts are kept."""
    usage: dict[int, int] = {}
    starts: dict[str, int] = {}
    for key in order:
        if key in pinned:
            starts[key] = pinned[key]
            for offset in range(pinned[key], pinned[key] + durations[key]):
                usage[offset] = usage.get(offset, 0) + 1
    remaining = [key for key in order if key not in starts]
    quarter = 0
    while remaining:
        still = []
        for key in remaining:
            if usage.get(quarter, 0) >= capacity or any(p not in starts for p in graph[key]):
                still.append(key)
                continue
            ready_at = max((starts[p] + durations[p] for p in graph[key]), default=0)
            span = range(quarter, quarter + durations[key])
            if ready_at <= quarter and all(usage.get(offset, 0) < capacity for offset in span):
                starts[key] = quarter
                for offset in span:
                    usage[offset] = usage.get(offset, 0) + 1
            else:
                still.append(key)
        remaining = still
        quarter += 1
    return starts


def _finish(keys: Sequence[str], starts: Mapping[str, int], durations: Mapping[str, int]) -> int:
    """The offset of the last quarter in which any of these actions runs (-1 for none)."""
    return max((starts[k] + durations[k] - 1 for k in keys if k in starts), default=-1)


_Graph = dict[str, set[str]]


def _missing_action_warnings(data: GeneratorInput, selection: _Selection) -> list[PlanWarning]:
    """A warning for every step from the current to the needed level without an action."""
    warnings = []
    for key in sorted(selection.needed, key=_dimension_order(data)):
        for level in range(selection.current_of(key), selection.needed[key]):
            if not selection.by_transition.get((key, level)):
                warnings.append(
                    PlanWarning(
                        WarningKind.MISSING_ACTIONS,
                        _(
                            "The catalogue has no action for %(dimension)s from level %(from)s "
                            "to %(to)s; add one so the roadmap covers that step."
                        )
                        % {"dimension": selection.name(key), "from": level, "to": level + 1},
                        key,
                    )
                )
    return warnings


def _inherited_priorities(
    graph: dict[str, set[str]], actions: dict[str, CatalogueAction], priorities: Sequence[str]
) -> tuple[_Graph, dict[str, int], _Graph]:
    """What waits for each action, and its inherited priority: an action inherits the
    highest priority of everything that waits for it, and counts everything that
    (indirectly) waits for it: foundations hold many actions up."""
    dependents: dict[str, set[str]] = {key: set() for key in graph}
    for key, predecessors in graph.items():
        for predecessor in predecessors:
            dependents[predecessor].add(key)
    priority_rank = {key: index for index, key in enumerate(priorities)}
    unranked = len(priority_rank)
    inherited: dict[str, int] = {}
    downstream: dict[str, set[str]] = {}
    for key in reversed(list(TopologicalSorter(graph).static_order())):
        rank = priority_rank.get(actions[key].dimension_key, unranked)
        below: set[str] = set()
        for dependent in dependents[key]:
            rank = min(rank, inherited[dependent])
            below |= {dependent} | downstream[dependent]
        inherited[key] = rank
        downstream[key] = below
    return dependents, inherited, downstream


def generate(data: GeneratorInput) -> RoadmapPlan:
    """The roadmap for this input: scheduled actions with reasons, outcomes and warnings."""
    if data.capacity < 1:
        raise ValueError("capacity must be at least 1")
    if data.horizon_years < 1:
        raise ValueError("horizon_years must be at least 1")
    warnings: list[PlanWarning] = []
    selection = _Selection(data, warnings)
    selected = selection.resolve()
    titles = {action.key: action.title for action in selection.by_key.values()}

    warnings.extend(_missing_action_warnings(data, selection))

    # Actions an event already took care of (an adopted vision) are settled like done ones.
    settled = data.settled | {
        action.key for action in selection.by_key.values() if _met_by_event(action, data)
    }
    to_plan = [action for action in selected if action.key not in settled]
    graph = _graph(selection, to_plan, warnings)
    # Settled actions (done, dropped, removed) no longer hold anyone up.
    blocked = _break_cycles(graph, titles, warnings)
    graph = {k: v - blocked for k, v in graph.items() if k not in blocked}
    actions = {action.key: action for action in to_plan if action.key not in blocked}

    dependents, inherited, downstream = _inherited_priorities(graph, actions, data.priorities)
    sort_key = {
        key: (
            inherited[key],
            action.from_level,
            -len(downstream[key]),
            EFFORT_RANK.get(action.effort, 1),
            action.duration_quarters,
            key,
        )
        for key, action in actions.items()
    }
    order = _topological_order(graph, sort_key)
    position = {key: index for index, key in enumerate(order)}
    durations = {key: max(1, action.duration_quarters) for key, action in actions.items()}
    pinned = {
        key: quarter.index - data.start.index
        for key, quarter in data.pinned_starts.items()
        if key in actions
    }
    starts = _schedule(order, graph, durations, data.capacity, pinned)

    for key in sorted(pinned, key=position.__getitem__):
        early = [p for p in sorted(graph[key]) if starts[p] + durations[p] > starts[key]]
        if early:
            warnings.append(
                PlanWarning(
                    WarningKind.PINNED,
                    _(
                        "“%(title)s” is pinned to %(quarter)s, before “%(prerequisite)s” is "
                        "finished; move one of them."
                    )
                    % {
                        "title": titles[key],
                        "quarter": data.start.plus(starts[key]).label,
                        "prerequisite": titles[early[0]],
                    },
                    actions[key].dimension_key,
                )
            )

    items = tuple(
        ScheduledAction(
            action=actions[key],
            start=data.start.plus(starts[key]),
            end=data.start.plus(starts[key] + durations[key] - 1),
            reasons=_reasons(
                actions[key], selection, data, dependents, actions, key in pinned, starts[key]
            ),
            pinned=key in pinned,
            position=position[key],
        )
        for key in sorted(starts, key=lambda k: (starts[k], position[k]))
    )
    outcomes = _outcomes(selection, data, actions, starts, durations, settled)
    warnings.extend(_horizon_warnings(data, selection, outcomes, order, graph, durations, pinned))
    plan = RoadmapPlan(
        items=items, warnings=tuple(warnings), outcomes=outcomes, horizon_end=data.horizon_end
    )
    problems = check_plan(data, plan)
    if problems:
        logger.error("The roadmap generator made an inconsistent plan: %s", problems)
        plan = RoadmapPlan(
            items=items,
            warnings=(
                *warnings,
                *(PlanWarning(WarningKind.INCONSISTENT, problem) for problem in problems),
            ),
            outcomes=outcomes,
            horizon_end=data.horizon_end,
        )
    return plan


def _met_by_event(action: CatalogueAction, data: GeneratorInput) -> bool:
    return action.met_by_vision and data.vision_adopted


def check_plan(data: GeneratorInput, plan: RoadmapPlan) -> list[str]:
    """Every way the plan contradicts its input, in plain Dutch (empty when consistent)."""
    problems = []
    current = {goal.key: goal.current_level or MIN_LEVEL for goal in data.dimensions}
    names = {goal.key: goal.name for goal in data.dimensions}
    ends = {item.action.key: item.end for item in plan.items}
    for item in plan.items:
        action = item.action
        name = names.get(action.dimension_key, action.dimension_key)
        if action.to_level <= current.get(action.dimension_key, MIN_LEVEL):
            problems.append(
                _("“%(title)s” is planned although %(dimension)s already is at level %(level)s.")
                % {"title": action.title, "dimension": name, "level": action.to_level}
            )
        if _met_by_event(action, data):
            problems.append(
                _("“%(title)s” is planned although the vision has already been adopted.")
                % {"title": action.title}
            )
        if item.start < data.start and not item.pinned:
            problems.append(
                _("“%(title)s” starts before the roadmap does.") % {"title": action.title}
            )
        late = [key for key in action.prerequisites if key in ends and ends[key] >= item.start]
        if late and not item.pinned:
            problems.append(
                _("“%(title)s” starts before its prerequisites are finished.")
                % {"title": action.title}
            )
    return problems


def _dimension_order(data: GeneratorInput):
    order = {goal.key: index for index, goal in enumerate(data.dimensions)}
    return lambda key: (order.get(key, len(order)), key)


def _gap_sentence(name: str, current: int, target: int, action: CatalogueAction) -> str:
    """Why an action on the way to the target, addressed to the municipality."""
    values = {"dimension": name, "current": current, "target": target}
    if action.from_level == current and action.to_level == target:
        return (
            _(
                "Your %(dimension)s is at level %(current)s, the target is %(target)s; this "
                "step takes it there."
            )
            % values
        )
    if action.from_level == current:
        return (
            _(
                "Your %(dimension)s is at level %(current)s, the target is %(target)s; this "
                "is the first step there."
            )
            % values
        )
    if action.to_level == target:
        return (
            _(
                "Your %(dimension)s is at level %(current)s, the target is %(target)s; this "
                "is the last step there."
            )
            % values
        )
    return _(
        "Your %(dimension)s is at level %(current)s, the target is %(target)s; this is "
        "the step from level %(from)s to %(to)s."
    ) % {**values, "from": action.from_level, "to": action.to_level}


def _reasons(
    action: CatalogueAction,
    selection: _Selection,
    data: GeneratorInput,
    dependents: Mapping[str, set[str]],
    actions: Mapping[str, CatalogueAction],
    pinned: bool,
    start_offset: int,
) -> tuple[Reason, ...]:
    reasons = []
    key = action.dimension_key
    name = selection.name(key)
    if action.to_level <= selection.target[key]:
        reasons.append(
            Reason(
                ReasonKind.GAP,
                _gap_sentence(
                    name.lower(), selection.current_of(key), selection.target[key], action
                ),
            )
        )
    else:
        raised = selection.raised_by.get((key, action.to_level))
        if raised is not None:
            reasons.append(raised)
    waiting = sorted(
        (
            actions[d]
            for d in dependents.get(action.key, ())
            if action.key in actions[d].prerequisites
        ),
        key=lambda a: a.key,
    )
    if waiting:
        reasons.append(
            Reason(
                ReasonKind.PREREQUISITE,
                _("Needed before %(titles)s can start.")
                % {"titles": ", ".join(f"“{a.title}”" for a in waiting[:3])},
            )
        )
    if key in data.priorities:
        reasons.append(
            Reason(
                ReasonKind.VISION,
                _("In the vision session, %(dimension)s was made priority %(rank)s.")
                % {"dimension": name.lower(), "rank": list(data.priorities).index(key) + 1},
            )
        )
    for statement in data.vision_statements:
        if statement.dimension_key == key:
            reasons.append(
                Reason(
                    ReasonKind.VISION,
                    _("Follows from the vision: “%(statement)s”") % {"statement": statement.text},
                )
            )
    if pinned:
        reasons.append(
            Reason(
                ReasonKind.PINNED,
                _("Pinned by hand to %(quarter)s.")
                % {"quarter": data.start.plus(start_offset).label},
            )
        )
    return tuple(reasons)


def _outcomes(
    selection: _Selection,
    data: GeneratorInput,
    actions: Mapping[str, CatalogueAction],
    starts: Mapping[str, int],
    durations: Mapping[str, int],
    settled: frozenset[str],
) -> tuple[DimensionOutcome, ...]:
    horizon_offset = data.horizon_end.index - data.start.index
    outcomes = []
    for key in sorted(selection.needed, key=_dimension_order(data)):
        current = selection.current_of(key)
        planned = selection.needed[key]
        finished_at = -1
        within = current
        reached_in = None
        for level in range(current, planned):
            keys = [
                a.key for a in selection.by_transition.get((key, level), []) if a.key in actions
            ]
            if any(
                a.key not in actions and a.key not in settled
                for a in selection.by_transition.get((key, level), [])
            ):
                # An action of this step could not be planned (a cycle): the level is not reached.
                break
            finished_at = max(finished_at, _finish(keys, starts, durations))
            if finished_at <= horizon_offset:
                within = level + 1
            reached_in = data.start.plus(max(finished_at, 0))
        outcomes.append(
            DimensionOutcome(
                key=key,
                name=selection.name(key),
                current_level=current,
                target_level=selection.target[key],
                planned_level=planned,
                reached_in=reached_in if planned > current else None,
                level_within_horizon=within,
            )
        )
    return tuple(outcomes)


def _horizon_warnings(
    data: GeneratorInput,
    selection: _Selection,
    outcomes: Sequence[DimensionOutcome],
    order: list[str],
    graph: Mapping[str, set[str]],
    durations: Mapping[str, int],
    pinned: Mapping[str, int],
) -> list[PlanWarning]:
    horizon_offset = data.horizon_end.index - data.start.index
    late = [
        (outcome, outcome.reached_in)
        for outcome in outcomes
        if outcome.reached_in is not None
        and outcome.level_within_horizon < outcome.target_level
        and outcome.reached_in.index - data.start.index > horizon_offset
    ]
    if not late:
        return []

    dimension_of = {key: selection.by_key[key].dimension_key for key in order}

    schedules: dict[int, dict[str, int]] = {}

    def finish_with(capacity: int, dimension_key: str) -> int:
        if capacity not in schedules:
            schedules[capacity] = _schedule(order, graph, durations, capacity, pinned)
        keys = [k for k in order if dimension_of[k] == dimension_key]
        return _finish(keys, schedules[capacity], durations)

    unlimited = max(len(order), 1)
    warnings = []
    for outcome, reached_in in late:
        finish = reached_in.index - data.start.index
        sentence = _(
            "%(dimension)s does not reach target level %(target)s within the horizon of "
            "%(years)s years (up to and including %(end)s): the last step ends in %(reached)s."
        ) % {
            "dimension": outcome.name,
            "target": outcome.target_level,
            "years": data.horizon_years,
            "end": data.horizon_end.label,
            "reached": reached_in.label,
        }
        options = []
        fitting_capacity = next(
            (
                capacity
                for capacity in range(data.capacity + 1, data.capacity + 7)
                if finish_with(capacity, outcome.key) <= horizon_offset
            ),
            None,
        )
        if fitting_capacity is not None:
            options.append(
                _("%(capacity)s actions at once instead of %(current)s")
                % {"capacity": fitting_capacity, "current": data.capacity}
            )
        elif finish_with(unlimited, outcome.key) > horizon_offset:
            sentence += " " + _(
                "More capacity does not help: the steps that must follow one another already "
                "take longer than the horizon."
            )
        options.append(_("a horizon of %(years)s years") % {"years": math.ceil((finish + 1) / 4)})
        if outcome.level_within_horizon > outcome.current_level:
            options.append(
                _("target level %(level)s, which is reachable within the horizon")
                % {"level": outcome.level_within_horizon}
            )
        warnings.append(
            PlanWarning(
                WarningKind.HORIZON,
                sentence + " " + _("It fits with %(options)s.") % {"options": _join_or(options)},
                outcome.key,
            )
        )
    return warnings


def _join_or(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return _("%(first)s or %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}
