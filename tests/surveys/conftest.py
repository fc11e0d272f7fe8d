import pytest


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Each survey test gets its own empty in-memory cache (report chart SVGs are cached).

    Never ``cache.clear()`` the shared cache: on Redis that empties the whole database,
    other apps' keys included.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "survey-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
