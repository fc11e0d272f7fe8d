#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rucphen_portal.settings")
    if not os.environ.get("SECRET_KEY") and "DEBUG" not in os.environ:
        # Without a SECRET_KEY this is a developer's checkout, not production (the ASGI and
        # WSGI entry points refuse to start without one): run commands in development mode.
        os.environ["DEBUG"] = "1"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
