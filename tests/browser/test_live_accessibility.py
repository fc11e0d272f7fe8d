"""The live room for a screen-reader, keyboard or low-vision user (WCAG 2.1 AA).

- Shortcuts (2.1.4): the facilitator's letter shortcuts need Alt+Shift, and no shortcut acts
  while a button, link or field has the focus (``n`` on a focused button once started a
  second voting round).
- Announcements (4.1.3): the phone's polite live region says what changed ("Nieuwe stelling:
  …", "Het stemmen is geopend", "Stemmen is gesloten") and confirms a vote; the region is in
  the page, empty, before any message is put in. The facilitator hears the new count.
- Focus: a live update leaves the focus where it was (the phone's radio button, the
  facilitator's number table stays open with the focus on it), or moves it on purpose to the
  new question's heading when the control is gone.
- The projector at 320 px and at 200 % text: axe and no sideways scrolling.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    axe_check,
    control_borders,
    focus_indicators,
    focused,
    horizontal_overflow,
    login,
    sized_page,
    tab_to,
)
from tests.workshops.factories import SessionFactory, item_of, join, statement_of
from tests.world import build_world
from workshops import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANNOUNCER = "[data-live-announcer]"


def _live(page) -> None:
    expect(page.locator("[data-connection]")).to_have_attribute("data-state", "live")


def _join(phone, code: str) -> None:
    phone.goto(f"/sessie/doe-mee/{code}/")
    phone.get_by_role("button", name="Meedoen").click()
    phone.wait_for_load_state()
    _live(phone)


def _press(page, action: str) -> None:
    page.locator(f'button[value="{action}"]').first.click()
    _settled(page)


def _settled(page) -> None:
    """The facilitator page sends a control by fetch (it never reloads): wait for its answer."""
    expect(page.locator("[data-control-form]")).not_to_have_attribute(
        "aria-busy", "true", timeout=15_000
    )


def _active(page, attribute: str) -> str | None:
    return page.evaluate(f"() => document.activeElement.getAttribute({attribute!r})")


def _record_submits(page) -> None:
    page.evaluate(
        """() => { window.__submitted = [];
        document.addEventListener("submit", (e) => {
            window.__submitted.push(e.submitter ? e.submitter.value : "?"); }, true); }"""
    )


def test_shortcuts_need_alt_shift_and_never_act_on_a_focused_control(page):
    """A statement with a vote, voting closed. ``n`` on the focused "Save notes" button
    presses no button (it once started a second round), nor do ``o``, ``r`` or the shortcuts
    with their modifiers while a button has the focus; after Esc takes the focus off it,
    Alt+Shift+O opens voting and Alt+Shift+N starts a new round, while a bare ``s`` does
    nothing. The page lists the combinations; the buttons carry them in aria-keyshortcuts."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    participant, _token = join(session)
    services.vote_cast(item=statement, participant=participant, value=4)
    services.voting_close(item=statement)
    login(page, world.users["consultant_on"])
    page.goto(f"/sessie/{session.pk}/regie/")
    _live(page)

    keys = page.get_by_role("region", name="Sneltoetsen")
    expect(keys).to_contain_text("Alt+Shift+O / S")
    expect(keys).to_contain_text("Alt+Shift+N")
    expect(page.locator("button[value=open]")).to_have_attribute("aria-keyshortcuts", "Alt+Shift+O")

    _record_submits(page)
    tab_to(page, "button[value=save_notes]:not([tabindex='-1'])")
    for key in ("n", "o", "r", "Shift+N", "Alt+Shift+N", "Alt+Shift+O"):
        page.keyboard.press(key)
    # A shortcut presses its button inside the key's handler: a submit would be recorded.
    assert page.evaluate("window.__submitted") == []
    assert _active(page, "value") == "save_notes"

    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement === document.body"), focused(page)
    page.keyboard.press("Alt+Shift+O")
    _settled(page)
    statement.refresh_from_db()
    assert (statement.voting_open, statement.round_number) == (True, 1)
    expect(page.locator("button[value=close]")).to_be_visible()

    _record_submits(page)
    page.keyboard.press("s")
    assert page.evaluate("window.__submitted") == []
    page.keyboard.press("Alt+Shift+N")
    _settled(page)
    statement.refresh_from_db()
    assert (statement.voting_open, statement.round_number) == (True, 2)


