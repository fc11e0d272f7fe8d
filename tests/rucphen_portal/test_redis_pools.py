"""Redis connections stay bounded when a whole room acts at once, and nothing fails for it.

When 300 phones close their sockets together (the session ends, the wifi drops), every
consumer leaves its group at the same moment. With channels-redis's own pool the commands
beyond ``max_connections`` raised ``MaxConnectionsError`` (50 tracebacks in the room
benchmark); the pool now waits for a free connection. The cache's pool is bounded the same way.
"""

import json
import uuid

from tests.rucphen_portal.test_settings import _run

REDIS = "redis://127.0.0.1:6379/0"

# Runs in a fresh process with the project's settings; every connection it opens to Redis
# carries the name NAME, so the peak number of them can be counted on the server.
LAYER = """
import asyncio, json, django
django.setup()
from django.conf import settings
settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0].update(
    max_connections=LIMIT, client_name=NAME)
from channels.layers import get_channel_layer
import redis

def named():
    clients = redis.Redis.from_url(URL).client_list()
    return sum(1 for client in clients if client.get("name") == NAME)

async def room():
    layer = get_channel_layer()
    group = "pools." + NAME
    names = [await layer.new_channel() for _ in range(300)]
    peak, done = 0, False
    async def watch():
        nonlocal peak
        while not done:
            peak = max(peak, await asyncio.to_thread(named))
            await asyncio.sleep(0.005)
    watcher = asyncio.create_task(watch())
    await asyncio.gather(*(layer.group_add(group, name) for name in names))
    await asyncio.gather(*(layer.group_discard(group, name) for name in names))
    done = True
    await watcher
    return peak

print(json.dumps({"peak": asyncio.run(room())}))
"""

CACHE = """
import json, threading, django
django.setup()
from django.conf import settings
settings.CACHES["default"]["OPTIONS"].update(max_connections=LIMIT, client_name=NAME)
from django.core.cache import cache
import redis

failures, peak = [], [0]
def visitor(index):
    try:
        for round in range(20):
            cache.set(f"{NAME}:{index}", round)
            assert cache.get(f"{NAME}:{index}") == round
    except Exception as error:
        failures.append(repr(error))
threads = [threading.Thread(target=visitor, args=(index,)) for index in range(40)]
for thread in threads:
    thread.start()
watcher = redis.Redis.from_url(URL)
while any(thread.is_alive() for thread in threads):
    named = sum(1 for c in watcher.client_list() if c.get("name") == NAME)
    peak[0] = max(peak[0], named)
for thread in threads:
    thread.join()
print(json.dumps({"peak": peak[0], "failures": failures}))
"""


def _script(template: str, limit: int) -> tuple[str, str]:
    name = f"pools-{uuid.uuid4().hex[:8]}"
    code = f"LIMIT = {limit}\nNAME = {name!r}\nURL = {REDIS!r}\n" + template
    return name, code


def test_three_hundred_sockets_leaving_at_once_wait_for_a_connection_instead_of_failing(
    tmp_path,
):
    _name, code = _script(LAYER, limit=10)
    result = _run(code, {"DEBUG": "1", "REDIS_URL": REDIS, "REDIS_PREFIX": "pools"}, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "MaxConnectionsError" not in result.stderr
    assert 1 <= json.loads(result.stdout)["peak"] <= 10


def test_the_cache_pool_is_bounded_and_forty_threads_at_once_all_get_their_answer(tmp_path):
    _name, code = _script(CACHE, limit=4)
    result = _run(code, {"DEBUG": "1", "REDIS_URL": REDIS, "REDIS_PREFIX": "pools"}, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout)
    assert figures["failures"] == []
    assert 1 <= figures["peak"] <= 4
