from django import template
from django.utils.safestring import SafeString, mark_safe

from reporting.charts import Chart, pdf_chart_markup

register = template.Library()


@register.inclusion_tag("reporting/chart.html")
def render_chart(chart: Chart):
    """A chart in a page: drawn by plotly.js, with its numbers in a table."""
    return {"chart": chart}


@register.simple_tag
def pdf_chart(chart: Chart) -> SafeString:
    """A chart in a PDF: an SVG image, or its table with a notice without Chromium. In a
    report made by ``render_pdf`` every chart is exported in one batch afterwards."""
    return mark_safe(pdf_chart_markup(chart))  # noqa: S308 - a rendered template or a comment
