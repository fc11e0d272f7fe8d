"""The roadmap's exports: the XLSX of the actions and "Visie en routeplan" as PDF and .docx.

Both documents are built from one ``roadmap.selectors.RoadmapDocument`` (the same
sections, tables and charts); ``document_fingerprint`` says when its data changed, so a
document made before is reused until then (``roadmap.documents``).
"""

import hashlib
import io

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reporting.charts import Chart, chart_export_warm_up
from reporting.formatting import format_euros, format_number, spreadsheet_number
from reporting.pdf import older_objects_frozen, render_pdf
from reporting.spreadsheets import spreadsheet_safe
from roadmap import narrative
from roadmap.charts import baseline_radar_chart, progress_chart, timeline_chart
from roadmap.models import DocumentStatus, ItemStatus, Roadmap
from roadmap.selectors import RoadmapDocument, roadmap_document, roadmap_overview

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Raise when the layout of the documents changes: cached documents are made again.
LAYOUT_VERSION = "2026-11-29.1"


def roadmap_xlsx_bytes(*, roadmap: Roadmap) -> bytes:
    overview = roadmap_overview(roadmap=roadmap)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = _("Roadmap")[:31]
    header = [
        _("Year"),
        _("Quarter"),
        _("To quarter"),
        _("Dimension"),
        _("Action"),
        _("Description"),
        _("Owner"),
        _("Effort"),
        _("Status"),
        _("Why"),
        _("Cost (euros)"),
        _("FTE"),
        _("Pinned"),
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in overview.items:
        sheet.append(
            [
                spreadsheet_safe(value)
                for value in (
                    item.start_year,
                    item.start.label,
                    item.end.label,
                    overview.names.get(item.dimension_key, item.dimension_key),
                    item.title,
                    item.description,
                    item.owner,
                    item.get_effort_display(),
                    item.get_status_display(),
                    "\n".join(reason["text"] for reason in item.reasons) or _("Added by hand."),
                )
            ]
            + [item.cost_euros, spreadsheet_number(item.fte)]
            + [_("yes") if item.is_pinned else _("no")]
        )
    widths = [8, 10, 10, 26, 40, 50, 24, 10, 14, 70, 12, 8, 8]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row[10].number_format = "#,##0"
        row[11].number_format = "0.0"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- "Visie en routeplan" -----------------------------------------------------------------


def _charts(document: RoadmapDocument) -> dict[str, Chart | None]:
    overview = document.overview
    roadmap = document.roadmap
    baseline = document.sources.baseline
    radar_source = baseline.dimensions if baseline else list(roadmap.dimensions.all())
    return {
        # No empty charts: a timeline needs actions, progress something under way.
        "timeline": timeline_chart(roadmap=roadmap, items=overview.items, names=overview.names)
        if overview.items
        else None,
        "progress": progress_chart(progress=overview.progress),
        "radar": baseline_radar_chart(dimensions=radar_source) if radar_source else None,
    }


def document_fingerprint(document: RoadmapDocument) -> str:
    """A hash of everything the document shows: equal hashes, equal documents."""
    roadmap = document.roadmap
    organisation = roadmap.engagement.organisation
    parts = [
        LAYOUT_VERSION,
        translation.get_language() or "",
        organisation.name,
        organisation.logo.name or "",
        roadmap.engagement.title,
        roadmap.document_status,
        roadmap.document_version,
        getattr(settings, "CONSULTANCY_NAME", ""),
        repr(document.facts),
        repr([(s.title, s.text) for s in document.sections]),
        repr(document.sources),
        repr(
            [
                (
                    i.pk,
                    i.title,
                    i.description,
                    i.owner,
                    i.dimension_key,
                    i.start_year,
                    i.start_quarter,
                    i.duration_quarters,
                    i.status,
                    i.effort,
                    i.reasons,
                    i.cost_euros,
                    str(i.fte),
                )
                for i in document.overview.items
            ]
        ),
        repr([(d.key, d.name, d.current_level, d.target_level) for d in roadmap.dimensions.all()]),
        timezone.localdate().isoformat(),  # the date on the cover
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def vision_roadmap_context(*, roadmap: Roadmap, document: RoadmapDocument | None = None) -> dict:
    document = document or roadmap_document(roadmap=roadmap)
    engagement = roadmap.engagement
    reasons = document.public_reasons
    for item in document.overview.items:
        item.public_reasons = reasons.get(item.pk, [])
    names = document.level_names
    gaps = [
        {
            "name": a.name,
            "current": a.current_label,
            "target": a.target_label,
            "size": max(0, (a.target or 0) - (a.current or 0)),
        }
        for a in document.facts.ambitions
    ]
    budgets = document.facts.budgets
    return {
        "report_title": _("Vision and roadmap"),
        "organisation": engagement.organisation,
        "engagement": engagement,
        "generated_at": timezone.localtime(),
        "consultancy": getattr(settings, "CONSULTANCY_NAME", ""),
        "document_status": DocumentStatus(roadmap.document_status).label,
        "is_final": roadmap.document_status == DocumentStatus.FINAL,
        "roadmap": roadmap,
        "document": document,
        "overview": document.overview,
        "sources": document.sources,
        "sections": {
            s.anchor: {"title": s.title, "blocks": narrative.blocks(s.text)}
            for s in document.sections
        },
        "gaps": gaps,
        "level_names": [(n, names[n]) for n in sorted(names)],
        "budgets": [
            {
                "year": b.year,
                "actions": b.actions,
                "estimated": b.estimated,
                "cost": format_euros(b.cost_euros),
                "fte": format_number(b.fte),
            }
            for b in budgets
        ],
        "has_estimates": any(b.estimated for b in budgets),
        "budget_total": {
            "cost": format_euros(sum(b.cost_euros for b in budgets)),
            "fte": format_number(sum(b.fte for b in budgets)),
        },
        "span_label": document.span_label,
        "next_measurement": document.facts.next_measurement,
        "done_count": sum(1 for i in document.overview.items if i.status == ItemStatus.DONE),
        **_charts(document),
    }


def vision_roadmap_pdf_bytes(*, roadmap: Roadmap, progress=None) -> bytes:
    # The first document of a process starts the chart browser while it reads its data.
    chart_export_warm_up()
    progress = progress or (lambda percentage: None)
    with translation.override(settings.LANGUAGE_CODE), older_objects_frozen():
        context = vision_roadmap_context(roadmap=roadmap)
        progress(25)
        # Every chart of the document, the appendices' too, is exported in one batch.
        return render_pdf(template_name="roadmap/report_pdf.html", context=context)


def vision_roadmap_docx_bytes(*, roadmap: Roadmap, progress=None) -> bytes:
    from roadmap.docx import document_docx

    progress = progress or (lambda percentage: None)
    with translation.override(settings.LANGUAGE_CODE), older_objects_frozen():
        context = vision_roadmap_context(roadmap=roadmap)
        progress(25)
        return document_docx(context, progress=progress)
