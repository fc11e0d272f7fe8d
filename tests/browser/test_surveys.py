"""The survey end to end in Chromium: build from the template, invite three people, they
answer on a phone (one stops halfway and resumes in a new browser, one uses only the
keyboard), and the consultant reads the results with the small-group rule, marks a
quote and downloads CSV, XLSX and PDF. axe-core checks every page visited."""

import re

import pytest

from surveys.models import Invitation, InvitationStatus, Response, ResponseStatus, Survey
from tests.browser.conftest import axe_check, login
from tests.surveys.factories import completed_responses
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INVITEES = [
    ("Anouk Verbeek", "anouk@example.org"),
    ("Bram de Jong", "bram@example.org"),
    ("Carin Hendriks", "carin@example.org"),
]


def _group(page, legend: str):
    return page.get_by_role("group", name=re.compile(re.escape(legend)))


def _next(page):
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_load_state()


def _answer_first_pages(page, *, check_axe: bool = False):
    _group(page, "In welk domein werkt u vooral?").get_by_label("Sociaal domein").check()
    if check_axe:
        axe_check(page)
    _next(page)
    _group(page, "Hoe goed weet u").get_by_text("7", exact=True).click()
    _group(page, "Ik weet welke gegevens").get_by_label("Eens", exact=True).check()
    _group(page, "Ik kan een dashboard").get_by_label("Oneens", exact=True).check()
    page.get_by_label("Wat stelt u zich voor bij datagedreven werken?").fill(
        "Sturen op cijfers in plaats van op gevoel."
    )
    if check_axe:
        axe_check(page)
    _next(page)


def _answer_page_three(page):
    _group(page, "Hoe vaak gebruikt u cijfers").get_by_label("Regelmatig").check()
    _group(page, "Welke informatieproducten").get_by_label(
        "Dashboards (bijvoorbeeld in Power BI)"
    ).check()


