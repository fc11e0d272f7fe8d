"""The production lane: run by ``make test`` through ``scripts/test_production.sh``.

The settings are read from the environment when Django starts, so this lane is its own
pytest run with production's environment (DEBUG off, a SECRET_KEY, collected static files
in a throwaway STATIC_ROOT, manifest storage, HTTPS-only cookies and redirects). In the
development run these tests are skipped with a note that says where they run.
"""

import io

import pytest
from django.core.management import call_command

from rucphen_portal.env import env_bool

PRODUCTION = not env_bool("DEBUG", False)


def pytest_collection_modifyitems(config, items):
    if PRODUCTION:
        return
    skip = pytest.mark.skip(
        reason="production lane: runs with DEBUG off in `make test` (scripts/test_production.sh)"
    )
    for item in items:
        if "tests/production/" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo, seeded once: every test of the lane reads it (and rolls back its changes)."""
    if not PRODUCTION:
        return
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())


def _anonymous_starts() -> list[str]:
    """The pages people without an account open: log-in, joining, personal survey links."""
    from baseline.models import Respondent
    from surveys.models import Invitation, Survey
    from workshops.models import Session

    starts = ["/", "/account/inloggen/", "/account/wachtwoord-vergeten/", "/sessie/doe-mee/"]
    starts += [invitation.get_absolute_url() for invitation in Invitation.objects.all()]
    starts += [respondent.get_absolute_url() for respondent in Respondent.objects.all()]
    starts += [f"/enquete/open/{survey.token}/" for survey in Survey.objects.all()]
    starts += [f"/sessie/doe-mee/{s.join_code}/" for s in Session.objects.exclude(join_code="")]
    return starts


@pytest.fixture(scope="session")
def crawls(django_db_setup, django_db_blocker):
    """One crawl of the seeded demo per role; the slow part (every PDF is rendered)."""
    from accounts.models import User
    from tests.crawl import crawl, https_client

    with django_db_blocker.unblock():
        results = {}
        for username in ("admin", "consultant", "rucphen"):
            user = User.objects.get(username=username)
            results[username] = crawl(https_client(user), ["/", "/beheer/"])
        everything = sorted({url for result in results.values() for url in result.statuses})
        # Anonymous visitors try every URL the others reached, and their own pages.
        results["anonymous"] = crawl(https_client(), _anonymous_starts() + everything)
        return results
