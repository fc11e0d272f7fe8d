"""WebSocket routes of the live workshop."""

websocket_urlpatterns: list = []
