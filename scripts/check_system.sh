#!/usr/bin/env bash
# Checks the system packages the portal needs and says how to install what is missing.
# Usage: scripts/check_system.sh run|test
set -u
mode="${1:-run}"
python="${PYTHON:-python3}"
fail=0

say() { printf '%s\n' "$*" >&2; }

if ! command -v "$python" >/dev/null 2>&1; then
  say "Missing: Python 3.12 or newer. Install it (Debian: apt-get install python3.12, or pyenv install 3.12)."
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
  say "Python 3.12 or newer is needed; '$python' is $("$python" --version 2>&1)."
  say "Install it (pyenv install 3.12, or Debian: apt-get install python3.12) or run with PYTHON=python3.12."
  exit 1
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  say "Missing: Python's venv module. Install it (Debian: apt-get install python3-venv)."
  fail=1
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so'; then
  say "Missing: Pango, needed by WeasyPrint for the PDF reports. Install it (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)."
  fail=1
fi
if ! command -v msgfmt >/dev/null 2>&1; then
  say "Missing: GNU gettext, needed to compile the translations. Install it (Debian: apt-get install gettext)."
  fail=1
fi
chromium="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ]; then
  if [ "$mode" = "test" ]; then
    say "Missing: Chromium, needed for the browser tests and the charts in PDFs. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH."
    fail=1
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    # As .ci/run does: a fresh machine gets the chart images in its PDFs without a manual step.
    say "Installing Chromium (chart images in PDF reports) …"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      say "Note: Chromium could not be installed; PDF reports will show chart numbers as tables."
    fi
  else
    say "Note: Chromium was not found; PDF reports will show chart numbers as tables. Install it with: apt-get install chromium"
  fi
fi
exit $fail
