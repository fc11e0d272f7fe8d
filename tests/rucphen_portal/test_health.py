"""/healthz reports the database and Redis; /livez only that the process answers."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_is_200_when_database_answers_and_redis_is_not_configured(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured"},
    }


@pytest.mark.django_db
def test_healthz_is_503_when_redis_is_configured_but_unreachable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"].startswith("error")


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.features.connection.Database.OperationalError("gone")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error: OperationalError"


def test_healthz_reports_redis_ok_when_it_answers(client, settings, db):
    import redis

    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis must run on 127.0.0.1:6379 for the test suite (see README).")
    settings.REDIS_URL = url
    assert client.get("/healthz").json()["checks"]["redis"] == "ok"


def test_livez_answers_without_the_database(client):
    response = client.get("/livez")
    assert response.status_code == 200
    assert response.content == b"ok"
