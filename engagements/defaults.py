"""Default content (the shipped survey template, maturity model, action catalogue and
example gallery) is created right after ``migrate``, never while a page is shown.

Creating it on the first GET raced: two first visits at once both inserted and one got
an ``IntegrityError``. Each stage app registers its creator here in ``AppConfig.ready()``;
Django sends ``post_migrate`` after ``migrate`` and after a test database flush, so a
fresh database always holds the defaults. The creators are idempotent.
"""

from collections.abc import Callable
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils import translation


def create_defaults_after_migrate(app_config: AppConfig, create: Callable[[], object]) -> None:
    """Run ``create`` (a service) after the app's migrations, in the site's language."""

    def handler(sender: AppConfig, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
        if using != DEFAULT_DB_ALIAS:
            return
        with translation.override(settings.LANGUAGE_CODE):
            create()

    post_migrate.connect(
        handler, sender=app_config, weak=False, dispatch_uid=f"{app_config.label}-defaults"
    )
