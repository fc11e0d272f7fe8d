"""Every page carries a strict Content-Security-Policy (scripts only from this host)."""

import pytest


@pytest.mark.django_db
def test_login_page_has_strict_csp(client):
    response = client.get("/account/inloggen/")
    directives = dict(
        (part.split()[0], part.split()[1:])
        for part in response["Content-Security-Policy"].split("; ")
    )
    assert directives["default-src"] == ["'self'"]
    # Scripts only from this host (or with the per-request nonce); never inline or eval.
    assert directives["script-src"][0] == "'self'"
    assert all(source.startswith("'nonce-") for source in directives["script-src"][1:])
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]  # plotly.js needs it
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["connect-src"] == ["'self'"]


@pytest.mark.django_db
def test_pages_are_not_framed_and_not_sniffed(client):
    response = client.get("/account/inloggen/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_dutch_error_pages(client, settings):
    settings.DEBUG = False
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_csrf_failure_page_is_dutch():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/account/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()


def test_500_page_renders_without_a_request_context():
    from django.test import RequestFactory

    from rucphen_portal.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
