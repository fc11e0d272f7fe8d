"""The roadmap's charts, shared by the page and the PDF (reporting.charts pipeline)."""

import plotly.graph_objects as go
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from reporting.charts import PALETTE, Chart, ChartTable, base_layout
from roadmap.generator import Quarter
from roadmap.models import ItemStatus, Roadmap, RoadmapItem


def _layout(**kwargs) -> dict:
    return base_layout(**kwargs)


def dimension_colours(keys: list[str]) -> dict[str, str]:
    return {key: PALETTE[index % len(PALETTE)] for index, key in enumerate(keys)}


def _shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tick(quarter: Quarter) -> str:
    short = _("Q%(number)s") % {"number": quarter.number}
    return f"{short}<br>{quarter.year}" if quarter.number == 1 else short


def timeline_chart(*, roadmap: Roadmap, items: list[RoadmapItem], names: dict[str, str]) -> Chart:
    """A Gantt-like timeline: one bar per action over its quarters, coloured by dimension."""
    start = roadmap.start.index
    last = max([roadmap.horizon_end.index, *(item.end.index for item in items)])
    colours = dimension_colours(list(names))
    figure = go.Figure()
    labels = [f"{index + 1}. {_shorten(item.title)}" for index, item in enumerate(items)]
    for key, name in names.items():
        rows = [
            (label, item)
            for label, item in zip(labels, items, strict=True)
            if item.dimension_key == key
        ]
        if not rows:
            continue
        figure.add_trace(
            go.Bar(
                name=name,
                orientation="h",
                y=[label for label, _item in rows],
                x=[item.duration_quarters for _label, item in rows],
                base=[item.start.index - start for _label, item in rows],
                marker={
                    "color": colours[key],
                    "pattern": {
                        "shape": [
                            "/" if item.status == ItemStatus.DONE else "" for _l, item in rows
                        ]
                    },
                },
                customdata=[
                    [item.start.label, item.end.label, item.get_status_display()]
                    for _label, item in rows
                ],
                hovertemplate="%{y}<br>%{customdata[0]} – %{customdata[1]}<br>%{customdata[2]}"
                "<extra>" + name + "</extra>",
            )
        )
    quarters = list(range(0, last - start + 1))
    height = max(280, 24 * len(items) + 120)
    figure.update_layout(
        **_layout(height=height, showlegend=True),
        barmode="overlay",
        legend={"orientation": "h", "y": -0.08 if items else 0, "x": 0},
        xaxis={
            "tickvals": [q + 0.5 for q in quarters],
            # "K1<br>2027" at the start of a year, "K2" inside it: readable at any width.
            "ticktext": [_tick(Quarter.from_index(start + q)) for q in quarters],
            "tickfont": {"size": 11},
            "range": [0, last - start + 1],
            "side": "top",
            "gridcolor": "#dddddd",
        },
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "categoryorder": "array",
            "categoryarray": labels,
            "tickfont": {"size": 11},
        },
        shapes=[
            {
                "type": "line",
                "x0": q,
                "x1": q,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": "#555555", "width": 1, "dash": "dot"},
            }
            for q in quarters
            if (start + q) % 4 == 0
        ],
    )
    table = ChartTable(
        columns=[_("Action"), _("Dimension"), _("From"), _("To"), _("Status")],
        rows=[
            [
                label,
                names.get(item.dimension_key, item.dimension_key),
                item.start.label,
                item.end.label,
                item.get_status_display(),
            ]
            for label, item in zip(labels, items, strict=True)
        ],
    )
    return Chart(
        key="roadmap-timeline",
        title=_("Roadmap per quarter"),
        figure=figure,
        table=table,
        description=_(
            "Each bar is an action over the quarters it runs; colour shows the dimension."
        ),
        width=1000,
        height=height,
    )


def progress_chart(*, progress) -> Chart | None:
    """Per dimension: the share of its actions that is done; None (no empty chart) while
    no action is in progress or done yet, as in a new plan."""
    if not any(row.done or row.in_progress for row in progress):
        return None
    names = [row.name for row in progress]
    figure = go.Figure(
        go.Bar(
            x=[row.percentage for row in progress],
            y=names,
            orientation="h",
            marker_color="#2e7d32",
            text=[f"{row.done}/{row.total}" for row in progress],
            textposition="auto",
            hovertemplate="%{y}: %{x}%<extra></extra>",
        )
    )
    figure.update_layout(
        **_layout(height=60 + 36 * max(1, len(progress))),
        xaxis={"range": [0, 100], "ticksuffix": "%", "tickvals": [25, 50, 75, 100]},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    table = ChartTable(
        columns=[
            _("Dimension"),
            pgettext("action status", "Done"),
            pgettext("action status", "In progress"),
            _("Actions"),
            _("Progress"),
        ],
        rows=[
            [row.name, row.done, row.in_progress, row.total, f"{row.percentage}%"]
            for row in progress
        ],
    )
    return Chart(
        key="roadmap-progress", title=_("Progress per dimension"), figure=figure, table=table
    )


def baseline_radar_chart(*, dimensions) -> Chart:
    """Current and target level per dimension (from the baseline's contract)."""
    names = [d.name for d in dimensions]
    current = [d.current_level or 0 for d in dimensions]
    target = [d.target_level or 0 for d in dimensions]
    figure = go.Figure()
    figure.add_trace(
        go.Scatterpolar(
            r=[*current, current[0]] if current else [],
            theta=[*names, names[0]] if names else [],
            name=_("Now"),
            fill="toself",
            line={"color": PALETTE[0]},
        )
    )
    figure.add_trace(
        go.Scatterpolar(
            r=[*target, target[0]] if target else [],
            theta=[*names, names[0]] if names else [],
            name=_("Target"),
            line={"color": PALETTE[1], "dash": "dash"},
        )
    )
    layout = _layout(height=440, showlegend=True)
    # Room for the dimension names around the circle: long names never clip.
    layout["margin"] = {"l": 160, "r": 160, "t": 40, "b": 40}
    figure.update_layout(
        **layout,
        polar={
            "radialaxis": {"range": [0, 5], "tickvals": [1, 2, 3, 4, 5], "tickformat": "d"},
            "angularaxis": {"tickfont": {"size": 12}},
        },
        legend={"orientation": "h", "y": -0.05, "x": 0.5, "xanchor": "center"},
    )
    table = ChartTable(
        columns=[_("Dimension"), _("Now"), _("Target"), pgettext("maturity", "Gap")],
        rows=[
            [
                d.name,
                d.current_level or "–",
                d.target_level or "–",
                max(0, (d.target_level or 0) - (d.current_level or 0)),
            ]
            for d in dimensions
        ],
    )
    return Chart(
        key="baseline-radar", title=_("Baseline: now and target"), figure=figure, table=table
    )
