"""Background work of the roadmap: "Visie en routeplan" made by ``manage.py db_worker``.

A request never waits for WeasyPrint or Chromium: it asks ``services.document_request``
for the document, which is either ready (made before from the same data) or queued here.
The page shows the progress the task writes and downloads the document when it is done.
"""

import importlib
import logging
import threading

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from roadmap.models import DocumentExport, DocumentKind, ExportStatus

logger = logging.getLogger(__name__)


def documents_warm_up() -> None:
    """At the worker's start: its chart browser starts and WeasyPrint is imported in the
    background, so that the first document someone waits for pays for neither."""
    from reporting.charts import chart_export_warm_up

    chart_export_warm_up()
    threading.Thread(
        target=importlib.import_module,
        args=("roadmap.reports",),
        name="reports-import",
        daemon=True,
    ).start()


def _set_progress(export_id: int, percentage: int) -> None:
    DocumentExport.objects.filter(pk=export_id).update(progress=min(99, max(0, percentage)))


@task(queue_name="reports")
def document_build(export_id: int) -> None:
    from reporting.charts import chart_export_warm_up

    # The worker started its chart browser with it (roadmap.apps); if this is its first
    # document and the browser is still starting, importing WeasyPrint overlaps with that.
    chart_export_warm_up()
    from roadmap.reports import vision_roadmap_docx_bytes, vision_roadmap_pdf_bytes

    with transaction.atomic():
        export = (
            DocumentExport.objects.select_for_update(skip_locked=True)
            .select_related("roadmap__engagement__organisation", "roadmap__catalogue")
            .filter(pk=export_id, status__in=[ExportStatus.QUEUED, ExportStatus.FAILED])
            .first()
        )
        if export is None:
            return  # made already, or being made by another worker
        export.status = ExportStatus.RUNNING
        export.progress = 5
        export.save(update_fields=["status", "progress"])
    build = (
        vision_roadmap_pdf_bytes if export.kind == DocumentKind.PDF else vision_roadmap_docx_bytes
    )
    try:
        content = build(
            roadmap=export.roadmap,
            progress=lambda percentage: _set_progress(export.pk, percentage),
        )
    except Exception as error:
        logger.exception("Could not make the %s of %s", export.kind, export.roadmap)
        DocumentExport.objects.filter(pk=export.pk).update(
            status=ExportStatus.FAILED, error=repr(error)[:2000], finished_at=timezone.now()
        )
        return
    DocumentExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE, progress=100, content=content, finished_at=timezone.now()
    )
