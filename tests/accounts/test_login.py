"""Logging in, locking out after repeated failures, resetting a password."""

import re

import pytest
from django.core import mail

from tests.accounts.factories import PASSWORD, ConsultantFactory


@pytest.fixture
def consultant(db):
    return ConsultantFactory(username="carol", email="carol@example.org")


def test_login_with_the_right_password_goes_to_the_engagements(client, consultant):
    response = client.post("/account/inloggen/", {"username": "carol", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_login_issues_a_new_session_key(client, consultant):
    client.get("/account/inloggen/")
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    client.post("/account/inloggen/", {"username": "carol", "password": PASSWORD})
    assert client.cookies["sessionid"].value != "attacker-chosen-session-key"


def test_a_wrong_password_gives_a_dutch_message(client, consultant):
    response = client.post("/account/inloggen/", {"username": "carol", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, consultant):
    for _ in range(5):
        client.post("/account/inloggen/", {"username": "carol", "password": "fout"})
    response = client.post("/account/inloggen/", {"username": "carol", "password": PASSWORD})
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_dutch_email_whose_link_sets_a_new_password(client, consultant):
    response = client.post("/account/wachtwoord-vergeten/", {"email": "carol@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Kies een nieuw wachtwoord voor het portaal datagedreven werken"
    assert "Uw gebruikersnaam is carol" in message.body
    link = re.search(r"https?://[^/]+(/account/wachtwoord-herstellen/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    new_password = "Nieuw-wachtwoord-voor-Carol-2026"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    consultant.refresh_from_db()
    assert consultant.check_password(new_password)


def test_password_reset_for_an_unknown_address_reveals_nothing(client, db):
    response = client.post("/account/wachtwoord-vergeten/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_logout_needs_a_post_and_ends_the_session(client, consultant):
    client.force_login(consultant)
    assert client.get("/account/uitloggen/").status_code == 405
    client.post("/account/uitloggen/")
    assert "_auth_user_id" not in client.session
