"""Chart export works in a forked child of a process that already exported charts.

Test servers and some deployments fork; the child must start its own Chromium rather
than wait for the parent's, which does not exist in it (that hung every PDF once)."""

import multiprocessing

import plotly.graph_objects as go

from reporting.charts import Chart, ChartTable, chart_svg


def _chart() -> Chart:
    return Chart(
        key="fork",
        title="Fork",
        figure=go.Figure(go.Bar(x=[1, 2], y=[2, 1])),
        table=ChartTable(columns=["x", "y"], rows=[[1, 2]]),
    )


def _export_in_child(queue):
    svg = chart_svg(_chart())
    queue.put(svg is not None and svg.lstrip().startswith(b"<svg"))


def test_a_forked_child_exports_charts_after_the_parent_did():
    assert chart_svg(_chart()) is not None  # the parent's browser is running now
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_export_in_child, args=(queue,))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 0
    assert queue.get(timeout=1) is True


def test_a_child_forked_while_the_parent_holds_the_export_lock_still_exports():
    """E.g. forked while the parent's warm-up thread was starting Chromium."""
    from reporting import charts

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    with charts._kaleido._lock:
        child = context.Process(target=_export_in_child, args=(queue,))
        child.start()
    child.join(timeout=120)
    assert child.exitcode == 0
    assert queue.get(timeout=1) is True
