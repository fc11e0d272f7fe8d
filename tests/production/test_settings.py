"""The lane really runs with production's configuration, and Django's deploy check is clean."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage


def test_the_lane_runs_with_production_settings():
    assert not settings.DEBUG
    assert settings.SECRET_KEY and "insecure" not in settings.SECRET_KEY
    assert (
        settings.STORAGES["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert settings.SECURE_SSL_REDIRECT and settings.SESSION_COOKIE_SECURE
    assert settings.CSRF_COOKIE_SECURE and settings.SECURE_HSTS_SECONDS >= 31_536_000
    assert not settings.WHITENOISE_USE_FINDERS
    # collectstatic ran into the lane's own STATIC_ROOT: static URLs carry a content hash.
    assert (Path(settings.STATIC_ROOT) / "staticfiles.json").is_file()
    hashed = staticfiles_storage.url("css/print.css")
    assert hashed != "/static/css/print.css" and hashed.startswith("/static/css/print.")


def test_check_deploy_is_clean():
    """`manage.py check --deploy` with the lane's environment: no warning at all.

    Its own process, as the README's production step runs it: inside pytest the test
    environment swaps the e-mail backend for an in-memory one, which the check rightly flags."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
