"""Views of the survey app: thin, access check → form → service → redirect or render."""

import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from engagements.anonymity import LOWEST_MIN_GROUP_SIZE, small_group_rule
from engagements.feedback import autosave_response
from engagements.invitations import copy_links
from reporting.pdf import pdf_response
from reporting.responses import attachment_response, csv_response, xlsx_response
from surveys import access, services
from surveys.answers import OTHER, missing_required, parse_answer, visible_questions
from surveys.charts import response_rate_chart
from surveys.forms import (
    AccessCodeForm,
    InvitationsForm,
    PageForm,
    QuestionForm,
    SmallGroupConfirmForm,
    SurveyCreateForm,
    SurveyImportForm,
    SurveySettingsForm,
)
from surveys.models import (
    LIKERT_LABELS,
    SCALE_MAX,
    SCALE_MIN,
    InvitationStatus,
    Page,
    Question,
    QuestionKind,
    Survey,
    SurveyStatus,
)
from surveys.selectors import (
    invitation_counts,
    invitation_list,
    question_answered_count,
    question_text_answers,
    response_answers,
    survey_definition,
    survey_export_rows,
    survey_list_for_engagement,
    survey_pages,
    survey_question,
    survey_response_rate,
    survey_results,
    template_list,
)
from surveys.tasks import invitation_preview


def _item(question, value, error: str = "") -> dict:
    """What the question template needs to show a question with its current answer."""
    selected: set[str] = set()
    other, text, places = "", "", []
    if isinstance(value, dict):
        selected = set(value.get("choices", []))
        other = value.get("other", "")
        if other or value.get("other_picked"):
            selected.add(OTHER)
    elif isinstance(value, list):
        places = list(value)
    elif isinstance(value, int):
        selected = {str(value)}
    elif isinstance(value, str):
        text = value
    points: list[tuple[str, str | Promise]] = []
    if question.kind == QuestionKind.LIKERT:
        points = [(str(number), label) for number, label in LIKERT_LABELS]
    elif question.kind == QuestionKind.SCALE:
        points = [(str(number), str(number)) for number in range(SCALE_MIN, SCALE_MAX + 1)]
    if question.kind == QuestionKind.RANKING:
        padded = (places + [""] * question.ranking_places)[: question.ranking_places]
        places = list(enumerate(padded, start=1))
    return {
        "question": question,
        "selected": selected,
        "other": other,
        "text": text,
        "places": places,
        "points": points,
        "error": error,
    }


def _errors_to_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _perform[T](
    request: HttpRequest, action: Callable[[], T], success: str | Callable[[T], str] = ""
) -> bool:
    """A button's service call: a refusal becomes error messages, success says ``success``
    (a text, or made from what the service returned). True when the service succeeded."""
    try:
        result = action()
    except ValidationError as error:
        _errors_to_messages(request, error)
        return False
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)
    return True


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- Lists, creation, templates --------------------------------------------------------------


