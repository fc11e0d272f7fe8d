"""The session's WebSocket: every screen (projector, facilitator, phones) joins one group.

Messages carry the session's full live state and tell the screen to refresh what changed
from the server; nothing is kept in the connection, so a screen that reconnects (after a
dropped wifi or a server restart) is up to date as soon as it has connected. The Origin of
the handshake is checked by AllowedHostsOriginValidator in rucphen_portal/asgi.py.
"""

from types import SimpleNamespace

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from workshops.access import join_blocked, join_failed
from workshops.live import group_name
from workshops.selectors import session_by_code, session_live_state

# Close codes (4000-4999 are the application's): unknown code, too many wrong codes.
CLOSE_UNKNOWN_CODE = 4404
CLOSE_TOO_MANY_ATTEMPTS = 4429


def _client(scope) -> SimpleNamespace:
    """The handshake seen as the join limiter sees a request: address and cookies."""
    address = (scope.get("client") or ("", 0))[0]
    return SimpleNamespace(META={"REMOTE_ADDR": address}, COOKIES=scope.get("cookies", {}))


@database_sync_to_async
def _state_for_code(code: str, client) -> tuple[int, dict] | int:
    """The session's id and state, or a close code. Guessing codes over WebSockets
    counts against the same limit as guessing them on the join page."""
    if join_blocked(client):
        return CLOSE_TOO_MANY_ATTEMPTS
    session = session_by_code(code=code)
    if session is None:
        join_failed(client)
        return CLOSE_UNKNOWN_CODE
    return session.pk, session_live_state(session_id=session.pk)


class SessionConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        found = await _state_for_code(
            self.scope["url_route"]["kwargs"]["code"], _client(self.scope)
        )
        if isinstance(found, int):
            await self.close(code=found)
            return
        session_id, state = found
        self.group = group_name(session_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(state)

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # Screens only listen; a "ping" keeps proxies from closing an idle connection.
        if content == {"type": "ping"}:
            await self.send_json({"type": "pong"})

    async def session_state(self, event):
        await self.send_json(event["state"])
