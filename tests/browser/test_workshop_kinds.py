"""Every kind of agenda item in real browsers, and a projector that fits the wall.

A facilitator runs a session through every item of the default agenda (slides, the survey
results question by question, examples with a picture and with a chart, an open question
with its word cloud, a poll, statements, ideas with upvotes, the vision, the ranking of the
dimensions and the ambassadors) while a projector and three phones follow live. At every
step the projector is measured at 1920 x 1080 and 1280 x 720: the page does not scroll
(document scrollHeight and scrollWidth within the viewport), no text on it is smaller than
24 px at 1080p, nothing on it can be operated (no buttons, links, toggles), and axe-core
finds no WCAG 2.1 AA violation.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import axe_check, login
from tests.surveys.factories import completed_responses, small_survey
from tests.workshops.factories import SessionFactory, item_of
from tests.world import build_world
from workshops import selectors, services
from workshops.models import Contribution, PollVote, RankingBallot, Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = ({"width": 1920, "height": 1080}, {"width": 1280, "height": 720})
MIN_TEXT_PX_AT_1080P = 24

MEASURE = """(minimum) => {
  const doc = document.documentElement;
  const small = [];
  for (const element of document.querySelectorAll("body *")) {
    const own = Array.from(element.childNodes).some(
      (node) => node.nodeType === 3 && node.textContent.trim());
    if (!own) { continue; }
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) { continue; }  // visually hidden (screen readers)
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") { continue; }
    const size = parseFloat(style.fontSize);
    if (size < minimum) {
      small.push(`${element.tagName} ${size}px: ${element.textContent.trim().slice(0, 40)}`);
    }
  }
  const interactive = Array.from(document.querySelectorAll(
    "main button, main a[href], main input, main select, main textarea, main summary, main details"
  )).map((element) => element.outerHTML.slice(0, 80));
  return {scrollHeight: doc.scrollHeight, innerHeight: innerHeight,
          scrollWidth: doc.scrollWidth, innerWidth: innerWidth, small: small,
          interactive: interactive};
}"""


def _fits(projector, label: str, measured: list) -> None:
    """The projector's current screen fits both sizes, with projector-size text, nothing to
    operate and no axe violation."""
    for size in SCREENS:
        projector.set_viewport_size(size)
        projector.wait_for_timeout(250)
        if projector.locator("[data-chart]").count():
            # plotly redraws a responsive chart after the resize.
            expect(projector.locator(".js-plotly-plot")).to_have_count(
                projector.locator("[data-chart]").count()
            )
            projector.wait_for_timeout(300)
        found = projector.evaluate(MEASURE, MIN_TEXT_PX_AT_1080P)
        measured.append((label, size["height"], found["scrollHeight"], found["innerHeight"]))
        assert found["scrollHeight"] <= found["innerHeight"], (
            f"{label} at {size}: {found['scrollHeight']} px tall, the screen is "
            f"{found['innerHeight']} px"
        )
        assert found["scrollWidth"] <= found["innerWidth"], f"{label} at {size} is too wide"
        assert found["interactive"] == [], f"{label}: something to operate on the wall"
        if size["height"] == 1080:
            assert found["small"] == [], f"{label}: text under 24 px at 1080p: {found['small']}"
            axe_check(projector)


def _press(page, action: str) -> None:
    """Press a control of the facilitator page (sent by fetch) and wait for its answer.
    Finishing is confirmed first."""
    if action == "finish":
        page.locator(".finish-confirm > summary").click()
    page.locator(f'button[value="{action}"]').first.click()
    expect(page.locator("[data-control-form]")).not_to_have_attribute(
        "aria-busy", "true", timeout=15_000
    )


def _goto(facilitator, projector, item) -> None:
    _press(facilitator, f"goto:{item.pk}")
    expect(projector.locator(".projector-live")).to_have_attribute(
        "data-item", str(item.pk), timeout=15_000
    )
    expect(projector.locator(".projector-title")).to_have_text(item.title)


def _version(session) -> str:
    return str(Session.objects.get(pk=session.pk).version)


def _settled(projector, session) -> None:
    """The projector shows the session's latest version."""
    expect(projector.locator(".projector-live")).to_have_attribute(
        "data-version", _version(session), timeout=15_000
    )


def _join(phone, code: str) -> None:
    phone.goto(f"/sessie/doe-mee/{code}/")
    phone.get_by_role("button", name="Meedoen").click()
    phone.wait_for_load_state()
    expect(phone.locator("[data-connection]")).to_have_attribute("data-state", "live")


def _message(phone, text: str) -> None:
    expect(phone.locator("[data-kind-message]")).to_have_text(text)


def _picture(session) -> None:
    """The first example gets a picture (a wide PNG, resized on upload)."""
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1400), "#1f5f8b").save(buffer, format="PNG")
    example = item_of(session, "example").example
    services.example_picture_set(
        example=example,
        upload=SimpleUploadedFile("kaart.png", buffer.getvalue(), content_type="image/png"),
        alt="Kaart van de gemeente met meldingen per wijk",
    )


