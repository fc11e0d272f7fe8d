"""The baseline, end to end in Chromium: three respondents complete it through their links
(one by keyboard only, one resuming on another device, one on a phone), the consultant sets
targets and a consensus score, and the results and the PDF show medians, spread, gaps, the
previous measurement and the peer comparison. axe-core checks every page visited."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from baseline.models import Assessment, Respondent
from baseline.services import assessment_create, default_model_ensure
from engagements.models import Organisation
from tests.baseline.factories import completed_assessment
from tests.browser.conftest import axe_check, login
from tests.pdf_text import pdf_image_count, pdf_text
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIMENSIONS = ("strategy", "people", "governance", "quality", "platform", "use", "responsible")


def _setup():
    world = build_world()
    default_model_ensure()
    # A measurement a year earlier, and three other organisations to compare with.
    completed_assessment(
        engagement=world.engagement,
        levels_per_respondent=(1, 2, 1),
        measured_on=datetime.date(2025, 9, 15),
        title="Nulmeting 2025",
    )
    for level in (2, 3, 4):
        completed_assessment(levels_per_respondent=(level, level, level))
    # Peers are organisations an administrator marked as clients.
    Organisation.objects.update(is_client=True)
    return world


def _answer_by_clicking(page, levels: dict[str, int | str], default=3):
    """Answer the current page: a level per question, or "dk" for don't know."""
    key = page.url.rstrip("/").rsplit("/", 1)[-1]
    choice = levels.get(key, default)
    for fieldset in page.locator("fieldset.question").all():
        if choice == "dk":
            fieldset.get_by_label("Weet ik niet").check()
        else:
            fieldset.locator("input[type=radio]").nth(choice - 1).check()


