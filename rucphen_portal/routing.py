"""WebSocket routes of every app, collected for the ASGI application."""

from workshops.routing import websocket_urlpatterns as workshop_websockets

websocket_urlpatterns = [*workshop_websockets]
