"""A Redis cache that keeps the portal working while Redis is away.

The cache only holds what can be lost (rate-limit counters, cached fragments). When
Redis does not answer, reads miss and writes are dropped, with a warning in the log,
instead of turning every page into a server error; /healthz reports the outage.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


def _tolerant(default_factory):
    def decorate(method):
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE as exc:
                logger.warning("Redis cache unavailable (%s); carrying on without it.", exc)
                return default_factory(*args, **kwargs)

        wrapper.__name__ = method.__name__
        wrapper.__doc__ = method.__doc__
        return wrapper

    return decorate


def _default_argument(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    get = _tolerant(_default_argument)(RedisCache.get)
    add = _tolerant(lambda *a, **k: False)(RedisCache.add)
    set = _tolerant(lambda *a, **k: None)(RedisCache.set)
    touch = _tolerant(lambda *a, **k: False)(RedisCache.touch)
    delete = _tolerant(lambda *a, **k: False)(RedisCache.delete)
    get_many = _tolerant(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _tolerant(lambda *a, **k: False)(RedisCache.has_key)
    set_many = _tolerant(lambda *a, **k: [])(RedisCache.set_many)
    delete_many = _tolerant(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _tolerant(lambda *a, **k: None)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except OUTAGE as exc:
            logger.warning("Redis cache unavailable (%s); carrying on without it.", exc)
            return delta
