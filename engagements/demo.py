"""The registry of demo-data seeders, filled by each app's ``AppConfig.ready()``.

``manage.py seed_demo`` runs the foundation's seeder and then every registered one
in order, so that a newcomer sees every stage filled in. Seeders are idempotent.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class DemoSeeder:
    order: int
    name: str
    seed: Callable  # (context: dict, stdout) -> None; context holds "engagement", "users", ...


_seeders: list[DemoSeeder] = []


def register_demo_seeder(seeder: DemoSeeder) -> None:
    """Add a seeder; a second seeder with the same name is refused (Open Forms style)."""
    if any(existing.name == seeder.name for existing in _seeders):
        raise ImproperlyConfigured(f"A demo seeder named {seeder.name!r} is already registered.")
    _seeders.append(seeder)


def registered_seeders() -> list[DemoSeeder]:
    return sorted(_seeders, key=lambda seeder: seeder.order)
