"""Who may see, run and join a session: the one place that decides for this app.

- Viewers of the engagement (its organisation's staff, its consultants, administrators)
  see its sessions, the report and the exports.
- Its managers (consultants on it, administrators) prepare and run them: the
  facilitator and projector views and every control.
- Participants need no account: the join code finds the session, and a server-issued
  token in a cookie (never the IP address) says who they are.
"""

import logging

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from accounts.models import User
from engagements.access import (
    can_manage_engagement,
    engagement_object_for_manager,
    engagement_object_for_viewer,
    get_engagement_for_manager,
    get_engagement_for_viewer,
    get_or_404,
)
from engagements.models import Engagement
from workshops.models import (
    AgendaItem,
    Contribution,
    Example,
    Participant,
    Session,
    VisionStatement,
)
from workshops.selectors import participant_for_token, session_by_code

logger = logging.getLogger(__name__)

PARTICIPANT_COOKIE = "workshop_deelnemer_{session_id}"
CLIENT_COOKIE = "workshop_client"
JOIN_ATTEMPTS_PER_CLIENT = 10
JOIN_ATTEMPTS_PER_ADDRESS = 100  # a whole room shares one address: only a loose cap
JOIN_WINDOW_SECONDS = 600


def can_manage(user: User, engagement: Engagement) -> bool:
    """May the user prepare and run this engagement's sessions?"""
    return can_manage_engagement(user, engagement)


def can_manage_session(user: User | AnonymousUser | None, session: Session) -> bool:
    """May the user run this session (facilitator and projector screens)?"""
    if user is None or not user.is_authenticated:
        return False
    return can_manage_engagement(user, session.engagement)


def get_engagement_for_session_viewer(user: User, engagement_pk: int) -> Engagement:
    return get_engagement_for_viewer(user, engagement_pk)


def get_engagement_for_session_manager(user: User, engagement_pk: int) -> Engagement:
    return get_engagement_for_manager(user, engagement_pk)


def get_session_for_viewer(user: User, pk: int) -> Session:
    """The session if the user may see its engagement, else 404."""
    return engagement_object_for_viewer(user, Session.objects.all(), pk)


def get_session_for_manager(user: User, pk: int) -> Session:
    """The session if the user may run it; 404 if they may not see it, else 403."""
    return engagement_object_for_manager(user, Session.objects.all(), pk)


def get_item_for_manager(user: User, pk: int, item_pk: int) -> AgendaItem:
    session = get_session_for_manager(user, pk)
    item = get_or_404(AgendaItem.objects.filter(session=session), pk=item_pk)
    item.session = session
    return item


def get_example_for_manager(user: User, pk: int, example_pk: int) -> tuple[Session, Example]:
    """An example of the session's engagement or of the shared library (engagement None)."""
    session = get_session_for_manager(user, pk)
    example = get_or_404(Example.objects.all(), pk=example_pk)
    if example.engagement_id not in (None, session.engagement_id):
        raise Http404
    return session, example


def get_vision_statement_for_manager(user: User, pk: int, statement_pk: int) -> VisionStatement:
    session = get_session_for_manager(user, pk)
    return get_or_404(VisionStatement.objects.filter(session=session), pk=statement_pk)


def get_session_for_participant(request: HttpRequest, code: str) -> Session:
    """The session with this join code (public), else 404. A valid code is never refused:
    only a client that guessed too many wrong codes gets 403 for the next wrong one, so one
    guesser behind the room's address cannot lock the room out."""
    session = session_by_code(code=code)
    if session is None:
        if join_blocked(request):
            raise PermissionDenied
        join_failed(request)
        raise Http404
    return session


def participant_from_request(request: HttpRequest, session: Session) -> Participant | None:
    token = request.COOKIES.get(PARTICIPANT_COOKIE.format(session_id=session.pk))
    return participant_for_token(session=session, token=token)


# --- Join-code guessing --------------------------------------------------------------------
# Only failed lookups count, per client: the address as seen through the reverse proxy (Daphne
# runs with --proxy-headers, so REMOTE_ADDR is the phone's, not nginx's) and the limiter's own
# cookie. A valid code and a valid participant cookie are never refused (see above).


def _client_keys(request: HttpRequest) -> list[tuple[str, int]]:
    keys = [
        (f"workshops:join:addr:{request.META.get('REMOTE_ADDR', '')}", JOIN_ATTEMPTS_PER_ADDRESS)
    ]
    client = request.COOKIES.get(CLIENT_COOKIE)
    if client:
        keys.append((f"workshops:join:client:{client[:64]}", JOIN_ATTEMPTS_PER_CLIENT))
    return keys


def join_blocked(request: HttpRequest) -> bool:
    """Too many wrong join codes from this client lately. Without a cache (Redis away)
    nobody is blocked: the session must keep working."""
    try:
        counts = cache.get_many([key for key, _limit in _client_keys(request)])
    except Exception:
        logger.warning("Join attempts cannot be checked: the cache is unavailable.", exc_info=True)
        return False
    return any((counts.get(key) or 0) >= limit for key, limit in _client_keys(request))


def join_failed(request: HttpRequest) -> None:
    try:
        for key, _limit in _client_keys(request):
            if cache.add(key, 1, JOIN_WINDOW_SECONDS):
                continue
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, JOIN_WINDOW_SECONDS)
    except Exception:
        logger.warning(
            "A wrong join code cannot be counted: the cache is unavailable.", exc_info=True
        )


def get_contribution_for_manager(user: User, pk: int, contribution_pk: int) -> Contribution:
    session = get_session_for_manager(user, pk)
    return get_or_404(
        Contribution.objects.select_related("item__session").filter(item__session=session),
        pk=contribution_pk,
    )