def _next(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en").click()


def _tab_until(page, predicate_js: str, limit: int = 60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"Keyboard focus never reached: {predicate_js}")


def _answer_by_keyboard(page, level: int):
    """Only the keyboard: skip link, then per question Space and arrow keys in the radio
    group, Tab past the comment and consent, and Enter on the save button."""
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Naar de inhoud": focus moves to <main>
    for _ in page.locator("fieldset.question").all():
        _tab_until(page, "document.activeElement.type === 'radio'")
        page.keyboard.press("Space")
        for _ in range(level - 1):
            page.keyboard.press("ArrowDown")
    _tab_until(page, "document.activeElement.textContent.trim().startsWith('Opslaan en')")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _hand_in(page):
    assert page.get_by_role("heading", name="Controleren en afronden").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Mijn antwoorden inleveren").click()
    assert page.get_by_role("heading", name="Dank u wel!").is_visible()


def test_three_respondents_consultant_results_and_report(page, new_page, phone_viewport):
    world = _setup()
    consultant = world.users["consultant_on"]

    # The consultant starts a new measurement and invites three respondents.
    login(page, consultant)
    page.goto(f"/nulmeting/traject/{world.engagement.pk}/")
    axe_check(page)
    page.get_by_role("link", name="Nieuwe meting").click()
    axe_check(page)
    page.get_by_label("Titel").fill("Nulmeting 2026")
    page.get_by_label("Meetdatum").fill("2026-09-15")
    page.get_by_role("button", name="Meting aanmaken").click()
    assert page.get_by_role("heading", name="Nulmeting 2026").is_visible()
    for name in ("Anna Bestuur", "Bram Informatie", "Cora Beleid"):
        page.get_by_label("Naam", exact=True).fill(name)
        page.get_by_role("button", name="Respondent toevoegen").click()
        page.wait_for_load_state()
    axe_check(page)
    assessment = Assessment.objects.get(title="Nulmeting 2026")
    # Each row has a copy button with the respondent's personal link.
    links = [
        page.get_by_role("button", name=f"Link kopiëren van {respondent.name}").get_attribute(
            "data-copy"
        )
        for respondent in Respondent.objects.filter(assessment=assessment).order_by("number")
    ]
    assert len(links) == 3

    # Respondent 1 answers everything with the keyboard only.
    first = new_page()
    first.goto(links[0])
    axe_check(first)
    first.get_by_role("link", name="Beginnen").click()
    axe_check(first)
    for key in DIMENSIONS:
        _answer_by_keyboard(first, 1 if key == "use" else 2)
    _hand_in(first)

    # Respondent 2 answers three parts, then continues on another device.
    laptop = new_page()
    laptop.goto(links[1])
    laptop.get_by_role("link", name="Beginnen").click()
    for _ in range(3):
        _answer_by_clicking(laptop, {}, default=3)
        _next(laptop)
    # Autosave: one answer on the fourth page, saved without pressing any button.
    laptop.locator("fieldset.question").first.locator("input[type=radio]").nth(3).check()
    laptop.get_by_text("Uw antwoord is opgeslagen.").wait_for()
    laptop.context.close()

    other_device = new_page()
    other_device.goto(links[1])
    assert other_device.get_by_text("12 van de 25 vragen beantwoord").is_visible()
    other_device.get_by_role("link", name="Verdergaan").click()
    assert other_device.url.endswith("/quality/")
    assert (
        other_device.locator("fieldset.question")
        .first.locator("input[type=radio]")
        .nth(3)
        .is_checked()
    )
    # Moving on with a question left open gives a clear Dutch error and keeps the answer.
    _next(other_device)
    assert (
        other_device.get_by_role("alert")
        .get_by_text("Nog niet elke vraag heeft een antwoord")
        .is_visible()
    )
    axe_check(other_device)
    assert (
        other_device.locator("fieldset.question")
        .first.locator("input[type=radio]")
        .nth(3)
        .is_checked()
    )
    for _key in DIMENSIONS[3:]:
        _answer_by_clicking(other_device, {"use": 4, "quality": 3}, default=3)
        _next(other_device)
    _hand_in(other_device)

    # Respondent 3 answers on a phone, with "don't know" and a quotable comment.
    phone = new_page(viewport=phone_viewport)
    phone.goto(links[2])
    phone.get_by_role("link", name="Beginnen").click()
    axe_check(phone)
    for key in DIMENSIONS:
        _answer_by_clicking(phone, {"use": 2, "platform": "dk"}, default=3)
        if key == "use":
            fieldset = phone.locator("fieldset.question").first
            fieldset.get_by_label("Toelichting of onderbouwing").fill(
                "Dashboards zijn er, maar niemand kijkt ernaar."
            )
            fieldset.get_by_label("Mijn toelichting mag anoniem").check()
        _next(phone)
    _hand_in(phone)

    # The consultant completes the measurement, sets targets and one consensus score.
    page.reload()
    page.get_by_role("button", name="Meting afronden").click()
    page.get_by_role("link", name="Doelen en consensus").click()
    axe_check(page)
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Doelniveau").select_option("4")
    use = page.locator("fieldset", has_text="Gebruik en analyse")
    use.get_by_label("Afgesproken niveau (consensus)").select_option("2")
    use.get_by_label("Reden voor het afgesproken niveau").fill(
        "In de sessie bleek het voorspellende model alleen een proef."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()

    # Results: medians, spread with disagreement, gaps, previous measurement, peers.
    assert page.get_by_role("heading", name="Resultaten: Nulmeting 2026").is_visible()
    page.locator("#chart-baseline-radar .main-svg").first.wait_for()
    axe_check(page)
    use_row = page.locator("#results-table tr[data-dimension=use]")
    assert use_row.locator(".result-median").inner_text() == "2"
    assert "1 – 4" in use_row.locator(".result-spread").inner_text()
    assert "oneens" in use_row.locator(".result-spread").inner_text()
    assert use_row.locator(".result-consensus").inner_text() == "2"
    assert use_row.locator(".result-gap").inner_text() == "2"
    assert use_row.locator(".result-previous").inner_text() == "1 (+1)"
    assert use_row.locator(".result-peer").inner_text() == "3"
    platform_row = page.locator("#results-table tr[data-dimension=platform]")
    assert platform_row.locator(".result-dont-know").inner_text() == "3"
    assert page.locator("#chart-baseline-gap").is_visible()
    assert page.locator("#chart-baseline-spread").is_visible()
    assert page.get_by_text("Dashboards zijn er, maar niemand kijkt ernaar.").is_visible()
    for name in ("Anna Bestuur", "Bram Informatie", "Cora Beleid"):
        assert page.get_by_text(name).count() == 0

    # The report holds all of it. (The first PDF in the server process starts kaleido.)
    page.set_default_timeout(60_000)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Rapport downloaden (PDF)").click()
    pdf = open(download_info.value.path(), "rb").read()
    text = " ".join(pdf_text(pdf).split())
    assert pdf_image_count(pdf) >= 3  # radar, gap and spread as vector charts
    for expected in (
        "Rapport nulmeting",
        "Gebruik en analyse",
        "men is het oneens",
        "In de sessie bleek het voorspellende model alleen een proef.",
        "Dashboards zijn er, maar niemand kijkt ernaar.",
        "Nulmeting 2025",
        "Andere gemeenten (mediaan)",
        "Werkwijze",
    ):
        assert expected in text, expected


def test_staff_member_fills_in_the_baseline_with_an_account(page):
    world = build_world()
    assessment_create(
        engagement=world.engagement,
        version=default_model_ensure(),
        title="Nulmeting 2026",
        measured_on=datetime.date(2026, 9, 15),
    )
    login(page, world.users["staff_a"])
    page.goto(f"/nulmeting/traject/{world.engagement.pk}/")
    page.get_by_role("link", name="Nulmeting 2026", exact=True).click()
    axe_check(page)
    page.get_by_label("Uw rol").select_option("information")
    page.get_by_role("button", name="Beginnen met invullen").click()
    assert page.get_by_role("heading", name="Nulmeting: waar staan we?").is_visible()
    axe_check(page)
    # Back on the measurement page the staff member finds their own answers again.
    page.go_back()
    page.reload()
    assert page.get_by_role("link", name="Verder met mijn antwoorden").is_visible()


def test_consultant_browses_models_and_saves_an_edit_as_a_new_version(page):
    world = build_world()
    default_model_ensure()
    login(page, world.users["consultant_on"])
    page.goto("/nulmeting/modellen/")
    axe_check(page)
    page.get_by_role("link", name="Datavolwassenheid gemeenten").click()
    axe_check(page)
    page.get_by_role("link", name="Versie 1").click()
    assert page.get_by_role("heading", name="Verantwoord gebruik").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Bewerken als JSON").click()
    axe_check(page)
    text = page.get_by_label("Of plak de JSON").input_value()
    page.get_by_label("Of plak de JSON").fill(
        text.replace("Strategie en leiderschap", "Strategie, visie en leiderschap", 1)
    )
    page.get_by_label("Wat is er veranderd").fill("Naam van de eerste dimensie verduidelijkt")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    assert page.get_by_role("heading", name="Datavolwassenheid gemeenten, versie 2").is_visible()
    assert page.get_by_role("heading", name="Strategie, visie en leiderschap").is_visible()
    axe_check(page)
    page.goto("/nulmeting/modellen/importeren/")
    page.get_by_label("Of plak de JSON").fill("{kapot")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    assert page.get_by_text("Dit bestand is geen geldige JSON (regel 1").first.is_visible()
    axe_check(page)


def _open_the_default_model(page) -> None:
    """A consultant opens version 1 of the default model from the models page."""
    world = build_world()
    default_model_ensure()
    login(page, world.users["consultant_on"])
    page.goto("/nulmeting/modellen/")
    page.get_by_role("link", name="Datavolwassenheid gemeenten").click()
    page.get_by_role("link", name="Versie 1").click()


def test_consultant_edits_a_level_text_with_the_forms_by_keyboard_and_saves_a_new_version(page):
    """The editor instead of JSON: an empty name is refused in a focused error summary; the
    level text, typed and saved with the keyboard only, appears in version 2."""
    _open_the_default_model(page)
    page.get_by_role("link", name="Naam en niveaus bewerken").click()
    axe_check(page)
    level_one = page.get_by_role("group", name="Niveau 1")
    level_one.get_by_label("Naam").fill("")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    summary = page.get_by_role("alert")
    assert "Naam: Dit veld is verplicht." in summary.inner_text()
    assert summary.evaluate("node => node === document.activeElement")
    axe_check(page)
    assert page.get_by_role("link", name="Naam: Dit veld is verplicht.").get_attribute(
        "href"
    ) == "#" + level_one.get_by_label("Naam").get_attribute("id")
    level_one.get_by_label("Naam").focus()
    page.keyboard.type("Beginnend")
    page.keyboard.press("Tab")  # to the level's description
    page.keyboard.press("Control+A")
    page.keyboard.type("Data worden nog nauwelijks gebruikt om te sturen.")
    page.get_by_label("Wat is er veranderd").focus()
    page.keyboard.type("Niveau 1 scherper beschreven")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Opslaan als nieuwe versie"
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Datavolwassenheid gemeenten, versie 2")
    ).to_be_visible()
    assert page.get_by_text("Data worden nog nauwelijks gebruikt om te sturen.").is_visible()
    axe_check(page)


def test_consultant_adds_a_sixth_level_and_removes_it_again(page):
    """A level is added above the highest and removed again, each a new version; the pages
    pass axe, and the new level's answer options are there to rewrite."""
    _open_the_default_model(page)
    page.get_by_role("link", name="Niveau toevoegen").click()
    axe_check(page)
    level = page.get_by_role("group", name="Niveau 6")
    level.get_by_label("Naam").fill("Voorloper")
    page.get_by_role("button", name="Niveau toevoegen als nieuwe versie").click()
    expect(
        page.get_by_role("heading", name="Datavolwassenheid gemeenten, versie 2")
    ).to_be_visible()
    levels = page.get_by_role("heading", name="Niveaus").locator("xpath=following-sibling::ol[1]")
    expect(levels.locator("li")).to_have_count(6)
    expect(levels.locator("li").last).to_contain_text("Voorloper")
    axe_check(page)
    page.get_by_role("link", name="Hoogste niveau verwijderen").click()
    assert page.get_by_text("Niveau 6, Voorloper, wordt verwijderd").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Niveau verwijderen als nieuwe versie").click()
    expect(
        page.get_by_role("heading", name="Datavolwassenheid gemeenten, versie 3")
    ).to_be_visible()
    assert "Voorloper" not in page.locator("main").inner_text()


def test_consultant_puts_a_dimension_first_by_keyboard(page):
    """The order page: a position per dimension, typed with the keyboard; the dimension
    moved to 1 heads version 2 and the page passes axe. The dimension editor offers a
    position per question the same way."""
    world = build_world()
    version = default_model_ensure()
    names = list(version.dimensions.order_by("order").values_list("name", flat=True))
    login(page, world.users["consultant_on"])
    page.goto(version.get_absolute_url())
    page.get_by_role("link", name="Volgorde van de dimensies wijzigen").click()
    axe_check(page)
    position = page.get_by_role("spinbutton", name=names[-1])
    position.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.get_by_label("Wat is er veranderd").focus()
    page.keyboard.type("Gebruik vooraan")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Datavolwassenheid gemeenten, versie 2")
    ).to_be_visible()
    headings = page.locator("main section h2").all_inner_texts()
    assert [h.split(" ")[0] for h in headings[:2]] == [
        names[-1].split(" ")[0],
        names[0].split(" ")[0],
    ]
    page.get_by_role("link", name=re.compile(f"dimensie {re.escape(names[0])}$")).click()
    expect(page.get_by_label("Positie").first).to_have_value("1")
    axe_check(page)
