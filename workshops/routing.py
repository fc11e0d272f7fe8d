"""WebSocket routes of the live workshop."""

from django.urls import get_resolver, path

from workshops.consumers import SessionConsumer

websocket_urlpatterns: list = [
    path("ws/sessie/<code:code>/", SessionConsumer.as_asgi()),
]

# The first screen a socket gets is rendered with {% url %}, which imports every view (and
# WeasyPrint with them): seconds on a busy machine, past Daphne's 5 s handshake timeout. Load
# the URLconf when the server starts instead of in the first handshake.
get_resolver().url_patterns  # noqa: B018
