import pytest
from django.core.cache import cache
from django.test import Client

from tests.workshops.factories import SessionFactory


@pytest.fixture
def session(world):
    """A session of the world's engagement with the default agenda."""
    return SessionFactory(engagement=world.engagement)


@pytest.fixture
def consultant(world, session):
    """A client signed in as the engagement's consultant."""
    client = Client()
    client.force_login(world.users["consultant_on"])
    return client


@pytest.fixture(autouse=True)
def _forget_join_attempts():
    """Every test client comes from 127.0.0.1: start each test with no wrong join codes
    counted against that address (only this app's key, never the whole cache)."""
    keys = ["workshops:join:addr:127.0.0.1", "workshops:join:addr:10.0.0.1"]
    cache.delete_many(keys)
    yield
    cache.delete_many(keys)


@pytest.fixture(autouse=True)
def _fresh_screens(monkeypatch):
    """Session ids come back after a rolled-back test: give each test its own screen cache."""
    import uuid

    from workshops import live

    monkeypatch.setattr(live, "KEY_SALT", uuid.uuid4().hex[:8])
