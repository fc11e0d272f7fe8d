"""The workshop's charts (statement votes, a gallery example's sample data), through the
foundation's chart pipeline (page, projector and PDF alike)."""

from collections.abc import Sequence
from typing import Protocol

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from reporting.charts import MODEBAR_REMOVE, PALETTE, Chart, ChartTable, base_layout, count_axis
from workshops.models import Example

SCALE_COLOURS = ["#b2182b", "#ef8a62", "#6b6b6b", "#67a9cf", "#2166ac"]


class RoundResult(Protocol):
    """What a chart needs of one round of a statement (selectors.StatementResult)."""

    @property
    def text(self) -> str: ...
    @property
    def round_number(self) -> int: ...
    @property
    def counts(self) -> list[int]: ...
    @property
    def polarisation(self) -> float: ...


def scale_labels() -> list[str]:
    return [
        _("Strongly disagree"),
        _("Disagree"),
        _("Neutral"),
        _("Agree"),
        _("Strongly agree"),
    ]


def without_toolbar(chart: Chart) -> Chart:
    chart.figure.update_layout(modebar={"remove": MODEBAR_REMOVE})
    return chart


def distribution_chart(*, key: str, results: Sequence[RoundResult], height: int = 340) -> Chart:
    """The distribution of the votes, one bar group per round; whole votes on the axis."""
    labels = scale_labels()
    figure = go.Figure()
    for index, result in enumerate(results):
        figure.add_trace(
            go.Bar(
                x=labels,
                y=result.counts,
                name=_("Round %(number)s") % {"number": result.round_number},
                marker_color=SCALE_COLOURS if len(results) == 1 else PALETTE[index % len(PALETTE)],
                text=result.counts,
                textposition="auto",
                hovertemplate="%{x}: %{y}<extra></extra>",
            )
        )
    layout = base_layout(height=height, showlegend=len(results) > 1)
    layout["font"] = {**layout["font"], "size": 18}
    top = max((count for result in results for count in result.counts), default=0)
    figure.update_layout(**layout, barmode="group", yaxis=count_axis(top, title=_("Votes")))
    columns = [_("Round"), *labels, _("Polarisation")]
    rows: list[list] = [
        [result.round_number, *result.counts, f"{result.polarisation:.2f}"] for result in results
    ]
    title = results[0].text if results else ""
    return without_toolbar(
        Chart(key=key, title=title, figure=figure, table=ChartTable(columns=columns, rows=rows))
    )


def example_chart(example: Example) -> Chart | None:
    """A live chart from the example's sample data, or None when it has none."""
    data = example.sample_chart or {}
    if not data.get("labels") or not data.get("values"):
        return None
    if data.get("type") == "line":
        trace: go.Scatter | go.Bar = go.Scatter(
            x=data["labels"], y=data["values"], mode="lines+markers"
        )
    else:
        trace = go.Bar(x=data["labels"], y=data["values"], marker_color=PALETTE[0])
    figure = go.Figure(trace)
    figure.update_layout(
        **base_layout(height=300),
        xaxis={"title": {"text": data.get("x_title", "")}},
        yaxis={"title": {"text": data.get("y_title", "")}, "rangemode": "tozero"},
    )
    return without_toolbar(
        Chart(
            key=f"example-{example.pk}",
            title=data.get("title") or example.title,
            figure=figure,
            table=ChartTable(
                columns=[data.get("x_title") or _("Category"), data.get("y_title") or _("Value")],
                rows=[list(pair) for pair in zip(data["labels"], data["values"], strict=False)],
            ),
        )
    )
