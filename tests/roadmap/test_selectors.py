"""Reads: progress per dimension and per year, the overview in fixed queries, sources."""

import pytest

from roadmap import services
from roadmap.models import ItemStatus
from roadmap.selectors import (
    generator_input,
    report_sources,
    roadmap_items,
    roadmap_overview,
    roadmap_progress_summary,
)
from tests.roadmap.factories import roadmap_for

pytestmark = pytest.mark.django_db


def test_progress_per_dimension_and_year_counts_done_and_ignores_dropped(world):
    roadmap = roadmap_for(world.engagement)
    items = roadmap_items(roadmap=roadmap)
    first, second, third = items[:3]
    user = world.users["staff_a"]
    services.roadmap_item_status_set(item=first, status=ItemStatus.DONE, user=user)
    services.roadmap_item_status_set(item=second, status=ItemStatus.DROPPED, user=user)
    overview = roadmap_overview(roadmap=roadmap)
    row = next(p for p in overview.progress if p.key == first.dimension_key)
    expected_total = sum(
        1 for i in items if i.dimension_key == first.dimension_key and i.pk != second.pk
    )
    assert row.done == 1
    assert row.total == expected_total
    year = next(y for y in overview.years if y.year == first.start_year)
    assert year.done == 1
    assert year.active == sum(
        1 for i in items if i.start_year == first.start_year and i.pk != second.pk
    )
    assert year.number == first.start_year - roadmap.start_year + 1
    assert roadmap_progress_summary(engagement=world.engagement) == (len(items) - 1, 1)
    assert third.status == ItemStatus.PLANNED


def test_progress_summary_is_none_without_a_roadmap(world):
    assert roadmap_progress_summary(engagement=world.engagement) is None


def test_overview_takes_the_same_number_of_queries_for_more_actions(
    world, django_assert_num_queries
):
    roadmap = roadmap_for(world.engagement)
    with django_assert_num_queries(3):
        small = roadmap_overview(roadmap=roadmap)
    for number in range(25):
        services.roadmap_item_add(
            roadmap=roadmap,
            dimension_key="people",
            title=f"Actie {number}",
            start_year=2029,
            start_quarter=2,
        )
    with django_assert_num_queries(3):
        large = roadmap_overview(roadmap=roadmap)
    assert len(large.items) == len(small.items) + 25


def test_report_sources_are_none_when_earlier_stages_have_nothing(world):
    sources = report_sources(engagement=world.engagement)
    assert sources.baseline is None
    assert sources.vision is None
    assert sources.session is None
    assert sources.survey is None


def test_generator_input_turns_hand_edits_into_pins_and_settled_actions(world):
    roadmap = roadmap_for(world.engagement)
    done, pinned, removed = roadmap_items(roadmap=roadmap)[:3]
    done.status = ItemStatus.DONE
    pinned.is_pinned = True
    removed.is_removed = True
    data = generator_input(
        roadmap=roadmap, actions=[], kept=[done, pinned, removed], use_vision=False
    )
    assert data.settled == frozenset({done.action_key, removed.action_key})
    assert data.pinned_starts == {pinned.action_key: pinned.start}
    assert data.capacity == roadmap.capacity
    assert data.dimensions[0].key == "strategy"
