"""A respondent who loses the connection while answering loses no answer the page
showed as saved, is told when an answer is not saved, and the answer is sent as soon
as the phone is back online."""

import re

import pytest
from playwright.sync_api import expect

from surveys import services
from surveys.models import Answer
from tests.browser.conftest import axe_check
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _domain_answer(survey) -> object:
    answer = Answer.objects.filter(
        response__survey=survey, question__text="In welk domein werkt u vooral?"
    ).first()
    return answer.value if answer else None


def test_answers_survive_a_lost_connection(new_page, phone_viewport):
    world = build_world()
    survey = services.survey_copy(
        source=services.default_template_ensure(), engagement=world.engagement
    )
    services.survey_open(survey=survey)
    (invitation,) = services.invitations_create(
        survey=survey, people=[("Fleur", "fleur@example.org")], base_url="", send=False
    )
    phone = new_page(viewport=phone_viewport)
    phone.goto(invitation.get_absolute_url())
    phone.get_by_role("button", name=re.compile("starten", re.IGNORECASE)).click()
    question = phone.locator("fieldset[data-autosave-url]").first
    status = phone.locator("#autosave-status")

    question.get_by_label("Sociaal domein").check()
    expect(question).to_have_attribute("data-saved", "1")
    assert "Sociaal domein" in str(_domain_answer(survey))  # shown as saved: it is stored

    phone.context.set_offline(True)
    question.get_by_label("Bedrijfsvoering").check()
    expect(status).to_contain_text("Nog niet opgeslagen")
    expect(question).not_to_have_attribute("data-saved", "1")
    assert "Sociaal domein" in str(_domain_answer(survey))  # not claimed, not stored yet
    axe_check(phone)

    phone.context.set_offline(False)
    expect(question).to_have_attribute("data-saved", "1", timeout=15_000)
    assert "Bedrijfsvoering" in str(_domain_answer(survey))
    expect(status).not_to_contain_text("Nog niet opgeslagen")


def test_nulmeting_answers_survive_a_lost_connection(new_page, phone_viewport):
    """The nulmeting uses the same autosave (static/js/autosave.js) as the survey."""
    from baseline import services as baseline_services
    from baseline.models import Answer as BaselineAnswer
    from tests.baseline.factories import AssessmentFactory

    world = build_world()
    respondent = baseline_services.respondent_invite(
        assessment=AssessmentFactory(engagement=world.engagement), name="Fleur"
    )
    phone = new_page(viewport=phone_viewport)
    phone.goto(respondent.get_absolute_url())
    phone.get_by_role("link", name="Beginnen").click()
    question = phone.locator("fieldset[data-autosave-url]").first
    status = phone.locator("#autosave-status")

    question.locator("input[type=radio]").nth(1).check()
    expect(question).to_have_attribute("data-saved", "1")
    expect(status).to_contain_text("Uw antwoord is opgeslagen.")
    assert BaselineAnswer.objects.get(respondent=respondent).level == 2

    phone.context.set_offline(True)
    question.locator("input[type=radio]").nth(3).check()
    expect(status).to_contain_text("Nog niet opgeslagen")
    expect(question).not_to_have_attribute("data-saved", "1")
    assert BaselineAnswer.objects.get(respondent=respondent).level == 2

    phone.context.set_offline(False)
    expect(question).to_have_attribute("data-saved", "1", timeout=15_000)
    assert BaselineAnswer.objects.get(respondent=respondent).level == 4


def test_an_answer_given_before_the_autosave_script_ran_is_saved(new_page, phone_viewport):
    """On a slow connection the page can be answered before its script has loaded (or the
    browser restores an answer): the script sends such an answer as soon as it runs."""
    from baseline import services as baseline_services
    from baseline.models import Answer as BaselineAnswer
    from tests.baseline.factories import AssessmentFactory

    world = build_world()
    respondent = baseline_services.respondent_invite(
        assessment=AssessmentFactory(engagement=world.engagement), name="Fleur"
    )
    phone = new_page(viewport=phone_viewport)
    phone.goto(respondent.get_absolute_url())
    phone.route(re.compile(r".*/autosave[^/]*\.js$"), lambda route: route.abort())
    phone.get_by_role("link", name="Beginnen").click()
    phone.wait_for_load_state("load")
    question = phone.locator("fieldset[data-autosave-url]").first
    question.locator("input[type=radio]").nth(2).check()
    assert not BaselineAnswer.objects.filter(respondent=respondent).exists()

    script = phone.locator("script[src*='autosave']").get_attribute("src")
    phone.unroute(re.compile(r".*/autosave[^/]*\.js$"))
    phone.add_script_tag(url=script)
    expect(question).to_have_attribute("data-saved", "1")
    assert BaselineAnswer.objects.get(respondent=respondent).level == 3
