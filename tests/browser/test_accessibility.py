"""WCAG 2.1 AA as a person using a keyboard, a screen magnifier or large text meets it.

- Contrast (1.4.11): every focus indicator reached with Tab and every control border is
  measured in the browser, 3:1 or more against what surrounds it.
- Zoom and reflow (1.4.4, 1.4.10): at 320 px wide and with the browser's text size at 200 %
  no page scrolls sideways, and the navigation collapses behind its menu button.
- The five journeys of a new user, with the keyboard only, at the three sizes (a laptop,
  320 px, 200 % text), axe on every page and the focus checked after every action: answer the
  survey, complete the nulmeting, join and vote on a phone, run the facilitator screen,
  download the PDF as staff.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    SIZES,
    axe_check,
    control_borders,
    enter,
    focus_indicators,
    focused,
    horizontal_overflow,
    login,
    sized_page,
    tab_order,
    tab_to,
)
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assert_focus_visible(page, minimum_elements: int) -> None:
    indicators = focus_indicators(page)
    assert len(indicators) >= minimum_elements, indicators
    weak = [i for i in indicators if i["width"] < 2 or i["ratio"] < 3]
    assert weak == [], f"Focus indicators below 2 px or 3:1 on {page.url}: {weak}"


def _assert_borders(page, minimum_controls: int) -> None:
    borders = control_borders(page)
    assert len(borders) >= minimum_controls, borders
    weak = [b for b in borders if b["width"] < 1 or b["ratio"] < 3]
    assert weak == [], f"Control borders below 3:1 on {page.url}: {weak}"


def test_focus_indicators_and_control_borders_reach_three_to_one(page, new_page, phone_viewport):
    """Tab through the staff pages, a survey page and the phone's vote: every element that
    gets the focus shows an outline of 2 px or more at 3:1 or more against its background;
    every text field, select, radio button, checkbox and vote option has a border at 3:1."""
    from surveys import services as survey_services
    from tests.surveys.factories import small_survey
    from tests.workshops.factories import SessionFactory, statement_of
    from workshops import services as workshop_services

    world = build_world()
    # Logged out: the login form on the white page, the login button in the dark header.
    page.goto("/account/inloggen/")
    _assert_focus_visible(page, minimum_elements=5)
    _assert_borders(page, minimum_controls=2)

    login(page, world.users["consultant_on"])
    page.goto(world.engagement.get_absolute_url())
    _assert_focus_visible(page, minimum_elements=10)
    page.goto(f"{world.engagement.get_absolute_url()}bewerken/")
    _assert_focus_visible(page, minimum_elements=10)
    _assert_borders(page, minimum_controls=3)

    # The respondent's radio buttons, checkboxes and text fields.
    survey = small_survey(engagement=world.engagement)
    (invitation,) = survey_services.invitations_create(
        survey=survey, people=[("Dirk", "dirk@example.org")], base_url="http://x/", send=False
    )
    page.goto(f"/enquete/invullen/{invitation.token}/")
    page.get_by_role("button", name="Enquête starten").click()
    _assert_focus_visible(page, minimum_elements=8)
    _assert_borders(page, minimum_controls=8)

    # The phone's vote options.
    session = SessionFactory(engagement=world.engagement)
    statement = statement_of(session)
    workshop_services.session_go(session=session, item=statement)
    workshop_services.voting_open(item=statement)
    phone = new_page(viewport=phone_viewport)
    phone.goto("/sessie/doe-mee/")
    phone.get_by_label("Deelnamecode").fill(session.join_code)
    phone.get_by_role("button", name="Verdergaan").click()
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone.locator(".vote-option").first).to_be_visible()
    _assert_focus_visible(phone, minimum_elements=3)
    _assert_borders(phone, minimum_controls=5)


@pytest.mark.parametrize("size", ["320px", "text200"])
def test_staff_pages_reflow_and_the_menu_collapses(new_page, size):
    """With little room (320 px, or 200 % text on a laptop) the navigation sits behind its
    menu button, no page scrolls sideways, wide tables scroll in their own box and every
    page still passes axe."""
    world = build_world()
    from tests.baseline.factories import completed_assessment
    from tests.surveys.factories import small_survey
    from tests.workshops.factories import SessionFactory

    small_survey(engagement=world.engagement)
    SessionFactory(engagement=world.engagement)
    completed_assessment(engagement=world.engagement)
    page = sized_page(new_page, size)
    login(page, world.users["consultant_on"])
    engagement = world.engagement.get_absolute_url()
    menu = page.get_by_role("button", name="Menu openen")
    expect(menu).to_be_visible()
    expect(page.get_by_role("button", name="Afmelden")).to_be_hidden()
    menu.click()
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    axe_check(page)
    for path in (
        "/",
        engagement,
        f"/enquete/traject/{world.engagement.pk}/",
        f"/sessie/traject/{world.engagement.pk}/",
        f"/nulmeting/traject/{world.engagement.pk}/",
        f"/routeplan/traject/{world.engagement.pk}/",
        "/organisaties/",
        "/logboek/",
    ):
        page.goto(path)
        assert horizontal_overflow(page) == 0, f"{path} scrolls sideways at {size}"
        axe_check(page)


# --- The five journeys, keyboard only -------------------------------------------------------


def _check(page, size: str) -> None:
    """What every page of a journey must pass at every size: axe, and no sideways scrolling."""
    axe_check(page)
    assert horizontal_overflow(page) == 0, f"{page.url} scrolls sideways at {size}"


def _focus_at_top(page) -> None:
    """After a page load the focus starts at the top: the first Tab reaches the skip link."""
    page.keyboard.press("Tab")
    assert "Naar hoofdinhoud" in focused(page), focused(page)


@pytest.mark.parametrize("size", list(SIZES))
def test_journey_answer_the_survey(new_page, size):
    from surveys import services
    from tests.surveys.factories import small_survey

    world = build_world()
    survey = small_survey(engagement=world.engagement)
    (invitation,) = services.invitations_create(
        survey=survey, people=[("Dirk", "dirk@example.org")], base_url="http://x/", send=False
    )
    page = sized_page(new_page, size)
    page.goto(f"/enquete/invullen/{invitation.token}/")
    _check(page, size)
    _focus_at_top(page)
    tab_to(page, "button[type=submit]")
    enter(page)
    _check(page, size)

    # Forward without the required answer: the summary has the focus, the title says so.
    tab_to(page, "button[value=next]:not([tabindex='-1'])")
    enter(page)
    assert page.title().startswith("Fout: "), page.title()
    assert focused(page).startswith("div#error-summary"), focused(page)
    _check(page, size)

    # The required agree question with Space, then Enter in the "other" field goes forward.
    tab_to(page, "fieldset.question input[type=radio]")
    page.keyboard.press("Space")
    tab_to(page, "fieldset.question input[type=text]")
    page.keyboard.type("Kaart met meldingen")
    enter(page)
    assert page.get_by_role("heading", name="Tot slot").is_visible()
    assert not page.title().startswith("Fout")
    _check(page, size)

    # Page 2: a text and a top 2; Tab reaches "Vorige" before "Antwoorden versturen".
    tab_to(page, "fieldset.question textarea")
    page.keyboard.type("Samen met de regio.")
    for place in (1, 2):
        tab_to(page, f"select[name$='_{place}']")
        for _step in range(place):
            page.keyboard.press("ArrowDown")
    order = tab_order(page, ".respond-nav button")
    assert [label.split(" ", 1)[1] for label in order] == ["Vorige", "Antwoorden versturen"]
    tab_to(page, "button[value=submit]:not([tabindex='-1'])", backwards=True)
    enter(page)
    assert page.get_by_role("heading", name="Dank u wel!").is_visible()
    assert page.title() == "Dank u wel! · Korte enquête"
    _focus_at_top(page)
    _check(page, size)


@pytest.mark.parametrize("size", list(SIZES))
def test_journey_complete_the_nulmeting(new_page, size):
    """Six parts answered earlier; the last part with the keyboard: the error summary takes
    the focus and its link leads to the question; then review and hand in."""
    from baseline.services import answer_save, respondent_invite
    from tests.baseline.factories import AssessmentFactory, questions_by_dimension

    world = build_world()
    assessment = AssessmentFactory(engagement=world.engagement)
    respondent = respondent_invite(assessment=assessment, name="Iemand", role="management")
    dimensions = list(questions_by_dimension(assessment).items())
    for _key, questions in dimensions[:-1]:
        for question in questions:
            answer_save(respondent=respondent, question=question, level=3, dont_know=False)
    last_questions = dimensions[-1][1]

    page = sized_page(new_page, size)
    page.goto(f"/nulmeting/invullen/{respondent.token}/")
    _check(page, size)
    _focus_at_top(page)
    tab_to(page, "a.btn-primary")  # "Verdergaan"
    enter(page)
    for question in last_questions:
        assert "(verplicht)" in page.locator(f"#id_q{question.pk} legend").inner_text()
    _check(page, size)

    # Forward without answers: the summary has the focus; its first link moves the focus
    # to the first question.
    tab_to(page, "button[value=finish]:not([tabindex='-1'])")
    enter(page)
    assert page.title().startswith("Fout: "), page.title()
    assert focused(page).startswith("div#form-errors"), focused(page)
    _check(page, size)
    tab_to(page, "#form-errors a")
    page.keyboard.press("Enter")
    assert focused(page).startswith(f"fieldset#id_q{last_questions[0].pk}"), focused(page)

    for question in last_questions:
        tab_to(page, f"#id_q{question.pk} input[type=radio]")
        page.keyboard.press("ArrowDown")  # the second description: level 2
    order = tab_order(page, "#answers-form button")
    assert [label.split(" ", 1)[1] for label in order] == ["Vorig deel", "Opslaan en controleren"]
    tab_to(page, "button[value=finish]:not([tabindex='-1'])", backwards=True)
    enter(page)
    _check(page, size)
    tab_to(page, "form button[type=submit]")
    enter(page)
    respondent.refresh_from_db()
    assert respondent.submitted_at is not None
    _check(page, size)


@pytest.mark.parametrize("size", list(SIZES))
def test_journey_join_and_vote_on_a_phone(new_page, size):
    """A wrong code is announced in a summary that has the focus; the right code, an
    optional name and a vote, all with the keyboard; the vote is counted."""
    from tests.workshops.factories import SessionFactory, statement_of
    from workshops import services
    from workshops.models import Vote

    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)

    page = sized_page(new_page, size)
    page.goto("/sessie/doe-mee/")
    _check(page, size)
    tab_to(page, "#id_code")
    page.keyboard.type("ZZZZZZ")
    enter(page)
    assert page.title().startswith("Fout: "), page.title()
    assert "error-summary" in page.evaluate("document.activeElement.className")
    _check(page, size)
    tab_to(page, "[data-error-summary] a")
    page.keyboard.press("Enter")
    assert focused(page).startswith("input#id_code"), focused(page)
    page.keyboard.press("Control+A")
    page.keyboard.type(session.join_code.lower())
    enter(page)
    _check(page, size)
    tab_to(page, "input[type=text]")
    page.keyboard.type("Marieke")
    enter(page)
    expect(page.locator("[data-connection]")).to_have_attribute("data-state", "live")
    _check(page, size)

    tab_to(page, "input[name=value]")
    page.keyboard.press("ArrowDown")  # the second option, "Oneens"
    tab_to(page, ".vote-form button[type=submit]")
    page.keyboard.press("Enter")
    # The vote is sent without leaving the page: the confirmation is spoken by the live
    # region that was there before, and the focus stays in the vote form.
    expect(page.locator("[data-live-announcer]")).to_contain_text("Uw stem is geteld.")
    vote = Vote.objects.get(item=statement)
    assert vote.value == 2
    assert page.evaluate("!!document.activeElement.closest('.vote-form')"), focused(page)
    _check(page, size)


@pytest.mark.parametrize("size", list(SIZES))
def test_journey_run_the_facilitator_screen(new_page, size):
    """The facilitator moves to the statement, opens and closes voting and shows the
    results with Tab and Enter only; every state passes axe at every size."""
    from tests.workshops.factories import SessionFactory, statement_of

    world = build_world()
    session = SessionFactory(engagement=world.engagement)
    statement = statement_of(session)
    page = sized_page(new_page, size)
    login(page, world.users["consultant_on"])
    page.goto(f"/sessie/{session.pk}/regie/")
    expect(page.locator("[data-connection]")).to_have_attribute("data-state", "live")
    _check(page, size)

    tab_to(page, f"button[value='goto:{statement.pk}']")
    page.keyboard.press("Enter")
    expect(page.locator("button[value=open]")).to_be_visible()
    _check(page, size)
    for action, then in (("open", "close"), ("close", "reveal"), ("reveal", "hide")):
        tab_to(page, f"button[value={action}]")
        page.keyboard.press("Enter")
        expect(page.locator(f"button[value={then}]")).to_be_visible()
        statement.refresh_from_db()
    assert statement.results_revealed
    _check(page, size)


@pytest.mark.parametrize("size", list(SIZES))
def test_journey_download_the_pdf_as_staff(new_page, size):
    """Staff log in, open their engagement and download its summary with the keyboard."""
    from tests.accounts.factories import PASSWORD

    world = build_world()
    page = sized_page(new_page, size)
    page.goto("/account/inloggen/")
    _check(page, size)
    tab_to(page, "#id_username")
    page.keyboard.type(world.users["staff_a"].username)
    page.keyboard.press("Tab")
    page.keyboard.type("niet het wachtwoord")
    enter(page)
    assert page.title().startswith("Fout: "), page.title()
    assert "error-summary" in page.evaluate("document.activeElement.className")
    _check(page, size)
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    enter(page)
    _focus_at_top(page)
    _check(page, size)
    tab_to(page, f"a[href='{world.engagement.get_absolute_url()}']")
    enter(page)
    _check(page, size)
    tab_to(page, "a[href$='.pdf'], a[href*='pdf']")
    page.set_default_timeout(120_000)  # the first PDF of the server starts Chromium
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
