"""The session report PDF, through the foundation's chart and report pipeline."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reporting.charts import charts_export
from reporting.pdf import render_pdf
from workshops.models import Session
from workshops.selectors import session_report


def session_report_filename(session: Session, extension: str) -> str:
    return f"sessie-{slugify(session.title) or session.pk}-{session.held_on:%Y%m%d}.{extension}"


def session_report_pdf_bytes(*, session: Session) -> bytes:
    report = session_report(session=session)
    context = {
        "report": report,
        "session": session,
        "engagement": session.engagement,
        "organisation": session.engagement.organisation,
        "generated_at": timezone.localtime(),
        "report_title": _("Session report"),
    }
    # Every chart in one batch through the running browser; the template reuses them.
    charts_export(
        [
            *getattr(report.survey, "charts", []),
            *(statement["chart"] for statement in report.statements if statement.get("chart")),
        ]
    )
    return render_pdf(template_name="workshops/report_pdf.html", context=context)
