"""The roadmap's exports: the XLSX of the actions and the "Visie en routeplan" PDF."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reporting.pdf import render_pdf
from reporting.spreadsheets import spreadsheet_safe
from roadmap.charts import baseline_radar_chart, progress_chart, timeline_chart
from roadmap.models import ItemStatus, Roadmap
from roadmap.selectors import report_sources, roadmap_overview

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def roadmap_xlsx_bytes(*, roadmap: Roadmap) -> bytes:
    overview = roadmap_overview(roadmap=roadmap)
    workbook = Workbook()
    sheet = workbook.active
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
                    _("yes") if item.is_pinned else _("no"),
                )
            ]
        )
    widths = [8, 10, 10, 26, 40, 50, 24, 10, 14, 70, 8]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def vision_roadmap_context(*, roadmap: Roadmap) -> dict:
    engagement = roadmap.engagement
    sources = report_sources(engagement=engagement)
    overview = roadmap_overview(roadmap=roadmap)
    dimensions = list(roadmap.dimensions.all())
    radar_source = sources.baseline.dimensions if sources.baseline else dimensions
    gaps = [
        {
            "name": d.name,
            "current": d.current_level,
            "target": d.target_level,
            "size": max(0, (d.target_level or 0) - (d.current_level or 0)),
        }
        for d in radar_source
    ]
    names = overview.names
    priority_names = (
        [names.get(key, key) for key in sources.vision.priorities] if sources.vision else []
    )
    return {
        "report_title": _("Vision and roadmap"),
        "organisation": engagement.organisation,
        "engagement": engagement,
        "generated_at": timezone.localtime(),
        "roadmap": roadmap,
        "overview": overview,
        "sources": sources,
        "timeline": timeline_chart(roadmap=roadmap, items=overview.items, names=overview.names),
        "progress": progress_chart(progress=overview.progress),
        "radar": baseline_radar_chart(dimensions=radar_source) if radar_source else None,
        "gaps": gaps,
        "priority_names": priority_names,
        "done_count": sum(1 for item in overview.items if item.status == ItemStatus.DONE),
    }


def vision_roadmap_pdf_bytes(*, roadmap: Roadmap) -> bytes:
    return render_pdf(
        template_name="roadmap/report_pdf.html", context=vision_roadmap_context(roadmap=roadmap)
    )
