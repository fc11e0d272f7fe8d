import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from baseline import access, selectors, services
from baseline.charts import results_charts
from baseline.forms import (
    DONT_KNOW,
    AssessmentForm,
    AssessmentScheduleForm,
    AutosaveForm,
    ChangelogForm,
    DimensionAnswersForm,
    DimensionForm,
    DimensionOrderForm,
    DimensionScoreForm,
    LevelForm,
    ModelImportForm,
    ModelInfoForm,
    ModelQuestionFormSet,
    RespondentInviteForm,
    RespondentJoinForm,
    error_items,
    level_formset,
)
from baseline.models import DimensionScore, ModelVersion, Question
from baseline.reports import baseline_report_pdf
from baseline.tasks import respondent_preview
from engagements.anonymity import small_group_rule
from engagements.feedback import autosave_response, error_text
from engagements.invitations import copy_links
from reporting.pdf import pdf_response
from reporting.responses import attachment_response

# --- Assessments (consultant and organisation staff) ------------------------------------


@login_required
def assessment_list(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_baseline_viewer(request.user, engagement_pk)
    return render(
        request,
        "baseline/assessment_list.html",
        {
            "engagement": engagement,
            "assessments": list(selectors.assessment_list(engagement=engagement)),
            "can_manage": access.can_manage_engagement(request.user, engagement),
        },
    )


@login_required
def assessment_create(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_baseline_manager(request.user, engagement_pk)
    form = AssessmentForm(
        request.POST or None,
        initial={"title": _("Baseline measurement"), "measured_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_create(
            engagement=engagement,
            version=form.cleaned_data["version"],
            title=form.cleaned_data["title"],
            measured_on=form.cleaned_data["measured_on"],
            respondent_chart_announced=form.cleaned_data["respondent_chart_announced"],
            deadline=form.cleaned_data["deadline"],
            reminder_days_before=form.cleaned_data["reminder_days_before"],
            invitation_message=form.cleaned_data["invitation_message"],
            base_url=request.build_absolute_uri("/"),
        )
        messages.success(request, _("The assessment has been created. Now invite respondents."))
        return redirect(assessment)
    return render(
        request, "baseline/assessment_form.html", {"engagement": engagement, "form": form}
    )


@login_required
def assessment_schedule(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The deadline and the automatic reminder of an assessment, after creation."""
    assessment = access.get_assessment_for_manager(request.user, pk)
    form = AssessmentScheduleForm(
        request.POST or None,
        initial={
            "deadline": assessment.deadline,
            "reminder_days_before": assessment.reminder_days_before,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_schedule_update(
                assessment=assessment,
                deadline=form.cleaned_data["deadline"],
                reminder_days_before=form.cleaned_data["reminder_days_before"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error(None, ValidationError(error.messages))
        else:
            messages.success(request, _("The deadline and reminder have been saved."))
            return redirect(assessment)
    return render(
        request,
        "baseline/assessment_schedule.html",
        {"assessment": assessment, "engagement": assessment.engagement, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def assessment_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_viewer(request.user, pk)
    can_manage = access.can_manage_assessment(request.user, assessment)
    can_join = access.can_answer_as_staff(request.user, assessment)
    own = assessment.respondents.filter(user=request.user).first() if can_join else None
    respondents = selectors.assessment_respondents(assessment=assessment) if can_manage else []
    copy_links(request, respondents)
    return render(
        request,
        "baseline/assessment_detail.html",
        {
            "assessment": assessment,
            "engagement": assessment.engagement,
            "can_manage": can_manage,
            "respondents": respondents,
            "invite_form": RespondentInviteForm() if can_manage else None,
            "can_join": can_join,
            "join_form": RespondentJoinForm(),
            "own_respondent": own,
            "minimum": small_group_rule(assessment.engagement).minimum,
            "small_group": can_manage
            and small_group_rule(assessment.engagement).hides(len(respondents)),
            "preview": (
                respondent_preview(assessment, base_url=request.build_absolute_uri("/"))
                if can_manage
                else None
            ),
        },
    )


@login_required
@require_POST
def respondent_resend(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    respondent = access.get_respondent_for_manager(request.user, pk)
    try:
        services.respondent_invitation_resend(
            respondent=respondent, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The personal link is being e-mailed again."))
    return redirect(respondent.assessment)


@login_required
@require_POST
def respondent_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_manager(request.user, pk)
    form = RespondentInviteForm(request.POST)
    if form.is_valid():
        try:
            respondent = services.respondent_invite(
                assessment=assessment,
                base_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                (
                    _("%(name)s has been added; the personal link is being e-mailed.")
                    if respondent.email
                    else _("%(name)s has been added. Send them their personal link.")
                )
                % {"name": respondent.name or _("The respondent")},
            )
        return redirect(assessment)
    return render(
        request,
        "baseline/assessment_detail.html",
        {
            "assessment": assessment,
            "engagement": assessment.engagement,
            "can_manage": True,
            "respondents": selectors.assessment_respondents(assessment=assessment),
            "invite_form": form,
        },
        status=400,
    )


@login_required
@require_POST
def respondent_join(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_staff_respondent(request.user, pk)
    form = RespondentJoinForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else ""
    try:
        respondent = services.respondent_join(assessment=assessment, user=request.user, role=role)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(assessment)
    return redirect("baseline:respond_start", token=respondent.token)


@login_required
@require_POST
def assessment_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_manager(request.user, pk)
    if request.POST.get("action") == "reopen":
        services.assessment_reopen(assessment=assessment)
        messages.success(request, _("The assessment is open for answers again."))
    else:
        services.assessment_close(assessment=assessment)
        messages.success(request, _("The assessment is completed."))
    return redirect(assessment)


@login_required
def assessment_scores(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_manager(request.user, pk)
    results = selectors.assessment_results(assessment=assessment)
    level_choices = [(level.number, str(level)) for level in results.levels]
    scores = {
        score.dimension_id: score for score in DimensionScore.objects.filter(assessment=assessment)
    }
    forms = [
        DimensionScoreForm(
            request.POST or None,
            dimension=result.dimension,
            level_choices=level_choices,
            score=scores.get(result.dimension.pk),
        )
        for result in results.dimensions
    ]
    if request.method == "POST":
        if all(form.is_valid() for form in forms):
            services.dimension_scores_set(
                assessment=assessment,
                scores=[(form.dimension, form.cleaned_data) for form in forms],
            )
            messages.success(request, _("Targets and agreed levels have been saved."))
            return redirect("baseline:assessment_results", pk=assessment.pk)
        messages.error(request, _("Not everything could be saved; see the messages below."))
    return render(
        request,
        "baseline/assessment_scores.html",
        {
            "assessment": assessment,
            "engagement": assessment.engagement,
            "rows": list(zip(results.dimensions, forms, strict=True)),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def assessment_results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_viewer(request.user, pk)
    results = selectors.assessment_results(assessment=assessment)
    return render(
        request,
        "baseline/assessment_results.html",
        {
            "assessment": assessment,
            "engagement": assessment.engagement,
            "results": results,
            "charts": results_charts(results),
            "can_manage": access.can_manage_assessment(request.user, assessment),
        },
    )


@login_required
def assessment_report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_viewer(request.user, pk)
    pdf = baseline_report_pdf(assessment=assessment)
    filename = f"nulmeting-{assessment.engagement.organisation.name}-{assessment.measured_on}.pdf"
    return pdf_response(pdf, filename=filename)


# --- Answering through a personal link ----------------------------------------------------


def respond_start(request: HttpRequest, token: str) -> HttpResponse:
    respondent = access.get_respondent_for_link(token)
    progress = selectors.respondent_progress(respondent=respondent)
    return render(
        request,
        "baseline/respond_start.html",
        {
            "respondent": respondent,
            "assessment": respondent.assessment,
            "progress": progress,
            "next_dimension": progress.first_open_dimension() or progress.dimensions[0],
        },
    )


def _dimension_of(progress, key: str):
    for index, dimension in enumerate(progress.dimensions):
        if dimension.key == key:
            return index, dimension
    raise Http404


def respond_dimension(request: HttpRequest, token: str, key: str) -> HttpResponse:
    respondent = access.get_respondent_for_link(token)
    progress = selectors.respondent_progress(respondent=respondent)
    index, dimension = _dimension_of(progress, key)
    dimensions = progress.dimensions
    previous = dimensions[index - 1] if index > 0 else None
    following = dimensions[index + 1] if index + 1 < len(dimensions) else None
    form = DimensionAnswersForm(request.POST or None, dimension=dimension, answers=progress.answers)
    assessment = respondent.assessment
    if request.method == "POST" and assessment.is_open:
        action = request.POST.get("action", "next")
        valid = form.is_valid()
        source = form.cleaned_data if valid else request.POST
        for question, level, dont_know, comment, may_quote in form.parsed_answers(
            data_source=source
        ):
            services.answer_save(
                respondent=respondent,
                question=question,
                level=level,
                dont_know=dont_know,
                comment=comment,
                may_quote=may_quote,
            )
        if action == "previous" and previous is not None:
            return redirect("baseline:respond_dimension", token=token, key=previous.key)
        if valid:
            if following is not None and action == "next":
                return redirect("baseline:respond_dimension", token=token, key=following.key)
            return redirect("baseline:respond_finish", token=token)
    return render(
        request,
        "baseline/respond_dimension.html",
        {
            "respondent": respondent,
            "assessment": assessment,
            "progress": progress,
            "dimension": dimension,
            "form": form,
            "step": index + 1,
            "step_count": len(dimensions),
            "previous": previous,
            "following": following,
        },
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@require_POST
def respond_autosave(request: HttpRequest, token: str, question_pk: int) -> JsonResponse:
    """Autosave: stores one answer as soon as it is given (static/js/autosave.js)."""
    respondent = access.get_respondent_for_link(token)
    question = Question.objects.select_related("dimension").filter(pk=question_pk).first()
    if question is None:
        return autosave_response(refusal=_("Unknown question."))
    form = AutosaveForm.for_question(request.POST, question_pk=question_pk)
    if not form.is_valid():
        return autosave_response(refusal=_("This answer could not be read."))
    value = form.cleaned_data["answer"]
    try:
        services.answer_save(
            respondent=respondent,
            question=question,
            level=int(value) if value and value != DONT_KNOW else None,
            dont_know=value == DONT_KNOW,
            comment=form.cleaned_data["comment"],
            may_quote=form.cleaned_data["may_quote"],
        )
    except ValidationError as error:
        closed = not respondent.assessment.is_open
        return autosave_response(refusal=error_text(error), closed=closed)
    return autosave_response()


def respond_finish(request: HttpRequest, token: str) -> HttpResponse:
    respondent = access.get_respondent_for_link(token)
    error = ""
    if request.method == "POST":
        try:
            services.respondent_submit(respondent=respondent)
        except ValidationError as exc:
            error = error_text(exc)
        else:
            return redirect("baseline:respond_finish", token=token)
    progress = selectors.respondent_progress(respondent=respondent)
    return render(
        request,
        "baseline/respond_finish.html",
        {
            "respondent": respondent,
            "assessment": respondent.assessment,
            "progress": progress,
            "unanswered": progress.unanswered(),
            "error": error,
        },
        status=400 if error else 200,
    )


# --- Maturity models --------------------------------------------------------------------


@login_required
def model_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_model_manager(request.user)
    return render(request, "baseline/model_list.html", {"models": list(selectors.model_list())})


@login_required
def model_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    model = access.get_model_for_manager(request.user, pk)
    return render(
        request,
        "baseline/model_detail.html",
        {"model": model, "versions": list(selectors.model_versions(model=model))},
    )


@login_required
def version_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_manager(request.user, pk)
    return render(
        request,
        "baseline/version_detail.html",
        {"version": selectors.version_structure(version_id=version.pk)},
    )


@login_required
def version_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_manager(request.user, pk)
    data = selectors.model_version_export(version=version)
    return attachment_response(
        json.dumps(data, ensure_ascii=False, indent=2),
        filename=f"{version.model.key}-v{version.number}.json",
        content_type="application/json",
    )


def _import_page(request: HttpRequest, *, version=None) -> HttpResponse:
    initial = {}
    if version is not None:
        initial["text"] = json.dumps(
            selectors.model_version_export(version=version), ensure_ascii=False, indent=2
        )
    form = ModelImportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        new_version = services.model_import(
            data=form.cleaned_data["parsed"], changelog=form.cleaned_data["changelog"]
        )
        messages.success(
            request,
            _("Version %(number)s of %(model)s has been saved.")
            % {"number": new_version.number, "model": new_version.model},
        )
        return redirect(new_version)
    return render(
        request,
        "baseline/model_import.html",
        {"form": form, "version": version},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def model_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_model_manager(request.user)
    return _import_page(request)


@login_required
def version_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Edit a model by saving a changed copy as its next version."""
    version = access.get_version_for_manager(request.user, pk)
    return _import_page(request, version=version)


# --- The maturity-model editor (forms; every save is a new version) ------------------------


def _service_error(form, error: ValidationError) -> None:
    """A refusal of the service, shown in the page's error summary."""
    form.add_error(None, ValidationError(error.messages))


def _saved(request: HttpRequest, version) -> HttpResponse:
    messages.success(
        request,
        _("Version %(number)s of %(model)s has been saved.")
        % {"number": version.number, "model": version.model},
    )
    return redirect(version)


def _editor_page(
    request: HttpRequest,
    forms: tuple[Any, ...],
    save: Callable[[], ModelVersion],
    *,
    sent: bool,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """A page of the model editor (``forms``: its forms and formsets, the first one showing a
    refusal). Sent with every form valid, ``save`` makes the new version and the page goes
    to it; otherwise the page again with its one error summary, status 400 when sent."""
    if sent and all(form.is_valid() for form in forms):
        try:
            new_version = save()
        except ValidationError as error:
            _service_error(forms[0], error)
        else:
            return _saved(request, new_version)
    return render(
        request,
        template,
        {**context, "errors": error_items(*forms)},
        status=400 if sent else 200,
    )


@login_required
def version_levels_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The model's name and its levels' names and descriptions, saved as a new version."""
    version = selectors.version_structure(
        version_id=access.get_version_for_manager(request.user, pk).pk
    )
    levels = list(version.levels.all())
    data = request.POST or None
    info = ModelInfoForm(
        data, initial={"name": version.model.name, "description": version.model.description}
    )
    initial = [{"name": level.name, "description": level.description} for level in levels]
    level_forms = level_formset(len(levels))(data, prefix="levels", initial=initial)
    if data is not None and level_forms.total_form_count() != len(levels):
        # Not what this page sends (a changed count of level forms): show the stored levels.
        level_forms = level_formset(len(levels))(prefix="levels", initial=initial)
        info.add_error(None, _("The levels on this page no longer match. Reload the page."))
    changelog = ChangelogForm(data)
    return _editor_page(
        request,
        (info, level_forms, changelog),
        lambda: services.model_levels_edit(
            version=version,
            name=info.cleaned_data["name"],
            description=info.cleaned_data["description"],
            levels=[form.cleaned_data for form in level_forms.forms],
            changelog=changelog.cleaned_data["changelog"],
        ),
        sent=data is not None,
        template="baseline/version_levels_form.html",
        context={
            "version": version,
            "info": info,
            "level_rows": list(zip(levels, level_forms.forms, strict=True)),
            "level_forms": level_forms,
            "changelog": changelog,
        },
    )


@login_required
def version_order_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The dimensions in another order, saved as a new version."""
    version = access.get_version_for_manager(request.user, pk)
    data = request.POST or None
    order = DimensionOrderForm(data, dimensions=selectors.dimension_names(version=version))
    changelog = ChangelogForm(data)
    return _editor_page(
        request,
        (order, changelog),
        lambda: services.model_dimensions_order(
            version=version, keys=order.keys(), changelog=changelog.cleaned_data["changelog"]
        ),
        sent=data is not None,
        template="baseline/version_order_form.html",
        context={"version": version, "order": order, "changelog": changelog},
    )


@login_required
def version_level_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A level above the highest, saved as a new version."""
    version = access.get_version_for_manager(request.user, pk)
    data = request.POST or None
    level, changelog = LevelForm(data, prefix="level"), ChangelogForm(data)
    return _editor_page(
        request,
        (level, changelog),
        lambda: services.model_level_add(
            version=version,
            name=level.cleaned_data["name"],
            description=level.cleaned_data["description"],
            changelog=changelog.cleaned_data["changelog"],
        ),
        sent=data is not None,
        template="baseline/version_level_add.html",
        context={"version": version, "level": level, "changelog": changelog},
    )


@login_required
def version_level_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The highest level removed, after a confirmation, saved as a new version."""
    version = selectors.version_structure(
        version_id=access.get_version_for_manager(request.user, pk).pk
    )
    data = request.POST or None
    changelog = ChangelogForm(data)
    return _editor_page(
        request,
        (changelog,),
        lambda: services.model_level_remove(
            version=version, changelog=changelog.cleaned_data["changelog"]
        ),
        sent=data is not None,
        template="baseline/version_level_remove.html",
        context={
            "version": version,
            "highest": list(version.levels.all())[-1],
            "changelog": changelog,
        },
    )


def _dimension_initial(dimension) -> tuple[dict, list[dict]]:
    if dimension is None:
        return {}, []
    initial = {"name": dimension.name, "description": dimension.description}
    initial["sources"] = dimension.sources
    initial.update(
        {f"descriptor_{item.level}": item.description for item in dimension.descriptors.all()}
    )
    questions = [
        {"key": question.key, "text": question.text, "help_text": question.help_text}
        | {f"option_{option.level}": option.text for option in question.options.all()}
        for question in dimension.questions.all()
    ]
    return initial, questions


def _dimension_page(request: HttpRequest, version, key: str | None) -> HttpResponse:
    dimension = None
    if key is not None:
        dimension = next((d for d in version.dimensions.all() if d.key == key), None)
        if dimension is None:
            raise Http404
    levels = [(level.number, level.name) for level in version.levels.all()]
    initial, question_initial = _dimension_initial(dimension)
    data = request.POST or None
    form = DimensionForm(data, levels=levels, initial=initial)
    questions = ModelQuestionFormSet(
        data, prefix="questions", initial=question_initial, form_kwargs={"levels": levels}
    )
    changelog = ChangelogForm(data)
    return _editor_page(
        request,
        (form, questions, changelog),
        lambda: services.model_dimension_edit(
            version=version,
            dimension_key=key,
            dimension=form.cleaned_data
            | {"descriptors": form.descriptors}
            | {"questions": questions.questions()},
            changelog=changelog.cleaned_data["changelog"],
        ),
        sent=data is not None,
        template="baseline/version_dimension_form.html",
        context={
            "version": version,
            "dimension": dimension,
            "form": form,
            "questions": questions,
            "changelog": changelog,
        },
    )


@login_required
def dimension_edit(request: AuthenticatedHttpRequest, pk: int, key: str) -> HttpResponse:
    """One dimension with its level descriptions and questions, saved as a new version."""
    version = access.get_version_for_manager(request.user, pk)
    return _dimension_page(request, selectors.version_structure(version_id=version.pk), key)


@login_required
def dimension_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_manager(request.user, pk)
    return _dimension_page(request, selectors.version_structure(version_id=version.pk), None)


@login_required
@require_POST
def dimension_remove(request: AuthenticatedHttpRequest, pk: int, key: str) -> HttpResponse:
    version = access.get_version_for_manager(request.user, pk)
    try:
        new_version = services.model_dimension_remove(version=version, dimension_key=key)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(version)
    return _saved(request, new_version)
