import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each survey test starts and ends with an empty cache (chart SVGs are cached)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
