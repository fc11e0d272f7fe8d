"""The live protocol: how the projector, the facilitator and every phone stay in step.

Contract (the new agenda item kinds build on it; keep it):

1. **Screens are rendered on the server once per (session, version, role)** and pushed over
   the WebSocket; the polling fallback and a (re)connecting screen get the same render from the
   cache. Roles: ``participant`` (every phone), ``projector``, ``facilitator``. A phone's HTML is
   identical for every participant: it never contains what one participant chose.
   Templates: ``workshops/_<role>_live.html``; the body of an item is included by kind from
   ``workshops/kinds/<kind>_<role>.html`` when that template exists.
2. **A participant's own state** (what they voted, submitted, upvoted) is applied in the browser
   by live.js: from the answer to their own action, and from one small JSON endpoint
   (``live/<code>/mij.json``, ``selectors.participant_own_state``) fetched on (re)connect. In the
   phone's HTML a form says which own state it shows with ``data-own-key="<key>"``; the value is
   a string (the radio or checkbox with that value is checked), a list (those checkboxes) or an
   object (the inputs with those names are filled). Elements with ``data-when-answered`` /
   ``data-when-unanswered`` inside the form show or hide accordingly.
3. **Phone actions** are forms with ``data-live-action``, POSTed by ``fetch`` with the CSRF
   token in a header and ``Accept: application/json``; the view answers JSON
   ``{"ok": bool, "message": "<Dutch sentence>", "seq": n, "own": {key: value}}`` with a proper
   status (200, 400, 403, 404, 409; never a 302). ``seq`` is the last pushed sequence: any screen
   update with a higher seq includes the action. Without JavaScript the same form posts and gets
   a redirect back to the page (the render carries a placeholder CSRF token the page fills in).
4. **Every push carries ``seq``**, strictly increasing per session across processes, and the
   session's ``version`` (raised on every change of what the screens show). Pushes of one
   session are serialised (a Redis lock across processes) and the state is read after the
   sequence is taken, so a higher seq always carries newer counts: a screen applies a message
   only when its seq is higher than the last one it applied, and never shows an older count.
5. **Pushes are coalesced**: services call ``schedule_push(session_id)`` after a change; in a
   server process one pusher thread per process (one database connection, one Redis pool)
   publishes each dirty session at most every ``COALESCE_SECONDS``, so 300 votes make a handful
   of pushes, not 300 x 300 messages. Outside a server (tests, management commands) the push is
   made at once in the calling thread.

A push message is the session's small live state (``version``, ``status``, ``item``, counts,
``timer``) plus ``seq`` and ``role``, and ``html`` when that role's screen changed.
"""

import asyncio
import contextlib
import logging
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection, transaction
from redis.exceptions import LockError, RedisError

REDIS_ERRORS = (RedisError, LockError, OSError)

logger = logging.getLogger(__name__)

ROLES = ("participant", "projector", "facilitator")
_KIND_SUFFIX = {"participant": "phone", "projector": "projector", "facilitator": "facilitator"}
COALESCE_SECONDS = 0.2
CSRF_PLACEHOLDER = "__workshop_csrf__"
SCREEN_CACHE_SECONDS = 6 * 3600
# What a phone's screen depends on besides its HTML; counts are not among them.
PHONE_KEYS = ("version", "status", "item", "voting_open", "revealed", "timer")


def group_name(session_id: int, role: str = "participant") -> str:
    return f"workshop.session.{session_id}.{role}"


KEY_SALT = ""  # tests set their own, so a rolled-back session's id never finds a cached screen


def _screen_key(session_id: int, role: str) -> str:
    return f"workshops:screen{KEY_SALT}:{session_id}:{role}"


# --- Sequence -------------------------------------------------------------------------------

_local_lock = threading.Lock()
_local_seq: dict[int, int] = {}
_redis_client = None


def _redis():
    """A small shared client for the push lock and the sequence (None without Redis)."""
    global _redis_client
    url = getattr(settings, "REDIS_URL", None)
    if not url:
        return None
    if _redis_client is None:
        import redis

        _redis_client = redis.Redis.from_url(
            url, socket_timeout=5, socket_connect_timeout=2, max_connections=10
        )
    return _redis_client


def _prefix() -> str:
    return str(settings.CACHES["default"].get("KEY_PREFIX") or "rucphen")


