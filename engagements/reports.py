"""The one-page engagement summary: chart and PDF, through the shared pipeline."""

import plotly.graph_objects as go
from django.utils import timezone
from django.utils.translation import gettext as _

from engagements.models import Engagement
from engagements.selectors import engagement_consultant_names
from engagements.stages import stage_statuses
from reporting.charts import Chart, ChartTable, base_layout
from reporting.pdf import render_pdf


def stage_progress_chart(*, stages) -> Chart:
    titles = [str(stage.title) for stage, _status in stages]
    percentages = [round(status.progress * 100) for _stage, status in stages]
    figure = go.Figure(
        go.Bar(
            x=percentages,
            y=titles,
            orientation="h",
            marker_color="#1f5f8b",
            text=[f"{value}%" for value in percentages],
            textposition="auto",
            hovertemplate="%{y}: %{x}%<extra></extra>",
        )
    )
    figure.update_layout(
        **base_layout(height=260),
        xaxis={"range": [0, 100], "ticksuffix": "%", "title": {"text": _("Progress")}},
        yaxis={"autorange": "reversed"},
    )
    table = ChartTable(
        columns=[_("Stage"), _("Status"), _("Progress")],
        rows=[
            [str(stage.title), status.state_label, f"{round(status.progress * 100)}%"]
            for stage, status in stages
        ],
    )
    return Chart(key="stage-progress", title=_("Progress per stage"), figure=figure, table=table)


def engagement_summary_pdf_bytes(*, engagement: Engagement, user) -> bytes:
    stages = stage_statuses(engagement=engagement, user=user)
    context = {
        "engagement": engagement,
        "organisation": engagement.organisation,
        "stages": stages,
        "chart": stage_progress_chart(stages=stages),
        "consultant_names": engagement_consultant_names(engagement=engagement),
        "generated_at": timezone.localtime(),
        "report_title": _("Engagement summary"),
    }
    return render_pdf(template_name="engagements/summary_pdf.html", context=context)
