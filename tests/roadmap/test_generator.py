"""The pure generator: selection, ordering, capacity, pins, warnings, cycles, determinism."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.catalogue import default_catalogue
from roadmap.generator import (
    CatalogueAction,
    DimensionGoal,
    Effort,
    GeneratorInput,
    LevelRequirement,
    Quarter,
    ReasonKind,
    VisionStatement,
    WarningKind,
    generate,
)

START = Quarter(2027, 1)


def act(key, dimension="quality", level=1, **kwargs):
    return CatalogueAction(
        key=key, dimension_key=dimension, from_level=level, title=f"Actie {key}", **kwargs
    )


def goal(key, current, target, name=None):
    return DimensionGoal(
        key=key, name=name or key.capitalize(), current_level=current, target_level=target
    )


def plan_for(actions, dimensions, **kwargs):
    return generate(GeneratorInput(actions=actions, dimensions=dimensions, start=START, **kwargs))


def starts(plan):
    return {item.action.key: item.start.index - START.index for item in plan.items}


def ends(plan):
    return {item.action.key: item.end.index - START.index for item in plan.items}


def test_quarter_arithmetic_and_dutch_label():
    assert Quarter(2027, 4).plus(1) == Quarter(2028, 1)
    assert Quarter.from_index(Quarter(2029, 3).index) == Quarter(2029, 3)
    assert Quarter(2027, 2).label == "K2 2027"


def test_selects_exactly_the_transitions_between_current_and_target():
    actions = [act(f"q{level}", level=level) for level in range(1, 5)]
    plan = plan_for(actions, [goal("quality", 2, 4)])
    assert sorted(item.action.key for item in plan.items) == ["q2", "q3"]


def test_no_actions_when_every_dimension_is_at_its_target():
    plan = plan_for([act("q1"), act("q2", level=2)], [goal("quality", 3, 3)])
    assert plan.items == ()
    assert plan.warnings == ()


def test_a_target_below_the_current_level_plans_nothing():
    plan = plan_for([act("q1"), act("q2", level=2)], [goal("quality", 3, 1)])
    assert plan.items == ()


def test_steps_of_one_dimension_follow_one_another():
    actions = [act("a", level=1, duration_quarters=2), act("b", level=2), act("c", level=3)]
    plan = plan_for(actions, [goal("quality", 1, 4)], capacity=5)
    s, e = starts(plan), ends(plan)
    assert s["b"] > e["a"]
    assert s["c"] > e["b"]


def test_explicit_prerequisite_is_finished_before_the_action_starts():
    actions = [
        act("meten", level=2, duration_quarters=3),
        act("bron", dimension="use", level=2, prerequisites=("meten",)),
    ]
    plan = plan_for(actions, [goal("quality", 2, 3), goal("use", 2, 3)], capacity=5)
    assert starts(plan)["bron"] == ends(plan)["meten"] + 1
    reasons = [r.text for r in plan.item_for("meten").reasons]
    assert any("Nodig voordat" in text and "Actie bron" in text for text in reasons)


def test_a_prerequisite_in_a_dimension_without_gap_is_pulled_in_with_its_reason():
    actions = [
        act("eigenaren", dimension="governance", level=1),
        act("meten", level=2, prerequisites=("eigenaren",)),
    ]
    plan = plan_for(actions, [goal("quality", 2, 3), goal("governance", 1, 1)])
    assert plan.item_for("eigenaren") is not None
    kinds = {r.kind for r in plan.item_for("eigenaren").reasons}
    assert ReasonKind.PREREQUISITE in kinds
    assert starts(plan)["meten"] > ends(plan)["eigenaren"]


def test_cross_dimension_rule_raises_other_dimensions_and_waits_for_them():
    """Predictive use (level 4) only after responsible use and quality reach level 3."""
    actions = [
        act("r2", dimension="responsible", level=2, duration_quarters=2),
        act("k2", dimension="quality", level=2),
        act(
            "u3",
            dimension="use",
            level=3,
            requires=(LevelRequirement("responsible", 3), LevelRequirement("quality", 3)),
        ),
    ]
    plan = plan_for(
        actions,
        [goal("use", 3, 4), goal("responsible", 2, 2), goal("quality", 2, 2)],
        capacity=5,
    )
    s, e = starts(plan), ends(plan)
    assert {"r2", "k2", "u3"} == set(s)
    assert s["u3"] > max(e["r2"], e["k2"])
    rule_reasons = [r for r in plan.item_for("r2").reasons if r.kind == ReasonKind.RULE]
    assert rule_reasons and "niveau 3" in rule_reasons[0].text
    outcome = {o.key: o for o in plan.outcomes}["responsible"]
    assert outcome.planned_level == 3 and outcome.target_level == 2


def test_a_rule_that_is_already_met_adds_nothing():
    actions = [
        act("r3", dimension="responsible", level=3),
        act("u3", dimension="use", level=3, requires=(LevelRequirement("responsible", 3),)),
    ]
    plan = plan_for(actions, [goal("use", 3, 4), goal("responsible", 3, 3)])
    assert [item.action.key for item in plan.items] == ["u3"]
    assert starts(plan)["u3"] == 0


def test_capacity_is_never_exceeded_in_any_quarter():
    actions = [
        act(f"a{i}", dimension=f"d{i}", level=1, duration_quarters=1 + i % 3) for i in range(10)
    ]
    dims = [goal(f"d{i}", 1, 2) for i in range(10)]
    plan = plan_for(actions, dims, capacity=3)
    running = {}
    for item in plan.items:
        for q in range(item.start.index, item.end.index + 1):
            running[q] = running.get(q, 0) + 1
    assert max(running.values()) == 3
    assert len(plan.items) == 10


def test_vision_priority_breaks_ties_before_foundations_and_quick_wins():
    actions = [
        act("people-quick", dimension="people", level=1, effort=Effort.SMALL),
        act("use-large", dimension="use", level=2, effort=Effort.LARGE),
    ]
    plan = plan_for(
        actions, [goal("people", 1, 2), goal("use", 2, 3)], capacity=1, priorities=["use"]
    )
    assert starts(plan) == {"use-large": 0, "people-quick": 1}
    texts = [r.text for r in plan.item_for("use-large").reasons]
    assert any("prioriteit 1" in text for text in texts)


def test_foundations_come_before_higher_steps_without_priorities():
    actions = [act("high", dimension="use", level=3), act("low", dimension="people", level=1)]
    plan = plan_for(actions, [goal("use", 3, 4), goal("people", 1, 2)], capacity=1)
    assert starts(plan) == {"low": 0, "high": 1}


def test_quick_wins_come_before_large_actions_at_the_same_level():
    actions = [
        act("large", dimension="a", level=1, effort=Effort.LARGE, duration_quarters=3),
        act("small", dimension="b", level=1, effort=Effort.SMALL),
    ]
    plan = plan_for(actions, [goal("a", 1, 2), goal("b", 1, 2)], capacity=1)
    assert starts(plan) == {"small": 0, "large": 1}


def test_an_action_others_wait_for_inherits_their_priority():
    actions = [
        act("plain", dimension="people", level=1),
        act("enabler", dimension="governance", level=1),
        act("prio", dimension="use", level=2, prerequisites=("enabler",)),
    ]
    plan = plan_for(
        actions,
        [goal("people", 1, 2), goal("governance", 1, 2), goal("use", 2, 3)],
        capacity=1,
        priorities=["use"],
    )
    order = [item.action.key for item in sorted(plan.items, key=lambda i: i.start)]
    assert order == ["enabler", "prio", "plain"]


def test_vision_statements_about_a_dimension_are_given_as_reasons():
    statement = VisionStatement("Wij sturen op betrouwbare data.", "quality")
    plan = plan_for([act("q1")], [goal("quality", 1, 2)], vision_statements=[statement])
    texts = [r.text for r in plan.items[0].reasons if r.kind == ReasonKind.VISION]
    assert texts == ["Sluit aan bij de visie: “Wij sturen op betrouwbare data.”"]


def test_every_scheduled_action_says_why():
    doc = default_catalogue()
    plan = plan_for(
        doc.actions,
        [
            goal(k, 1, 5)
            for k in (
                "strategy",
                "people",
                "governance",
                "quality",
                "platform",
                "use",
                "responsible",
            )
        ],
    )
    assert plan.items
    assert all(item.reasons for item in plan.items)


def test_pinned_action_keeps_its_quarter_and_others_plan_around_it():
    actions = [act("a", dimension="x"), act("b", dimension="y"), act("c", dimension="z")]
    dims = [goal("x", 1, 2), goal("y", 1, 2), goal("z", 1, 2)]
    plan = plan_for(actions, dims, capacity=1, pinned_starts={"c": Quarter(2027, 1)})
    assert starts(plan)["c"] == 0
    assert sorted(starts(plan).values()) == [0, 1, 2]
    assert plan.item_for("c").pinned
    assert any(r.kind == ReasonKind.PINNED for r in plan.item_for("c").reasons)


def test_pin_before_its_prerequisite_is_finished_is_warned_about():
    actions = [act("a", level=1, duration_quarters=2), act("b", level=2)]
    plan = plan_for(actions, [goal("quality", 1, 3)], pinned_starts={"b": START})
    assert [w.kind for w in plan.warnings] == [WarningKind.PINNED]
    assert "Actie b" in plan.warnings[0].text and "Actie a" in plan.warnings[0].text


def test_settled_actions_are_not_planned_and_hold_nobody_up():
    actions = [act("a", level=1, duration_quarters=4), act("b", level=2)]
    plan = plan_for(actions, [goal("quality", 1, 3)], settled=frozenset({"a"}))
    assert starts(plan) == {"b": 0}


def test_target_beyond_horizon_warns_in_dutch_with_what_would_make_it_fit():
    actions = [act(f"s{i}", dimension=f"d{i}", level=1, duration_quarters=4) for i in range(4)]
    dims = [goal(f"d{i}", 1, 2, name=f"Dimensie {i}") for i in range(4)]
    plan = plan_for(actions, dims, capacity=1, horizon_years=2)
    horizon = [w for w in plan.warnings if w.kind == WarningKind.HORIZON]
    assert [w.dimension_key for w in horizon] == ["d2", "d3"]
    text = horizon[0].text
    assert "haalt doelniveau 2 niet binnen de horizon van 2 jaar" in text
    assert "2 acties tegelijk in plaats van 1" in text
    assert "een horizon van 3 jaar" in text


def test_horizon_warning_says_when_more_capacity_does_not_help():
    actions = [act(f"q{level}", level=level, duration_quarters=4) for level in range(1, 5)]
    plan = plan_for(actions, [goal("quality", 1, 5, name="Datakwaliteit")], horizon_years=3)
    (warning,) = [w for w in plan.warnings if w.kind == WarningKind.HORIZON]
    assert "Meer capaciteit helpt niet" in warning.text
    assert "doelniveau 4" in warning.text  # reachable within the horizon
    assert "een horizon van 4 jaar" in warning.text
    outcome = plan.outcomes[0]
    assert outcome.level_within_horizon == 4
    assert outcome.reached_in == Quarter(2030, 4)


def test_a_transition_without_catalogue_actions_is_warned_about():
    plan = plan_for([act("q1")], [goal("quality", 1, 3, name="Datakwaliteit")])
    (warning,) = plan.warnings
    assert warning.kind == WarningKind.MISSING_ACTIONS
    assert "Datakwaliteit van niveau 2 naar 3" in warning.text


def test_missing_current_level_assumes_level_one_and_warns():
    plan = plan_for([act("q1"), act("q2", level=2)], [goal("quality", None, 3)])
    assert len(plan.items) == 2
    assert [w.kind for w in plan.warnings] == [WarningKind.MISSING_LEVEL]


def test_a_cycle_is_reported_by_name_and_never_crashes():
    actions = [
        act("a", dimension="x", prerequisites=("b",)),
        act("b", dimension="y", prerequisites=("a",)),
        act("c", dimension="z", prerequisites=("a",)),
        act("d", dimension="w"),
    ]
    dims = [goal("x", 1, 2), goal("y", 1, 2), goal("z", 1, 2), goal("w", 1, 2)]
    plan = plan_for(actions, dims)
    assert [item.action.key for item in plan.items] == ["d"]
    cycle = [w.text for w in plan.warnings if w.kind == WarningKind.CYCLE]
    assert "“Actie a”" in cycle[0] and "“Actie b”" in cycle[0]
    assert "“Actie c”" in cycle[1]


def test_unknown_prerequisite_is_ignored_with_a_warning():
    plan = plan_for([act("a", prerequisites=("bestaat-niet",))], [goal("quality", 1, 2)])
    assert len(plan.items) == 1
    assert [w.kind for w in plan.warnings] == [WarningKind.UNKNOWN]


def test_the_same_input_in_any_catalogue_order_gives_the_same_plan():
    doc = default_catalogue()
    dims = [
        goal("strategy", 1, 4),
        goal("people", 2, 4),
        goal("governance", 1, 3),
        goal("quality", 2, 4),
        goal("platform", 1, 3),
        goal("use", 1, 4),
        goal("responsible", 1, 3),
    ]
    first = plan_for(doc.actions, dims, priorities=["use", "quality"])
    shuffled = list(doc.actions)
    random.Random(7).shuffle(shuffled)
    second = plan_for(shuffled, dims, priorities=["use", "quality"])
    assert first == second


def _catalogue_of(size: int, seed: int) -> list[CatalogueAction]:
    """A random acyclic catalogue: prerequisites point to earlier actions at the same or a
    lower level, rules to another dimension at most at the action's own starting level."""
    rng = random.Random(seed)
    dims = [f"d{i}" for i in range(7)]
    actions = []
    for index in range(size):
        level = rng.randint(1, 4)
        dimension = rng.choice(dims)
        earlier = [a.key for a in actions if a.from_level <= level]
        prerequisites = tuple(rng.sample(earlier, k=min(len(earlier), rng.randint(0, 2))))
        requires = ()
        if level > 1 and rng.random() < 0.15:
            other = rng.choice([d for d in dims if d != dimension])
            requires = (LevelRequirement(other, rng.randint(2, level)),)
        actions.append(
            CatalogueAction(
                key=f"a{index:03d}",
                dimension_key=dimension,
                from_level=level,
                title=f"Actie {index}",
                effort=rng.choice(list(Effort)),
                duration_quarters=rng.randint(1, 3),
                prerequisites=prerequisites,
                requires=requires,
            )
        )
    return actions