@login_required
def survey_list(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_survey_viewer(request.user, engagement_pk)
    return render(
        request,
        "surveys/survey_list.html",
        {
            "engagement": engagement,
            "surveys": list(survey_list_for_engagement(engagement=engagement)),
            "can_manage": access.can_manage_engagement(request.user, engagement),
        },
    )


@login_required
def survey_create(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_survey_manager(request.user, engagement_pk)
    form = SurveyCreateForm(request.POST or None, templates=list(template_list()))
    if request.method == "POST" and form.is_valid():
        title = form.cleaned_data["title"]
        if form.template is not None:
            survey = services.survey_copy(
                source=form.template, engagement=engagement, created_by=request.user, title=title
            )
        else:
            survey = services.survey_create_blank(
                engagement=engagement, title=title, created_by=request.user
            )
        messages.success(request, _("The survey has been created. Adapt it and then open it."))
        return redirect(survey)
    return render(
        request,
        "surveys/survey_create.html",
        {"form": form, "engagement": engagement, "import_form": SurveyImportForm()},
    )


@login_required
def survey_import(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_survey_manager(request.user, engagement_pk)
    form = SurveyImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        survey = services.survey_create_from_definition(
            definition=form.cleaned_data["file"], engagement=engagement, created_by=request.user
        )
        messages.success(request, _("The survey has been imported."))
        return redirect(survey)
    return render(
        request,
        "surveys/survey_import.html",
        {"form": form, "engagement": engagement},
        status=400 if form.is_bound else 200,
    )


@login_required
def template_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_template_manager(request.user)
    return render(request, "surveys/template_list.html", {"templates": list(template_list())})


@login_required
@require_POST
def template_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    source = access.get_survey_for_manager(request.user, pk)
    title = _("Copy of %(title)s") % {"title": source.title}
    template = services.survey_copy(
        source=source, engagement=None, created_by=request.user, title=title[:200]
    )
    messages.success(request, _("The copy has been made; you can now edit it."))
    return redirect(template)


@login_required
@require_POST
def survey_save_as_template(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    template = services.survey_copy(source=survey, engagement=None, created_by=request.user)
    messages.success(request, _("The survey has been saved as a template."))
    return redirect(template)


# --- Authoring -------------------------------------------------------------------------------


@login_required
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    pages = survey_pages(survey=survey, with_answered=True)
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "pages": pages,
            "kinds": QuestionKind.choices,
            "rate": None if survey.is_template else survey_response_rate(survey=survey),
            "accepts_answers": survey.accepts_answers(timezone.now()),
            # "" when the key the link was sealed with is gone (see engagements/tokens.py).
            "open_link": survey.token
            and request.build_absolute_uri(
                reverse("surveys:open_link", kwargs={"token": survey.token})
            ),
        },
    )


@login_required
def survey_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    form = SurveySettingsForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        try:
            services.survey_update(survey=survey, base_url=_base_url(request), **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(survey)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


@login_required
@require_POST
def survey_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    engagement = survey.engagement
    deleted = _("The survey has been deleted.")
    if not _perform(request, lambda: services.survey_delete(survey=survey), deleted):
        return redirect(survey)
    if engagement is None:
        return redirect("surveys:template_list")
    return redirect("surveys:survey_list", engagement_pk=engagement.pk)


def _warn_small_group(request: AuthenticatedHttpRequest, survey: Survey) -> None:
    """Opening for fewer invitees than the minimum group size: say what that means."""
    rule = small_group_rule(survey.engagement)
    invited = survey.invitations.count()
    if not survey.open_link_enabled and rule.hides(invited):
        messages.warning(
            request,
            _(
                "Only %(invited)s people are invited, fewer than the minimum group size of "
                "%(minimum)s: every result stays hidden. Invite more people, use the open "
                "link, or lower the minimum on the engagement (results are then easier to "
                "trace back to a person)."
            )
            % {"invited": invited, "minimum": rule.minimum},
        )


@login_required
@require_POST
def survey_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    action = request.POST.get("action")
    if action == "open":
        opened = _("The survey is open.")
        if _perform(
            request,
            lambda: services.survey_open(survey=survey, base_url=_base_url(request)),
            opened,
        ):
            _warn_small_group(request, survey)
    elif action == "close":
        _perform(request, lambda: services.survey_close(survey=survey), _("The survey is closed."))
    else:
        messages.error(request, _("Unknown action."))
    return redirect(survey)


@login_required
def survey_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    content = json.dumps(survey_definition(survey=survey), ensure_ascii=False, indent=2)
    return attachment_response(
        content,
        filename=f"enquete-{slugify(survey.title)[:50] or survey.pk}.json",
        content_type="application/json; charset=utf-8",
    )


@login_required
def page_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    form = PageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = services.page_create(survey=survey, **form.cleaned_data)
        messages.success(request, _("The page has been added."))
        return redirect(page)
    return render(request, "surveys/page_form.html", {"form": form, "survey": survey})


@login_required
def page_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    page = access.get_page_for_manager(request.user, pk)
    form = PageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        services.page_update(page=page, **form.cleaned_data)
        messages.success(request, _("The changes have been saved."))
        return redirect(page)
    return render(
        request, "surveys/page_form.html", {"form": form, "survey": page.survey, "page": page}
    )


@login_required
@require_POST
def page_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    page = access.get_page_for_manager(request.user, pk)
    _perform(request, lambda: services.page_delete(page=page), _("The page has been deleted."))
    return redirect(page.survey)


@login_required
@require_POST
def page_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    page = access.get_page_for_manager(request.user, pk)
    direction = request.POST.get("direction", "down")
    _perform(request, lambda: services.page_move(page=page, direction=direction))
    return redirect(page)


def _question_fields(form: QuestionForm) -> dict:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "text": data["text"],
        "help_text": data["help_text"],
        "required": data["required"],
        "options": data["options"],
        "allow_other": data["allow_other"],
        "max_length": data["max_length"],
        "ranking_top": data["ranking_top"],
        "condition_question": data["condition_question"],
        "condition_value": data["condition_value"],
        "is_highlight": data["is_highlight"],
    }


# The service names model fields; the form shows some of them under another name.
_QUESTION_FORM_FIELDS = {
    "options": "options_text",
    "condition_question": "condition",
    "condition_value": "condition",
    "page": "move_to_page",
}


def _question_service_error(form: QuestionForm, error: ValidationError) -> None:
    """Shows a service's refusal next to the field it is about (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        field = _QUESTION_FORM_FIELDS.get(name, name)
        form.add_error(field if field in form.fields else None, errors)


def _question_form_page(
    request: HttpRequest,
    form: QuestionForm,
    save: Callable[[dict[str, Any]], Question],
    *,
    success: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The question form: on a valid POST ``save`` the fields and go to the question's page
    (where it now is); else the form again, with what the service refused at its field."""
    if request.method == "POST" and form.is_valid():
        try:
            question = save(_question_fields(form))
        except ValidationError as error:
            _question_service_error(form, error)
        else:
            messages.success(request, success)
            return redirect(question.page)
    return render(request, "surveys/question_form.html", {**context, "form": form})


@login_required
def question_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    page = access.get_page_for_manager(request.user, pk)
    kind = request.GET.get("kind", QuestionKind.LIKERT)
    initial = {"kind": kind if kind in QuestionKind.values else QuestionKind.LIKERT}
    form = QuestionForm(request.POST or None, page=page, initial=initial)
    return _question_form_page(
        request,
        form,
        lambda fields: services.question_create(page=page, **fields),
        success=_("The question has been added."),
        context={"survey": page.survey, "page": page},
    )


@login_required
def question_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = access.get_question_for_manager(request.user, pk)
    form = QuestionForm(request.POST or None, instance=question, page=question.page)
    return _question_form_page(
        request,
        form,
        lambda fields: services.question_update(
            question=question, page=form.cleaned_data.get("move_to_page"), **fields
        ),
        success=_("The changes have been saved."),
        context={"survey": question.page.survey, "page": question.page, "question": question},
    )


@login_required
@require_POST
def question_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = access.get_question_for_manager(request.user, pk)
    deleted = _("The question has been deleted.")
    _perform(request, lambda: services.question_delete(question=question), deleted)
    return redirect(question.page)


@login_required
@require_POST
def question_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = access.get_question_for_manager(request.user, pk)
    services.question_move(question=question, direction=request.POST.get("direction", "down"))
    return redirect(
        reverse("surveys:survey_detail", kwargs={"pk": question.page.survey_id})
        + f"#question-{question.pk}"
    )


@login_required
def preview(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    """The survey exactly as a respondent sees it, without saving anything."""
    survey = access.get_survey_for_manager(request.user, pk)
    pages = survey_pages(survey=survey)
    if not 1 <= number <= len(pages):
        raise Http404
    page = pages[number - 1]
    return render(
        request,
        "surveys/respond/page.html",
        {
            "survey": survey,
            "page": page,
            "number": number,
            "page_count": len(pages),
            "items": [_item(question, None) for question in page.question_list],
            "preview": True,
            "progress": round(100 * (number - 1) / len(pages)),
        },
    )


# --- Distribution ----------------------------------------------------------------------------


@login_required
def invitations(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    if survey.is_template:
        raise Http404
    form = InvitationsForm(request.POST or None)
    confirm = SmallGroupConfirmForm(request.POST or None)
    rule = small_group_rule(survey.engagement)
    already = survey.invitations.count()
    small_group = None
    if request.method == "POST" and form.is_valid() and confirm.is_valid():
        total = already + len(form.cleaned_data["people"])
        if rule.hides(total) and not confirm.cleaned_data["send_anyway"]:
            small_group = total
    if request.method == "POST" and form.is_valid() and small_group is None:
        try:
            created = services.invitations_create(
                survey=survey, people=form.cleaned_data["people"], base_url=_base_url(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(count)s invitations are being sent.") % {"count": len(created)},
            )
            return redirect("surveys:invitations", pk=survey.pk)
    invitation_rows = list(invitation_list(survey=survey))
    copy_links(request, invitation_rows)
    return render(
        request,
        "surveys/invitations.html",
        {
            "survey": survey,
            "form": form,
            "confirm_form": confirm,
            "small_group": small_group,
            "minimum": rule.minimum,
            "can_lower_minimum": rule.minimum > LOWEST_MIN_GROUP_SIZE,
            "lowest_minimum": LOWEST_MIN_GROUP_SIZE,
            "preview": invitation_preview(survey, base_url=_base_url(request)),
            "invitations": invitation_rows,
            "counts": invitation_counts(survey=survey),
            "statuses": InvitationStatus,
        },
    )


@login_required
@require_POST
def invitation_resend(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    invitation = access.get_invitation_for_manager(request.user, pk)
    _perform(
        request,
        lambda: services.invitation_resend(invitation=invitation, base_url=_base_url(request)),
        _("The invitation to %(name)s is being sent again.") % {"name": invitation.name},
    )
    return redirect("surveys:invitations", pk=invitation.survey_id)


@login_required
@require_POST
def invitation_reminders(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    _perform(
        request,
        lambda: services.invitation_reminders_send(survey=survey, base_url=_base_url(request)),
        lambda count: _("%(count)s reminders have been sent.") % {"count": count},
    )
    return redirect("surveys:invitations", pk=survey.pk)


@login_required
@require_POST
def invitation_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    invitation = access.get_invitation_for_manager(request.user, pk)
    withdrawn = _("The invitation has been withdrawn.")
    _perform(request, lambda: services.invitation_delete(invitation=invitation), withdrawn)
    return redirect("surveys:invitations", pk=invitation.survey_id)


# --- Results ---------------------------------------------------------------------------------


@login_required
def results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_viewer(request.user, pk)
    if survey.is_template:
        raise Http404
    data = survey_results(survey=survey)
    rate = data.response_rate
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": data,
            "rate_chart": response_rate_chart(
                invited=rate.invited, started=rate.started, completed=rate.completed
            ),
            "can_manage": access.can_manage_survey(request.user, survey),
        },
    )


@login_required
def question_answers(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Every open answer to one question, a page at a time (for marking quotes)."""
    question = access.get_question_for_viewer(request.user, pk)
    survey = question.page.survey
    if survey.is_template or question.kind not in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        raise Http404
    answered = question_answered_count(question=question)
    hidden = small_group_rule(survey.engagement).hides(answered)
    paginator = Paginator(question_text_answers(question=question), 100)
    page_obj = None if hidden else paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "surveys/question_answers.html",
        {
            "survey": survey,
            "question": question,
            "answered": answered,
            "hidden": hidden,
            "page_obj": page_obj,
            "can_manage": access.can_manage_survey(request.user, survey),
        },
    )


@login_required
@require_POST
def quote_toggle(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    answer = access.get_answer_for_manager(request.user, pk)
    is_quote = request.POST.get("is_quote") == "1"
    _perform(request, lambda: services.answer_quote_set(answer=answer, is_quote=is_quote))
    if _is_htmx(request):
        return render(
            request,
            "surveys/partials/quote_toggle.html",
            {"answer_id": answer.pk, "is_quote": answer.is_quote},
        )
    return redirect(
        reverse("surveys:results", kwargs={"pk": answer.response.survey_id})
        + f"#result-{answer.question_id}"
    )


@login_required
@require_POST
def highlight_toggle(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = access.get_question_for_manager(request.user, pk)
    services.question_highlight_set(
        question=question, is_highlight=request.POST.get("is_highlight") == "1"
    )
    if _is_htmx(request):
        return render(request, "surveys/partials/highlight_toggle.html", {"question": question})
    return redirect(
        reverse("surveys:results", kwargs={"pk": question.page.survey_id})
        + f"#result-{question.pk}"
    )


def _export_filename(survey, extension: str) -> str:
    return f"enquete-{slugify(survey.title)[:50] or survey.pk}-antwoorden.{extension}"


@login_required
def results_csv(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    if survey.is_template:
        raise Http404
    headers, rows = survey_export_rows(survey=survey)
    return csv_response(header=headers, rows=rows, filename=_export_filename(survey, "csv"))


@login_required
def results_xlsx(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_manager(request.user, pk)
    if survey.is_template:
        raise Http404
    headers, rows = survey_export_rows(survey=survey)
    return xlsx_response(
        header=headers,
        rows=rows,
        filename=_export_filename(survey, "xlsx"),
        sheet_title=_("Answers"),
        default_width=40,
        wrap_header=True,
    )


@login_required
def results_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_viewer(request.user, pk)
    if survey.is_template:
        raise Http404
    from surveys.reports import survey_report_pdf_bytes

    pdf = survey_report_pdf_bytes(survey=survey)
    return pdf_response(pdf, filename=_export_filename(survey, "pdf").replace("-antwoorden", ""))


# --- Respondents ---------------------------------------------------------------------------


def _respondent_state(link: access.RespondentLink) -> str:
    """'used', 'closed', 'not_open' or 'ok' for a respondent link."""
    if link.invitation is not None and link.invitation.status == InvitationStatus.ANSWERED:
        return "used"
    return _survey_state(link.survey)


def _survey_state(survey: Survey) -> str:
    """'ok' while the survey accepts answers, else 'closed' or 'not_open' (yet)."""
    now = timezone.now()
    if survey.accepts_answers(now):
        return "ok"
    if survey.status == SurveyStatus.CLOSED or (survey.closes_at and survey.closes_at <= now):
        return "closed"
    return "not_open"


def _render_notice(request: HttpRequest, survey, state: str, status: int = 200) -> HttpResponse:
    return render(
        request, "surveys/respond/notice.html", {"survey": survey, "state": state}, status=status
    )


def _page_numbers_with_questions(pages, answers) -> list[int]:
    return [
        number
        for number, page in enumerate(pages, start=1)
        if visible_questions(page.question_list, answers)
    ]


def _resume_page(pages, answers) -> int:
    """Where a returning respondent continues: the furthest page they answered on."""
    numbers = _page_numbers_with_questions(pages, answers)
    answered = [
        number
        for number in numbers
        if any(question.pk in answers for question in pages[number - 1].question_list)
    ]
    if answered:
        return answered[-1]
    return numbers[0] if numbers else 1


@never_cache
def respond(request: HttpRequest, token: str) -> HttpResponse:
    """A personal or resume link: the welcome page, and on POST the start of a response."""
    link = access.get_respondent_link(token)
    state = _respondent_state(link)
    if state != "ok":
        return _render_notice(request, link.survey, state)
    if request.method == "POST" and link.response is None and link.invitation is not None:
        try:
            services.response_start_for_invitation(invitation=link.invitation)
        except ValidationError:
            return _render_notice(request, link.survey, _respondent_state(link))
        return redirect("surveys:respond_page", token=token, number=1)
    resume_number = None
    if link.response is not None:
        pages = survey_pages(survey=link.survey)
        resume_number = _resume_page(pages, response_answers(response=link.response))
    return render(
        request,
        "surveys/respond/welcome.html",
        {
            "survey": link.survey,
            "token": token,
            "resume_number": resume_number,
            "is_open_link": link.invitation is None,
        },
    )


@never_cache
def respond_page(request: HttpRequest, token: str, number: int) -> HttpResponse:
    link = access.get_respondent_link(token)
    state = _respondent_state(link)
    if state != "ok":
        return _render_notice(request, link.survey, state)
    if link.response is None:
        return redirect("surveys:respond", token=token)
    survey, response = link.survey, link.response
    pages = survey_pages(survey=survey)
    if not 1 <= number <= len(pages):
        return redirect("surveys:respond", token=token)
    answers = response_answers(response=response)
    page = pages[number - 1]
    questions = visible_questions(page.question_list, answers)
    errors: dict[int, str] = {}
    displays: dict[int, object] = {}
    if request.method == "POST":
        action = request.POST.get("action", "next")
        errors, displays = _parse_page(questions, request.POST, answers)
        try:
            services.answers_save(
                response=response,
                values={q: answers.get(q.pk) for q in questions if q.pk not in errors},
            )
        except ValidationError:
            return _render_notice(request, survey, "closed")
        if action != "back":
            for question in missing_required(questions, answers):
                errors.setdefault(question.pk, _("This question is required."))
        if not errors:
            return _respond_page_move(
                request, link, pages, answers, token=token, number=number, action=action
            )
    numbers = _page_numbers_with_questions(pages, answers)
    position = numbers.index(number) + 1 if number in numbers else 1
    items = [
        _item(
            question,
            displays.get(question.pk, answers.get(question.pk)),
            errors.get(question.pk, ""),
        )
        for question in questions
    ]
    return render(
        request,
        "surveys/respond/page.html",
        {
            "survey": survey,
            "page": page,
            "token": token,
            "number": number,
            "items": items,
            "errors": errors,
            "is_first": not [n for n in numbers if n < number],
            "is_last": not [n for n in numbers if n > number],
            "position": position,
            "page_count": len(numbers),
            "progress": round(100 * (position - 1) / max(len(numbers), 1)),
        },
        status=200,
    )


def _parse_page(
    questions: list[Question], data: QueryDict, answers: dict[int, Any]
) -> tuple[dict[int, str], dict[int, object]]:
    """Parse a page's answers into ``answers``; return the errors and what to show again."""
    errors: dict[int, str] = {}
    displays: dict[int, object] = {}
    for question in questions:
        parsed = parse_answer(question, data)
        displays[question.pk] = parsed.display
        if parsed.error:
            errors[question.pk] = parsed.error
        else:
            answers[question.pk] = parsed.value
    return errors, displays


def _respond_page_move(
    request: HttpRequest,
    link: access.RespondentLink,
    pages: list[Page],
    answers: dict[int, Any],
    *,
    token: str,
    number: int,
    action: str,
) -> HttpResponse:
    """After a page is saved: to the previous or next page with questions, or send."""
    numbers = _page_numbers_with_questions(pages, answers)
    if action == "back":
        earlier = [n for n in numbers if n < number]
        return redirect("surveys:respond_page", token=token, number=earlier[-1] if earlier else 1)
    later = [n for n in numbers if n > number]
    if later:
        return redirect("surveys:respond_page", token=token, number=later[0])
    survey = link.survey
    assert link.response is not None
    try:
        services.response_submit(response=link.response)
    except services.MissingAnswer as error:
        messages.error(request, error.message)
        target = next(
            (
                n
                for n, p in enumerate(pages, start=1)
                if any(q.pk == error.question_id for q in p.question_list)
            ),
            1,
        )
        return redirect("surveys:respond_page", token=token, number=target)
    except ValidationError:
        return _render_notice(request, survey, "closed")
    access.mark_submitted(request, survey)
    return redirect("surveys:thanks", pk=survey.pk)


@never_cache
@require_POST
def respond_answer(request: HttpRequest, token: str, question_pk: int) -> JsonResponse:
    """Autosave: stores one answer as soon as it is given; answers in JSON."""
    link = access.get_respondent_link(token)
    closed = _("This survey no longer accepts answers.")
    if _respondent_state(link) != "ok" or link.response is None:
        return autosave_response(refusal=closed, closed=True)
    question = survey_question(survey=link.survey, pk=question_pk)
    if question is None:
        raise Http404
    parsed = parse_answer(question, request.POST)
    if parsed.error:
        return autosave_response(refusal=parsed.error)
    try:
        services.answers_save(response=link.response, values={question: parsed.value})
    except ValidationError:
        return autosave_response(refusal=closed, closed=True)
    return autosave_response()


@never_cache
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """The open link: an optional access code, then a new response with its own link."""
    survey = access.get_open_survey(token)
    state = _survey_state(survey)
    if state != "ok":
        return _render_notice(request, survey, state)
    blocked = (
        request.method == "POST"
        and bool(survey.access_code)
        and access.ACCESS_CODE_LIMIT.blocked(request)
    )
    form = AccessCodeForm(request.POST or None, expected=survey.access_code, blocked=blocked)
    if request.method == "POST" and (not survey.access_code or form.is_valid()):
        resume = access.remembered_open_response(request, survey)
        if resume:
            try:
                link = access.get_respondent_link(resume)
                if link.response is not None:
                    access.remember_open_response(request, survey, resume)
                    return redirect("surveys:respond_page", token=resume, number=1)
            except Http404:
                pass
        try:
            _response, token = services.response_start_open(survey=survey)
        except ValidationError:
            return _render_notice(request, survey, "closed")
        access.remember_open_response(request, survey, token)
        return redirect("surveys:respond_page", token=token, number=1)
    if request.method == "POST" and not blocked:
        access.ACCESS_CODE_LIMIT.failed(request)  # only wrong codes count
    return render(
        request,
        "surveys/respond/open_link.html",
        {"survey": survey, "form": form, "needs_code": bool(survey.access_code)},
        status=429 if blocked else 200,
    )


def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    survey = access.get_survey_for_thanks(request, pk)
    return render(request, "surveys/respond/thanks.html", {"survey": survey})