def test_live_changes_are_announced_and_keep_the_focus(page, new_page, phone_viewport):
    """The facilitator moves to a statement, opens voting, a participant votes and voting
    closes; the phone and the facilitator say each change in their live region, and the
    focus stays on the phone's radio button and on the facilitator's number table."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    statement = statement_of(session)
    facilitator = page
    login(facilitator, world.users["consultant_on"])
    facilitator.goto(f"/sessie/{session.pk}/regie/")
    _live(facilitator)

    phone = new_page(viewport=phone_viewport)
    _join(phone, session.join_code)
    other = new_page(viewport=phone_viewport)
    _join(other, session.join_code)
    # The live region is in the page, empty, before any message: remember that very node.
    assert (
        phone.evaluate(
            """(s) => { window.__announcer = document.querySelector(s);
                    return window.__announcer.textContent.trim(); }""",
            ANNOUNCER,
        )
        == ""
    )
    phone.focus("[data-live-heading]")  # the welcome heading, as after an earlier update

    # A new statement: announced, and the focus moves on purpose to its heading.
    _press(facilitator, f"goto:{statement.pk}")
    expect(phone.locator(ANNOUNCER)).to_have_text(f"Nieuwe stelling: {statement.title}")
    expect(phone.locator("legend[data-live-heading]")).to_be_focused()
    expect(phone.locator("legend[data-live-heading]")).to_have_text(statement.title)

    # Voting opens: announced; the focus stays on the heading.
    _press(facilitator, "open")
    expect(phone.locator(ANNOUNCER)).to_have_text(f"Het stemmen is geopend: {statement.title}")
    expect(phone.locator("legend[data-live-heading]")).to_be_focused()

    # The phone chooses "Oneens" with the keyboard (not sent yet) when the facilitator starts
    # the timer: the phone's screen is replaced, the focus and the choice stay.
    tab_to(phone, "input[name=value]")
    phone.keyboard.press("ArrowDown")
    assert _active(phone, "value") == "2"
    before = phone.locator(".participant-live").get_attribute("data-version")
    _press(facilitator, "timer_start")
    expect(phone.locator(".participant-live")).not_to_have_attribute("data-version", before)
    expect(phone.locator("[data-timer-text]")).to_be_visible()
    expect(phone.locator("input[name=value][value='2']")).to_be_focused()
    expect(phone.locator("input[name=value][value='2']")).to_be_checked()

    # The facilitator opens the number table and leaves the focus on it; another
    # participant votes: the count is said, the table stays open with the focus on it.
    facilitator.locator(".facilitator-live summary").first.focus()
    facilitator.keyboard.press("Enter")
    expect(facilitator.locator(".facilitator-live details").first).to_have_attribute("open", "")
    other.get_by_label("Eens", exact=True).check()
    other.get_by_role("button", name="Stemmen").click()
    expect(other.locator(ANNOUNCER)).to_contain_text("Uw stem is geteld.")
    expect(facilitator.locator(ANNOUNCER)).to_have_text("1 van 2 deelnemers hebben gestemd")
    expect(facilitator.locator(".facilitator-live summary").first).to_be_focused()
    expect(facilitator.locator(".facilitator-live details").first).to_have_attribute("open", "")
    expect(phone.locator("input[name=value][value='2']")).to_be_focused()

    # The vote: confirmed in the region that was there before; the focus stays in the form.
    tab_to(phone, ".vote-form button[type=submit]")
    phone.keyboard.press("Enter")
    expect(phone.locator(ANNOUNCER)).to_contain_text("Uw stem is geteld.")
    assert phone.evaluate("(s) => window.__announcer === document.querySelector(s)", ANNOUNCER)
    expect(phone.locator(".vote-form button[type=submit]")).to_be_focused()
    expect(facilitator.locator(ANNOUNCER)).to_have_text("2 van 2 deelnemers hebben gestemd")

    # Voting closes: announced; the vote button is gone, so the heading takes the focus.
    _press(facilitator, "close")
    expect(phone.locator(ANNOUNCER)).to_have_text("Stemmen is gesloten.")
    expect(phone.locator("legend[data-live-heading]")).to_be_focused()
    expect(phone.get_by_text("U kunt hem wijzigen zolang het stemmen open is")).to_have_count(0)


def test_a_new_vision_statement_is_announced_on_the_phone(page, new_page, phone_viewport):
    """While the vision stays on the screen, each statement the facilitator adds is said on
    the phone with the count (singular and plural) and its text, not the item's title again."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    vision = item_of(session, "vision")
    facilitator = page
    login(facilitator, world.users["consultant_on"])
    facilitator.goto(f"/sessie/{session.pk}/regie/")
    _live(facilitator)
    phone = new_page(viewport=phone_viewport)
    _join(phone, session.join_code)

    _press(facilitator, f"goto:{vision.pk}")
    expect(phone.locator(ANNOUNCER)).to_have_text(f"Nu: {vision.title}")

    for count, text in enumerate(("We sturen op feiten.", "Data is van ons allemaal."), 1):
        facilitator.locator("input[name=vision_text]").fill(text)
        _press(facilitator, "vision_add")
        noun = "uitspraak" if count == 1 else "uitspraken"
        expect(phone.locator(ANNOUNCER)).to_have_text(
            f"De visie heeft {count} {noun}. Laatste: {text}"
        )


