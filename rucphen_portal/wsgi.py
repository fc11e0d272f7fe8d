"""WSGI entry point (HTTP only; the ASGI application also serves WebSockets)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rucphen_portal.settings")
application = get_wsgi_application()
