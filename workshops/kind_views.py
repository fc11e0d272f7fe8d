"""Views of the interactive kinds (open question, ideas, ranking, poll), the vision prepared
in the agenda, the interaction exports and the gallery pictures. Thin, as views.py.

A phone's action is received and answered as workshops/phone.py says, like those of views.py.
"""

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from reporting.responses import csv_response, xlsx_response
from workshops import access, live, selectors, services
from workshops.forms import (
    ContributionForm,
    ExamplePictureForm,
    PollForm,
    RankingForm,
    UpvoteForm,
    VisionStatementForm,
)
from workshops.models import AgendaItem, Contribution, Example, ItemKind, Participant, Session
from workshops.phone import Done, form_error, phone_action, wants_json
from workshops.reports import session_report_filename


def _item(session: Session, pk: int) -> AgendaItem:
    item = AgendaItem.objects.filter(session=session, pk=pk).first()
    if item is None:
        raise ValidationError(_("This is not the current question of your session."))
    return item


@require_POST
def contribute(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        item = _item(session, data["item"])
        services.contribution_add(item=item, participant=person, text=data["text"])
        if item.kind == ItemKind.IDEAS:
            return Done(_("Your idea has been added."))
        return Done(_("Your answer has been sent."))

    return phone_action(request, code, ContributionForm, act)


@require_POST
def upvote(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        idea = Contribution.objects.filter(item__session=session, pk=data["idea"]).first()
        if idea is None:
            raise ValidationError(_("This idea is no longer shown."))
        if services.upvote_toggle(contribution=idea, participant=person):
            return Done(_("You support this idea."))
        return Done(_("You no longer support this idea."))

    return phone_action(request, code, UpvoteForm, act)


@require_POST
def poll_vote(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        item = _item(session, data["item"])
        services.poll_vote_cast(item=item, participant=person, option=data["option"])
        return Done(_("Your choice has been counted. You can change it while the poll is open."))

    return phone_action(request, code, PollForm, act)


@require_POST
def ranking(request: HttpRequest, code: str) -> HttpResponse:
    def act(session: Session, person: Participant, data: dict[str, Any]) -> Done:
        item = _item(session, data["item"])
        services.ranking_cast(item=item, participant=person, order=data["order"])
        return Done(_("Your ranking has been counted. You can change it while ranking is open."))

    return phone_action(request, code, RankingForm, act)


# --- Facilitator ---------------------------------------------------------------------------


def _back_to_facilitator(request: HttpRequest, session: Session, message: str, ok: bool = True):
    if wants_json(request):
        return JsonResponse({"ok": ok, "message": message, "seq": live.last_seq(session.pk)})
    (messages.success if ok else messages.error)(request, message)
    return redirect("workshops:facilitator", pk=session.pk)


def _keep_notes(request: HttpRequest, session: Session) -> None:
    """A button of the control form posts here with the notes: nothing typed is lost."""
    if "notes" not in request.POST:
        return
    typed_for = request.POST.get("notes_item", "")
    pk = int(typed_for) if re.fullmatch(r"[0-9]{1,18}", typed_for) else session.current_item_id
    item = AgendaItem.objects.filter(session=session, pk=pk).first() if pk else None
    if item is not None:
        services.notes_update(item=item, notes=request.POST["notes"][:20_000])


@login_required
@require_POST
def contribution_hide(
    request: AuthenticatedHttpRequest, pk: int, contribution_pk: int
) -> HttpResponse:
    contribution = access.get_contribution_for_manager(request.user, pk, contribution_pk)
    session = contribution.item.session
    _keep_notes(request, session)
    hidden = request.POST.get("hidden") == "1"
    services.contribution_hide(contribution=contribution, hidden=hidden)
    return _back_to_facilitator(
        request,
        session,
        _("The answer is hidden from the screens.")
        if hidden
        else _("The answer is shown on the screens again."),
    )


@login_required
@require_POST
def ranking_apply(request: AuthenticatedHttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = access.get_item_for_manager(request.user, pk, item_pk)
    _keep_notes(request, item.session)
    try:
        services.ranking_priorities_apply(item=item)
    except ValidationError as error:
        return _back_to_facilitator(request, item.session, " ".join(error.messages), ok=False)
    return _back_to_facilitator(
        request, item.session, _("The room's top three are now the session's priorities.")
    )


@login_required
@require_POST
def vision_statement_edit(
    request: AuthenticatedHttpRequest, pk: int, statement_pk: int
) -> HttpResponse:
    """Reword a vision statement during the session (from the facilitator's form, whose
    fields are named per statement) or while preparing (from the agenda item's page)."""
    statement = access.get_vision_statement_for_manager(request.user, pk, statement_pk)
    session = statement.session
    prepared = request.POST.get("next") == "item"
    data = {
        "text": request.POST.get(f"vision_text_{statement.pk}", request.POST.get("text", "")),
        "dimension_key": request.POST.get(
            f"vision_dimension_{statement.pk}", request.POST.get("dimension_key", "")
        ),
    }
    if not prepared:
        _keep_notes(request, session)
    form = VisionStatementForm(data)
    try:
        if request.POST.get("delete") == "1":
            services.vision_statement_delete(statement=statement)
            message = _("The vision statement has been removed.")
        elif not form.is_valid():
            raise ValidationError(form_error(form))
        else:
            services.vision_statement_update(statement=statement, **form.cleaned_data)
            message = _("The vision statement has been saved; its answers are kept.")
    except ValidationError as error:
        message, ok = " ".join(error.messages), False
    else:
        ok = True
    if prepared:
        (messages.success if ok else messages.error)(request, message)
        return redirect(_vision_item_url(session))
    return _back_to_facilitator(request, session, message, ok=ok)


def _vision_item_url(session: Session) -> str:
    item = session.items.filter(kind=ItemKind.VISION).first()
    if item is None:
        return session.get_absolute_url()
    return reverse("workshops:item_update", kwargs={"pk": session.pk, "item_pk": item.pk})


@login_required
@require_POST
def vision_statement_prepare(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add a vision statement before the session, from the vision item's page."""
    session = access.get_session_for_manager(request.user, pk)
    form = VisionStatementForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error(form))
    else:
        try:
            services.vision_statement_add(session=session, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The vision statement has been added."))
    return redirect(_vision_item_url(session))


# --- Exports -------------------------------------------------------------------------------


@login_required
def interactions_csv(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_viewer(request.user, pk)
    header, rows = selectors.interaction_export_rows(session=session)
    filename = session_report_filename(session, "csv").replace("sessie-", "interacties-", 1)
    return csv_response(header=header, rows=rows, filename=filename)


@login_required
def interactions_xlsx(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_viewer(request.user, pk)
    header, rows = selectors.interaction_export_rows(session=session)
    return xlsx_response(
        header=header,
        rows=rows,
        filename=session_report_filename(session, "xlsx").replace("sessie-", "interacties-", 1),
        sheet_title=_("Interactions"),
        column_widths={"A": 50, "C": 60},
    )


# --- Gallery pictures ----------------------------------------------------------------------


def _picture_response(example: Example) -> FileResponse:
    if not example.picture:
        raise Http404
    try:
        handle = example.picture.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = "image/png" if (example.picture.name or "").endswith(".png") else "image/jpeg"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def item_picture(request: HttpRequest, code: str, item_pk: int) -> FileResponse:
    """An example's picture on the phones and the projector: only for an example item of
    the session whose code is given."""
    session = access.get_session_for_participant(request, code)
    item = (
        AgendaItem.objects.select_related("example")
        .filter(session=session, pk=item_pk, kind=ItemKind.EXAMPLE)
        .first()
    )
    if item is None or item.example is None:
        raise Http404
    return _picture_response(item.example)


@login_required
def gallery_picture(request: AuthenticatedHttpRequest, pk: int, example_pk: int) -> FileResponse:
    _session, example = access.get_example_for_manager(request.user, pk, example_pk)
    return _picture_response(example)


@login_required
@require_POST
def gallery_picture_set(
    request: AuthenticatedHttpRequest, pk: int, example_pk: int
) -> HttpResponse:
    session, example = access.get_example_for_manager(request.user, pk, example_pk)
    form = ExamplePictureForm(request.POST, request.FILES)
    url = f"{reverse('workshops:gallery', kwargs={'pk': session.pk})}#example-{example.pk}"
    if not form.is_valid():
        messages.error(request, form_error(form))
        return redirect(url)
    try:
        if form.cleaned_data["remove"]:
            services.example_picture_remove(example=example)
            messages.success(request, _("The picture has been removed."))
        else:
            services.example_picture_set(
                example=example,
                upload=form.cleaned_data["picture"],
                alt=form.cleaned_data["picture_alt"],
            )
            messages.success(request, _("The picture has been saved."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(url)
