"""Small helpers to read settings from the environment (healthchecks style)."""

import os


def env_str(name: str, default: str = "") -> str:
    """The variable's value; an unset or empty variable gives the default."""
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return int(value)


def env_list(name: str, default: str = "") -> list[str]:
    value = env_str(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]