def _survey(engagement) -> None:
    from surveys import services as survey_services
    from surveys.selectors import survey_questions

    survey = small_survey(engagement=engagement)
    completed_responses(survey=survey, count=6, text="Begin klein en deel wat werkt")
    for question in survey_questions(survey=survey):
        survey_services.question_highlight_set(question=question, is_highlight=True)
    text_question = next(q for q in survey_questions(survey=survey) if q.kind == "long_text")
    for answer in text_question.answers.all()[:2]:
        survey_services.answer_quote_set(answer=answer, is_quote=True)


def test_a_session_through_every_kind_fits_the_projector_at_both_sizes(
    page, new_page, phone_viewport
):
    world = build_world()
    _survey(world.engagement)
    session = SessionFactory(engagement=world.engagement, title="Visiesessie met het MT")
    _picture(session)
    services.vision_statement_add(
        session=session, text="Wij sturen op feiten en ervaring.", dimension_key="strategy"
    )
    consultant = world.users["consultant_on"]
    facilitator = page
    login(facilitator, consultant)
    facilitator.goto(f"/sessie/{session.pk}/regie/")
    projector = new_page(viewport=SCREENS[0])
    login(projector, consultant)
    projector.goto(f"/sessie/{session.pk}/scherm/")
    expect(projector.locator("[data-connection]")).to_have_attribute("data-state", "live")
    phones = [new_page(viewport=phone_viewport) for _ in range(3)]
    for phone in phones:
        _join(phone, session.join_code)
    expect(projector.locator('[data-state="participants"]')).to_have_text("3")
    measured: list = []

    # The join screen: a large QR code and the code; elsewhere they sit small in a corner.
    assert projector.locator(".projector-qr svg").count() == 1
    _fits(projector, "join screen", measured)

    agenda = selectors.session_agenda(session=session)
    for item in agenda:
        _goto(facilitator, projector, item)
        label = f"{item.get_kind_display()} «{item.title[:40]}»"
        assert projector.locator(".projector-corner-qr svg").count() == 1
        assert projector.locator(".projector-qr").count() == 0
        if item.kind == "survey":
            session.refresh_from_db()
            steps = selectors.screen_context(session=session).kind["steps"]
            assert steps >= 3
            for step in range(steps):
                expect(projector.get_by_text(f"· {step + 1} van {steps}")).to_be_visible()
                assert projector.locator(".projector-chart").count() <= 1  # one at a time
                _fits(projector, f"{label} step {step + 1}", measured)
                if step < steps - 1:
                    facilitator.keyboard.press("ArrowRight")
                    facilitator.wait_for_load_state()
            expect(projector.get_by_text("Begin klein en deel wat werkt").first).to_be_visible()
            continue
        if item.kind == "example" and item.example.picture:
            expect(projector.get_by_role("img", name=item.example.picture_alt)).to_be_visible()
            expect(phones[0].get_by_role("img", name=item.example.picture_alt)).to_be_visible()
        if item.kind == "question":
            _press(facilitator, "open")
            # The third phone types while the others send: its text survives their updates.
            phones[2].get_by_label("Uw antwoord (een paar woorden)").fill("Onzin")
            for phone, text in zip(
                phones[:2], ["Sturen op feiten", "feiten en dashboards"], strict=True
            ):
                phone.get_by_label("Uw antwoord (een paar woorden)").fill(text)
                phone.get_by_role("button", name="Versturen").click()
                _message(phone, "Uw antwoord is verstuurd.")
            expect(phones[2].locator(".participant-live")).to_have_attribute(
                "data-version", _version(session)
            )
            expect(phones[2].get_by_label("Uw antwoord (een paar woorden)")).to_have_value("Onzin")
            phones[2].get_by_role("button", name="Versturen").click()
            _message(phones[2], "Uw antwoord is verstuurd.")
            expect(phones[0].locator('[data-own="contributions"] li')).to_have_text(
                ["Sturen op feiten"]
            )
            axe_check(phones[0])
            _press(facilitator, "reveal")
            expect(projector.locator(".word-cloud li", has_text="feiten")).to_be_visible()
            expect(projector.locator(".word-cloud li", has_text="onzin")).to_be_visible()
            rude = Contribution.objects.get(item=item, text="Onzin")
            facilitator.locator(f'button[formaction$="/regie/antwoord/{rude.pk}/"]').click()
            expect(facilitator.locator("[data-control-form]")).not_to_have_attribute(
                "aria-busy", "true", timeout=15_000
            )
            expect(projector.locator(".word-cloud li", has_text="onzin")).to_have_count(0)
            axe_check(facilitator)
        elif item.kind == "poll":
            _press(facilitator, "open")
            for phone, option in zip(phones, ["Vaak", "Soms", "Vaak"], strict=True):
                phone.get_by_label(option, exact=True).check()
                phone.get_by_role("button", name="Mijn keuze versturen").click()
                _message(
                    phone,
                    "Uw keuze is geteld. U kunt haar wijzigen zolang de peiling open is.",
                )
            axe_check(phones[1])
            _press(facilitator, "reveal")
            expect(projector.locator(".kind-bars-count").nth(2)).to_have_text("67%")
            assert PollVote.objects.filter(item=item).count() == 3
        elif item.kind == "statement":
            _press(facilitator, "open")
            phones[0].get_by_label("Eens", exact=True).check()
            phones[0].get_by_role("button", name="Stemmen").click()
            phones[0].wait_for_load_state()
            _press(facilitator, "reveal")
            expect(projector.locator(".js-plotly-plot")).to_have_count(1)
        elif item.kind == "ideas":
            _press(facilitator, "open")
            ideas = [
                "Wachttijden in de Wmo per wijk zichtbaar maken voor het team",
                "Meldingen openbare ruimte op een kaart",
                "Welke subsidies bereiken hun doel?",
            ]
            for phone, text in zip(phones, ideas, strict=True):
                phone.get_by_label("Uw idee").fill(text)
                phone.get_by_role("button", name="Mijn idee toevoegen").click()
                _message(phone, "Uw idee is toegevoegd.")
            for phone in phones[:2]:
                button = (
                    phone.get_by_role("listitem").filter(has_text=ideas[1]).get_by_role("button")
                )
                expect(button).to_contain_text("Steunen")
                button.click()
                _message(phone, "U steunt dit idee.")
                expect(button).to_have_attribute("aria-pressed", "true")
            axe_check(phones[0])
            _press(facilitator, "reveal")
            expect(projector.locator(".idea-list li").first).to_contain_text(ideas[1])
            expect(projector.locator(".idea-list li").first).to_contain_text("2 stemmen")
        elif item.kind == "vision":
            for phone in phones:
                group = phone.get_by_role("group", name="Wij sturen op feiten en ervaring.")
                group.get_by_label("Eens", exact=True).check()
                group.get_by_role("button", name="Antwoord versturen").click()
                phone.wait_for_load_state()
            statement = session.vision_statements.get()
            facilitator.get_by_label("Visie-uitspraak 1").fill(
                "Wij sturen op feiten én op de ervaring van onze mensen."
            )
            facilitator.get_by_role("button", name="Uitspraak 1 opslaan").click()
            facilitator.wait_for_load_state()
            expect(projector.locator(".vision-table")).to_contain_text("ervaring van onze mensen")
            assert statement.endorsements.count() == 3
        elif item.kind == "ranking":
            _press(facilitator, "open")
            orders = [
                ("Datakwaliteit", "Governance en eigenaarschap", "Strategie en leiderschap"),
                ("Datakwaliteit", "Strategie en leiderschap", ""),
                ("Governance en eigenaarschap", "Datakwaliteit", "Gebruik en analyse"),
            ]
            for phone, order in zip(phones, orders, strict=True):
                for place, dimension in enumerate(order, start=1):
                    if dimension:
                        phone.get_by_label(f"Plaats {place}").select_option(label=dimension)
                phone.get_by_role("button", name="Mijn rangorde versturen").click()
                _message(
                    phone,
                    "Uw rangorde is geteld. U kunt haar wijzigen zolang het rangschikken open is.",
                )
            axe_check(phones[2])
            assert RankingBallot.objects.filter(item=item).count() == 3
            _press(facilitator, "close")
            _press(facilitator, "reveal")
            expect(projector.locator(".kind-bars tbody th").first).to_have_text("1. Datakwaliteit")
            session.refresh_from_db()
            assert session.priorities == ["quality", "governance", "strategy"]
        elif item.kind == "ambassadors":
            phones[1].get_by_label("Uw naam").fill("Joost Hendriks")
            phones[1].get_by_role("button", name="Ik word ambassadeur").click()
            expect(projector.get_by_text("Joost Hendriks")).to_be_visible()
        _settled(projector, session)
        _fits(projector, label, measured)

    _press(facilitator, "finish")
    expect(projector.get_by_text("Bedankt voor uw deelname!")).to_be_visible()
    _fits(projector, "finished", measured)
    kinds = {item.kind for item in agenda}
    assert {
        "slide",
        "survey",
        "example",
        "question",
        "poll",
        "statement",
        "ideas",
        "vision",
    } <= kinds
    assert {"ranking", "ambassadors"} <= kinds
    # The roadmap reads the ranking's top three through the vision's contract.
    services.vision_adopt(session=session)
    summary = selectors.vision_for_roadmap(engagement=world.engagement)
    assert summary.priorities == ["quality", "governance", "strategy"]
    services.example_picture_remove(example=item_of(session, "example").example)
    print("\nprojector heights (item, screen, document, viewport):")
    for row in measured:
        print("  ", row)
