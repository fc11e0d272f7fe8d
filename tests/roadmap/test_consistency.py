"""The roadmap never contradicts its own data: one test per inconsistency a municipality
found in "Visie en routeplan" (issue 12), each failing on the old code."""

import datetime

import pytest

from baseline.selectors import BaselineForRoadmap
from roadmap import services
from roadmap.generator import (
    CatalogueAction,
    DimensionGoal,
    GeneratorInput,
    Quarter,
    Reason,
    ReasonKind,
    RoadmapPlan,
    ScheduledAction,
    check_plan,
    generate,
)
from roadmap.models import RoadmapItem
from roadmap.reports import vision_roadmap_pdf_bytes
from roadmap.selectors import next_measurement, roadmap_document, roadmap_items
from tests.pdf_text import pdf_text
from tests.roadmap.factories import roadmap_for, set_levels
from tests.world import build_world

START = Quarter(2027, 1)
VISION = CatalogueAction(
    key="strategie-23-visie",
    dimension_key="strategy",
    from_level=2,
    title="Visie op datagedreven werken vaststellen",
    met_by_vision=True,
)
PORTFOLIO = CatalogueAction(
    key="strategie-23-portfolio", dimension_key="strategy", from_level=2, title="Portfolio"
)


def _input(**kwargs):
    return GeneratorInput(
        actions=[VISION, PORTFOLIO],
        dimensions=[DimensionGoal("strategy", "Strategie en leiderschap", 2, 3)],
        start=START,
        **kwargs,
    )


def test_an_adopted_vision_is_not_planned_again():
    without = generate(_input())
    assert without.item_for(VISION.key) is not None
    adopted = generate(_input(vision_adopted=True))
    assert adopted.item_for(VISION.key) is None
    assert adopted.item_for(PORTFOLIO.key) is not None
    # The step is still reached: the vision no longer holds the dimension back.
    assert adopted.outcomes[0].level_within_horizon == 3
    assert check_plan(_input(vision_adopted=True), adopted) == []


def test_the_self_check_names_an_action_for_a_step_already_reached_or_done():
    data = _input(vision_adopted=True)
    bad = RoadmapPlan(
        items=(
            ScheduledAction(VISION, START, START, (Reason(ReasonKind.GAP, "x"),)),
            ScheduledAction(CatalogueAction("oud", "strategy", 1, "Al bereikt"), START, START, ()),
        ),
        warnings=(),
        outcomes=(),
        horizon_end=data.horizon_end,
    )
    problems = check_plan(data, bad)
    assert any("de visie is al vastgesteld" in p for p in problems)
    assert any("Al bereikt" in p and "staat al op niveau 2" in p for p in problems)


@pytest.mark.django_db
def test_a_pinned_action_leaves_the_plan_once_its_dimension_is_at_target():
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    item = next(i for i in roadmap_items(roadmap=roadmap) if i.dimension_key == "governance")
    services.roadmap_item_update(
        item=item,
        start_year=item.start_year,
        start_quarter=item.start_quarter,
        duration_quarters=item.duration_quarters,
        owner="Informatiemanager",
        status=item.status,
    )
    set_levels(roadmap, governance=(3, 3))
    services.roadmap_generate(roadmap=roadmap)
    active = roadmap_items(roadmap=roadmap)
    assert not [i for i in active if i.dimension_key == "governance"]
    assert RoadmapItem.objects.get(pk=item.pk).is_removed
    roadmap.refresh_from_db()
    assert any(item.title in w["text"] and "niet meer nodig" in w["text"] for w in roadmap.warnings)


@pytest.mark.django_db
def test_the_plan_period_named_is_exactly_the_quarters_that_hold_actions():
    world = build_world()
    # A horizon of five years while the actions end much earlier.
    roadmap = roadmap_for(world.engagement, horizon_years=5, capacity=6)
    items = roadmap_items(roadmap=roadmap)
    first = min(i.start for i in items)
    last = max(i.end for i in items)
    assert last < roadmap.horizon_end
    document = roadmap_document(roadmap=roadmap)
    assert document.span_label == f"van {first.label} tot en met {last.label}"
    summary = document.section("summary").text
    assert document.span_label in summary
    assert roadmap.horizon_end.label not in summary
    text = pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap))
    assert roadmap.horizon_end.label not in text


@pytest.mark.django_db
def test_reasons_are_plain_dutch_for_the_municipality_and_internal_notes_stay_out():
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[0]
    services.roadmap_item_update(
        item=item,
        start_year=2028,
        start_quarter=1,
        duration_quarters=item.duration_quarters,
        owner="Informatiemanager",
        status=item.status,
    )
    services.roadmap_generate(roadmap=roadmap)
    item.refresh_from_db()
    texts = [reason["text"] for reason in item.reasons]
    assert any(text.startswith("Uw ") and "staat op niveau" in text for text in texts)
    assert not any("kloof" in text for text in texts)
    internal = [r["text"] for r in item.reasons if r["kind"] == ReasonKind.PINNED]
    assert internal  # the consultant still sees why it stays put
    text = pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap))
    assert "staat op niveau" in text
    for note in internal:
        assert note[:25] not in text
    assert "vastgezet" not in text


@pytest.mark.django_db
def test_quarters_read_k1_2027_everywhere():
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    text = pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap))
    assert "K1 2027" in text
    assert "2027 K1" not in text


@pytest.mark.django_db
def test_the_adoption_date_comes_from_the_session_not_from_the_download():
    from workshops import services as workshop_services
    from workshops.models import Session

    world = build_world()
    session = workshop_services.session_create(
        engagement=world.engagement, title="Visiesessie", held_on=datetime.date(2026, 10, 8)
    )
    workshop_services.vision_statement_add(
        session=session, text="Wij besluiten op feiten.", dimension_key="strategy"
    )
    workshop_services.vision_adopt(session=session)
    adopted = datetime.datetime(2026, 10, 8, 16, 30, tzinfo=datetime.UTC)
    Session.objects.filter(pk=session.pk).update(vision_adopted_at=adopted)
    roadmap = roadmap_for(world.engagement)
    document = roadmap_document(roadmap=roadmap)
    assert document.facts.vision_adopted_on == datetime.date(2026, 10, 8)
    assert "8 oktober 2026" in document.section("vision").text
    # ... and the adopted vision's own action is not on the roadmap.
    assert not roadmap.items.filter(action_key="strategie-23-visie").exists()


def test_the_next_measurement_is_a_year_after_the_baseline_was_measured():
    class _Roadmap:
        start_year, start_quarter = 2027, 1

    baseline = BaselineForRoadmap(
        model_version_id=1,
        assessment_id=1,
        dimensions=[],
        measured_on=datetime.date(2026, 9, 15),
    )
    assert next_measurement(roadmap=_Roadmap(), baseline=baseline) == datetime.date(2027, 9, 15)
    assert next_measurement(roadmap=_Roadmap(), baseline=None) == datetime.date(2028, 1, 1)
