"""The permission matrix: every URL, every role, the expected status code.

Each app's ``tests/<app>/test_permissions.py`` lists its URLs as ``CASES``;
``tests/test_url_coverage.py`` fails when a URL of the project has no case.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.test import Client
from django.urls import reverse

from tests.world import ROLES, World

# Anonymous visitors of login-only pages are sent to the login page.
LOGIN = "login"


@dataclass
class UrlCase:
    name: str
    kwargs: Callable[[World], dict] = field(default=lambda world: {})
    expected: dict[str, int | str] = field(default_factory=dict)
    method: str = "get"
    data: Callable[[World], dict] | None = None

    def __post_init__(self):
        missing = set(ROLES) - set(self.expected)
        if missing:
            raise ValueError(f"{self.name}: no expectation for {sorted(missing)}")

    def __str__(self) -> str:
        return self.name


def view_matrix(*, viewer_only: bool = False) -> dict[str, int]:
    """Expectations for a page anyone who may see the engagement may open."""
    return {
        "anonymous": LOGIN,
        "staff_a": 200,
        "staff_b": 404,
        "consultant_on": 200,
        "consultant_off": 404,
        "admin": 200,
    }


def manage_matrix(ok: int = 200) -> dict[str, int]:
    """Expectations for a page only the engagement's consultants and administrators open."""
    return {
        "anonymous": LOGIN,
        "staff_a": 403,
        "staff_b": 404,
        "consultant_on": ok,
        "consultant_off": 404,
        "admin": ok,
    }


def library_matrix(ok: int = 200) -> dict[str, int | str]:
    """Expectations for the shared libraries (survey templates, maturity models, action
    catalogues): consultants and administrators use them; other signed-in users get a 403,
    whatever their organisation (a library belongs to no engagement)."""
    return {
        "anonymous": LOGIN,
        "staff_a": 403,
        "staff_b": 403,
        "consultant_on": ok,
        "consultant_off": ok,
        "admin": ok,
    }


def check_case(world: World, case: UrlCase) -> list[str]:
    """Request the URL as every role; return the mismatches."""
    url = reverse(case.name, kwargs=case.kwargs(world))
    mismatches = []
    for role in ROLES:
        client = Client()
        user = world.users[role]
        if user is not None:
            client.force_login(user)
        data = case.data(world) if case.data else None
        response = getattr(client, case.method)(url, data=data)
        expected = case.expected[role]
        if expected == LOGIN:
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith(reverse("login")):
                mismatches.append(
                    f"{case.method.upper()} {url} as {role}: got {response.status_code} "
                    f"{location}, expected a redirect to the login page"
                )
        elif response.status_code != expected:
            mismatches.append(
                f"{case.method.upper()} {url} as {role}: "
                f"got {response.status_code}, expected {expected}"
            )
    return mismatches
