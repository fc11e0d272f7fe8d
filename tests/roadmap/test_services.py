"""Writes: default catalogue, import, roadmap creation, regeneration keeping hand edits."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from baseline.selectors import DEFAULT_DIMENSION_KEYS
from baseline.services import default_model_ensure
from roadmap import services
from roadmap.catalogue import catalogue_to_json, default_catalogue, parse_catalogue
from roadmap.models import ActionCatalogue, CatalogueAction, ItemStatus, LevelRule, RoadmapItem
from roadmap.selectors import catalogue_actions_for_generator, roadmap_items
from tests.roadmap.factories import followed_up_roadmap, roadmap_for, set_levels

pytestmark = pytest.mark.django_db


def test_default_catalogue_covers_every_transition_of_every_dimension_twice():
    actions = default_catalogue().actions
    for key in DEFAULT_DIMENSION_KEYS:
        for level in range(1, 5):
            count = sum(1 for a in actions if a.dimension_key == key and a.from_level == level)
            assert count >= 2, (key, level)


def test_default_catalogue_carries_the_cross_dimension_rules_of_the_domain():
    by_key = {a.key: a for a in default_catalogue().actions}
    predictive = by_key["gebruik-34-voorspellend"]
    assert {(r.dimension_key, r.level) for r in predictive.requires} == {
        ("responsible", 3),
        ("quality", 3),
    }
    assert "Rotterdam" in predictive.description
    for action in by_key.values():
        if action.dimension_key == "quality" and action.from_level == 2:
            assert ("governance", 2) in {(r.dimension_key, r.level) for r in action.requires}
    assert "strategie-12-mandaat" in by_key["platform-23-dataplatform"].prerequisites


def test_default_catalogue_ensure_is_idempotent_and_on_the_default_model():
    first = services.default_catalogue_ensure()
    second = services.default_catalogue_ensure()
    assert first == second
    assert first.model_version == default_model_ensure()
    assert first.actions.count() == len(default_catalogue().actions)
    assert LevelRule.objects.filter(action__catalogue=first).exists()


def test_export_and_import_round_trip_unchanged():
    catalogue = services.default_catalogue_ensure()
    exported = catalogue_to_json(
        name=catalogue.name, actions=catalogue_actions_for_generator(catalogue=catalogue)
    )
    document = parse_catalogue(exported)
    services.catalogue_import(model_version=catalogue.model_version, document=document)
    assert ActionCatalogue.objects.count() == 1
    again = catalogue_to_json(
        name=catalogue.name, actions=catalogue_actions_for_generator(catalogue=catalogue)
    )
    assert again == exported


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{niet json", "geen geldige JSON"),
        ('{"format": "iets anders"}', "geen actiecatalogus"),
        (
            '{"format": "routeplan-actiecatalogus", "format_version": 1, "actions": []}',
            "geen acties",
        ),
        (
            '{"format": "routeplan-actiecatalogus", "format_version": 1, "actions": '
            '[{"key": "A B", "dimension": "quality", "from_level": 7, "title": "",'
            ' "effort": "X", "duration_quarters": 0}]}',
            "Actie 1 heeft nodig",
        ),
        (
            '{"format": "routeplan-actiecatalogus", "format_version": 1, "actions": '
            '[{"key": "a", "dimension": "quality", "from_level": 1, "title": "A",'
            ' "effort": "S", "duration_quarters": 1, "prerequisites": ["b"]}]}',
            "niet in de catalogus",
        ),
    ],
)
def test_import_rejects_bad_files_with_a_dutch_message(text, message):
    with pytest.raises(ValidationError) as error:
        parse_catalogue(text, dimension_keys=set(DEFAULT_DIMENSION_KEYS))
    assert message in " ".join(error.value.messages)


def test_catalogue_action_save_keeps_prerequisites_and_rules_within_the_catalogue():
    catalogue = services.default_catalogue_ensure()
    prerequisite = catalogue.actions.get(key="governance-12-eigenaren")
    action = services.catalogue_action_save(
        catalogue=catalogue,
        key="kwaliteit-23-dashboard",
        dimension_key="quality",
        from_level=2,
        title="Kwaliteitsdashboard",
        prerequisites=[prerequisite],
        level_rules={"governance": 2, "people": None},
    )
    assert list(action.prerequisites.all()) == [prerequisite]
    assert [(r.dimension_key, r.level) for r in action.level_rules.all()] == [("governance", 2)]


def test_roadmap_without_baseline_starts_from_default_levels(world):
    roadmap = roadmap_for(world.engagement)
    assert [d.key for d in roadmap.dimensions.all()] == list(DEFAULT_DIMENSION_KEYS)
    items = roadmap_items(roadmap=roadmap)
    assert items
    assert all(item.reasons for item in items)
    assert roadmap.generated_at is not None


def test_roadmap_from_a_completed_baseline_takes_its_levels(world):
    from tests.baseline.factories import completed_assessment

    completed_assessment(engagement=world.engagement, levels_per_respondent=(2, 2, 2))
    roadmap = roadmap_for(world.engagement, generate=False)
    assert {d.current_level for d in roadmap.dimensions.all()} == {2}


def test_pinned_change_survives_a_target_change_and_regeneration(world):
    """The done-when flow: generate, pin a change, change a target, generate again."""
    roadmap = followed_up_roadmap(world.engagement, world.users["staff_a"])
    items = roadmap_items(roadmap=roadmap)
    done = next(i for i in items if i.status == ItemStatus.DONE)
    pinned = next(i for i in items if i.owner == "Informatiemanager")
    custom = next(i for i in items if i.is_custom)
    before = {i.action_key for i in items if not i.is_custom}

    set_levels(roadmap, use=(2, 5), people=(2, 2))
    services.roadmap_generate(roadmap=roadmap)

    after = {i.action_key: i for i in roadmap_items(roadmap=roadmap) if not i.is_custom}
    kept = RoadmapItem.objects.get(pk=pinned.pk)
    assert (kept.start_year, kept.start_quarter, kept.owner) == (2028, 2, "Informatiemanager")
    assert kept.is_pinned
    assert any(r["kind"] == "pinned" for r in kept.reasons)
    assert RoadmapItem.objects.get(pk=done.pk).status == ItemStatus.DONE
    assert RoadmapItem.objects.filter(pk=custom.pk).exists()
    # The new target adds use 4→5; people at target drops its unpinned actions.
    assert "gebruik-45-breed" in after and "gebruik-45-breed" not in before
    assert not any(
        i.dimension_key == "people" and not i.is_pinned and i.status == ItemStatus.PLANNED
        for i in after.values()
    )


def test_a_removed_action_stays_removed_after_regeneration(world):
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[0]
    services.roadmap_item_remove(item=item)
    services.roadmap_generate(roadmap=roadmap)
    assert RoadmapItem.objects.filter(roadmap=roadmap, action_key=item.action_key).count() == 1
    assert RoadmapItem.objects.get(pk=item.pk).is_removed
    services.roadmap_item_restore(item=RoadmapItem.objects.get(pk=item.pk))
    assert not RoadmapItem.objects.get(pk=item.pk).is_removed


def test_removing_an_action_added_by_hand_deletes_it(world):
    roadmap = roadmap_for(world.engagement)
    item = services.roadmap_item_add(
        roadmap=roadmap, dimension_key="use", title="Eigen actie", start_year=2027, start_quarter=2
    )
    assert item.is_pinned
    services.roadmap_item_remove(item=item)
    assert not RoadmapItem.objects.filter(pk=item.pk).exists()


def test_status_set_records_who_and_when(world):
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[0]
    services.roadmap_item_status_set(
        item=item, status=ItemStatus.IN_PROGRESS, user=world.users["staff_a"]
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS
    assert item.status_changed_by == world.users["staff_a"]
    assert item.status_changed_at is not None
    assert not item.is_pinned


def test_item_update_rejects_an_invalid_quarter(world):
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[0]
    with pytest.raises(ValidationError):
        services.roadmap_item_update(
            item=item,
            start_year=2027,
            start_quarter=5,
            duration_quarters=1,
            owner="",
            status="planned",
        )


def test_generation_records_the_warnings_in_dutch(world):
    roadmap = roadmap_for(world.engagement, capacity=1, horizon_years=1)
    assert roadmap.warnings
    assert any("horizon" in w["text"] for w in roadmap.warnings)


def test_seed_demo_twice_creates_nothing_new(db):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (RoadmapItem.objects.count(), CatalogueAction.objects.count())
    assert counts[0] > 5
    call_command("seed_demo", stdout=io.StringIO())
    assert (RoadmapItem.objects.count(), CatalogueAction.objects.count()) == counts
    items = RoadmapItem.objects.all()
    assert items.filter(status=ItemStatus.DONE).exists()
    assert items.filter(action_key="").exists()
    assert items.filter(is_pinned=True).exclude(action_key="").exists()


def test_a_new_model_version_gets_a_copy_of_the_default_catalogue_for_its_dimensions():
    from baseline.models import Dimension, ModelVersion

    default = services.default_catalogue_ensure()
    base = default.model_version
    version = ModelVersion.objects.create(model=base.model, number=base.number + 1)
    Dimension.objects.create(version=version, key="quality", order=1, name="Datakwaliteit")
    Dimension.objects.create(version=version, key="governance", order=2, name="Governance")
    copy = services.catalogue_for_version_ensure(model_version_id=version.pk)
    assert copy != default
    assert set(copy.actions.values_list("dimension_key", flat=True)) == {"quality", "governance"}
    assert services.catalogue_for_version_ensure(model_version_id=version.pk) == copy
    assert default.actions.count() == len(default_catalogue().actions)


def test_new_settings_and_their_generation_are_one_change(world, monkeypatch):
    """'Opslaan en opnieuw genereren' saves the settings and generates in one transaction:
    when generating fails, the settings stay as they were."""
    roadmap = roadmap_for(world.engagement)
    before = roadmap_items(roadmap=roadmap)

    def broken(*, roadmap):
        raise ValidationError("De generator faalt.")

    monkeypatch.setattr(services, "roadmap_generate", broken)
    with pytest.raises(ValidationError):
        services.roadmap_settings_update(
            roadmap=roadmap,
            start_year=2029,
            start_quarter=3,
            horizon_years=2,
            capacity=1,
            levels={},
            generate=True,
        )
    roadmap.refresh_from_db()
    assert (roadmap.start_year, roadmap.start_quarter, roadmap.capacity) == (2027, 1, 3)
    monkeypatch.undo()
    services.roadmap_settings_update(
        roadmap=roadmap,
        start_year=2029,
        start_quarter=3,
        horizon_years=2,
        capacity=1,
        levels={},
        generate=True,
    )
    after = roadmap_items(roadmap=roadmap)
    assert after and after != before
    assert min((item.start_year, item.start_quarter) for item in after) >= (2029, 3)
