from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from reporting.responses import attachment_response
from roadmap import access, services
from roadmap.catalogue import catalogue_to_json
from roadmap.charts import progress_chart, timeline_chart
from roadmap.forms import (
    CatalogueActionForm,
    CatalogueImportForm,
    DocumentForm,
    ItemCreateForm,
    ItemForm,
    RoadmapCreateForm,
    RoadmapSettingsForm,
    StatusForm,
)
from roadmap.models import DocumentExport, DocumentKind, ExportStatus, ItemStatus
from roadmap.reports import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE, roadmap_xlsx_bytes
from roadmap.selectors import (
    catalogue_actions,
    catalogue_actions_for_generator,
    catalogue_dimension_choices,
    catalogue_list,
    document_export_latest,
    roadmap_document,
    roadmap_for_engagement,
    roadmap_overview,
    roadmap_sources,
)


def _form_page(
    request: AuthenticatedHttpRequest,
    form: Form,
    save: Callable[[], object],
    *,
    success: str,
    then: Any,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """A form page: a valid POST is saved by ``save``, said with ``success`` and followed by
    a redirect to ``then``; otherwise the page again, with status 400 when the form has
    errors (a refusal of the service among them, in the form's error summary)."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            form.add_error(None, ValidationError(error.messages))
        else:
            messages.success(request, success)
            return redirect(then)
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


# --- Roadmap ---------------------------------------------------------------------------


@login_required
def roadmap_detail(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.engagement_for_viewer(request.user, engagement_pk)
    roadmap = roadmap_for_engagement(engagement=engagement)
    can_manage = access.can_manage(request.user, engagement)
    context: dict[str, Any] = {
        "engagement": engagement,
        "roadmap": roadmap,
        "can_manage": can_manage,
    }
    if roadmap is None:
        if can_manage:
            context["form"] = RoadmapCreateForm()
            context["sources"] = roadmap_sources(engagement=engagement)
        return render(request, "roadmap/roadmap_empty.html", context)
    roadmap.engagement = engagement
    overview = roadmap_overview(roadmap=roadmap)
    context.update(
        overview=overview,
        timeline=timeline_chart(roadmap=roadmap, items=overview.items, names=overview.names),
        progress=progress_chart(progress=overview.progress),
        status_choices=ItemStatus.choices,
    )
    return render(request, "roadmap/roadmap_detail.html", context)


@login_required
@require_POST
def roadmap_create(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    engagement = access.engagement_for_manager(request.user, engagement_pk)
    if roadmap_for_engagement(engagement=engagement) is not None:
        return redirect("roadmap:roadmap_detail", engagement_pk=engagement.pk)
    form = RoadmapCreateForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "roadmap/roadmap_empty.html",
            {
                "engagement": engagement,
                "roadmap": None,
                "can_manage": True,
                "form": form,
                "sources": roadmap_sources(engagement=engagement),
            },
            status=400,
        )
    roadmap = services.roadmap_create_generated(engagement=engagement, **form.cleaned_data)
    messages.success(request, _("The roadmap has been generated."))
    return redirect(roadmap)


@login_required
def roadmap_settings(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    roadmap = access.roadmap_for_manager(request.user, engagement_pk)
    dimensions = list(roadmap.dimensions.all())
    initial = {
        "start_year": roadmap.start_year,
        "start_quarter": roadmap.start_quarter,
        "horizon_years": roadmap.horizon_years,
        "capacity": roadmap.capacity,
    }
    form = RoadmapSettingsForm(request.POST or None, initial=initial, dimensions=dimensions)
    generate = "generate" in request.POST

    def save() -> None:
        data = form.cleaned_data
        services.roadmap_settings_update(
            roadmap=roadmap,
            start_year=data["start_year"],
            start_quarter=data["start_quarter"],
            horizon_years=data["horizon_years"],
            capacity=data["capacity"],
            levels=form.levels(),
            generate=generate,
        )

    return _form_page(
        request,
        form,
        save,
        success=_("The roadmap has been generated again; pinned actions were kept.")
        if generate
        else _("The changes have been saved."),
        then=roadmap,
        template="roadmap/roadmap_settings.html",
        context={
            "roadmap": roadmap,
            "engagement": roadmap.engagement,
            # Read only when the page is shown, not for the redirect after a save.
            "sources": SimpleLazyObject(lambda: roadmap_sources(engagement=roadmap.engagement)),
        },
    )


@login_required
@require_POST
def roadmap_generate(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    roadmap = access.roadmap_for_manager(request.user, engagement_pk)
    services.roadmap_generate(roadmap=roadmap)
    messages.success(request, _("The roadmap has been generated again; pinned actions were kept."))
    return redirect(roadmap)


@login_required
@require_POST
def roadmap_levels_refresh(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    roadmap = access.roadmap_for_manager(request.user, engagement_pk)
    if services.roadmap_levels_refresh(roadmap=roadmap):
        messages.success(request, _("The levels have been taken from the baseline again."))
    else:
        messages.warning(request, _("There is no completed baseline to take the levels from."))
    return redirect("roadmap:roadmap_settings", engagement_pk=engagement_pk)


@login_required
def roadmap_xlsx(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    roadmap = access.roadmap_for_viewer(request.user, engagement_pk)
    return attachment_response(
        roadmap_xlsx_bytes(roadmap=roadmap),
        filename=_("roadmap-%(pk)s.xlsx") % {"pk": engagement_pk},
        content_type=XLSX_CONTENT_TYPE,
    )


def _document_filename(roadmap, kind: str, export: DocumentExport) -> str:
    """ "visie-en-routeplan-gemeente-rucphen-2026-11-29.pdf": who and when, no ids."""
    day = timezone.localdate(export.finished_at or timezone.now())
    stem = slugify(
        _("vision and roadmap %(organisation)s")
        % {"organisation": roadmap.engagement.organisation.name}
    )
    return f"{stem}-{day.isoformat()}.{kind}"


def _document(request: AuthenticatedHttpRequest, engagement_pk: int, kind: str) -> HttpResponse:
    """The document when it is ready; else a page that shows the progress and downloads it
    as soon as the background job has made it."""
    roadmap = access.roadmap_for_viewer(request.user, engagement_pk)
    export = services.document_request(roadmap=roadmap, kind=kind)
    if export.status == ExportStatus.DONE and export.content is not None:
        return attachment_response(
            bytes(export.content),
            filename=_document_filename(roadmap, kind, export),
            content_type="application/pdf" if kind == DocumentKind.PDF else DOCX_CONTENT_TYPE,
        )
    return render(
        request,
        "roadmap/document_progress.html",
        {
            "engagement": roadmap.engagement,
            "roadmap": roadmap,
            "export": export,
            "kind_label": DocumentKind(kind).label,
            "download_url": request.path,
            "status_url": reverse(
                "roadmap:document_status", kwargs={"engagement_pk": engagement_pk, "kind": kind}
            ),
        },
    )


@login_required
def report_pdf(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    return _document(request, engagement_pk, DocumentKind.PDF)


@login_required
def report_docx(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    return _document(request, engagement_pk, DocumentKind.DOCX)


@login_required
def document_status(
    request: AuthenticatedHttpRequest, engagement_pk: int, kind: str
) -> JsonResponse:
    """How far the background job is: polled by the progress page."""
    roadmap = access.roadmap_for_viewer(request.user, engagement_pk)
    if kind not in DocumentKind.values:
        raise Http404
    export = document_export_latest(roadmap=roadmap, kind=kind)
    if export is None:
        return JsonResponse({"status": "missing", "progress": 0})
    return JsonResponse(
        {
            "status": export.status,
            "progress": export.progress,
            "label": export.get_status_display(),
        }
    )


@login_required
def document_edit(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    """The consultant writes the document's texts with the client (drafts from the data)."""
    roadmap = access.roadmap_for_manager(request.user, engagement_pk)
    document = roadmap_document(roadmap=roadmap)
    form = DocumentForm(
        request.POST or None,
        sections=document.sections,
        initial={
            "document_status": roadmap.document_status,
            "document_version": roadmap.document_version,
        },
    )

    def save() -> None:
        data = form.cleaned_data
        services.roadmap_document_update(
            roadmap=roadmap,
            document_status=data["document_status"],
            document_version=data["document_version"],
            texts={s.field: data[s.field] for s in document.sections},
            drafts={s.field: s.draft for s in document.sections},
        )

    return _form_page(
        request,
        form,
        save,
        success=_("The document has been saved."),
        then=reverse("roadmap:document_edit", kwargs={"engagement_pk": engagement_pk}),
        template="roadmap/document_form.html",
        context={"roadmap": roadmap, "engagement": roadmap.engagement, "document": document},
    )


# --- Items -----------------------------------------------------------------------------


@login_required
def item_create(request: AuthenticatedHttpRequest, engagement_pk: int) -> HttpResponse:
    roadmap = access.roadmap_for_manager(request.user, engagement_pk)
    dimensions = list(roadmap.dimensions.all())
    form = ItemCreateForm(
        request.POST or None,
        dimensions=dimensions,
        initial={"start_year": roadmap.start_year, "start_quarter": roadmap.start_quarter},
    )
    return _form_page(
        request,
        form,
        lambda: services.roadmap_item_add(roadmap=roadmap, **form.cleaned_data),
        success=_("The action has been added and pinned."),
        then=roadmap,
        template="roadmap/item_form.html",
        context={"roadmap": roadmap, "engagement": roadmap.engagement, "item": None},
    )


@login_required
def item_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_manager(request.user, pk)
    roadmap = item.roadmap
    form = ItemForm(
        request.POST or None,
        initial={
            "title": item.title,
            "description": item.description,
            "owner": item.owner,
            "start_year": item.start_year,
            "start_quarter": item.start_quarter,
            "duration_quarters": item.duration_quarters,
            "status": item.status,
            "cost_euros": item.cost_euros,
            "fte": item.fte,
            "pinned": True,
        },
    )
    return _form_page(
        request,
        form,
        lambda: services.roadmap_item_update(item=item, user=request.user, **form.cleaned_data),
        success=_("The action has been saved."),
        then=roadmap,
        template="roadmap/item_form.html",
        context={"roadmap": roadmap, "engagement": roadmap.engagement, "item": item},
    )


@login_required
@require_POST
def item_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_manager(request.user, pk)
    roadmap = item.roadmap
    services.roadmap_item_remove(item=item)
    messages.success(request, _("The action has been removed from the roadmap."))
    return redirect(roadmap)


@login_required
@require_POST
def item_restore(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_manager(request.user, pk)
    services.roadmap_item_restore(item=item)
    messages.success(request, _("The action is back on the roadmap."))
    return redirect(item.roadmap)


@login_required
@require_POST
def item_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_viewer(request.user, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.roadmap_item_status_set(
            item=item, status=form.cleaned_data["status"], user=request.user
        )
        message = _("“%(title)s” is now: %(status)s.") % {
            "title": item.title,
            "status": item.get_status_display(),
        }
        if request.headers.get("HX-Request"):
            return render(
                request,
                "roadmap/_status_form.html",
                {"item": item, "status_choices": ItemStatus.choices, "message": message},
            )
        messages.success(request, message)
    else:
        messages.error(request, _("Choose one of the statuses in the list."))
    return redirect(f"{item.roadmap.get_absolute_url()}#item-{item.pk}")


# --- Catalogues ------------------------------------------------------------------------


@login_required
def catalogue_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_catalogue_editor(request.user)
    return render(request, "roadmap/catalogue_list.html", {"catalogues": list(catalogue_list())})


@login_required
def catalogue_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    catalogue = access.catalogue_for_editor(request.user, pk)
    return render(
        request,
        "roadmap/catalogue_detail.html",
        _catalogue_context(catalogue, CatalogueImportForm()),
    )


def _catalogue_context(catalogue, import_form) -> dict:
    names = dict(catalogue_dimension_choices(catalogue=catalogue))
    actions = list(catalogue_actions(catalogue=catalogue))
    for action in actions:
        action.dimension_name = names.get(action.dimension_key, action.dimension_key)
        for rule in action.level_rules.all():
            rule.dimension_name = names.get(rule.dimension_key, rule.dimension_key)
    return {"catalogue": catalogue, "actions": actions, "import_form": import_form}


def _catalogue_action_form(request, catalogue, action=None):
    initial = {}
    if action is not None:
        initial = {
            "key": action.key,
            "dimension_key": action.dimension_key,
            "from_level": action.from_level,
            "title": action.title,
            "description": action.description,
            "effort": action.effort,
            "duration_quarters": action.duration_quarters,
            "owner_role": action.owner_role,
            "met_by_vision": action.met_by_vision,
            "prerequisites": list(action.prerequisites.all()),
            **{f"rule_{rule.dimension_key}": rule.level for rule in action.level_rules.all()},
        }
    return CatalogueActionForm(
        request.POST or None,
        initial=initial,
        catalogue=catalogue,
        action=action,
        dimensions=catalogue_dimension_choices(catalogue=catalogue),
    )


def _save_catalogue_action(form, catalogue, action=None):
    data = form.cleaned_data
    return services.catalogue_action_save(
        catalogue=catalogue,
        action=action,
        key=data["key"],
        dimension_key=data["dimension_key"],
        from_level=data["from_level"],
        title=data["title"],
        description=data["description"],
        effort=data["effort"],
        duration_quarters=data["duration_quarters"],
        owner_role=data["owner_role"],
        prerequisites=list(data["prerequisites"]),
        level_rules=form.level_rules(),
        met_by_vision=data["met_by_vision"],
    )


@login_required
def catalogue_action_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    catalogue = access.catalogue_for_editor(request.user, pk)
    form = _catalogue_action_form(request, catalogue)
    return _form_page(
        request,
        form,
        lambda: _save_catalogue_action(form, catalogue),
        success=_("The action has been added to the catalogue."),
        then=catalogue,
        template="roadmap/catalogue_action_form.html",
        context={"catalogue": catalogue, "action": None},
    )


@login_required
def catalogue_action_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = access.catalogue_action_for_editor(request.user, pk)
    catalogue = action.catalogue
    form = _catalogue_action_form(request, catalogue, action)
    return _form_page(
        request,
        form,
        lambda: _save_catalogue_action(form, catalogue, action),
        success=_("The changes have been saved."),
        then=catalogue,
        template="roadmap/catalogue_action_form.html",
        context={"catalogue": catalogue, "action": action},
    )


@login_required
@require_POST
def catalogue_action_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = access.catalogue_action_for_editor(request.user, pk)
    catalogue = action.catalogue
    services.catalogue_action_delete(action=action)
    messages.success(request, _("The action has been deleted from the catalogue."))
    return redirect(catalogue)


@login_required
def catalogue_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    catalogue = access.catalogue_for_editor(request.user, pk)
    text = catalogue_to_json(
        name=catalogue.name, actions=catalogue_actions_for_generator(catalogue=catalogue)
    )
    return attachment_response(
        text,
        filename=f"{slugify(catalogue.name) or 'catalogus'}.json",
        content_type="application/json; charset=utf-8",
    )


@login_required
@require_POST
def catalogue_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    catalogue = access.catalogue_for_editor(request.user, pk)
    dimension_keys = {key for key, _name in catalogue_dimension_choices(catalogue=catalogue)}
    form = CatalogueImportForm(request.POST, request.FILES, dimension_keys=dimension_keys)
    if form.is_valid():
        try:
            services.catalogue_import(
                model_version=catalogue.model_version, document=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The catalogue has been imported."))
            return redirect(catalogue)
    return render(
        request, "roadmap/catalogue_detail.html", _catalogue_context(catalogue, form), status=400
    )
