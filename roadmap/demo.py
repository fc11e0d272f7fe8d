"""Demo data: Gemeente Rucphen gets a generated and partly edited roadmap.

Runs after the baseline and workshop seeders (order 40) and reads their results only
through their selectors. Without a completed baseline the roadmap starts from the typical
levels in ``roadmap.selectors.default_dimension_goals()``. Running it again changes nothing.
"""

from roadmap import services
from roadmap.models import ItemStatus, Roadmap
from roadmap.selectors import roadmap_items, roadmap_sources

DEMO_CUSTOM_TITLE = "Datagedreven werken agenderen in de regio West-Brabant"


def seed(context: dict, stdout) -> None:
    engagement = context["engagement"]
    services.default_catalogue_ensure()
    if Roadmap.objects.filter(engagement=engagement).exists():
        stdout.write("Roadmap: the demo roadmap already exists.")
        return
    sources = roadmap_sources(engagement=engagement)
    roadmap = services.roadmap_create(
        engagement=engagement, start_year=2027, start_quarter=1, horizon_years=3, capacity=3
    )
    services.roadmap_generate(roadmap=roadmap)
    items = roadmap_items(roadmap=roadmap)
    consultant = context["users"]["consultant"]
    staff = context["users"]["rucphen"]
    # The first two actions are done and the third under way, as followed up by staff.
    for item in items[:2]:
        services.roadmap_item_status_set(item=item, status=ItemStatus.DONE, user=staff)
    if len(items) > 2:
        services.roadmap_item_status_set(item=items[2], status=ItemStatus.IN_PROGRESS, user=staff)
    # The consultant moved one action a quarter later with a named owner (pinned) ...
    if len(items) > 4:
        moved = items[4]
        later = moved.start.plus(1)
        services.roadmap_item_update(
            item=moved,
            start_year=later.year,
            start_quarter=later.number,
            duration_quarters=moved.duration_quarters,
            owner="Ruud van Rucphen (informatiemanager)",
            status=moved.status,
            user=consultant,
        )
    # ... and added a regional action by hand.
    services.roadmap_item_add(
        roadmap=roadmap,
        dimension_key="strategy",
        title=DEMO_CUSTOM_TITLE,
        description=(
            "Met Etten-Leur, Halderberge en Zundert verkennen wat we samen doen: gedeelde "
            "analisten, een gedeeld platform en een gezamenlijke ethische commissie."
        ),
        start_year=2027,
        start_quarter=3,
        duration_quarters=2,
        owner="Gemeentesecretaris",
    )
    services.roadmap_generate(roadmap=roadmap)
    origin = "the baseline" if sources.baseline else "default levels (no completed baseline yet)"
    stdout.write(f"Roadmap: generated from {origin}, partly edited and followed up.")
