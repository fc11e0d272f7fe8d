"""Charts: a plotly figure defined once, shown in the page and exported as SVG for PDFs.

In the page the figure's JSON is rendered next to a ``<div data-chart>`` that
static/js/charts.js draws with the vendored plotly.js bundle. For PDFs the same
figure is exported to SVG by kaleido, which drives the system Chromium; one kaleido
server per process is started on first use. Without Chromium the PDF shows the
chart's numbers as a table with a notice instead.
"""

import asyncio
import base64
import hashlib
import logging
import math
import os
import secrets
import shutil
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

PALETTE = ["#1f5f8b", "#d9822b", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41"]
FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"
ALT_TEXT_ROWS = 12

# What django.utils.html.json_script escapes, for JSON that is already serialised.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class ChartTable:
    """The chart's numbers, readable as a table (screen readers, PDFs without Chromium)."""

    columns: list[str]
    rows: list[list]


@dataclass
class Chart:
    key: str
    title: str
    figure: go.Figure
    table: ChartTable
    description: str = ""
    width: int = 720
    height: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def dom_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def alt_text(self) -> str:
        """The chart in words for a tagged PDF: its title, its description and its numbers
        (the first twelve rows of its table), since the PDF shows no table beside it."""
        parts = [self.title.rstrip(".") + "."]
        if self.description:
            parts.append(str(self.description).rstrip(".") + ".")
        columns = [str(column) for column in self.table.columns[1:]]
        rows = []
        for row in self.table.rows[:ALT_TEXT_ROWS]:
            cells = [str(cell) for cell in row[1:]]
            if len(cells) == 1:
                rows.append(f"{row[0]}: {cells[0]}")
            else:
                pairs = ", ".join(f"{c} {v}" for c, v in zip(columns, cells, strict=False))
                rows.append(f"{row[0]}: {pairs}")
        if len(self.table.rows) > ALT_TEXT_ROWS:
            rows.append("…")
        if rows:
            parts.append("; ".join(rows) + ".")
        return " ".join(parts)

    def figure_json(self) -> str:
        return pio.to_json(self.figure, validate=False, pretty=False)

    def figure_json_script(self) -> str:
        """The figure as a ``<script type="application/json">`` element (safe to embed)."""
        escaped = self.figure_json().translate(JSON_SCRIPT_ESCAPES)
        return format_html(
            '<script id="{}-data" type="application/json">{}</script>',
            self.dom_id,
            mark_safe(escaped),  # noqa: S308 - escaped like Django's json_script
        )


# Charts are read, not explored. static/js/charts.js shows them without plotly's toolbar
# (its buttons would be focusable inside the chart's role="img", axe: nested-interactive,
# and one offers to upload the data to another host); the layout removes every button
# as well, so a figure shown any other way has none either. Configured here only.
MODEBAR_REMOVE = [
    "toImage", "downloadJson", "sendDataToCloud", "sendChartToCloud", "zoom2d", "pan2d",
    "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d",
    "hoverClosestCartesian", "hoverCompareCartesian", "toggleSpikelines", "toggleHover",
    "resetViews", "zoom", "pan", "select", "lasso", "autoscale", "resetscale", "zoomin",
    "zoomout",
]  # fmt: skip


def base_layout(*, height: int = 360, showlegend: bool = False) -> dict[str, Any]:
    """The layout every chart starts from: fonts, colours, Dutch separators, no toolbar."""
    return {
        "modebar": {"remove": MODEBAR_REMOVE},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "font": {"family": FONT_FAMILY, "size": 14, "color": "#1b1b1b"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "colorway": PALETTE,
        "showlegend": showlegend,
        "separators": ",.",
    }


def chromium_path() -> str | None:
    configured = getattr(settings, "CHROMIUM_PATH", "")
    if configured:
        return configured if shutil.which(configured) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


# The smallest figure that makes Chromium compile plotly.js and lay out text once.
_WARM_UP_FIGURE = {"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {"height": 60}}


def _reusing_kaleido_class():
    """kaleido's browser, keeping each tab's page between figures.

    kaleido (1.5.0, pinned) reloads a tab's page after every figure, so every export
    parses and compiles all of plotly.js again: about nine tenths of an export's time.
    ``Plotly.toImage`` draws each figure in a detached element it removes afterwards, so
    a page can serve many figures; it is still reloaded every ``RELOAD_EVERY`` figures
    and after a figure failed, so that nothing a figure left behind accumulates.
    """
    import kaleido

    class ReusingKaleido(kaleido.Kaleido):
        RELOAD_EVERY = 100

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.renders_since_reload: dict[int, int] = {}
            self.reload_before_next: set[int] = set()
            self.reloads = 0

        async def _reload(self, tab) -> None:
            self.reloads += 1
            self.renders_since_reload[id(tab)] = 0
            self.reload_before_next.discard(id(tab))
            await tab.reload()

        async def _get_kaleido_tab(self):
            tab = await super()._get_kaleido_tab()
            self.renders_since_reload.setdefault(id(tab), 0)
            if id(tab) in self.reload_before_next:
                await self._reload(tab)
            return tab

        async def _return_kaleido_tab(self, tab) -> None:
            count = self.renders_since_reload.get(id(tab), 0) + 1
            self.renders_since_reload[id(tab)] = count
            if count >= self.RELOAD_EVERY:
                await self._reload(tab)
            await self.tabs_ready.put(tab)

        async def _render_task(self, *args, **kwargs):
            try:
                return await super()._render_task(*args, **kwargs)
            except BaseException:
                # Which tab drew the failed figure is not known here: every tab used so
                # far is reloaded before its next figure.
                self.reload_before_next.update(self.renders_since_reload)
                raise

    return ReusingKaleido


class _KaleidoServer:
    """One kaleido browser per process, started on first use, shared by all threads.

    It runs on an event loop in a thread of its own. The state is tied to the process
    id: a forked child (a test server, a worker) starts its own instead of waiting on a
    parent's thread that does not exist in it. Every export has a timeout, after which
    the PDF falls back to the table.
    """

    START_TIMEOUT = 60
    EXPORT_TIMEOUT = 60
    # Tabs exporting side by side. Each loads plotly.js when the browser starts, and with
    # pages kept between figures one tab exports a report's charts about as fast as
    # several on a two-core machine, so one keeps the start (the cold document) short.
    TABS = 1

    def __init__(self):
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._browser = None
        self._failed = False

    def available(self) -> bool:
        return not self._failed and chromium_path() is not None

    def started(self) -> bool:
        return self._pid == os.getpid() and self._browser is not None

    def _start(self) -> bool:
        if self._pid == os.getpid() and self._browser is not None:
            return True
        if self._failed and self._pid == os.getpid():
            return False
        self._pid, self._browser, self._failed = os.getpid(), None, False
        path = chromium_path()
        if path is None:
            self._failed = True
            return False

        async def open_browser():
            browser = _reusing_kaleido_class()(n=self.TABS, mathjax=False, path=path)
            _without_unsafe_flags(browser)
            await browser.open()
            # The first figure of a page pays for compiling plotly.js: do it now, not
            # for the first document someone waits for.
            await browser.calc_fig(_WARM_UP_FIGURE, opts={"format": "svg", "width": 80})
            return browser

        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()
        try:
            future = asyncio.run_coroutine_threadsafe(open_browser(), loop)
            self._browser = future.result(timeout=self.START_TIMEOUT)
        except Exception:
            logger.exception("Could not start kaleido; charts in PDFs fall back to tables.")
            loop.call_soon_threadsafe(loop.stop)
            self._failed = True
            return False
        self._loop = loop
        return True

    def export_batch(self, jobs: list[tuple[go.Figure, dict]]) -> list[bytes | None]:
        """Export several figures in one round trip to the running browser: one lock, one
        coroutine gathering every export (kaleido queues them over its tabs)."""
        with self._lock:
            if not self._start():
                return [None] * len(jobs)
            browser, loop = self._browser, self._loop
            assert browser is not None and loop is not None

            async def run_all():
                return await asyncio.gather(
                    *(browser.calc_fig(figure, opts=opts) for figure, opts in jobs),
                    return_exceptions=True,
                )

            future = asyncio.run_coroutine_threadsafe(run_all(), loop)
            try:
                results = future.result(timeout=self.EXPORT_TIMEOUT + 2 * len(jobs))
            except Exception:
                future.cancel()
                logger.exception("Chart export failed; the PDF shows the tables instead.")
                return [None] * len(jobs)
        exported: list[bytes | None] = []
        for result in results:
            if isinstance(result, BaseException):
                logger.error("A chart could not be exported: %r", result)
                exported.append(None)
            else:
                exported.append(result)
        return exported

    def to_svg(self, figure: go.Figure, *, width: int, height: int) -> bytes | None:
        return self.export_batch([(figure, {"format": "svg", "width": width, "height": height})])[0]


# choreographer starts Chromium with these; exporting our own figures needs neither, and a
# browser without same-origin checks that may read local files is not one to keep running.
UNSAFE_CHROMIUM_FLAGS = frozenset({"--disable-web-security", "--allow-file-access-from-files"})


def _without_unsafe_flags(browser) -> None:
    impl = browser._browser_impl
    get_cli = impl.get_cli
    impl.get_cli = lambda: [arg for arg in get_cli() if arg not in UNSAFE_CHROMIUM_FLAGS]


_kaleido = _KaleidoServer()


def _after_fork_in_child() -> None:
    # A fork copies the lock in whatever state a parent thread held it (for instance
    # while warming up): the child needs a fresh one.
    _kaleido._lock = threading.Lock()
    global _svg_cache_lock
    _svg_cache_lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def chart_export_available() -> bool:
    return _kaleido.available()


_SVG_CACHE_SIZE = 256
_svg_cache: "OrderedDict[str, bytes]" = OrderedDict()
_svg_cache_lock = threading.Lock()


def _chart_size(chart: Chart) -> tuple[int, int]:
    return chart.width, int(chart.height or chart.figure.layout.height or 360)


def _cache_key(chart: Chart, fmt: str) -> str:
    width, height = _chart_size(chart)
    return hashlib.sha256(f"{fmt}:{width}x{height}:{chart.figure_json()}".encode()).hexdigest()


def charts_export(charts: list[Chart], *, fmt: str = "svg", scale: float = 1) -> list[bytes | None]:
    """Every chart exported in one batch through the running browser (``fmt`` "svg" or
    "png"), cached like ``chart_svg``: a report exports all its charts at once, after which
    its template finds each one in the cache."""
    keys, found = _cached(charts, fmt=fmt, scale=scale)
    return _export_missing(charts, keys, found, fmt=fmt, scale=scale)


def charts_export_in_background(charts: list[Chart]) -> "Future[list[bytes | None]]":
    """``charts_export`` of SVGs in a thread of its own: the answer is ready at once when
    every chart is cached, else when the browser (started first if need be) exported the
    rest. Starting Chromium and exporting happen in other processes, so the caller can lay
    out the document meanwhile."""
    future: Future[list[bytes | None]] = Future()
    keys, found = _cached(charts, fmt="svg", scale=1)
    if len(found) == len(set(keys)):
        future.set_result([found[key] for key in keys])
        return future

    def export() -> None:
        try:
            future.set_result(_export_missing(charts, keys, found, fmt="svg", scale=1))
        except Exception as error:  # noqa: BLE001 - handed to the caller, who waits for it
            future.set_exception(error)

    threading.Thread(target=export, name="chart-export", daemon=True).start()
    return future


def _cached(charts: list[Chart], *, fmt: str, scale: float) -> tuple[list[str], dict[str, bytes]]:
    keys = [_cache_key(chart, fmt if fmt == "svg" else f"{fmt}@{scale}") for chart in charts]
    found: dict[str, bytes] = {}
    with _svg_cache_lock:
        for key in keys:
            if key in _svg_cache:
                _svg_cache.move_to_end(key)
                found[key] = _svg_cache[key]
    return keys, found


def _export_missing(
    charts: list[Chart], keys: list[str], found: dict[str, bytes], *, fmt: str, scale: float
) -> list[bytes | None]:
    missing = [(key, chart) for key, chart in zip(keys, charts, strict=True) if key not in found]
    unique = list({key: chart for key, chart in missing}.items())
    if unique:
        jobs = []
        for _key, chart in unique:
            width, height = _chart_size(chart)
            opts = {"format": fmt, "width": width, "height": height}
            if fmt != "svg":
                opts["scale"] = scale
            jobs.append((chart.figure, opts))
        results = _kaleido.export_batch(jobs)
        with _svg_cache_lock:
            for (key, _chart), result in zip(unique, results, strict=True):
                if result is not None:
                    found[key] = result
                    _svg_cache[key] = result
            while len(_svg_cache) > _SVG_CACHE_SIZE:
                _svg_cache.popitem(last=False)
    return [found.get(key) for key in keys]


def chart_svg(chart: Chart) -> bytes | None:
    """The chart as SVG bytes, or None when it cannot be exported here.

    The same figure at the same size is exported once per process: a report that is
    downloaded again (or shares charts with another report) reuses the SVG."""
    width, height = _chart_size(chart)
    key = _cache_key(chart, "svg")
    with _svg_cache_lock:
        if key in _svg_cache:
            _svg_cache.move_to_end(key)
            return _svg_cache[key]
    svg = _kaleido.to_svg(chart.figure, width=width, height=height)
    if svg is not None:
        with _svg_cache_lock:
            _svg_cache[key] = svg
            while len(_svg_cache) > _SVG_CACHE_SIZE:
                _svg_cache.popitem(last=False)
    return svg


def chart_export_warm_up() -> None:
    """Start this process's chart browser in the background, so that the first PDF a
    server process renders does not wait for Chromium to start. Called by the ASGI
    entry point and the worker at start, and by a report before it reads its data (the
    first report of a process then overlaps the start with its own work)."""
    if chromium_path() is None or _kaleido.started():
        return

    def start():
        with _kaleido._lock:
            _kaleido._start()

    threading.Thread(target=start, name="kaleido-warm-up", daemon=True).start()


def svg_data_uri(svg: bytes | None) -> str | None:
    if svg is None:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def pdf_chart_html(chart: Chart, svg: bytes | None) -> str:
    """A chart as a report shows it: the SVG image, or its table with a notice."""
    return render_to_string(
        "reporting/pdf_chart.html", {"chart": chart, "svg_uri": svg_data_uri(svg)}
    )


class ReportCharts:
    """The charts a report's template asks for, exported together after it is rendered:
    the template leaves a placeholder for each (``{% pdf_chart %}``), filled in here."""

    def __init__(self) -> None:
        self.charts: list[Chart] = []
        self.nonce = secrets.token_hex(8)

    def placeholder(self, chart: Chart) -> str:
        self.charts.append(chart)
        return self._placeholder(len(self.charts) - 1)

    def _placeholder(self, index: int) -> str:
        return f"<!--pdf-chart-{self.nonce}-{index}-->"

    def fill(self, html: str, svgs: Sequence[bytes | None] | None = None) -> str:
        """The charts in place: their SVGs (exported now unless given), or their tables."""
        if svgs is None:
            svgs = charts_export(self.charts)
        for index, (chart, svg) in enumerate(zip(self.charts, svgs, strict=True)):
            html = html.replace(self._placeholder(index), pdf_chart_html(chart, svg), 1)
        return html

    def stand_ins(self) -> list[bytes]:
        """For each chart an empty SVG of its size (each one different), to lay a report
        out with before the charts themselves are exported: a chart's SVG from kaleido has
        the same width and height, so the pages come out the same."""
        stand_ins = []
        for index, chart in enumerate(self.charts):
            width, height = _chart_size(chart)
            stand_ins.append(
                f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                f'viewBox="0 0 {width} {height}"><desc>{self.nonce}-{index}</desc></svg>'.encode()
            )
        return stand_ins


_report_charts: ContextVar[ReportCharts | None] = ContextVar("report_charts", default=None)


def render_with_chart_placeholders(template_name: str, context: dict) -> tuple[str, ReportCharts]:
    """A report template rendered with a placeholder for every chart it shows (filled in by
    ``ReportCharts.fill``), and those charts."""
    collected = ReportCharts()
    token = _report_charts.set(collected)
    try:
        html = render_to_string(template_name, context)
    finally:
        _report_charts.reset(token)
    return html, collected


def render_with_charts(template_name: str, context: dict) -> str:
    """A report template rendered with every chart it shows exported in one batch through
    the running browser (``{% pdf_chart %}`` leaves a placeholder while it renders)."""
    html, collected = render_with_chart_placeholders(template_name, context)
    return collected.fill(html)


def pdf_chart_markup(chart: Chart) -> str:
    """``{% pdf_chart %}``: a placeholder inside ``render_with_charts``, else the chart."""
    collected = _report_charts.get()
    if collected is None:
        return pdf_chart_html(chart, chart_svg(chart))
    return collected.placeholder(chart)


def count_axis(max_value: int | float, *, title: str = "") -> dict:
    """An axis of counts: whole-number ticks only (never "0,5 responses"), and no "0"
    label at the origin, where it would run into the first category's label."""
    top = max(1, math.ceil(max_value))
    step = max(1, math.ceil(top / 6))
    axis: dict = {
        "rangemode": "tozero",
        "range": [0, top * 1.08],
        "tickmode": "array",
        "tickvals": list(range(step, top + 1, step)),
        "tickformat": "d",
        "fixedrange": True,
    }
    if title:
        axis["title"] = {"text": title}
    return axis