@pytest.mark.parametrize("size", ["320px", "text200"])
def test_the_projector_reflows_at_320_px_and_200_percent_text(new_page, size):
    """The join screen, a statement with its results and the vision: axe passes and the
    page does not scroll sideways, at 320 px wide and with the text at 200 %."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    projector = sized_page(new_page, size)
    login(projector, world.users["consultant_on"])
    projector.goto(f"/sessie/{session.pk}/scherm/")
    _live(projector)
    screens = ["the join screen"]

    def check(label: str) -> None:
        axe_check(projector)
        overflow = horizontal_overflow(projector)
        assert overflow == 0, f"The projector's {label} scrolls sideways by {overflow} px"

    check(screens[0])
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    for value in (1, 4, 5):
        participant, _token = join(session)
        services.vote_cast(item=statement, participant=participant, value=value)
    services.voting_close(item=statement)
    services.results_reveal(item=statement)
    projector.reload()
    expect(projector.locator(".js-plotly-plot")).to_have_count(1)
    check("statement with results")

    services.session_go(session=session, item=item_of(session, "vision"))
    services.vision_statement_add(
        session=session,
        text="We sturen op feiten én ervaring, ook als die elkaar tegenspreken.",
        dimension_key="strategy",
    )
    projector.reload()
    check("vision")


def test_the_facilitator_page_shows_every_focus_at_three_to_one(page):
    """Every element the facilitator reaches with Tab shows an outline of 2 px or more at
    3:1 or more against its background, and every field has a border at 3:1 (WCAG 1.4.11)."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    services.session_go(session=session, item=statement_of(session))
    login(page, world.users["consultant_on"])
    page.goto(f"/sessie/{session.pk}/regie/")
    indicators = focus_indicators(page, presses=80)
    assert len(indicators) >= 15, indicators
    weak = [i for i in indicators if i["width"] < 2 or i["ratio"] < 3]
    assert weak == [], f"Focus indicators below 2 px or 3:1: {weak}"
    borders = control_borders(page)
    assert len(borders) >= 2, borders  # the notes and the timer's minutes
    weak = [b for b in borders if b["width"] < 1 or b["ratio"] < 3]
    assert weak == [], f"Control borders below 3:1: {weak}"
