"""``{% cached_pdf_chart chart %}``: the foundation's ``pdf_chart``, with the SVG remembered.

The "Visie en routeplan" PDF holds up to a dozen charts, most of which (the survey's, the
baseline's) do not change between downloads. Exporting one through kaleido takes a few
hundred milliseconds, so the SVG of a figure is kept in this process, keyed by the figure's
JSON and size; a changed figure gets a new key. Failed exports are not remembered.
"""

import hashlib
import threading
from collections import OrderedDict

from django import template

from reporting.charts import Chart, chart_svg_data_uri

register = template.Library()

MAX_ENTRIES = 128
_cache: OrderedDict[str, str] = OrderedDict()
_lock = threading.Lock()


def _key(chart: Chart) -> str:
    digest = hashlib.sha256(chart.figure_json().encode("utf-8"))
    digest.update(f"|{chart.width}|{chart.height}".encode())
    return digest.hexdigest()


def cached_svg_data_uri(chart: Chart) -> str | None:
    key = _key(chart)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    uri = chart_svg_data_uri(chart)
    if uri is not None:
        with _lock:
            _cache[key] = uri
            while len(_cache) > MAX_ENTRIES:
                _cache.popitem(last=False)
    return uri


@register.inclusion_tag("reporting/pdf_chart.html")
def cached_pdf_chart(chart: Chart):
    return {"chart": chart, "svg_uri": cached_svg_data_uri(chart)}
