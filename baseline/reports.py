"""The baseline report PDF, through the foundation's chart and report pipeline."""

from django.utils import timezone
from django.utils.translation import gettext as _

from baseline.charts import results_charts
from baseline.models import Assessment
from baseline.selectors import assessment_results
from reporting.pdf import render_pdf


def baseline_report_context(*, assessment: Assessment) -> dict:
    results = assessment_results(assessment=assessment)
    charts = results_charts(results)
    if not results.respondent_chart_in_report:
        del charts["spread"]
    return {
        "assessment": assessment,
        "engagement": assessment.engagement,
        "organisation": assessment.engagement.organisation,
        "results": results,
        "charts": charts,
        "generated_at": timezone.localtime(),
        "report_title": _("Baseline report"),
    }


def baseline_report_pdf(*, assessment: Assessment) -> bytes:
    return render_pdf(
        template_name="baseline/report_pdf.html",
        context=baseline_report_context(assessment=assessment),
    )
