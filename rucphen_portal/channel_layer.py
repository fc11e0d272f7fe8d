"""The Redis channel layer, with a connection pool that waits instead of failing.

channels-redis opens a connection pool per event loop whose ``max_connections`` is a hard
limit: the 51st command in flight raises ``MaxConnectionsError``. When a room of 300 phones
closes its sockets at once (the session ends, the wifi drops) every consumer leaves its group
at the same moment, and those beyond the limit failed with a traceback. Here the pool is
redis-py's ``BlockingConnectionPool``: connections stay bounded by ``max_connections``, and a
command beyond them waits up to ``pool_timeout`` seconds for a free one.
"""

from channels_redis.core import RedisChannelLayer
from redis import asyncio as aioredis


class BoundedRedisChannelLayer(RedisChannelLayer):
    def create_pool(self, index):
        host = dict(self.hosts[index])
        address = host.pop("address")
        timeout = host.pop("pool_timeout", 10)
        return aioredis.BlockingConnectionPool.from_url(address, timeout=timeout, **host)
