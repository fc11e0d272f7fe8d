"""From a new organisation to a staff member with the PDF, in a real browser, without the
Django admin: the consultant creates the organisation from the engagement form, starts the
engagement and invites a staff member; the worker sends the e-mail; the staff member chooses
a password through its link and downloads the engagement's PDF."""

import re

import pytest
from django.core import mail

from tests.accounts.factories import ConsultantFactory
from tests.browser.conftest import axe_check, login
from tests.worker import run_queued_tasks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_organisation_to_staff_member_downloading_the_pdf(page, new_page):
    consultant = ConsultantFactory(username="marit")
    visited: list[str] = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    login(page, consultant)

    page.goto("/trajecten/nieuw/")
    page.get_by_role("link", name="Maak eerst de organisatie aan").click()
    axe_check(page)
    page.get_by_label("Naam").fill("Gemeente Zundert")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De organisatie is aangemaakt.").wait_for()
    assert page.get_by_label("Organisatie").input_value() != ""
    page.get_by_label("Titel").fill("Datagedreven Zundert")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het traject is aangemaakt.").wait_for()

    page.get_by_role("link", name="Gemeente Zundert").first.click()
    page.get_by_role("link", name="Medewerker uitnodigen").click()
    axe_check(page)
    page.get_by_label("Voornaam").fill("Iris")
    page.get_by_label("Achternaam").fill("de Wit")
    page.get_by_label("E-mailadres").fill("iris.dewit@zundert.example")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.get_by_text("De uitnodiging aan iris.dewit@zundert.example wordt verstuurd.").wait_for()
    axe_check(page)

    assert run_queued_tasks() >= 1  # the worker, not the request, sends the e-mail
    [message] = [m for m in mail.outbox if m.to == ["iris.dewit@zundert.example"]]
    assert "Gemeente Zundert" in message.body
    link = re.search(r"https?://\S+/account/uitnodiging/\S+", message.body).group(0)

    staff = new_page()
    staff.on("framenavigated", lambda frame: visited.append(frame.url))
    staff.goto(link)
    staff.get_by_role("heading", name="Kies uw wachtwoord").wait_for()
    axe_check(staff)
    staff.locator("#id_new_password1").fill("Zundert-portaal-2026")
    staff.locator("#id_new_password2").fill("Zundert-portaal-2026")
    staff.get_by_role("button", name="Wachtwoord opslaan en inloggen").click()
    staff.get_by_role("link", name="Datagedreven Zundert").click()
    with staff.expect_download(timeout=90_000) as download_info:
        staff.get_by_role("link", name="Samenvatting downloaden (PDF)").click(timeout=90_000)
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    page.reload()
    assert page.get_by_role("cell", name="Geaccepteerd").is_visible()
    assert not [url for url in visited if "/admin/" in url]
