"""A live session in real browsers: facilitator, projector and phones over WebSockets.

The facilitator runs the three parts, the vision and the ambassadors while a projector
window and three phones follow live; every view passes axe. Separate tests drop a phone's
connection, block WebSockets altogether and restart the server in the middle.
"""

import re
import socket
from functools import partial

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _make_application, axe_check, login
from tests.pdf_text import pdf_text
from tests.workshops.factories import SessionFactory, item_of, statement_of
from tests.world import build_world
from workshops import services
from workshops.models import Ambassador, Vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _join(phone, code: str, name: str = "") -> None:
    phone.goto("/sessie/doe-mee/")
    phone.get_by_label("Deelnamecode").fill(code.lower())
    phone.get_by_role("button", name="Verdergaan").click()
    phone.wait_for_load_state()
    if name:
        phone.get_by_label("Naam (niet verplicht)").fill(name)
    phone.get_by_role("button", name="Meedoen").click()
    phone.wait_for_load_state()
    expect(phone.locator("[data-connection]")).to_have_attribute("data-state", "live")


def _press(page, action: str) -> None:
    """Press a control of the facilitator page; it is sent by fetch (the page never reloads),
    so wait until the page has its answer. Finishing is confirmed first."""
    if action == "finish":
        page.locator(".finish-confirm > summary").click()
    page.locator(f'button[value="{action}"]').first.click()
    _settled(page)


def _settled(page) -> None:
    expect(page.locator("[data-control-form]")).not_to_have_attribute(
        "aria-busy", "true", timeout=15_000
    )


def _live(page) -> None:
    expect(page.locator("[data-connection]")).to_have_attribute("data-state", "live")