class _Ordered:
    """Serialises the pushes of one session and hands out the next sequence number.

    The number is at least the time in milliseconds, so it keeps rising after Redis lost it."""

    def __init__(self, session_id: int):
        self.session_id = session_id
        self.lock: Any = None  # a Redis lock or this process's lock

    def __enter__(self) -> int:
        client = _redis()
        now = int(time.time() * 1000)
        if client is not None:
            try:
                self.lock = client.lock(
                    f"{_prefix()}:workshops:pushlock:{self.session_id}",
                    timeout=10,
                    blocking_timeout=10,
                )
                self.lock.acquire()
                key = f"{_prefix()}:workshops:seq:{self.session_id}"
                seq = max(int(client.get(key) or 0) + 1, now)
                client.set(key, seq, ex=7 * 24 * 3600)
                return seq
            except REDIS_ERRORS:
                logger.warning("Push lock unavailable; ordering within this process only.")
                self._release()
        _local_lock.acquire()
        self.lock = _local_lock
        seq = max(_local_seq.get(self.session_id, 0) + 1, now)
        _local_seq[self.session_id] = seq
        return seq

    def _release(self):
        if self.lock is None:
            return
        with contextlib.suppress(*REDIS_ERRORS):  # an expired Redis lock: nothing to give back
            self.lock.release()
        self.lock = None

    def __exit__(self, *exc):
        self._release()


def last_seq(session_id: int) -> int:
    """The sequence of the last push of the session (0 when unknown)."""
    client = _redis()
    if client is not None:
        try:
            return int(client.get(f"{_prefix()}:workshops:seq:{session_id}") or 0)
        except REDIS_ERRORS:
            return 0
    return _local_seq.get(session_id, 0)


# --- Rendering ----------------------------------------------------------------------------


def remember_origin(session_id: int, origin: str) -> None:
    """The address the room uses (scheme and host, as the projector's browser sees it): the
    shared render shows it with the join code and QR code, without a request of its own."""
    key = f"workshops:origin:{session_id}"
    try:
        if cache.get(key) == origin:
            return
        cache.set(key, origin, SCREEN_CACHE_SECONDS)
    except REDIS_ERRORS:
        return
    publish(session_id)  # the screens rendered without it show it now


def _origin(session_id: int) -> str:
    try:
        return cache.get(f"workshops:origin:{session_id}") or ""
    except REDIS_ERRORS:
        return ""


def render_screens(session_id: int, *, previous: dict | None = None) -> dict | None:
    """Read the state and render each role's screen; returns {role: entry} or None."""
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template, render_to_string
    from django.urls import reverse
    from django.utils import translation

    from workshops.models import Endorsement, Session
    from workshops.selectors import screen_context

    session = Session.objects.select_related("engagement").filter(pk=session_id).first()
    if session is None:
        return None
    origin = _origin(session_id)
    join_path = reverse("workshops:join_session", kwargs={"code": session.join_code})
    with translation.override(settings.LANGUAGE_CODE):
        screen = screen_context(session=session)
        base = {
            "session": session,
            "screen": screen,
            "item": screen.item,
            "state": screen.state,
            "csrf_token": CSRF_PLACEHOLDER,
            "vote_choices": _vote_choices(),
            "endorsement_choices": Endorsement.choices,
            "join_url": origin + join_path,
            "join_host": urlsplit(origin).netloc,
        }
        entries = {}
        for role in ROLES:
            base["kind_template"] = None
            if screen.item is not None:
                name = f"workshops/kinds/{screen.item.kind}_{_KIND_SUFFIX[role]}.html"
                try:
                    get_template(name)
                    base["kind_template"] = name
                except TemplateDoesNotExist:
                    pass
            cached = (previous or {}).get(role)
            if (
                role == "participant"
                and cached
                and cached["version"] == screen.state["version"]
                and cached["status"] == screen.state["status"]
            ):
                html = cached["html"]
            else:
                html = render_to_string(f"workshops/_{role}_live.html", base)
            entries[role] = {**screen.state, "html": html, "read_at": time.time()}
    return entries


def screen(session_id: int, role: str, *, version: int | None = None) -> dict | None:
    """The last rendered screen of the role (from the cache, else rendered now); rendered
    again when the caller knows the session has a different version than the cached one.

    A render made here is pushed too: the next publish compares with the cached screens, so
    a render that only went into the cache would keep the change from every other screen."""
    try:
        entry = cache.get(_screen_key(session_id, role))
    except REDIS_ERRORS:
        entry = None
    if entry is None or (version is not None and entry.get("version") != version):
        entries = publish(session_id) or {}
        entry = entries.get(role)
    return entry


