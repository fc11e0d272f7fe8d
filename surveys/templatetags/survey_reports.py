"""The survey report's charts: the foundation's PDF chart, with the SVG cached.

Exporting a chart through kaleido takes about a third of a second; a survey report has a
chart per question and is downloaded again and again while results are unchanged. The
SVG of an identical figure is identical, so it is kept in the cache under a hash of the
figure and its size.
"""

import hashlib

from django import template
from django.core.cache import cache

from reporting.charts import Chart, chart_svg_data_uri

register = template.Library()

CACHE_SECONDS = 24 * 60 * 60


def cached_svg_data_uri(chart: Chart) -> str | None:
    height = chart.height or chart.figure.layout.height or 360
    digest = hashlib.sha256(f"{chart.width}x{height}:{chart.figure_json()}".encode()).hexdigest()
    key = f"surveys:chart-svg:{digest}"
    uri = cache.get(key)
    if uri is None:
        uri = chart_svg_data_uri(chart)
        if uri is not None:  # Without Chromium the table is shown; try again next time.
            cache.set(key, uri, CACHE_SECONDS)
    return uri


@register.inclusion_tag("reporting/pdf_chart.html")
def survey_pdf_chart(chart: Chart):
    """Like reporting's ``pdf_chart``: an SVG image, or the table without Chromium."""
    return {"chart": chart, "svg_uri": cached_svg_data_uri(chart)}