def test_facilitator_runs_a_whole_session_with_projector_and_three_phones(
    page, new_page, phone_viewport
):
    world = build_world()
    session = SessionFactory(engagement=world.engagement, title="Sessie met het MT")
    consultant = world.users["consultant_on"]
    facilitator = page
    login(facilitator, consultant)
    facilitator.goto(f"/sessie/{session.pk}/regie/")
    _live(facilitator)
    axe_check(facilitator)

    projector = new_page(viewport={"width": 1600, "height": 900})
    login(projector, consultant)
    projector.goto(f"/sessie/{session.pk}/scherm/")
    expect(projector.locator(".projector-code")).to_have_text(session.join_code)
    assert projector.locator(".projector-qr svg").count() == 1
    _live(projector)
    axe_check(projector)

    phones = [new_page(viewport=phone_viewport) for _ in range(3)]
    _join(phones[0], session.join_code, name="Marieke")
    axe_check(phones[0])
    for phone in phones[1:]:
        _join(phone, session.join_code)
    expect(projector.locator('[data-state="participants"]')).to_have_text("3")

    # Part 1: a slide, moved to with the keyboard shortcut; phones follow.
    facilitator.keyboard.press("ArrowRight")
    facilitator.wait_for_load_state()
    expect(projector.locator(".projector-title")).to_have_text("Wat is datagedreven werken?")
    for phone in phones:
        expect(phone.get_by_text("Kijk naar het scherm.")).to_be_visible()
    axe_check(projector)
    _press(facilitator, f"goto:{item_of(session, 'survey').pk}")
    expect(projector.get_by_text("De enquête heeft nog geen resultaten")).to_be_visible()

    # Part 2: an example; phones mark it relevant, the projector counts live.
    example = item_of(session, "example")
    _press(facilitator, f"goto:{example.pk}")
    expect(projector.locator(".projector-title")).to_have_text(example.title)
    for phone in phones[:2]:
        phone.get_by_role("button", name="Relevant voor mijn afdeling").click()
        phone.wait_for_load_state()
    expect(projector.locator('[data-state="responses"]')).to_have_text("2")
    axe_check(phones[0])

    # Part 3: a statement; results hidden until revealed, then a second round.
    statement = statement_of(session)
    _press(facilitator, f"goto:{statement.pk}")
    facilitator.keyboard.press("Alt+Shift+O")
    facilitator.wait_for_load_state()
    expect(projector.get_by_text("Het stemmen is geopend")).to_be_visible()
    for phone, answer in zip(phones, ["Helemaal oneens", "Eens", "Helemaal eens"], strict=True):
        expect(phone.get_by_role("group", name=statement.title)).to_be_enabled()
        phone.get_by_label(answer, exact=True).check()
        phone.get_by_role("button", name="Stemmen").click()
        phone.wait_for_load_state()
    expect(projector.locator(".live-counter")).to_have_text("3 van 3 deelnemers hebben gestemd")
    assert projector.locator(".js-plotly-plot").count() == 0
    axe_check(phones[1])
    facilitator.locator("[data-notes]").fill("Verdeelde zaal over sturen op gevoel.")
    facilitator.keyboard.press("Escape")
    facilitator.locator("body").click(position={"x": 5, "y": 5})
    facilitator.keyboard.press("Alt+Shift+R")
    facilitator.wait_for_load_state()
    expect(projector.locator(".js-plotly-plot")).to_have_count(1)
    expect(projector.get_by_text("Polarisatie:")).to_be_visible()
    axe_check(projector)
    axe_check(facilitator)
    _press(facilitator, "new_round")
    expect(projector.get_by_text("Stelling, ronde 2")).to_be_visible()
    for phone in phones:
        expect(phone.get_by_role("button", name="Stemmen", exact=True)).to_be_visible()
        phone.get_by_label("Eens", exact=True).check()
        phone.get_by_role("button", name="Stemmen").click()
        phone.wait_for_load_state()
    expect(projector.locator(".live-counter")).to_have_text("3 van 3 deelnemers hebben gestemd")

    # Vision: drafted live, endorsed on phones, adopted with its support.
    _press(facilitator, f"goto:{item_of(session, 'vision').pk}")
    facilitator.get_by_label("Nieuwe visie-uitspraak").fill("We sturen op feiten én ervaring.")
    facilitator.get_by_label("Dimensie (niet verplicht)").select_option("strategy")
    _press(facilitator, "vision_add")
    facilitator.get_by_label("Prioriteit 1").select_option("quality")
    _press(facilitator, "priorities")
    for phone, choice in zip(phones, ["Eens", "Eens met kanttekeningen", "Eens"], strict=True):
        group = phone.get_by_role("group", name="We sturen op feiten én ervaring.")
        group.get_by_label(choice, exact=True).check()
        group.get_by_role("button", name="Antwoord versturen").click()
        phone.wait_for_load_state()
    expect(projector.locator('[data-state="responses"]')).to_have_text("3")
    axe_check(phones[2])
    _press(facilitator, "adopt")
    expect(projector.get_by_text("De visie is vastgesteld.")).to_be_visible()
    expect(projector.locator(".vision-table tbody td").last).to_have_text("100%")

    # Ambassadors: a name is required only here.
    _press(facilitator, f"goto:{item_of(session, 'ambassadors').pk}")
    volunteer = phones[1]
    expect(volunteer.get_by_role("button", name="Ik word ambassadeur")).to_be_visible()
    volunteer.get_by_role("button", name="Ik word ambassadeur").click()
    expect(volunteer.get_by_text("Vul uw naam in")).to_be_visible()
    axe_check(volunteer)
    volunteer.get_by_label("Uw naam").fill("Joost Hendriks")
    volunteer.get_by_role("button", name="Ik word ambassadeur").click()
    expect(projector.get_by_text("Joost Hendriks")).to_be_visible()
    axe_check(projector)

    _press(facilitator, "finish")
    expect(projector.get_by_text("Bedankt voor uw deelname!")).to_be_visible()
    for phone in phones:
        expect(phone.get_by_text("Bedankt voor uw deelname!")).to_be_visible()

    assert Vote.objects.filter(item=statement).count() == 6
    assert Ambassador.objects.get().name == "Joost Hendriks"
    staff = new_page()
    staff.set_default_timeout(60_000)  # the first PDF starts kaleido's Chromium
    login(staff, world.users["staff_a"])
    staff.goto(f"/sessie/{session.pk}/")
    axe_check(staff)
    with staff.expect_download() as download_info:
        staff.get_by_role("link", name="Sessieverslag (PDF)").click()
    text = " ".join(pdf_text(open(download_info.value.path(), "rb").read()).split())
    for expected in (
        statement.title[:40],
        "Verdeelde zaal over sturen op gevoel",
        "We sturen op feiten",
        "Joost Hendriks",
        example.title[:30],
    ):
        assert expected in text


def _open_statement(session):
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    return statement


def test_a_phone_whose_connection_drops_catches_up(page, new_page, phone_viewport):
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    phone = new_page(viewport=phone_viewport)
    _join(phone, session.join_code)
    expect(phone.get_by_text("De sessie begint zo.")).to_be_visible()

    offline = {"on": True}
    phone.route_web_socket(
        "**/ws/sessie/**",
        lambda ws: ws.close() if offline["on"] else ws.connect_to_server(),
    )
    phone.route(
        "**/sessie/live/**",
        lambda route: route.abort() if offline["on"] else route.continue_(),
    )
    phone.evaluate("window.workshopLive.socket() && window.workshopLive.socket().close()")
    expect(phone.locator("[data-connection]")).not_to_have_attribute("data-state", "live")

    statement = _open_statement(session)  # happens while the phone is away
    offline["on"] = False
    expect(phone.get_by_role("group", name=statement.title)).to_be_enabled(timeout=15_000)
    phone.get_by_label("Neutraal").check()
    phone.get_by_role("button", name="Stemmen").click()
    expect(phone.locator("[data-live-announcer]")).to_contain_text("Uw stem is geteld.")
    assert Vote.objects.filter(item=statement).count() == 1


