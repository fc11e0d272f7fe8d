"""The registry of the route's stages.

The shared app shows every stage on the engagement page without importing the
stage apps: each stage app registers itself here in its ``AppConfig.ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class StageState(models.TextChoices):
    UNAVAILABLE = "unavailable", _("Not available yet")
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


@dataclass(frozen=True)
class StageLink:
    label: str | Promise
    url: str


@dataclass(frozen=True)
class StageStatus:
    state: str
    summary: str = ""
    progress: float = 0.0  # 0 to 1, for the engagement summary chart
    links: tuple[StageLink, ...] = field(default_factory=tuple)

    @property
    def state_label(self) -> str:
        return str(StageState(self.state).label)


@dataclass(frozen=True)
class Stage:
    key: str
    order: int
    title: str | Promise
    description: str | Promise
    status: Callable  # (engagement, user) -> StageStatus
    # Privacy hooks (AVG), all optional:
    # export(engagement) -> JSON-serialisable dict of the stage's data for the archive;
    export: Callable | None = None
    # reports(engagement, user) -> list of (filename, pdf bytes) for the archive;
    reports: Callable | None = None
    # purge_unfinished(cutoff: datetime) -> number of unfinished responses deleted
    # that were last changed before the cutoff;
    purge_unfinished: Callable | None = None
    # purge_personal_data(engagement) -> number of records whose personal data
    # (names, e-mail addresses) was deleted.
    purge_personal_data: Callable | None = None


_registry: dict[str, Stage] = {}


def register_stage(stage: Stage) -> None:
    """Add a stage; a second stage with the same key or order is refused (Open Forms style)."""
    if stage.key in _registry:
        raise ImproperlyConfigured(f"A stage with key {stage.key!r} is already registered.")
    if any(existing.order == stage.order for existing in _registry.values()):
        raise ImproperlyConfigured(f"A stage with order {stage.order} is already registered.")
    _registry[stage.key] = stage


def registered_stages() -> list[Stage]:
    return sorted(_registry.values(), key=lambda stage: stage.order)


def stage_statuses(*, engagement, user) -> list[tuple[Stage, StageStatus]]:
    return [(stage, stage.status(engagement, user)) for stage in registered_stages()]
