"""Helpers for the personal-link tests of the survey and the nulmeting (engagements/tokens.py)."""

import re
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Model
from django.test import Client

LINK = re.compile(r"https?://[^/\s]+(/[a-z]+/invullen/[A-Za-z0-9_-]+/)")


def link_path(body: str) -> str:
    """The path of the one personal link in an e-mail's body."""
    [path] = LINK.findall(body)
    return path


def assert_copy_button_gives(client: Client, user: Any, page_url: str, paths: list[str]) -> None:
    """The consultant's one copy button gives the link that was e-mailed, and it opens."""
    client.force_login(user)
    page = client.get(page_url).content.decode()
    [copied] = re.findall(r'data-copy="([^"]+)"', page)
    client.logout()
    assert client.get(copied).status_code == 200
    assert {copied.removeprefix("http://testserver")} == set(paths)


def leaked_values(row: Model) -> list[str]:
    """Every text value of the row's database record, as a copy of the database would show."""
    record = type(row).objects.filter(pk=row.pk).values().get()
    return [value for value in record.values() if isinstance(value, str) and value]


def assert_no_value_opens_a_link(client: Client, row: Model, token: str, prefix: str) -> None:
    """A leaked row neither holds the token nor holds anything that opens a link."""
    values = leaked_values(row)
    assert all(token not in value for value in values)
    for value in values:
        assert client.get(f"{prefix}{value}/").status_code == 404, value


def migrate_with_a_raw_token(app: str, before: str, put_raw_token: Callable[[Any], None]) -> None:
    """Migrate ``app`` back to ``before`` (the raw token column), let ``put_raw_token``
    write a raw token with the models of that moment, and migrate forward again."""
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([(app, before)])
        put_raw_token(executor.loader.project_state([(app, before)]).apps)
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