def _check_plan(actions, plan, capacity):
    by_key = {item.action.key: item for item in plan.items}
    # Capacity in every quarter.
    running = {}
    for item in plan.items:
        for q in range(item.start.index, item.end.index + 1):
            running[q] = running.get(q, 0) + 1
    assert max(running.values(), default=0) <= capacity
    for item in plan.items:
        action = item.action
        # Explicit prerequisites that are planned are finished first.
        for key in action.prerequisites:
            if key in by_key:
                assert by_key[key].end < item.start, (key, action.key)
        # The previous step of the same dimension is finished first.
        for other in plan.items:
            if (
                other.action.dimension_key == action.dimension_key
                and other.action.to_level == action.from_level
            ):
                assert other.end < item.start
        for rule in action.requires:
            for other in plan.items:
                if (
                    other.action.dimension_key == rule.dimension_key
                    and other.action.to_level <= rule.level
                ):
                    assert other.end < item.start
        assert item.reasons


def test_a_200_action_catalogue_is_planned_correctly():
    """Its speed is measured in bench/bench_roadmap.py, never in a test."""
    actions = _catalogue_of(200, seed=1)
    dims = [goal(f"d{i}", 1, 5) for i in range(7)]
    plan = plan_for(actions, dims, capacity=4, priorities=["d3", "d1"])
    assert len(plan.items) == 200
    _check_plan(actions, plan, 4)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    size=st.integers(1, 60),
    capacity=st.integers(1, 5),
    currents=st.lists(st.integers(1, 5), min_size=7, max_size=7),
    targets=st.lists(st.integers(1, 5), min_size=7, max_size=7),
)
def test_any_acyclic_catalogue_gives_a_valid_plan(seed, size, capacity, currents, targets):
    actions = _catalogue_of(size, seed)
    dims = [goal(f"d{i}", c, t) for i, (c, t) in enumerate(zip(currents, targets, strict=True))]
    plan = plan_for(actions, dims, capacity=capacity)
    _check_plan(actions, plan, capacity)
    assert plan == plan_for(list(reversed(actions)), dims, capacity=capacity)


def test_default_catalogue_plan_respects_the_rotterdam_rule():
    doc = default_catalogue()
    dims = [
        goal("use", 3, 4),
        goal("responsible", 1, 1),
        goal("quality", 2, 2),
        goal("governance", 1, 1),
    ]
    plan = plan_for(doc.actions, dims, capacity=3)
    by_key = {item.action.key: item for item in plan.items}
    predictive = by_key["gebruik-34-voorspellend"]
    for item in plan.items:
        if item.action.dimension_key in ("responsible", "quality"):
            assert item.end < predictive.start
    # Quality 3 needs governance 2 first.
    assert by_key["governance-12-eigenaren"].end < by_key["kwaliteit-23-meten"].start
