"""While Redis is away the cache misses and drops writes instead of failing requests."""

import pytest

from rucphen_portal.cache import ResilientRedisCache

LIVE = "redis://127.0.0.1:6379/14"
GONE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def _cache(location: str) -> ResilientRedisCache:
    return ResilientRedisCache(
        location,
        {"KEY_PREFIX": "cache-test", "OPTIONS": {"socket_connect_timeout": 0.5}},
    )


def test_with_redis_the_cache_stores_and_counts():
    cache = _cache(LIVE)
    cache.set("answer", 42, 30)
    assert cache.get("answer") == 42
    cache.set("hits", 1, 30)
    assert cache.incr("hits") == 2
    cache.delete_many(["answer", "hits"])


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda c: c.get("k", "fallback"), "fallback"),
        (lambda c: c.set("k", 1), None),
        (lambda c: c.add("k", 1), False),
        (lambda c: c.incr("k"), 1),
        (lambda c: c.get_many(["a", "b"]), {}),
        (lambda c: c.delete("k"), False),
        (lambda c: c.has_key("k"), False),
    ],
)
def test_without_redis_every_call_degrades_instead_of_raising(call, expected):
    assert call(_cache(GONE)) == expected
