"""A Redis cache that keeps the portal working while Redis is away.

The cache only holds what can be lost (rate-limit counters, cached fragments). When
Redis does not answer, reads miss and writes are dropped, with a warning in the log,
instead of turning every page into a server error; /healthz reports the outage.

Django makes a cache object per thread, and with it a connection pool per thread: under ASGI
every request thread would hold its own Redis connections. Here the threads of a process share
one client, so ``OPTIONS["max_connections"]`` bounds the process (a ``BlockingConnectionPool``
lets a thread beyond the bound wait for a free connection).
"""

import logging
import threading

from django.core.cache.backends.redis import RedisCache
from django.utils.functional import cached_property
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


_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    @cached_property
    def _cache(self):
        """One client (and connection pool) per process and configuration, for every thread."""
        # RedisCache keeps its servers, options and client class in attributes the stubs omit.
        servers, options = getattr(self, "_servers"), getattr(self, "_options")  # noqa: B009
        key = (tuple(servers), repr(sorted(options.items())))
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = getattr(self, "_class")(servers, **options)  # noqa: B009
        return client

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
