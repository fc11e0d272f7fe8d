#!/usr/bin/env bash
# `make run` (production mode) and `make dev` (development mode): migrate, seed the demo, then
# Daphne and the background worker side by side; Ctrl+C stops both.
#
# run: as production serves it (DEBUG off, a secret key generated once into var/, collected
#      static files behind WhiteNoise, the Dutch error pages), only without TLS: plain HTTP
#      on this machine, so no HTTPS redirect, secure-only cookies or HSTS, and e-mails are
#      printed in the log instead of sent.
# dev: DEBUG on (tracebacks, static files straight from the source folders).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
py="${PY:-.venv/bin/python}"
port="${PORT:-8000}"
var="${VAR_DIR:-var}"
mkdir -p "$var"

if [ "$mode" = run ]; then
  if [ ! -s "$var/secret_key" ]; then
    (umask 077 && "$py" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$var/secret_key")
  fi
  export DEBUG=0
  SECRET_KEY="$(cat "$var/secret_key")"
  export SECRET_KEY
  export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1,[::1]}"
  export SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0
  export SECURE_HSTS_SECONDS=0 SECURE_HSTS_PRELOAD=0
  export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"
else
  export DEBUG=1
fi

"$py" manage.py migrate --noinput -v0
if [ "$mode" = run ]; then
  echo "Collecting static files into $var/static …"
  "$py" manage.py collectstatic --noinput -v0
fi
"$py" manage.py seed_demo

# The background worker (e-mails, slow reports): django-tasks-db's queue in the database.
"$py" manage.py db_worker --queue-name '*' &
worker=$!
echo "Serving on http://127.0.0.1:${port}/ ($mode mode; Ctrl+C stops the server and the worker)"
"$(dirname "$py")/daphne" -b 127.0.0.1 -p "$port" rucphen_portal.asgi:application &
server=$!

# Ctrl+C: Daphne's graceful shutdown can wait on its chart exporter, so both get TERM (and,
# if still there after ten seconds, KILL); the script ends when both have stopped.
stop() {
  trap - INT TERM EXIT
  kill -TERM "$server" "$worker" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$server" 2>/dev/null || kill -0 "$worker" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL "$server" "$worker" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT
wait -n "$server" "$worker" || true
