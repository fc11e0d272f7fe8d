"""Live pushes: after a change is committed, every screen of the session gets its state.

The message carries the session's full live state (small: a version and a few counts),
so a screen that missed messages is right again with the next one, and a reconnecting
screen receives the state as soon as it connects (see consumers.py).
"""

import asyncio
import logging
import threading

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def group_name(session_id: int) -> str:
    return f"workshop.session.{session_id}"


def push_state(session_id: int) -> None:
    """Send the session's current state to its group; never fails the request."""
    from workshops.selectors import session_live_state

    layer = get_channel_layer()
    if layer is None:
        return
    try:
        state = session_live_state(session_id=session_id)
        if state is None:
            return
        message = {"type": "session.state", "state": state}
        send = async_to_sync(layer.group_send)
        if _loop_running():
            # Called from a thread that runs an event loop: send from a helper thread.
            sender = threading.Thread(target=send, args=(group_name(session_id), message))
            sender.start()
            sender.join(timeout=5)
        else:
            send(group_name(session_id), message)
    except Exception:
        # The screens fall back to polling; a push that fails loses nothing.
        logger.exception("Could not push the state of workshop session %s", session_id)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def schedule_push(session_id: int) -> None:
    transaction.on_commit(lambda: push_state(session_id))
