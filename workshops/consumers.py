"""The session's WebSocket: each screen joins its role's group of the session.

Phones join with the join code alone (``participant``); the projector and the facilitator
(``?rol=projector`` / ``?rol=facilitator``) must be signed in as someone who runs the session,
because their screens show results the room has not seen yet. On connect the screen gets the
last rendered screen of its role (see live.py for the protocol), so a screen that reconnects
(dropped wifi, server restart) is up to date at once. The Origin of the handshake is checked by
AllowedHostsOriginValidator in rucphen_portal/asgi.py.

Screens only listen. A frame they send must be a small JSON object ``{"type": "ping"}``;
anything else closes the socket with 4400 (a traceback and 1011 before).
"""

import json
from types import SimpleNamespace
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from workshops import live
from workshops.access import can_manage_session, join_blocked, join_failed
from workshops.selectors import session_by_code

# Close codes (4000-4999 are the application's).
CLOSE_BAD_FRAME = 4400
CLOSE_FORBIDDEN = 4403
CLOSE_UNKNOWN_CODE = 4404
CLOSE_TOO_MANY_ATTEMPTS = 4429
MAX_FRAME = 1024


def _client(scope) -> SimpleNamespace:
    """The handshake seen as the join limiter sees a request: address and cookies."""
    address = (scope.get("client") or ("", 0))[0]
    return SimpleNamespace(META={"REMOTE_ADDR": address}, COOKIES=scope.get("cookies", {}))


def _screen_for_code_sync(code: str, client, role: str, user) -> tuple[int, dict | None] | int:
    """The session's id and the role's screen, or a close code. Guessing codes over
    WebSockets counts against the same limit as guessing them on the join page."""
    session = session_by_code(code=code)
    if session is None:
        if join_blocked(client):
            return CLOSE_TOO_MANY_ATTEMPTS
        join_failed(client)
        return CLOSE_UNKNOWN_CODE
    if role != "participant" and not can_manage_session(user, session):
        return CLOSE_FORBIDDEN
    return session.pk, live.screen(session.pk, role, version=session.version)


# On the event loop's small thread pool, not the one thread all consumers share: 300 phones
# that connect at once are not served one after another (Daphne drops a handshake that takes
# longer than 5 s). Each call closes its connection, so connections stay at the pool's size.
_screen_for_code = database_sync_to_async(_screen_for_code_sync, thread_sensitive=False)


class SessionConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        live.register_server_loop()
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        role = (query.get("rol") or ["participant"])[0]
        if role not in live.ROLES:
            role = "participant"
        found = await _screen_for_code(
            self.scope["url_route"]["kwargs"]["code"],
            _client(self.scope),
            role,
            self.scope.get("user"),
        )
        if isinstance(found, int):
            await self.close(code=found)
            return
        session_id, screen = found
        self.group = live.group_name(session_id, role)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        if screen is not None:
            await self.send(text_data=json.dumps(screen))

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        # A "ping" keeps proxies from closing an idle connection; nothing else is expected.
        if text_data is None or len(text_data) > MAX_FRAME:
            await self.close(code=CLOSE_BAD_FRAME)
            return
        try:
            content = json.loads(text_data)
        except (ValueError, RecursionError):
            await self.close(code=CLOSE_BAD_FRAME)
            return
        if content == {"type": "ping"}:
            await self.send(text_data='{"type": "pong"}')
        else:
            await self.close(code=CLOSE_BAD_FRAME)

    async def session_state(self, event):
        await self.send(text_data=json.dumps(event["state"]))
