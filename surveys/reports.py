"""The survey report PDF, through the foundation's chart and report pipeline."""

from django.utils import timezone
from django.utils.translation import gettext as _

from reporting.charts import charts_export
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
    context = survey_report_context(survey=survey)
    # Every chart in one batch through the running browser; the template reuses them.
    charts_export(
        [context["rate_chart"]]
        + [result.chart for result in context["results"].questions if result.chart]
    )
    return render_pdf(template_name="surveys/report_pdf.html", context=context)
