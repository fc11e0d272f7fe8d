"""Counting wrong guesses per client, so that a code cannot be guessed without limit.

Only failures count, and only per client: the address Daphne reports, which behind the
README's nginx is the visitor's own (Daphne runs with ``--proxy-headers`` and nginx sends
``X-Forwarded-For``), never the proxy's. Without a cache (Redis away) nobody is blocked.
"""

import logging

from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


class FailureLimit:
    def __init__(self, name: str, *, limit: int, window_seconds: int):
        self.name = name
        self.limit = limit
        self.window_seconds = window_seconds

    def _key(self, request: HttpRequest) -> str:
        return f"limit:{self.name}:{request.META.get('REMOTE_ADDR', '')[:64]}"

    def blocked(self, request: HttpRequest) -> bool:
        try:
            return (cache.get(self._key(request)) or 0) >= self.limit
        except Exception:
            logger.warning("%s: attempts cannot be checked (cache).", self.name, exc_info=True)
            return False

    def failed(self, request: HttpRequest) -> None:
        key = self._key(request)
        try:
            if not cache.add(key, 1, self.window_seconds):
                try:
                    cache.incr(key)
                except ValueError:  # expired in between
                    cache.set(key, 1, self.window_seconds)
        except Exception:
            logger.warning("%s: a failure cannot be counted (cache).", self.name, exc_info=True)
