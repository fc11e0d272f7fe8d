"""Every page of the demo, and every form on it, in Dutch: no English string of Django or
of a package whose text has a Dutch translation (ours or theirs).

The demo is seeded; the consultant and the administrator (admin pages included) follow
every link from the home page, and each page's text is searched for the English strings
of the catalogues Django uses (Django, its admin and auth, crispy forms, and the strings
the project translates for packages: accounts/package_strings.py). Also the time-zone
notice of the admin's JavaScript must be translated.
"""

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import django
import polib
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User

DJANGO = Path(django.__file__).parent
CATALOGUES = [
    DJANGO / "conf/locale/nl/LC_MESSAGES/django.po",
    DJANGO / "contrib/admin/locale/nl/LC_MESSAGES/django.po",
    DJANGO / "contrib/auth/locale/nl/LC_MESSAGES/django.po",
]
PACKAGE_STRINGS = ["- Select an option -", "access attempts", "access failures", "access logs"]
SKIP = ("/uitloggen/", ".pdf", ".csv", ".xlsx", ".zip", ".json", "/logout/", "/static/")
MAX_PAGES = 250


def _english_strings() -> re.Pattern:
    """English sentences (three words or more) that the Dutch catalogues translate."""
    strings = set(PACKAGE_STRINGS)
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            text = entry.msgid
            if entry.msgstr and entry.msgstr != text and "%" not in text and "{" not in text:
                if len(text.split()) >= 3 and "\n" not in text:
                    strings.add(text)
    ordered = sorted(strings, key=len, reverse=True)
    return re.compile("|".join(re.escape(text) for text in ordered))


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _crawl(client: Client, start: list[str], english: re.Pattern) -> tuple[int, list[str]]:
    seen, queue, found = set(start), deque(start), []
    while queue and len(seen) <= MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode())
        text = " ".join(" ".join(page.text).split())
        found.extend(f"{url}: {match}" for match in sorted(set(english.findall(text))))
        for href in page.links:
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href.startswith("/"):
                continue
            if any(skip in href for skip in SKIP) or href in seen:
                continue
            if "/admin/" in href and any(part in href for part in ("/delete/", "/history/")):
                continue
            seen.add(href)
            queue.append(href)
    return len(seen), found


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-wachtwoord-2026")
    call_command("seed_demo")


@pytest.mark.parametrize("username", ["consultant", "admin"])
def test_every_page_of_the_demo_is_in_dutch(demo, username):
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(User.objects.get(username=username))
    start = ["/"] + (["/admin/", "/admin/axes/accessattempt/"] if username == "admin" else [])
    pages, found = _crawl(client, start, _english_strings())
    assert pages > 20
    assert found == []


def test_the_admins_time_zone_notice_is_in_dutch(demo):
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(User.objects.get(username="admin"))
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    assert "u loopt %s uur voor op de servertijd" in catalogue


def test_the_empty_choice_of_every_select_is_dutch():
    """Django 6.1's '- Select an option -' has no Dutch in Django's own catalogue."""
    from django.db.models.fields import BLANK_CHOICE_LABEL
    from django.utils import translation

    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "- Kies een optie -"
    assert _english_strings().search("Kies - Select an option - hier")
