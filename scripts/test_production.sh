#!/usr/bin/env bash
# The production lane (run by `make test` after the development run): tests/production with
# the environment the README's production section sets. Settings are read when Django starts,
# so this is its own pytest run. DATABASE_URL and REDIS_URL pass through (CI: PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PY:-.venv/bin/python}"

lane="$(mktemp -d)"
trap 'rm -rf "$lane"' EXIT

export DEBUG=0
SECRET_KEY="$("$python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
# The SQLite test database, uploads and collected static files live in a throwaway folder.
export VAR_DIR="$lane"
export MEDIA_ROOT="$lane/media"
export ALLOWED_HOSTS="testserver,localhost,127.0.0.1"
export CSRF_TRUSTED_ORIGINS="https://testserver"
export BEHIND_PROXY=1
unset STATICFILES_STORAGE SECURE_SSL_REDIRECT SECURE_HSTS_SECONDS SECURE_HSTS_PRELOAD \
  SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE EMAIL_BACKEND
# The lane has no worker process: background jobs (the "Visie en routeplan" documents) run in
# the request, so that the crawl downloads every PDF.
export TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend

"$python" manage.py collectstatic --noinput -v0
# Arguments go to pytest; a path among them (tests/production/test_pdfs.py) narrows the lane.
paths=(tests/production)
for arg in "$@"; do [[ $arg == tests/* ]] && paths=(); done
exec "$python" -m pytest -p no:cacheprovider "${paths[@]}" "$@"
