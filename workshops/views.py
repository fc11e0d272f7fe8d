"""Views of the live workshop: thin, each checks access, parses a form and calls a service."""

import secrets
import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from engagements.feedback import error_text as _error_text
from reporting.pdf import pdf_response
from reporting.responses import csv_response, xlsx_response
from workshops import access, live, selectors, services
from workshops.charts import example_chart
from workshops.forms import (
    AmbassadorForm,
    ControlForm,
    EndorseForm,
    GalleryFilterForm,
    ItemForm,
    ItemUpdateForm,
    JoinCodeForm,
    JoinForm,
    MarkForm,
    OwnProductForm,
    SessionForm,
    VoteForm,
)
from workshops.models import (
    RESPONSE_KINDS,
    AgendaItem,
    ItemKind,
    Participant,
    Session,
    VisionStatement,
)
from workshops.phone import Done, current_item, not_joined_text, phone_action, wants_json
from workshops.qr import join_qr_svg
from workshops.reports import session_report_filename, session_report_pdf_bytes

PARTICIPANT_COOKIE_AGE = 2 * 24 * 3600


# --- Preparing ---------------------------------------------------------------------------


@login_required
def session_list(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_session_viewer(request.user, engagement_pk)
    return render(
        request,
        "workshops/session_list.html",
        {
            "engagement": engagement,
            "sessions": list(selectors.session_list_for_engagement(engagement=engagement)),
            "can_manage": access.can_manage(request.user, engagement),
        },
    )


@login_required
def session_create(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_session_manager(request.user, engagement_pk)
    form = SessionForm(
        request.POST or None,
        initial={"title": _("Inspiration and vision session"), "held_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        session = services.session_create(
            engagement=engagement,
            title=form.cleaned_data["title"],
            held_on=form.cleaned_data["held_on"],
            with_defaults=form.cleaned_data["with_defaults"],
        )
        messages.success(request, _("The session has been created."))
        return redirect(session)
    return render(request, "workshops/session_form.html", {"engagement": engagement, "form": form})


@login_required
def own_product_create(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_session_manager(request.user, engagement_pk)
    form = OwnProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chart = data.pop("chart_data")
        chart_title = data.pop("chart_title")
        if chart:
            chart = {"type": "bar", "title": chart_title or data["title"], **chart}
        try:
            services.own_product_create(engagement=engagement, sample_chart=chart, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The product has been added to the gallery."))
            return redirect("workshops:session_list", engagement_pk=engagement.pk)
    return render(
        request, "workshops/own_product_form.html", {"engagement": engagement, "form": form}
    )


@login_required
def session_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_viewer(request.user, pk)
    return render(
        request,
        "workshops/session_detail.html",
        {
            "session": session,
            "engagement": session.engagement,
            "agenda": selectors.session_agenda(session=session),
            "report": selectors.session_report(session=session),
            "can_manage": access.can_manage(request.user, session.engagement),
            "item_form": ItemForm(),
        },
    )


@login_required
def item_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_create(session=session, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been added to the agenda."))
            return redirect(session)
    return render(request, "workshops/item_form.html", {"session": session, "form": form})


@login_required
def item_update(request: AuthenticatedHttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = access.get_item_for_manager(request.user, pk, item_pk)
    form = ItemUpdateForm(
        request.POST or None,
        kind=item.kind,
        initial={
            "title": item.title,
            "body": item.body,
            "options": "\n".join(item.options),
            "presenter_notes": item.presenter_notes,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.item_update(item=item, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been saved."))
            return redirect(item.session)
    return render(
        request,
        "workshops/item_form.html",
        {"session": item.session, "item": item, "form": form},
    )


@login_required
@require_POST
def item_delete(request: AuthenticatedHttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = access.get_item_for_manager(request.user, pk, item_pk)
    try:
        services.item_delete(item=item)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The item has been removed from the agenda."))
    return redirect(item.session)


@login_required
@require_POST
def item_move(request: AuthenticatedHttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = access.get_item_for_manager(request.user, pk, item_pk)
    services.item_move(item=item, up=request.POST.get("direction") == "up")
    return redirect(f"{item.session.get_absolute_url()}#item-{item.pk}")


@login_required
def gallery(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    form = GalleryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    examples = selectors.gallery_examples(
        session=session, task=filters.get("task", ""), complexity=filters.get("complexity", "")
    )
    return render(
        request,
        "workshops/gallery.html",
        {
            "session": session,
            "form": form,
            "examples": [(example, chosen, example_chart(example)) for example, chosen in examples],
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def example_toggle(request: AuthenticatedHttpRequest, pk: int, example_pk: int) -> HttpResponse:
    session, example = access.get_example_for_manager(request.user, pk, example_pk)
    try:
        added = services.example_toggle(session=session, example=example)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        if added:
            messages.success(request, _("The example has been added to the session."))
        else:
            messages.success(request, _("The example has been taken out of the session."))
    query = request.POST.get("query", "")
    url = reverse("workshops:gallery", kwargs={"pk": session.pk})
    return redirect(
        f"{url}?{query}#example-{example.pk}" if query else f"{url}#example-{example.pk}"
    )


# --- Running -----------------------------------------------------------------------------


def _join_url(request: HttpRequest, session: Session) -> str:
    return request.build_absolute_uri(
        reverse("workshops:join_session", kwargs={"code": session.join_code})
    )


def _live_context(request: HttpRequest, session: Session, *, with_agenda: bool) -> dict:
    seq = live.last_seq(session.pk)  # read first: every later push has a higher one
    screen = selectors.screen_context(session=session, with_agenda=with_agenda)
    return {
        "live_seq": seq,
        "session": session,
        "screen": screen,
        "item": screen.item,
        "state": screen.state,
        "join_url": _join_url(request, session),
    }


def _next_item(agenda: list[AgendaItem], position: int) -> AgendaItem | None:
    """The item "Next" shows after the current one (the first when nothing is shown)."""
    return agenda[position] if position < len(agenda) else None


@never_cache
@login_required
def facilitator(
    request: AuthenticatedHttpRequest, pk: int, form: ControlForm | None = None
) -> HttpResponse:
    """The facilitator's page. Its controls post one form: by fetch (facilitator.js, which
    then swaps the page's parts in place) or, without JavaScript, with a redirect back."""
    session = access.get_session_for_manager(request.user, pk)
    context = _live_context(request, session, with_agenda=True)
    if request.headers.get("X-Requested-With") != "fetch":
        # The page's own refetch (facilitator.js) takes only the controls: live.js keeps the
        # live screen, so it is not rendered (or published) for it.
        live.remember_origin(session.pk, request.build_absolute_uri("/").rstrip("/"))
        entry = live.screen(session.pk, "facilitator", version=session.version) or {}
        context["live_html"] = mark_safe(entry.get("html", ""))  # noqa: S308
        context["live_seq"] = entry.get("seq", 0)
    item, screen = context["item"], context["screen"]
    priorities = [*list(session.priorities), "", "", ""]
    context.update(
        {
            "form": form
            or ControlForm(
                initial={
                    "notes": item.notes if item else "",
                    "minutes": 5,
                    "priority_1": priorities[0],
                    "priority_2": priorities[1],
                    "priority_3": priorities[2],
                }
            ),
            "vision_rows": screen.vision if item and item.kind == ItemKind.VISION else [],
            "next_item": _next_item(screen.agenda, screen.position),
            "answering": bool(item and item.kind in RESPONSE_KINDS),
        }
    )
    response = render(
        request, "workshops/facilitator.html", context, status=400 if form is not None else 200
    )
    return response


@never_cache
@login_required
def facilitator_fragment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _fragment(access.get_session_for_manager(request.user, pk), "facilitator")


def _form_errors(form: ControlForm) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@login_required
@require_POST
def control(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One of the facilitator's buttons. By fetch the answer is JSON
    ``{"ok": bool, "message": "<Dutch sentence>"}`` (400 bad input, 409 not possible now);
    without JavaScript a redirect back to the page, or the page with the form's errors."""
    session = access.get_session_for_manager(request.user, pk)
    form = ControlForm(request.POST)
    if not form.is_valid():
        if wants_json(request):
            return JsonResponse({"ok": False, "message": _form_errors(form)}, status=400)
        return facilitator(request, pk, form=form)
    notes = form.cleaned_data["notes"] if "notes" in request.POST else None
    try:
        message = services.session_control(
            session=session, action=form.cleaned_data["action"], data=form.cleaned_data, notes=notes
        )
    except ValidationError as error:
        if wants_json(request):
            return JsonResponse({"ok": False, "message": _error_text(error)}, status=409)
        messages.error(request, _error_text(error))
    else:
        if wants_json(request):
            return JsonResponse({"ok": True, "message": message})
        messages.success(request, message)
    return redirect("workshops:facilitator", pk=session.pk)


@never_cache
@xframe_options_sameorigin
@login_required
def projector(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The wall's screen; our own facilitator page shows it small (a same-origin frame)."""
    session = access.get_session_for_manager(request.user, pk)
    context = _live_page_context(request, session, "projector")
    context["join_url"] = _join_url(request, session)
    context["qr_svg"] = join_qr_svg(context["join_url"])
    response = render(request, "workshops/projector.html", context)
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}  # type: ignore[attr-defined]
    return response


@never_cache
@login_required
def projector_fragment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _fragment(access.get_session_for_manager(request.user, pk), "projector")


# --- Reports -----------------------------------------------------------------------------


@login_required
def report_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_viewer(request.user, pk)
    pdf = session_report_pdf_bytes(session=session)
    return pdf_response(pdf, filename=session_report_filename(session, "pdf"))


@login_required
def votes_csv(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_viewer(request.user, pk)
    header, rows = selectors.vote_export_rows(session=session)
    return csv_response(header=header, rows=rows, filename=session_report_filename(session, "csv"))


@login_required
def votes_xlsx(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_viewer(request.user, pk)
    header, rows = selectors.vote_export_rows(session=session)
    return xlsx_response(
        header=header,
        rows=rows,
        filename=session_report_filename(session, "xlsx"),
        sheet_title=_("Votes"),
        column_widths={"A": 60},
    )


# --- Participants (no account) -----------------------------------------------------------


def _with_client_cookie(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if not request.COOKIES.get(access.CLIENT_COOKIE):
        response.set_cookie(
            access.CLIENT_COOKIE,
            secrets.token_urlsafe(16),
            max_age=PARTICIPANT_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def join(request: HttpRequest) -> HttpResponse:
    """Type the code from the projector. A valid code is never refused; only wrong codes
    count against the client (see access.py)."""
    form = JoinCodeForm(request.POST or request.GET or None)
    status = 200
    blocked = False
    if form.is_bound and form.is_valid():
        session = selectors.session_by_code(code=form.cleaned_data["code"])
        if session is not None:
            return redirect("workshops:join_session", code=session.join_code)
        blocked = access.join_blocked(request)
        if blocked:
            form = JoinCodeForm(initial={"code": request.POST.get("code", "")[:8]})
            status = 429
        else:
            access.join_failed(request)
            form.add_error("code", _("No session has this code. Check the code on the screen."))
    return _with_client_cookie(
        request,
        render(request, "workshops/join.html", {"form": form, "blocked": blocked}, status=status),
    )


def join_session(request: HttpRequest, code: str) -> HttpResponse:
    """Join a session: an optional name and department, then a token in a cookie."""
    session = access.get_session_for_participant(request, code)
    participant = access.participant_from_request(request, session)
    if participant is not None:
        return redirect("workshops:participant", code=session.join_code)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _participant, token = services.participant_join(session=session, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            response = redirect("workshops:participant", code=session.join_code)
            response.set_cookie(
                access.PARTICIPANT_COOKIE.format(session_id=session.pk),
                token,
                max_age=PARTICIPANT_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
            return response
    return render(request, "workshops/join_session.html", {"session": session, "form": form})


def _live_page_context(request: HttpRequest, session: Session, role: str) -> dict:
    """The page around a live screen: the screen itself comes from the shared render."""
    if role != "participant":
        live.remember_origin(session.pk, request.build_absolute_uri("/").rstrip("/"))
    entry = live.screen(session.pk, role, version=session.version) or {}
    return {
        "session": session,
        "live_html": mark_safe(live.with_csrf(entry.get("html", ""), get_token(request))),  # noqa: S308
        "live_seq": entry.get("seq", 0),
        "state": entry,
    }


@never_cache
def participant(request: HttpRequest, code: str) -> HttpResponse:
    session = access.get_session_for_participant(request, code)
    person = access.participant_from_request(request, session)
    if person is None:
        return redirect("workshops:join_session", code=session.join_code)
    context = _live_page_context(request, session, "participant")
    context["participant"] = person
    return render(request, "workshops/participant.html", context)


def _fragment(session: Session, role: str) -> HttpResponse:
    entry = live.screen(session.pk, role, version=session.version) or {}
    response = HttpResponse(entry.get("html", ""))
    response["X-Live-Seq"] = str(entry.get("seq", 0))
    return response


@never_cache
def participant_fragment(request: HttpRequest, code: str) -> HttpResponse:
    """The phones' screen: the same shared render for every participant."""
    return _fragment(access.get_session_for_participant(request, code), "participant")


@never_cache
def live_state(request: HttpRequest, code: str) -> JsonResponse:
    """The polling fallback: the same state (with seq) the WebSocket last sent."""
    session = access.get_session_for_participant(request, code)
    entry = live.screen(session.pk, "participant", version=session.version) or {}
    state = {key: value for key, value in entry.items() if key not in ("html", "read_at")}
    if state.get("timer") is not None:
        state["timer"] = max(0, state["timer"] - int(time.time() - entry.get("read_at", 0)))
    return JsonResponse(state)


@never_cache
def own_answers(request: HttpRequest, code: str) -> JsonResponse:
    """What this participant chose so far, for live.js to show in the shared screen."""
    session = access.get_session_for_participant(request, code)
    person = access.participant_from_request(request, session)
    if person is None:
        return JsonResponse({"ok": False, "message": not_joined_text()}, status=403)
    return JsonResponse({"ok": True, "own": selectors.participant_own_state(participant=person)})


@require_POST
def vote(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        item = current_item(session, data["item"])
        vote = services.vote_cast(item=item, participant=person, value=data["value"])
        return Done(
            _("Your vote has been counted. You can change it while voting is open."),
            own={f"vote-{item.pk}-{vote.round_number}": str(vote.value)},
        )

    return phone_action(request, code, VoteForm, act, invalid=_("Choose one of the five answers."))


@require_POST
def mark(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        item = current_item(session, data["item"])
        relevant = data["relevant"]
        services.example_mark_set(item=item, participant=person, relevant=relevant)
        return Done(
            _("You marked this example as relevant for your department.")
            if relevant
            else _("You no longer mark this example as relevant."),
            own={f"mark-{item.pk}": "on" if relevant else ""},
        )

    return phone_action(request, code, MarkForm, act, invalid=_("This is not a valid answer."))


def _current_of_kind(session: Session, kind: str) -> AgendaItem:
    item = session.current_item
    if item is None or item.kind != kind:
        raise ValidationError(_("This is not the current question of your session."))
    return current_item(session, item.pk)


@require_POST
def endorse(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        _current_of_kind(session, ItemKind.VISION)
        statement_pk = data["statement"]
        statement = VisionStatement.objects.filter(session=session, pk=statement_pk).first()
        if statement is None:
            raise ValidationError(
                _("The facilitator has just removed this statement. Your other answers are kept.")
            )
        services.vision_endorse(statement=statement, participant=person, choice=data["choice"])
        return Done(
            _("Your answer has been saved."),
            own={f"endorse-{statement_pk}": data["choice"]},
            anchor=f"visie-{statement_pk}",
        )

    return phone_action(
        request, code, EndorseForm, act, invalid=_("Choose one of the three answers.")
    )


@require_POST
def ambassador(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        _current_of_kind(session, ItemKind.AMBASSADORS)
        if data["withdraw"]:
            services.ambassador_withdraw(participant=person)
            return Done(_("You are no longer signed up as ambassador."), own={"ambassador": ""})
        ambassador = services.ambassador_volunteer(
            participant=person, name=data["name"], department=data["department"]
        )
        return Done(
            _("Thank you! You are signed up as ambassador."),
            own={"ambassador": {"name": ambassador.name, "department": ambassador.department}},
        )

    return phone_action(request, code, AmbassadorForm, act)
