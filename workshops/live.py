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

6. **A screen is rendered only when what it shows changed**, not for every count: each render
   is stored with its key (``_render_key``: the state a render depends on, and of the counts
   only whether there are any and their singular or plural form). The current counts are
   written into the ``data-state`` elements of every stored render, so a vote sends the
   projector and the facilitator the new counts without HTML (live.js writes them in place)
   and sends the phones nothing. A screen that shows the answers themselves (the facilitator's
   live chart, a revealed result, a word cloud) is rendered again as they come in, by the
   pusher at most once per ``RENDER_INTERVAL`` (the last change is always rendered).

A push message is the session's small live state (``version``, ``status``, ``item``, ``kind``,
counts, ``timer``) plus ``seq`` and ``role``, and ``html`` when that role's render changed.
"""

import asyncio
import contextlib
import logging
import re
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

        # Bounded; a thread beyond the bound waits up to 2 s for a connection.
        pool = redis.BlockingConnectionPool.from_url(
            url, socket_timeout=5, socket_connect_timeout=2, max_connections=10, timeout=2
        )
        _redis_client = redis.Redis(connection_pool=pool)
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
    publish(session_id, render=True)  # the screens rendered without it show it now


def _origin(session_id: int) -> str:
    try:
        return cache.get(f"workshops:origin:{session_id}") or ""
    except REDIS_ERRORS:
        return ""


def render_screens(session_id: int, *, roles_for=None) -> tuple[dict, dict[str, str]] | None:
    """Read the state and render the screens of the roles ``roles_for(state)`` names (all by
    default); returns (state, {role: html}) or None when the session is gone."""
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
        roles = list(roles_for(screen.state) if roles_for else ROLES)
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
        html: dict[str, str] = {}
        for role in roles:
            base["kind_template"] = None
            if screen.item is not None:
                name = f"workshops/kinds/{screen.item.kind}_{_KIND_SUFFIX[role]}.html"
                try:
                    get_template(name)
                    base["kind_template"] = name
                except TemplateDoesNotExist:
                    pass
            html[role] = render_to_string(f"workshops/_{role}_live.html", base)
    return screen.state, html


# What a render depends on (counts aside): a change of any of these renders the role again.
SCREEN_KEYS = ("version", "status", "item", "kind", "voting_open", "opened", "revealed", "timer")
COUNT_KEYS = ("responses", "participants")
# Kinds whose projector shows no more of the answers than the counts (until revealed).
_PROJECTOR_COUNTS_ONLY = {"statement", "example", "slide", "survey"}
# A screen that shows the answers themselves (a chart, a word cloud, a list) follows them,
# rendered again at most this often while they come in (the pusher renders the last change).
RENDER_INTERVAL = {"projector": 0.5, "facilitator": 1.0}
_COUNT_SPAN = re.compile(r'(<span data-state="(responses|participants)">)[^<]*(</span>)')


def _render_key(role: str, state: dict) -> tuple:
    key = tuple(state.get(name) for name in SCREEN_KEYS)
    if role == "participant":
        return key  # a phone shows no counts
    # Any render shows the current counts (see _with_counts); in the render itself are only
    # whether there are any and their singular or plural form.
    return key + tuple(min(int(state.get(name) or 0), 2) for name in COUNT_KEYS)


def _shows_answers(role: str, state: dict) -> bool:
    """Whether the role's screen shows more of the answers than the counts."""
    if role == "participant" or state.get("item") is None or state.get("status") == "finished":
        return False
    if role == "projector":
        return bool(state.get("revealed")) or state.get("kind") not in _PROJECTOR_COUNTS_ONLY
    return state.get("kind") not in ("slide", "survey")


def _with_counts(html: str, state: dict) -> str:
    """The counts of the state written into the render (live.js does the same in the page)."""
    return _COUNT_SPAN.sub(lambda m: f"{m[1]}{state.get(m[2], '')}{m[3]}", html)


def _due(role: str, state: dict, old: dict | None, *, throttle: bool, now: float) -> float | None:
    """When the role's screen must be rendered again: 0 now, None not at all (the cached
    render with the new counts written in is right), else in so many seconds."""
    if old is None or "html" not in old or old.get("key") != _render_key(role, state):
        return 0.0
    if not _shows_answers(role, state):
        return None
    if not throttle:
        return 0.0
    return max(0.0, RENDER_INTERVAL[role] - (now - old.get("rendered_at", 0.0)))


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


