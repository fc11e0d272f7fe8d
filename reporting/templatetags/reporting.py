from django import template

from reporting.charts import Chart, chart_svg_data_uri

register = template.Library()


@register.inclusion_tag("reporting/chart.html")
def render_chart(chart: Chart):
    """A chart in a page: drawn by plotly.js, with its numbers in a table."""
    return {"chart": chart}


@register.inclusion_tag("reporting/pdf_chart.html")
def pdf_chart(chart: Chart):
    """A chart in a PDF: an SVG image, or its table with a notice without Chromium."""
    return {"chart": chart, "svg_uri": chart_svg_data_uri(chart)}