def with_csrf(html: str, token: str) -> str:
    return html.replace(CSRF_PLACEHOLDER, token)


# --- Publishing ---------------------------------------------------------------------------


def publish(session_id: int) -> dict | None:
    """Render what changed, store it for the polling fallback and push it; never raises."""
    try:
        with _Ordered(session_id) as seq:
            previous = cache.get_many([_screen_key(session_id, role) for role in ROLES])
            previous = {key.rsplit(":", 1)[1]: value for key, value in previous.items()}
            entries = render_screens(session_id, previous=previous)
            if entries is None:
                return None
            messages = {}
            for role, entry in entries.items():
                entry["seq"] = seq
                entry["role"] = role
                old = previous.get(role)
                message = {key: value for key, value in entry.items() if key != "html"}
                if old is None or old.get("html") != entry["html"]:
                    message["html"] = entry["html"]
                elif role == "participant" and all(
                    old.get(key) == entry.get(key) for key in PHONE_KEYS
                ):
                    # A phone shows no counts: a vote more is no message to 300 phones.
                    continue
                messages[role] = message
            cache.set_many(
                {_screen_key(session_id, role): entry for role, entry in entries.items()},
                SCREEN_CACHE_SECONDS,
            )
    except Exception:
        # The screens fall back to polling; a push that fails loses nothing.
        logger.exception("Could not push the state of workshop session %s", session_id)
        return None
    try:
        _send(session_id, messages)
    except Exception:
        # Without the channel layer (Redis down) the screens poll; the render still serves them.
        logger.exception("Could not send the screens of workshop session %s", session_id)
    return entries


def _send(session_id: int, messages: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return

    async def send_all():
        for role, message in messages.items():
            await layer.group_send(
                group_name(session_id, role), {"type": "session.state", "state": message}
            )

    loop = _server_loop
    if loop is not None and loop.is_running():
        future = asyncio.run_coroutine_threadsafe(send_all(), loop)
        future.result(timeout=10)
    elif _in_running_loop():
        # A thread that runs an event loop (an async test): send from a helper thread.
        sender = threading.Thread(target=async_to_sync(send_all))
        sender.start()
        sender.join(timeout=10)
    else:
        async_to_sync(send_all)()


def _in_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


# --- The pusher of a server process ---------------------------------------------------------

_server_loop: asyncio.AbstractEventLoop | None = None


class _Pusher(threading.Thread):
    """One per server process: publishes dirty sessions, coalesced, on its own connection."""

    def __init__(self):
        super().__init__(name="workshop-pusher", daemon=True)
        self.dirty: set[int] = set()
        self.lock = threading.Lock()
        self.wake = threading.Event()

    def mark(self, session_id: int) -> None:
        with self.lock:
            self.dirty.add(session_id)
        self.wake.set()

    def run(self):
        while True:
            self.wake.wait()
            time.sleep(COALESCE_SECONDS)
            with self.lock:
                sessions, self.dirty = self.dirty, set()
                self.wake.clear()
            for session_id in sessions:
                publish(session_id)
            if not connection.in_atomic_block:
                close_old_connections()


_pusher: _Pusher | None = None
_pusher_lock = threading.Lock()


def register_server_loop() -> None:
    """Called by the consumer from the server's event loop: from now on pushes of this process
    go through the pusher thread and are sent on this loop."""
    global _server_loop
    _server_loop = asyncio.get_running_loop()


def schedule_push(session_id: int) -> None:
    """After the current transaction commits, push the session's screens."""
    transaction.on_commit(lambda: push_state(session_id))


def push_state(session_id: int) -> None:
    global _pusher
    if _server_loop is None:
        publish(session_id)
        return
    with _pusher_lock:
        if _pusher is None or not _pusher.is_alive():
            _pusher = _Pusher()
            _pusher.start()
    _pusher.mark(session_id)


def _vote_choices() -> list[tuple[str, str]]:
    from workshops.forms import VoteForm

    field = VoteForm().fields["value"]
    assert isinstance(field, forms.ChoiceField)
    return list(field.choices)  # type: ignore[arg-type]