def publish(session_id: int, *, render: bool = False) -> dict | None:
    """Render what changed, store it for the polling fallback and push it; never raises.
    ``render`` renders every screen again (what they show changed outside the state)."""
    return _publish(session_id, render=render)[0]


def _publish(
    session_id: int, *, throttle: bool = False, render: bool = False
) -> tuple[dict | None, float | None]:
    """publish(), and in how many seconds a screen left unrendered (``throttle``) is due."""
    from workshops.selectors import session_live_state

    try:
        with _Ordered(session_id) as seq:
            found = cache.get_many([_screen_key(session_id, role) for role in ROLES])
            previous = {key.rsplit(":", 1)[1]: value for key, value in found.items()}
            state = session_live_state(session_id=session_id)
            if state is None:
                return None, None
            now = time.time()

            def due(role: str, state: dict) -> float | None:
                if render:
                    return 0.0
                return _due(role, state, previous.get(role), throttle=throttle, now=now)

            html: dict[str, str] = {}
            if any(due(role, state) == 0.0 for role in ROLES):
                # Read again with the whole context: render what is due by that state.
                rendered = render_screens(
                    session_id, roles_for=lambda state: [r for r in ROLES if due(r, state) == 0.0]
                )
                if rendered is None:
                    return None, None
                state, html = rendered
            later = [d for role in ROLES if role not in html and (d := due(role, state))]
            entries, messages = _entries(state, previous, html, seq=seq, now=now)
            cache.set_many(
                {_screen_key(session_id, role): entry for role, entry in entries.items()},
                SCREEN_CACHE_SECONDS,
            )
    except Exception:
        # The screens fall back to polling; a push that fails loses nothing.
        logger.exception("Could not push the state of workshop session %s", session_id)
        return None, None
    try:
        _send(session_id, messages)
    except Exception:
        # Without the channel layer (Redis down) the screens poll; the render still serves them.
        logger.exception("Could not send the screens of workshop session %s", session_id)
    return entries, min(later, default=None)


def _entries(
    state: dict, previous: dict, html: dict[str, str], *, seq: int, now: float
) -> tuple[dict, dict]:
    """Each role's new cached screen, and the message for the role's screens (none when
    nothing they show changed; ``html`` only when the render changed)."""
    entries, messages = {}, {}
    for role in ROLES:
        old = previous.get(role)
        if role in html:
            entry = {**state, "html": html[role], "key": _render_key(role, state)}
            entry["rendered_at"] = now
        else:
            entry = {**(old or {}), **state}
        entry.update(html=_with_counts(entry["html"], state), seq=seq, role=role, read_at=now)
        entries[role] = entry
        message = {k: v for k, v in entry.items() if k not in ("html", "key", "rendered_at")}
        if role in html and (
            old is None or old.get("html") != entry["html"] or old["version"] != entry["version"]
        ):
            message["html"] = entry["html"]
        elif old is not None and all(
            old.get(key) == entry.get(key)
            for key in SCREEN_KEYS + (() if role == "participant" else COUNT_KEYS)
        ):
            continue  # nothing this screen shows changed: 300 phones get no message
        messages[role] = message
    return entries, messages


def _send(session_id: int, messages: dict) -> None:
    if not messages:
        return
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
    """One per server process: publishes dirty sessions, coalesced, on its own connection;
    a screen whose render it put off (see RENDER_INTERVAL) is rendered when it is due."""

    def __init__(self):
        super().__init__(name="workshop-pusher", daemon=True)
        self.dirty: set[int] = set()
        self.later: dict[int, float] = {}  # session -> monotonic time a render is due
        self.lock = threading.Lock()
        self.wake = threading.Event()

    def mark(self, session_id: int) -> None:
        with self.lock:
            self.dirty.add(session_id)
        self.wake.set()

    def _next(self) -> set[int]:
        with self.lock:
            timeout = min(self.later.values(), default=None)
        if timeout is not None:
            timeout = max(0.0, timeout - time.monotonic())
        self.wake.wait(timeout)
        time.sleep(COALESCE_SECONDS)
        with self.lock:
            now = time.monotonic()
            due = {session for session, at in self.later.items() if at <= now}
            sessions, self.dirty = self.dirty | due, set()
            for session in sessions:
                self.later.pop(session, None)
            self.wake.clear()
        return sessions

    def run(self):
        while True:
            for session_id in self._next():
                _entries, later = _publish(session_id, throttle=True)
                if later is not None:
                    with self.lock:
                        self.later[session_id] = time.monotonic() + later
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
