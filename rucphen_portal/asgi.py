"""ASGI entry point: HTTP through Django, WebSockets through Channels."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rucphen_portal.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from reporting.charts import chart_export_warm_up  # noqa: E402
from rucphen_portal.concurrency import HttpConcurrencyLimit  # noqa: E402
from rucphen_portal.env import env_int  # noqa: E402
from rucphen_portal.routing import websocket_urlpatterns  # noqa: E402

# Start Chromium for the PDF charts now, not on the first download.
chart_export_warm_up()

application = ProtocolTypeRouter(
    {
        # At most HTTP_CONCURRENCY requests (so database connections) per process at once.
        "http": HttpConcurrencyLimit(django_asgi_app, env_int("HTTP_CONCURRENCY", 8)),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
