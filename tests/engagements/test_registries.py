"""The stage and demo registries refuse a duplicate instead of overwriting or ignoring it."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from engagements import demo, stages


def _stage(key: str, order: int) -> stages.Stage:
    return stages.Stage(
        key=key,
        order=order,
        title=key,
        description="",
        status=lambda engagement, user: stages.StageStatus(state=stages.StageState.NOT_STARTED),
    )


def test_every_stage_app_registered_its_stage_once_in_route_order():
    assert [stage.key for stage in stages.registered_stages()] == [
        "surveys",
        "workshops",
        "baseline",
        "roadmap",
    ]
    assert [seeder.name for seeder in demo.registered_seeders()] == [
        "surveys",
        "workshops",
        "baseline",
        "roadmap",
    ]


def test_registering_a_stage_key_twice_is_refused(monkeypatch):
    monkeypatch.setattr(stages, "_registry", {})
    stages.register_stage(_stage("surveys", 10))
    with pytest.raises(ImproperlyConfigured, match="'surveys' is already registered"):
        stages.register_stage(_stage("surveys", 15))
    assert [stage.order for stage in stages.registered_stages()] == [10]


def test_registering_two_stages_at_the_same_place_in_the_route_is_refused(monkeypatch):
    monkeypatch.setattr(stages, "_registry", {})
    stages.register_stage(_stage("surveys", 10))
    with pytest.raises(ImproperlyConfigured, match="order 10"):
        stages.register_stage(_stage("other", 10))


def test_registering_a_demo_seeder_name_twice_is_refused(monkeypatch):
    monkeypatch.setattr(demo, "_seeders", [])
    demo.register_demo_seeder(demo.DemoSeeder(order=10, name="surveys", seed=print))
    with pytest.raises(ImproperlyConfigured, match="'surveys' is already registered"):
        demo.register_demo_seeder(demo.DemoSeeder(order=11, name="surveys", seed=print))
    assert [seeder.order for seeder in demo.registered_seeders()] == [10]
