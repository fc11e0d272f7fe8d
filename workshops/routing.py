"""WebSocket routes of the live workshop."""

from django.urls import path

from workshops.consumers import SessionConsumer

websocket_urlpatterns: list = [
    path("ws/sessie/<str:code>/", SessionConsumer.as_asgi()),
]
