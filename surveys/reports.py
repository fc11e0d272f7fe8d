"""The survey report PDF, through the foundation's chart and report pipeline."""

from django.utils import timezone
from django.utils.translation import gettext as _

from reporting.pdf import render_pdf
from surveys.charts import response_rate_chart
from surveys.models import Survey
from surveys.selectors import survey_results


def survey_report_context(*, survey: Survey) -> dict:
    results = survey_results(survey=survey)
    rate = results.response_rate
    return {
        "survey": survey,
        "results": results,
        "rate_chart": response_rate_chart(
            invited=rate.invited, started=rate.started, completed=rate.completed
        ),
        "engagement": survey.engagement,
        "organisation": survey.engagement.organisation if survey.engagement else None,
        "generated_at": timezone.localtime(),
        "report_title": _("Survey results"),
    }


def survey_report_pdf_bytes(*, survey: Survey) -> bytes:
    # render_pdf exports every chart of the template in one batch, while it lays out.
    return render_pdf(
        template_name="surveys/report_pdf.html", context=survey_report_context(survey=survey)
    )