def test_pages_keep_working_by_polling_when_websockets_are_blocked(page, new_page, phone_viewport):
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    phone = new_page(viewport=phone_viewport)
    phone.route_web_socket("**/ws/sessie/**", lambda ws: ws.close())
    _join_without_live(phone, session.join_code)
    statement = _open_statement(session)
    expect(phone.get_by_role("group", name=statement.title)).to_be_enabled(timeout=15_000)
    expect(phone.locator("[data-connection]")).to_have_attribute("data-state", "polling")
    axe_check(phone)


def _join_without_live(phone, code: str) -> None:
    phone.goto(f"/sessie/doe-mee/{code}/")
    phone.get_by_role("button", name="Meedoen").click()
    phone.wait_for_load_state()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(port: int, django_db_blocker):
    from daphne.testing import DaphneProcess

    process = DaphneProcess(
        "127.0.0.1", partial(_make_application), setup=django_db_blocker.unblock, port=port
    )
    process.start()
    assert process.ready.wait(timeout=30), "the test server did not start"
    return process


def test_a_server_restart_mid_session_loses_no_vote(
    browser, django_db_blocker, phone_viewport, live_url
):
    from django.db import connections

    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    _open_statement(session)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with django_db_blocker.unblock():
        connections.close_all()
    server = _start_server(port, django_db_blocker)
    contexts = []
    try:
        phones = []
        for _ in range(3):
            context = browser.new_context(base_url=base, locale="nl-NL", viewport=phone_viewport)
            contexts.append(context)
            phone = context.new_page()
            phone.set_default_timeout(15_000)
            _join(phone, session.join_code)
            phones.append(phone)
        projector_context = browser.new_context(base_url=base, locale="nl-NL")
        contexts.append(projector_context)
        projector = projector_context.new_page()
        projector.set_default_timeout(20_000)
        login(projector, world.users["consultant_on"])
        projector.goto(f"/sessie/{session.pk}/scherm/")
        _live(projector)

        for phone in phones[:2]:
            phone.get_by_label("Oneens", exact=True).check()
            phone.get_by_role("button", name="Stemmen").click()
            phone.wait_for_load_state()
        expect(projector.locator(".live-counter")).to_have_text("2 van 3 deelnemers hebben gestemd")

        server.terminate()
        server.join(timeout=10)
        expect(projector.locator("[data-connection]")).not_to_have_attribute("data-state", "live")
        server = _start_server(port, django_db_blocker)

        _live(projector)
        expect(projector.locator(".live-counter")).to_have_text("2 van 3 deelnemers hebben gestemd")
        phones[2].reload()
        phones[2].get_by_label("Helemaal eens").check()
        phones[2].get_by_role("button", name="Stemmen").click()
        expect(phones[2].locator("[data-live-announcer]")).to_contain_text("Uw stem is geteld.")
        expect(projector.locator(".live-counter")).to_have_text("3 van 3 deelnemers hebben gestemd")
        assert sorted(Vote.objects.values_list("value", flat=True)) == [2, 2, 5]
    finally:
        for context in contexts:
            context.close()
        server.terminate()
        server.join(timeout=10)


def test_the_timer_counts_down_on_the_projector(page):
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    services.session_step(session=session, forward=True)
    services.timer_start(session=session, minutes=2)
    login(page, world.users["consultant_on"])
    page.goto(f"/sessie/{session.pk}/scherm/")
    timer = page.locator("[data-timer-text]")
    expect(timer).to_have_text(re.compile(r"^[12]:[0-5]\d$"))
    first = timer.text_content()
    expect(timer).not_to_have_text(first, timeout=3_000)
    axe_check(page)


