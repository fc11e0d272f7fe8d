"""Template tags of the projector and the interactive kinds."""

import json

from django import template
from django.utils.html import json_script

from reporting.charts import Chart
from workshops.qr import join_qr_svg

register = template.Library()

# Chart text on the wall: at least 24 px at 1080p (plotly sizes its text in pixels).
PROJECTOR_CHART_FONT = 24


@register.inclusion_tag("workshops/kinds/_projector_chart.html")
def projector_chart(chart: Chart):
    """A chart for the wall: as tall as its box (CSS), projector-size text, no buttons; its
    numbers in a table for screen readers only (nothing to toggle on the wall)."""
    figure = json.loads(chart.figure_json())
    layout = figure.setdefault("layout", {})
    layout.pop("height", None)
    layout.pop("width", None)
    layout["autosize"] = True
    font = layout.setdefault("font", {})
    font["size"] = max(PROJECTOR_CHART_FONT, font.get("size") or 0)
    layout["margin"] = {"l": 20, "r": 20, "t": 20, "b": 20}
    # Plotly shrinks a bar's label to fit inside the bar; on the wall it stays readable.
    layout["uniformtext"] = {"minsize": PROJECTOR_CHART_FONT, "mode": "show"}
    layout["legend"] = {**layout.get("legend", {}), "font": {"size": PROJECTOR_CHART_FONT}}
    for axis in ("xaxis", "yaxis"):
        layout.setdefault(axis, {})["automargin"] = True
    return {
        "chart": chart,
        "figure_script": json_script(figure, f"{chart.dom_id}-data"),
    }


@register.simple_tag
def join_qr(url: str):
    """The QR code that leads to the session's join page (SVG, drawn on the server)."""
    return join_qr_svg(url)


@register.simple_tag
def dimension_choices():
    """The maturity model's dimensions as (key, label) pairs, for a select."""
    from workshops.models import Dimension

    return Dimension.choices
