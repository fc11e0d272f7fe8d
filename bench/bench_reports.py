"""The foundation's report pipeline: chart export and a PDF, against bare WeasyPrint."""

import plotly.graph_objects as go

from bench.harness import BenchContext, Measurement, median_ms, time_calls


def run(ctx: BenchContext) -> list[Measurement]:
    from weasyprint import HTML

    from accounts.models import Role
    from accounts.services import user_create
    from engagements.reports import engagement_summary_pdf_bytes
    from engagements.services import engagement_create, organisation_create
    from reporting.charts import Chart, ChartTable, chart_svg, charts_export

    organisation = organisation_create(name="Gemeente Benchmark")
    consultant = user_create(username="bench-consultant", password=None, role=Role.CONSULTANT)
    import datetime

    engagement = engagement_create(
        organisation=organisation,
        title="Benchmarktraject",
        starts_on=datetime.date(2026, 1, 1),
        consultants=[consultant],
    )

    plain = "<html><body>" + "<p>Een gewone alinea tekst.</p>" * 40 + "</body></html>"
    plain_samples = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=5)
    pdf_samples = time_calls(
        lambda: engagement_summary_pdf_bytes(engagement=engagement, user=consultant), repeat=5
    )

    # A new figure every call: the per-process SVG cache must not answer.
    counter = iter(range(1_000_000))

    def new_chart() -> Chart:
        n = next(counter)
        figure = go.Figure(go.Bar(x=[1, 2, 3, 4, 5], y=[3, 1, 4, 1, 5 + n]))
        return Chart(key=f"bench-{n}", title="Bench", figure=figure, table=ChartTable([], []))

    chart_samples = time_calls(lambda: chart_svg(new_chart()), repeat=10)
    cached = new_chart()
    chart_svg(cached)
    cached_samples = time_calls(lambda: chart_svg(cached), repeat=10)
    json_samples = time_calls(lambda: new_chart().figure_json(), repeat=10)
    # A survey report's worth of charts, never exported before, in one batch.
    batch_samples = time_calls(lambda: charts_export([new_chart() for _ in range(31)]), repeat=3)

    return [
        Measurement(
            "Reports",
            "Engagement summary PDF (1 chart)",
            median_ms(pdf_samples),
            "ms",
            "WeasyPrint plain page",
            median_ms(plain_samples),
        ),
        Measurement(
            "Reports",
            "Chart export to SVG (kaleido warm, new figure)",
            median_ms(chart_samples),
            "ms",
            "same kind of figure to JSON",
            median_ms(json_samples),
        ),
        Measurement(
            "Reports",
            "Chart export to SVG, figure exported before",
            median_ms(cached_samples),
            "ms",
            "same kind of figure to JSON",
            median_ms(json_samples),
            "per-process SVG cache",
        ),
        Measurement(
            "Reports",
            "31 new charts exported in one batch (kaleido warm)",
            median_ms(batch_samples),
            "ms",
            "same kind of figure to JSON",
            median_ms(json_samples),
            "one page kept between figures",
        ),
    ]
