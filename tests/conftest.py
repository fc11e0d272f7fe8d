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


@pytest.fixture
def world(db) -> World:
    return build_world()
