"""Settings come from the environment; production refuses unsafe configurations."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _run(code: str, env: dict, tmp_path) -> subprocess.CompletedProcess:
    base = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "REDIS_URL",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests only
        }
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **base,
            "VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "rucphen_portal.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_mode_refuses_to_start_without_secret_key(tmp_path):
    result = _run("import django; django.setup()", {}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_mode_starts_with_secret_key_and_is_secure(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = _run(code, {"SECRET_KEY": secrets.token_urlsafe(50)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True"]


def test_check_deploy_prints_no_warnings_with_a_production_environment(tmp_path):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portaal.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.nl",
    }
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = _run(code, env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_postgresql(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    )
    result = _run(
        code, {"DEBUG": "1", "DATABASE_URL": "postgres://u@db.example:5432/portaal"}, tmp_path
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "portaal"]


def test_redis_url_puts_channel_layer_and_cache_on_redis(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CHANNEL_LAYERS['default']['BACKEND'], s.CACHES['default']['BACKEND'])"
    )
    without = _run(code, {"DEBUG": "1"}, tmp_path)
    assert without.stdout.split() == [
        "channels.layers.InMemoryChannelLayer",
        "django.core.cache.backends.locmem.LocMemCache",
    ]
    with_redis = _run(code, {"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/0"}, tmp_path)
    assert with_redis.stdout.split() == [
        "rucphen_portal.channel_layer.BoundedRedisChannelLayer",
        "rucphen_portal.cache.ResilientRedisCache",
    ]


def test_empty_variables_fall_back_to_the_defaults(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS)"
    )
    result = _run(code, {"DEBUG": "1", "DATABASE_URL": "", "ALLOWED_HOSTS": ""}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"


def test_manage_py_runs_in_development_mode_without_a_secret_key(tmp_path):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**base, "VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