def _answer_last_pages(page, *, check_axe: bool = False):
    _next(page)
    # The condition holds (dashboards are used): the follow-up question is shown.
    page.get_by_label("Welk dashboard gebruikt u het meest, en waarvoor?").fill("Verzuim")
    page.get_by_label("Waar ziet u de grootste kansen").fill("Meldingen openbare ruimte")
    if check_axe:
        axe_check(page)
    _next(page)
    page.get_by_label("Plaats 1").select_option("Afval en grondstoffen")
    page.get_by_label("Plaats 2").select_option("Sociaal domein en schuldhulp")
    page.get_by_label("Plaats 3").select_option("Parkeren en mobiliteit")
    if check_axe:
        axe_check(page)
    page.get_by_role("button", name="Antwoorden versturen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Dank u wel!").is_visible()


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Presses Tab until the element matching ``selector`` has the focus."""
    for _step in range(limit):
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def _keyboard_next(page, label: str = "Volgende"):
    _tab_to(page, f"button[type=submit][value={'submit' if label != 'Volgende' else 'next'}]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _answer_with_the_keyboard_only(page):
    """Every answer given with Tab, Space, arrow keys, typing and Enter: no clicks."""
    page.keyboard.press("Tab")  # skip link
    _tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # "Enquête starten"
    # Page 1: radio group, Space selects the focused option.
    _tab_to(page, "fieldset.question input[type=radio]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    _keyboard_next(page)
    # Page 2: scale 0–10 with arrow keys, two agree questions.
    _tab_to(page, "fieldset.question input.btn-check")
    for _step in range(6):
        page.keyboard.press("ArrowRight")
    for _likert in range(2):
        _tab_to(page, "fieldset.question input[type=radio]:not(.btn-check):not(:checked)")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    _keyboard_next(page)
    # Page 3: required single choice.
    _tab_to(page, "fieldset.question input[type=radio]")
    page.keyboard.press("Space")
    _keyboard_next(page)
    # Page 4: only open questions; type one.
    _tab_to(page, "fieldset.question textarea")
    page.keyboard.type("Samen met de regio beginnen.")
    _keyboard_next(page)
    # Page 5: the top 3 with the selects.
    for place in (1, 2, 3):
        _tab_to(page, f"select[name$='_{place}']")
        for _step in range(place):
            page.keyboard.press("ArrowDown")
    _keyboard_next(page, label="Antwoorden versturen")
    assert page.get_by_role("heading", name="Dank u wel!").is_visible()


def test_survey_from_template_to_results_and_downloads(page, new_page, phone_viewport):
    world = build_world()
    consultant = world.users["consultant_on"]
    login(page, consultant)

    # --- The consultant builds the survey from the template and invites three people.
    page.goto(world.engagement.get_absolute_url())
    page.get_by_role("link", name="Enquêtes").first.click()
    axe_check(page)
    page.get_by_role("link", name="Een enquête maken van het sjabloon").click()
    assert page.get_by_label("Sjabloon: Kennis en beeld van datagedreven werken").is_checked()
    axe_check(page)
    page.get_by_role("button", name="Enquête maken").click()
    assert page.get_by_role("heading", name="Kennis en beeld van datagedreven werken").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Enquête openen").click()
    assert page.get_by_text("De enquête is open.").is_visible()
    page.get_by_role("link", name="Uitnodigingen").click()
    people = "\n".join(f"{name}, {email}" for name, email in INVITEES)
    page.get_by_label("Uit te nodigen personen").fill(people)
    axe_check(page)
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    # Three invitees and a minimum group size of five: warned before anything is sent.
    assert page.get_by_text("Er zouden maar 3 mensen worden uitgenodigd").is_visible()
    assert not Invitation.objects.exists()
    axe_check(page)
    page.get_by_label("Toch versturen", exact=False).check()
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    assert page.get_by_text("3 uitnodigingen worden verstuurd.").is_visible()
    survey = Survey.objects.get(engagement=world.engagement)
    tokens = {i.email: i.token for i in Invitation.objects.filter(survey=survey)}
    assert len(tokens) == 3

    # --- Anouk answers everything on her phone.
    phone = new_page(viewport=phone_viewport)
    phone.goto(f"/enquete/invullen/{tokens['anouk@example.org']}/")
    axe_check(phone)
    phone.get_by_role("button", name="Enquête starten").click()
    assert phone.get_by_role("progressbar").is_visible()
    _answer_first_pages(phone, check_axe=True)
    _answer_page_three(phone)
    axe_check(phone)
    _answer_last_pages(phone, check_axe=True)
    axe_check(phone)

    # --- Bram stops halfway: his answers on page 3 are autosaved, then the browser closes.
    bram = new_page(viewport=phone_viewport)
    bram.goto(f"/enquete/invullen/{tokens['bram@example.org']}/")
    bram.get_by_role("button", name="Enquête starten").click()
    _answer_first_pages(bram)
    _answer_page_three(bram)
    saved = bram.locator("fieldset[data-saved='1']")
    saved.nth(1).wait_for()
    assert bram.get_by_text("Uw antwoord is opgeslagen.").count() == 1
    bram.context.close()
    response = Response.objects.get(survey=survey, invitation__email="bram@example.org")
    assert response.answers.count() == 7

    # A new browser (another device) resumes through the same link.
    later = new_page(viewport=phone_viewport)
    later.goto(f"/enquete/invullen/{tokens['bram@example.org']}/")
    axe_check(later)
    later.get_by_role("link", name="Verdergaan waar u gebleven was").click()
    assert later.get_by_label("Regelmatig").is_checked()
    assert later.get_by_label("Dashboards (bijvoorbeeld in Power BI)").is_checked()
    _answer_last_pages(later)

    # --- Carin uses only the keyboard.
    carin = new_page(viewport=phone_viewport)
    carin.goto(f"/enquete/invullen/{tokens['carin@example.org']}/")
    _answer_with_the_keyboard_only(carin)

    statuses = set(Invitation.objects.filter(survey=survey).values_list("status", flat=True))
    assert statuses == {InvitationStatus.ANSWERED}
    assert Response.objects.filter(survey=survey, status=ResponseStatus.COMPLETED).count() == 3

    # --- Results: three responses are fewer than five, so everything is hidden.
    page.goto(f"/enquete/{survey.pk}/resultaten/")
    assert page.get_by_text("Verborgen om de anonimiteit te beschermen").first.is_visible()
    assert page.locator("[data-chart^='chart-q']").count() == 0
    axe_check(page)

    # Two more people answer (made directly); now the results appear.
    completed_responses(survey=survey, count=2, text="Meldingen openbare ruimte")
    page.reload()
    page.locator("[data-chart^='chart-q'][data-drawn='1']").first.wait_for()
    axe_check(page)
    quote_section = page.locator("section", has_text="Waar ziet u de grootste kansen")
    quote_section.get_by_role("button", name="Markeren als citaat").first.click()
    quote_section.get_by_text("Citaat", exact=True).first.wait_for()
    assert survey.responses.filter(answers__is_quote=True).count() == 1

    # The report exports a chart per question through kaleido on the server (about a third
    # of a second each, plus starting Chromium; 10 to 20 s here when idle): allow it time
    # on a busy, shared machine (load averages of 7 to 9 on 2 cores were seen).
    page.set_default_timeout(300_000)
    for link, suffix in (
        ("Antwoorden (CSV)", ".csv"),
        ("Antwoorden (Excel)", ".xlsx"),
        ("Rapport (PDF)", ".pdf"),
    ):
        with page.expect_download() as info:
            page.get_by_role("link", name=link).click()
        assert info.value.suggested_filename.endswith(suffix)
        content = open(info.value.path(), "rb").read()
        assert len(content) > 100
        if suffix == ".pdf":
            assert content[:5] == b"%PDF-"


def test_staff_read_results_and_a_respondent_sees_dutch_errors(page, new_page, phone_viewport):
    world = build_world()
    from surveys import services
    from tests.surveys.factories import small_survey

    survey = small_survey(engagement=world.engagement)
    completed_responses(survey=survey, count=5)
    (invitation,) = services.invitations_create(
        survey=survey, people=[("Dirk", "dirk@example.org")], base_url="http://x/", send=False
    )

    phone = new_page(viewport=phone_viewport)
    phone.goto(f"/enquete/invullen/{invitation.token}/")
    phone.get_by_role("button", name="Enquête starten").click()
    phone.get_by_role("button", name="Volgende").click()
    assert phone.get_by_text("Deze vraag is verplicht.").first.is_visible()
    axe_check(phone)
    _group(phone, "Data helpt mij").get_by_label("Eens", exact=True).check()
    phone.get_by_role("button", name="Volgende").click()
    # Autosave shows an over-long text's error without leaving the page.
    phone.get_by_label("Wat wilt u meegeven?").fill("te lang " * 10)
    phone.get_by_text("hier passen maximaal 50 tekens").wait_for()
    axe_check(phone)

    login(page, world.users["staff_a"])
    page.goto(f"/enquete/{survey.pk}/resultaten/")
    assert page.get_by_role("link", name="Rapport (PDF)").is_visible()
    assert page.get_by_role("button", name="Markeren als citaat").count() == 0
    page.locator("[data-chart^='chart-q'][data-drawn='1']").first.wait_for()
    axe_check(page)


def test_consultant_edits_reorders_and_previews_a_survey(page):
    world = build_world()
    from tests.surveys.factories import small_survey

    survey = small_survey(engagement=world.engagement, open_it=False)
    login(page, world.users["consultant_on"])
    page.goto(f"/enquete/{survey.pk}/")

    # Add a question of another type to the first page.
    page.get_by_label("Type van de nieuwe vraag").first.select_option("scale")
    page.get_by_role("button", name="Vraag toevoegen").first.click()
    axe_check(page)
    assert "vragen/nieuw" in page.url, page.url
    # Only the fields of the chosen type: a scale has no options, top or maximum length.
    for field in ("options_text", "ranking_top", "max_length", "allow_other"):
        assert not page.locator(f"#id_{field}").is_visible(), field
    page.locator("#id_kind").select_option("single")
    assert page.locator("#id_options_text").is_visible()
    assert not page.locator("#id_max_length").is_visible()
    page.locator("#id_kind").select_option("scale")
    page.locator("#id_text").fill("Hoe tevreden bent u over de informatievoorziening?")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De vraag is toegevoegd.").is_visible()

    # Move the new (last) question up: it comes before the multiple-choice question.
    from surveys.selectors import survey_questions

    new = survey_questions(survey=survey)[2]
    page.locator(f"#question-{new.pk}").get_by_role("button", name=re.compile("^Omhoog")).click()

    texts = [q.text for q in survey_questions(survey=survey)]
    assert texts[1] == "Hoe tevreden bent u over de informatievoorziening?"
    axe_check(page)

    # Settings and the preview look like the respondent's pages and save nothing.
    page.get_by_role("link", name="Instellingen").click()
    axe_check(page)
    page.go_back()
    page.get_by_role("link", name="Voorbeeld").click()
    assert page.get_by_text("Voorbeeld: zo zien respondenten de enquête.").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Volgende").click()
    assert page.get_by_label("Plaats 1").is_visible()

    # The template list and a copy of the shipped template.
    page.goto("/enquete/sjablonen/")
    axe_check(page)
    page.get_by_role("button", name=re.compile("^Kopiëren.*Kennis en beeld")).click()
    assert page.get_by_role("heading", name="Kopie van Kennis en beeld").is_visible()
    axe_check(page)
