import pytest

from tests.world import World, build_world


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Fast hashing for tests; set once per session so the browser tests' server shares it."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        # For users who log in to a separate server process (tests/live), which
        # runs with the production hashers.
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Every test starts in Dutch, whatever language an earlier request left active."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def world(db) -> World:
    return build_world()


def pytest_collection_modifyitems(config, items):
    """Browser and live-server tests run last.

    Playwright's sync API keeps an event loop running in the main thread for the rest
    of the session, which async tests (Channels consumers) cannot share."""
    late = ("tests/browser/", "tests/live/")
    items.sort(key=lambda item: any(part in item.nodeid for part in late))
