"""The session's WebSocket: every screen (projector, facilitator, phones) joins one group.

Messages carry the session's full live state and tell the screen to refresh what changed
from the server; nothing is kept in the connection, so a screen that reconnects (after a
dropped wifi or a server restart) is up to date as soon as it has connected. The Origin of
the handshake is checked by AllowedHostsOriginValidator in rucphen_portal/asgi.py.
"""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from workshops.live import group_name
from workshops.selectors import session_by_code, session_live_state


@database_sync_to_async
def _state_for_code(code: str) -> tuple[int, dict] | None:
    session = session_by_code(code=code)
    if session is None:
        return None
    return session.pk, session_live_state(session_id=session.pk)


class SessionConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        found = await _state_for_code(self.scope["url_route"]["kwargs"]["code"])
        if found is None:
            await self.close(code=4404)
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