def test_the_facilitator_page_never_reloads(page, new_page):
    """Every control is sent by fetch and the page updates in place: a marker set in the
    window survives voting, revealing, stepping, an agenda jump (with the control bar still in
    view), the timer, notes, the vision and finishing (after a confirmation). Each answer is
    said in the polite live region; the projector's thumbnail, the next item and the presenter
    notes follow."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    statement = statement_of(session)
    services.item_update(
        item=statement, title=statement.title, presenter_notes="Vraag wie het herkent."
    )
    after = statement_of(session, 1)
    facilitator = page
    login(facilitator, world.users["consultant_on"])
    facilitator.goto(f"/sessie/{session.pk}/regie/")
    _live(facilitator)
    facilitator.evaluate("window.sameWindow = 'ja'")
    # Everything said in the polite region (live.js says the new count there too).
    facilitator.evaluate(
        """() => { window.said = []; const region = document.querySelector("[data-live-announcer]");
        new MutationObserver(() => window.said.push(region.textContent.trim()))
            .observe(region, {childList: true, characterData: true, subtree: true}); }"""
    )

    def said(sentence):
        facilitator.wait_for_function("(s) => window.said.includes(s)", arg=sentence)

    thumbnail = facilitator.frame_locator(".projector-thumb iframe")

    def still_the_same_page():
        assert facilitator.evaluate("window.sameWindow") == "ja"

    _press(facilitator, f"goto:{statement.pk}")
    expect(facilitator.locator("#current-title")).to_have_text(statement.title)
    said(f"Nu op het scherm: {statement.title}")
    expect(facilitator.locator(".presenter-notes")).to_contain_text("Vraag wie het herkent.")
    expect(facilitator.locator("#facilitator-next")).to_contain_text(after.title)
    expect(thumbnail.locator(".projector-title")).to_have_text(statement.title)
    facilitator.locator("#control-voting").click()
    _settled(facilitator)
    said("Stemmen is open.")
    expect(facilitator.locator("#control-voting")).to_have_text("Stemmen sluiten")
    # After a click the focus does not stay on the button: the shortcuts work again.
    expect(facilitator.locator("#control-voting")).not_to_be_focused()
    facilitator.locator("[data-notes]").fill("Verdeelde zaal.")
    _press(facilitator, "reveal")
    expect(facilitator.locator("#control-results")).to_have_text("Resultaten verbergen")
    expect(thumbnail.locator(".js-plotly-plot")).to_have_count(1)
    still_the_same_page()

    # A jump from the agenda further down the page: the control bar stays in view.
    vision = item_of(session, "vision")
    jump = facilitator.locator(f'button[value="goto:{vision.pk}"]')
    jump.scroll_into_view_if_needed()
    jump.click()
    _settled(facilitator)
    expect(facilitator.locator("#current-title")).to_have_text(vision.title)
    bar = facilitator.locator("#facilitator-bar").bounding_box()
    viewport = facilitator.viewport_size
    assert bar is not None and viewport is not None
    assert 0 <= bar["y"] and bar["y"] + bar["height"] <= viewport["height"]
    assert facilitator.evaluate("window.scrollY") > 0  # the page did not jump to its top
    facilitator.get_by_label("Nieuwe visie-uitspraak").fill("We sturen op feiten.")
    _press(facilitator, "vision_add")
    expect(facilitator.locator("#facilitator-vision textarea")).to_have_value(
        "We sturen op feiten."
    )
    facilitator.get_by_label("Minuten").fill("3")
    _press(facilitator, "timer_start")
    said("De timer loopt 3 minuten.")
    expect(facilitator.locator("#control-timer-stop")).to_be_visible()
    still_the_same_page()

    # Finishing asks first; the answer and the state are in the page without a reload.
    expect(facilitator.locator('button[value="finish"]')).to_be_hidden()
    _press(facilitator, "finish")
    said("De sessie is afgelopen.")
    expect(facilitator.locator("#facilitator-bar")).to_contain_text("De sessie is afgelopen.")
    expect(thumbnail.get_by_text("Bedankt voor uw deelname!")).to_be_visible()
    _press(facilitator, "reopen")
    said("De sessie is heropend.")
    still_the_same_page()
    statement.refresh_from_db()
    session.refresh_from_db()
    assert statement.notes == "Verdeelde zaal." and statement.results_revealed
    assert session.vision_statements.get().text == "We sturen op feiten."
    axe_check(facilitator)


def test_a_second_laptop_moving_on_updates_the_facilitator_page_in_place(page, new_page):
    """A second facilitator laptop moves the session on: the first page follows without a
    reload, and notes typed there for the earlier item are kept with that item."""
    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    first, second = statement_of(session, 0), statement_of(session, 1)
    services.session_go(session=session, item=first)
    laptops = [page, new_page()]
    for laptop in laptops:
        login(laptop, world.users["consultant_on"])
        laptop.goto(f"/sessie/{session.pk}/regie/")
        _live(laptop)
    page.evaluate("window.sameWindow = 'ja'")
    page.locator("[data-notes]").fill("Over de eerste stelling.")
    _press(laptops[1], f"goto:{second.pk}")
    expect(page.locator("#current-title")).to_have_text(second.title, timeout=15_000)
    _settled(page)
    expect(page.locator("[data-notes]")).to_have_value("")
    assert page.evaluate("window.sameWindow") == "ja"
    first.refresh_from_db()
    assert first.notes == "Over de eerste stelling."
