"""Roadmap test data, made through the app's own services."""

from roadmap import services
from roadmap.models import ItemStatus, Roadmap
from roadmap.selectors import roadmap_items


def roadmap_for(engagement, *, generate: bool = True, **kwargs) -> Roadmap:
    """A roadmap on the default catalogue with the default levels (no baseline needed)."""
    options = {"start_year": 2027, "start_quarter": 1, "horizon_years": 3, "capacity": 3}
    options.update(kwargs)
    roadmap = services.roadmap_create(engagement=engagement, **options)
    if generate:
        services.roadmap_generate(roadmap=roadmap)
    return roadmap


def set_levels(roadmap: Roadmap, **levels: tuple[int | None, int | None]) -> None:
    services.roadmap_settings_update(
        roadmap=roadmap,
        start_year=roadmap.start_year,
        start_quarter=roadmap.start_quarter,
        horizon_years=roadmap.horizon_years,
        capacity=roadmap.capacity,
        levels=levels,
    )


def followed_up_roadmap(engagement, user) -> Roadmap:
    """A generated roadmap with one action done, one pinned and one added by hand."""
    roadmap = roadmap_for(engagement)
    items = roadmap_items(roadmap=roadmap)
    services.roadmap_item_status_set(item=items[0], status=ItemStatus.DONE, user=user)
    services.roadmap_item_update(
        item=items[1],
        start_year=2028,
        start_quarter=2,
        duration_quarters=items[1].duration_quarters,
        owner="Informatiemanager",
        status=items[1].status,
    )
    services.roadmap_item_add(
        roadmap=roadmap,
        dimension_key="strategy",
        title="Regionale verkenning",
        start_year=2027,
        start_quarter=3,
    )
    return roadmap
