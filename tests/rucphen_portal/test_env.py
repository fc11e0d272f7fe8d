"""The environment helpers refuse a value they do not understand (healthchecks' envbool)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from rucphen_portal.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " on "])
def test_env_bool_reads_true_values(monkeypatch, value):
    monkeypatch.setenv("PORTAL_FLAG", value)
    assert env_bool("PORTAL_FLAG", False) is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "off"])
def test_env_bool_reads_false_values(monkeypatch, value):
    monkeypatch.setenv("PORTAL_FLAG", value)
    assert env_bool("PORTAL_FLAG", True) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_env_bool_gives_the_default_when_unset_or_empty(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("PORTAL_FLAG", raising=False)
    else:
        monkeypatch.setenv("PORTAL_FLAG", value)
    assert env_bool("PORTAL_FLAG", True) is True
    assert env_bool("PORTAL_FLAG", False) is False


@pytest.mark.parametrize("value", ["ture", "y", "2", "enabled"])
def test_env_bool_refuses_a_value_it_does_not_know(monkeypatch, value):
    monkeypatch.setenv("PORTAL_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_FLAG"):
        env_bool("PORTAL_FLAG", False)


def test_env_int_reads_a_number_and_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("PORTAL_NUMBER", " 42 ")
    assert env_int("PORTAL_NUMBER", 1) == 42
    monkeypatch.setenv("PORTAL_NUMBER", "")
    assert env_int("PORTAL_NUMBER", 7) == 7
    monkeypatch.setenv("PORTAL_NUMBER", "veertig")
    with pytest.raises(ImproperlyConfigured, match="PORTAL_NUMBER"):
        env_int("PORTAL_NUMBER", 1)


def test_env_str_and_env_list_fall_back_on_an_empty_value(monkeypatch):
    monkeypatch.setenv("PORTAL_TEXT", "  ")
    assert env_str("PORTAL_TEXT", "standaard") == "standaard"
    monkeypatch.setenv("PORTAL_TEXT", "a.example.nl, ,b.example.nl")
    assert env_list("PORTAL_TEXT") == ["a.example.nl", "b.example.nl"]


def test_the_portal_refuses_to_start_with_a_misspelt_boolean(tmp_path):
    from tests.rucphen_portal.test_settings import _run

    result = _run("import django; django.setup()", {"DEBUG": "ture"}, tmp_path)
    assert result.returncode != 0
    assert "DEBUG='ture' is not a boolean" in result.stderr
