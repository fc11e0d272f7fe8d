"""Browser tests: a real Daphne server process and Debian's Chromium through Playwright.

- ``live_url``: the server's base URL. The server is forked once per session after the
  test database exists and serves the ASGI application (HTTP and WebSockets).
- ``page``: a fresh browser context per test that records every request and fails the
  test on any request to another host and on any Content-Security-Policy violation.
- ``axe_check(page)``: runs axe-core (vendored) for WCAG 2.1 A/AA; zero violations.
- ``login(page, user)``: logs in through the real login form.
Tests that use the server need committed data: mark them ``transactional_db``.
"""

import os
import shutil
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SOURCE = (Path(__file__).parent.parent / "vendor" / "axe-4.11.0.min.js").read_text()
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def _make_application():
    from channels.routing import get_default_application
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    return ASGIStaticFilesHandler(get_default_application())


@pytest.fixture(scope="session")
def live_url(django_db_setup, django_db_blocker):
    from daphne.testing import DaphneProcess
    from django.db import connections

    with django_db_blocker.unblock():
        connections.close_all()
    # The forked server inherits pytest-django's block on database access: lift it there.
    process = DaphneProcess(
        "127.0.0.1", partial(_make_application), setup=django_db_blocker.unblock
    )
    process.start()
    if not process.ready.wait(timeout=30):
        process.terminate()
        raise RuntimeError("The test server did not start.")
    yield f"http://127.0.0.1:{process.port.value}"
    process.terminate()
    process.join(timeout=10)


def _chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "Chromium is missing: install Debian's chromium package (apt-get install chromium)."
        )
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


class RequestRecorder:
    def __init__(self, allowed_netloc: str):
        self.allowed_netloc = allowed_netloc
        self.foreign: list[str] = []
        self.csp_violations: list[str] = []
        self.page_errors: list[str] = []

    def on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.netloc != self.allowed_netloc:
            self.foreign.append(request.url)

    def on_console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def on_page_error(self, error):
        self.page_errors.append(str(error))


def _new_page(browser, live_url, *, viewport=None, recorders=None):
    context = browser.new_context(
        base_url=live_url, locale="nl-NL", viewport=viewport or {"width": 1280, "height": 900}
    )
    page = context.new_page()
    recorder = RequestRecorder(urlsplit(live_url).netloc)
    page.on("request", recorder.on_request)
    page.on("console", recorder.on_console)
    page.on("pageerror", recorder.on_page_error)
    page.set_default_timeout(30_000)
    if recorders is not None:
        recorders.append(recorder)
    return context, page


@pytest.fixture
def new_page(browser, live_url):
    """A factory for extra pages (phones, projector); each is checked like ``page``."""
    contexts, recorders = [], []

    def factory(*, viewport=None):
        context, page = _new_page(browser, live_url, viewport=viewport, recorders=recorders)
        contexts.append(context)
        return page

    yield factory
    for context in contexts:
        context.close()
    for recorder in recorders:
        assert recorder.foreign == [], f"Requests to other hosts: {recorder.foreign}"
        assert recorder.csp_violations == [], f"CSP violations: {recorder.csp_violations}"
        assert recorder.page_errors == [], f"JavaScript errors: {recorder.page_errors}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def phone_viewport():
    return {"width": 390, "height": 844}


def axe_check(page) -> None:
    """Fail on any WCAG 2.1 A or AA violation on the current page, as it rests: colours are
    measured after running transitions end (a button fading while a control is answered
    would be measured halfway)."""
    page.wait_for_function(
        "() => document.getAnimations()"
        ".every((a) => !(a instanceof CSSTransition) || a.playState !== 'running')",
        timeout=5_000,
    )
    page.evaluate("(source) => { if (!window.axe) { (0, eval)(source); } }", AXE_SOURCE)
    result = page.evaluate(
        """async () => {
            const r = await window.axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )
    assert result == [], f"axe-core found WCAG violations on {page.url}: {result}"


def login(page, user, password: str | None = None) -> None:
    from tests.accounts.factories import PASSWORD

    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password or PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


# The three sizes every accessibility journey is checked at: a laptop, a 320 px wide screen
# (WCAG 1.4.10 reflow) and the browser's text size at 200 % (WCAG 1.4.4).
SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}, "text": 1},
    "320px": {"viewport": {"width": 320, "height": 640}, "text": 1},
    "text200": {"viewport": {"width": 1280, "height": 800}, "text": 2},
}


def set_text_size(page, factor: float) -> None:
    """The browser's own text size setting (not page zoom): Chromium's default font sizes."""
    session = page.context.new_cdp_session(page)
    session.send(
        "Page.setFontSizes",
        {"fontSizes": {"standard": round(16 * factor), "fixed": round(13 * factor)}},
    )
    page._text_size_session = session  # the setting lives as long as the CDP session


def sized_page(new_page, size: str):
    """A page at one of SIZES."""
    spec = SIZES[size]
    page = new_page(viewport=spec["viewport"])
    if spec["text"] != 1:
        set_text_size(page, spec["text"])
    return page


def horizontal_overflow(page) -> int:
    """How far the page itself scrolls sideways (0 when everything reflows)."""
    page.evaluate("window.scrollTo(100000, window.scrollY)")
    overflow = page.evaluate("window.scrollX")
    page.evaluate("window.scrollTo(0, window.scrollY)")
    return overflow


# Contrast of what the focused element shows, measured as a person sees it: the outline's
# colour against the background it is drawn on (WCAG 1.4.11).
_CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text()


def focus_indicators(page, presses: int = 60) -> list[dict]:
    """Tab through the page from the top; the focus indicator of every element reached."""
    page.evaluate(_CONTRAST_JS)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    seen, found = set(), []
    for _ in range(presses):
        page.keyboard.press("Tab")
        indicator = page.evaluate("window.__focusIndicator()")
        if indicator is None:
            break
        if indicator["element"] in seen:
            continue
        seen.add(indicator["element"])
        found.append(indicator)
    return found


def control_borders(
    page,
    selector: str = ".form-control, .form-select, .form-check-input:not(:checked), .vote-option",
) -> list[dict]:
    page.evaluate(_CONTRAST_JS)
    return page.evaluate("(s) => window.__borderContrasts(s)", selector)


def focused(page) -> str:
    """The element that has the focus: tag, id and text, for assertions and messages."""
    return page.evaluate(
        """() => { const e = document.activeElement; if (!e) return "";
        return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " "
          + (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 60); }"""
    )


def tab_to(page, selector: str, limit: int = 150, backwards: bool = False) -> None:
    """Presses Tab (or Shift+Tab) until the element matching ``selector`` has the focus."""
    for _step in range(limit):
        if page.evaluate(
            "(s) => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {selector} (focus on {focused(page)})")


def tab_order(page, selector: str, limit: int = 150) -> list[str]:
    """The elements matching ``selector`` in the order Tab reaches them, from the focus on."""
    reached: list[str] = []
    for _step in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            break
        if page.evaluate(
            "(s) => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            reached.append(focused(page))
    return reached


def enter(page, *, navigates: bool = True) -> None:
    """Presses Enter on the focused element (waiting for the next page when it navigates)."""
    if navigates:
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state()
    else:
        page.keyboard.press("Enter")
