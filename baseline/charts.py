"""The baseline's charts: radar, gap bars and the respondents' spread as a heat map.

Built once from ``AssessmentResults`` and shown in the page (plotly.js) and in the PDF
(SVG through the foundation's pipeline). Respondents appear only by anonymous label.
"""

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from baseline.selectors import AssessmentResults
from reporting.charts import PALETTE, Chart, ChartTable, base_layout, count_axis
from reporting.formatting import format_number

MAX_CELL_TEXT_COLUMNS = 12


def _fmt(value) -> str:
    if value is None:
        return "–"
    return format_number(value, 1, trim=True)


def radar_chart(results: AssessmentResults) -> Chart:
    names = [r.dimension.name for r in results.dimensions]
    level_count = len(results.levels)
    series: list[tuple[str, list[float | None], str]] = [
        (_("Current"), [r.current_level for r in results.dimensions], PALETTE[0])
    ]
    if results.has_targets:
        series.append((_("Target"), [r.target_level for r in results.dimensions], PALETTE[1]))
    if results.previous:
        series.append(
            (_("Previous measurement"), [r.previous_level for r in results.dimensions], PALETTE[2])
        )
    if results.peer_shown:
        series.append(
            (_("Other municipalities"), [r.peer_median for r in results.dimensions], PALETTE[3])
        )
    figure = go.Figure()
    for name, values, colour in series:
        figure.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*names, names[0]],
                name=name,
                line={"color": colour, "width": 3},
                fill="toself" if name == _("Current") else None,
                opacity=0.85,
                connectgaps=True,
            )
        )
    layout = base_layout(height=460, showlegend=True)
    layout["margin"] = {"l": 150, "r": 150, "t": 40, "b": 30}
    layout["polar"] = {
        "radialaxis": {"range": [0, level_count], "dtick": 1, "angle": 90},
        "angularaxis": {"direction": "clockwise"},
    }
    layout["legend"] = {"orientation": "h", "y": -0.08}
    figure.update_layout(**layout)
    columns = [_("Dimension")] + [name for name, _values, _colour in series]
    rows = [
        [names[i]] + [_fmt(values[i]) for _name, values, _colour in series]
        for i in range(len(names))
    ]
    return Chart(
        key="baseline-radar",
        title=_("Maturity per dimension"),
        description=_(
            "Current level per dimension (the agreed level where there is one, else the "
            "median), with the target and earlier results."
        ),
        figure=figure,
        table=ChartTable(columns=columns, rows=rows),
        height=460,
    )


def gap_chart(results: AssessmentResults) -> Chart:
    names = [r.dimension.name for r in results.dimensions]
    gaps = [r.gap for r in results.dimensions]
    figure = go.Figure(
        go.Bar(
            x=[gap if gap is not None else 0 for gap in gaps],
            y=names,
            orientation="h",
            marker={"color": [PALETTE[1] if (gap or 0) > 0 else PALETTE[2] for gap in gaps]},
            text=[_fmt(gap) for gap in gaps],
            textposition="outside",
        )
    )
    layout = base_layout(height=60 + 44 * len(names))
    layout["margin"] = {"l": 220, "r": 40, "t": 10, "b": 40}
    values = [gap or 0 for gap in gaps]
    # Whole levels only; an axis of counts unless a dimension is above its target.
    layout["xaxis"] = (
        count_axis(max(values, default=0), title=_("Levels to go"))
        if min(values, default=0) >= 0
        else {"title": {"text": _("Levels to go")}, "dtick": 1, "tickformat": "d"}
    )
    layout["yaxis"] = {"autorange": "reversed"}
    figure.update_layout(**layout)
    return Chart(
        key="baseline-gap",
        title=_("Gap to the target per dimension"),
        description=_("The number of levels between the current level and the target."),
        figure=figure,
        table=ChartTable(
            columns=[_("Dimension"), _("Current"), _("Target"), _("Gap")],
            rows=[
                [r.dimension.name, _fmt(r.current_level), _fmt(r.target_level), _fmt(r.gap)]
                for r in results.dimensions
            ],
        ),
        height=60 + 44 * len(names),
    )


def spread_chart(results: AssessmentResults) -> Chart:
    labels = results.respondent_labels
    names = [r.dimension.name for r in results.dimensions]
    matrix = []
    for result in results.dimensions:
        values = dict(result.respondent_medians)
        matrix.append([values.get(label) for label in labels])
    figure = go.Figure(
        go.Heatmap(
            z=matrix,
            x=labels,
            y=names,
            zmin=1,
            zmax=len(results.levels),
            colorscale="Blues",
            colorbar={"title": {"text": _("Level"), "side": "top"}, "dtick": 1, "thickness": 14},
            hoverongaps=False,
            # Numbers in the cells only while they stay readable (and cheap in the PDF).
            texttemplate="%{z}" if len(labels) <= MAX_CELL_TEXT_COLUMNS else None,
        )
    )
    height = 80 + 44 * len(names)
    layout = base_layout(height=height)
    layout["margin"] = {"l": 220, "r": 20, "t": 10, "b": 90}
    layout["yaxis"] = {"autorange": "reversed"}
    layout["xaxis"] = {"tickangle": -45}
    figure.update_layout(**layout)
    return Chart(
        key="baseline-spread",
        title=_("Spread between respondents"),
        description=_(
            "Each respondent's median level per dimension, under an anonymous label. "
            "Different colours in one row show where respondents disagree."
        ),
        figure=figure,
        table=ChartTable(
            columns=[_("Dimension"), *labels],
            rows=[
                [name, *[_fmt(value) for value in row]]
                for name, row in zip(names, matrix, strict=True)
            ],
        ),
        height=height,
    )


def results_charts(results: AssessmentResults) -> dict[str, Chart]:
    charts = {"radar": radar_chart(results), "spread": spread_chart(results)}
    if results.has_targets:
        charts["gap"] = gap_chart(results)
    return charts
