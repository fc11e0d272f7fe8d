"""Follow every link a user can reach and record what each URL answers.

Used by the production lane (every page of the demo, every role) and by the fuzzer's
read-back sweep (every page of an engagement after fuzzing). Only GET requests: the
portal changes nothing on GET, so crawling is safe.
"""

import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.core.signals import got_request_exception
from django.test import Client

# A few URLs of each pattern (ids replaced): the twentieth question's edit page is the same
# code as the third's. Django's admin has a change page per object and a filter link per
# value; two of each tell whether the admin reads stored values without error.
ADMIN_PREFIX = "/beheer/"
SAME_PATTERN_LIMIT = {"admin": 2, "portal": 3}
# POST-only or session-ending URLs.
SKIP_PATHS = ("/account/uitloggen/", "/i18n/", "/beheer/logout/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}
        name = wanted.get(tag)
        if name is None:
            return
        for key, value in attrs:
            if key == name and value:
                self.links.append(value)


def https_client(user=None) -> Client:
    """A test client that arrives as the README's nginx forwards a browser's HTTPS request.

    Needs BEHIND_PROXY=1 (as in the production lane); without it the header is ignored.
    """
    client = Client(raise_request_exception=False, headers={"X-Forwarded-Proto": "https"})
    if user is not None:
        client.force_login(user)
    return client


def _pattern(path: str) -> str:
    return re.sub(r"\d+", "{n}", path)


@dataclass
class Crawl:
    statuses: dict[str, int] = field(default_factory=dict)
    content_types: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, bytes] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def server_errors(self) -> list[str]:
        return [f"{url} -> {status}" for url, status in self.statuses.items() if status >= 500]

    def downloads(self, content_type: str) -> dict[str, bytes]:
        return {
            url: self.bodies[url]
            for url, kind in self.content_types.items()
            if kind.startswith(content_type) and url in self.bodies
        }


def crawl(
    client: Client,
    starts: list[str],
    *,
    limit: int = 800,
    follow: bool = True,
    keep_bodies: tuple[str, ...] = ("application/pdf", "application/zip"),
) -> Crawl:
    """Breadth-first over same-site links from ``starts``; returns every URL's status."""
    result = Crawl()
    seen: set[str] = set()
    per_pattern: Counter[str] = Counter()
    queue: deque[str] = deque()

    def enqueue(url: str) -> None:
        url = urldefrag(url)[0]
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            return
        path = parts.path
        if not path.startswith("/") or path.startswith(SKIP_PATHS):
            return
        target = path + (f"?{parts.query}" if parts.query else "")
        if path.startswith(ADMIN_PREFIX):
            target = path  # the admin's sort and filter links vary only the query
        if target in seen:
            return
        kind = "admin" if path.startswith(ADMIN_PREFIX) else "portal"
        if per_pattern[_pattern(path)] >= SAME_PATTERN_LIMIT[kind] and target not in starts:
            return
        per_pattern[_pattern(path)] += 1
        seen.add(target)
        queue.append(target)

    def record_exception(sender, request=None, **kwargs):
        import sys
        import traceback

        result.errors.append(
            f"{request.get_full_path() if request else '?'}: "
            + "".join(traceback.format_exception(*sys.exc_info())[-3:])
        )

    for start in starts:
        enqueue(start)
    got_request_exception.connect(record_exception)
    try:
        while queue and len(result.statuses) < limit:
            url = queue.popleft()
            started = time.perf_counter()
            response = client.get(url)
            result.statuses[url] = response.status_code
            content_type = response.get("Content-Type", "")
            result.content_types[url] = content_type
            if getattr(response, "streaming", False):
                body = b"".join(response.streaming_content)
            else:
                body = response.content
            result.seconds[url] = time.perf_counter() - started
            if content_type.startswith(keep_bodies):
                result.bodies[url] = body
            if follow and response.status_code == 200 and content_type.startswith("text/html"):
                parser = _Links()
                parser.feed(body.decode("utf-8", "replace"))
                for link in parser.links:
                    enqueue(urljoin(url, link))
            elif follow and response.status_code in (301, 302) and "Location" in response:
                enqueue(urljoin(url, response["Location"]))
    finally:
        got_request_exception.disconnect(record_exception)
    return result
