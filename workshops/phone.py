"""How a phone's action is received and answered: one way for every kind of item.

A phone's action is a form that works without JavaScript (answered by a redirect back to the
page, with the message) and, sent by ``fetch`` with ``Accept: application/json``, is answered
``{"ok": bool, "message": "<Dutch sentence>", "seq": n, "own": {key: value}}`` with a status
that says why: 200 counted, 400 bad input, 403 not joined, 409 not possible now (closed,
moved on, finished). ``seq`` is the last pushed sequence (any push with a higher one includes
the action); ``own`` is what the phone marks as its own answer (see workshops/live.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from engagements.feedback import error_text
from workshops import access, live, selectors
from workshops.models import AgendaItem, Participant, Session, SessionStatus


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def not_joined_text() -> str:
    return _("You are not taking part in this session yet. Join with the code.")


def form_error(form: forms.Form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@dataclass
class Done:
    """What an action did: the sentence the phone says, and the phone's own answer
    (``None``: read from the current item, for the interactive kinds)."""

    message: str
    own: dict[str, Any] | None = None
    anchor: str = "huidig"


Act = Callable[[Session, Participant, dict[str, Any]], Done]


def answer(
    request: HttpRequest,
    session: Session,
    *,
    ok: bool,
    message: str,
    status: int = 200,
    own: dict[str, Any] | None = None,
    anchor: str = "huidig",
) -> HttpResponse:
    """JSON for live.js; a redirect back to the page (with the message) without JavaScript."""
    if wants_json(request):
        body = {"ok": ok, "message": message, "seq": live.last_seq(session.pk), "own": own or {}}
        return JsonResponse(body, status=200 if ok else status)
    (messages.success if ok else messages.error)(request, message)
    return redirect(
        f"{reverse('workshops:participant', kwargs={'code': session.join_code})}#{anchor}"
    )


def current_item(session: Session, item_pk: int) -> AgendaItem:
    """The item a participant acts on must be the session's current one, and the session
    must not have finished: the same checks for every participant action."""
    if session.status == SessionStatus.FINISHED:
        raise ValidationError(_("This session has finished."))
    item = AgendaItem.objects.filter(session=session, pk=item_pk).first()
    if item is None or item.pk != session.current_item_id:
        raise ValidationError(_("This is not the current question of your session."))
    return item


def _own_of_current(session: Session, person: Participant) -> dict[str, Any]:
    session.refresh_from_db(fields=["current_item"])
    item = AgendaItem.objects.filter(pk=session.current_item_id or 0).first()
    if item is None:
        return {}
    state = selectors.participant_kind_state(participant=person, item=item)
    return {selectors.own_kind_key(item): state}


def phone_action(
    request: HttpRequest,
    code: str,
    form_class: type[forms.Form],
    act: Act,
    *,
    invalid: str | None = None,
) -> HttpResponse:
    """Check the participant, parse the form (``invalid``: the sentence for bad input, else
    the form's own errors), run ``act(session, person, cleaned_data)`` and answer."""
    session = access.get_session_for_participant(request, code)
    person = access.participant_from_request(request, session)
    if person is None:
        if wants_json(request):
            body = {"ok": False, "message": not_joined_text(), "seq": 0, "own": {}}
            return JsonResponse(body, status=403)
        return redirect("workshops:join_session", code=session.join_code)
    form = form_class(request.POST)
    if not form.is_valid():
        message = invalid or form_error(form)
        return answer(request, session, ok=False, message=message, status=400)
    try:
        done = act(session, person, form.cleaned_data)
    except ValidationError as error:
        return answer(request, session, ok=False, message=error_text(error), status=409)
    own = done.own if done.own is not None else _own_of_current(session, person)
    return answer(request, session, ok=True, message=done.message, own=own, anchor=done.anchor)
