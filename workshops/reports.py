"""The session report PDF, through the foundation's chart and report pipeline."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reporting.pdf import render_pdf
from workshops.models import Session
from workshops.selectors import session_report


def session_report_filename(session: Session, extension: str) -> str:
    return f"sessie-{slugify(session.title) or session.pk}-{session.held_on:%Y%m%d}.{extension}"


def session_report_pdf_bytes(*, session: Session) -> bytes:
    context = {
        "report": session_report(session=session),
        "session": session,
        "engagement": session.engagement,
        "organisation": session.engagement.organisation,
        "generated_at": timezone.localtime(),
        "report_title": _("Session report"),
    }
    return render_pdf(template_name="workshops/report_pdf.html", context=context)
