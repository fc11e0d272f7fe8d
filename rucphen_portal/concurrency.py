"""A bound on the HTTP requests one process serves at the same time.

Django runs every request of an ASGI server in a thread of its own, and each thread opens its
own database connection. With a room of phones that all ask at once, the number of connections
would follow the number of phones until PostgreSQL refuses ("too many clients already"). This
ASGI wrapper lets at most ``limit`` requests into Django at once; the others wait in the event
loop, which costs nothing, and are served in turn. WebSockets and lifespan pass straight through.
"""

import asyncio


class HttpConcurrencyLimit:
    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit
        self._semaphores: dict[int, asyncio.Semaphore] = {}

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        semaphore = self._semaphores.get(id(loop))
        if semaphore is None:
            semaphore = self._semaphores[id(loop)] = asyncio.Semaphore(self.limit)
        return semaphore

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        async with self._semaphore():
            return await self.app(scope, receive, send)
