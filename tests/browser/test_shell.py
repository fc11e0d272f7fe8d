"""Every role logs in and walks the shell: Dutch pages, no foreign requests, zero axe violations."""

import pytest

from tests.browser.conftest import axe_check, login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_page_is_dutch_and_accessible(page):
    page.goto("/account/inloggen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", name="Aanmelden").is_visible()
    axe_check(page)


def test_consultant_walks_home_engagement_and_organisations(page):
    world = build_world()
    login(page, world.users["consultant_on"])
    assert page.get_by_role("heading", name="Trajecten").is_visible()
    axe_check(page)
    page.get_by_role("link", name=world.engagement.title).click()
    assert page.get_by_role("heading", name=world.engagement.title).is_visible()
    for stage in ("Enquête", "Inspiratie- en visiesessie", "Nulmeting", "Routeplan"):
        assert page.get_by_role("heading", name=stage).is_visible()
    axe_check(page)
    page.get_by_role("link", name="Bewerken").click()
    axe_check(page)
    page.goto("/organisaties/")
    axe_check(page)
    page.goto("/trajecten/nieuw/")
    axe_check(page)


def test_staff_sees_only_their_engagement_and_downloads_the_summary(page):
    world = build_world()
    login(page, world.users["staff_a"])
    assert page.get_by_role("link", name=world.engagement.title).is_visible()
    assert page.get_by_role("link", name=world.other_engagement.title).count() == 0
    page.get_by_role("link", name=world.engagement.title).click()
    # The first PDF of a server process starts Chromium for the charts: allow for it.
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("link", name="Samenvatting downloaden (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert open(download.path(), "rb").read(5) == b"%PDF-"
    axe_check(page)


def test_admin_sees_every_engagement_and_the_administration_link(page):
    world = build_world()
    login(page, world.users["admin"])
    assert page.get_by_role("link", name=world.engagement.title).is_visible()
    assert page.get_by_role("link", name=world.other_engagement.title).is_visible()
    assert page.get_by_role("link", name="Beheer").is_visible()
    axe_check(page)


def test_language_switch_to_english_and_back(page):
    world = build_world()
    login(page, world.users["staff_a"])
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Wisselen").click()
    assert page.get_by_role("heading", name="Engagements").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    axe_check(page)
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_role("heading", name="Trajecten").is_visible()


def test_keyboard_user_reaches_main_content_through_the_skip_link(page):
    world = build_world()
    login(page, world.users["staff_a"])
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar hoofdinhoud")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_dutch_404_page(page):
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Pagina niet gevonden").is_visible()
    axe_check(page)
