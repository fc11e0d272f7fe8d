# The two commands: `make run` serves the portal with demo data; `make test` checks everything.
# `make dev` serves in development mode (DEBUG on).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run dev test test-production bench lint format messages compilemessages system venv clean

system:
	@scripts/check_system.sh $(if $(filter test test-production,$(MAKECMDGOALS)),test,run)

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

venv: system $(STAMP)

compilemessages: venv
	@mkdir -p var
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0

# Production mode (DEBUG off, collected static files, Dutch error pages) on plain HTTP, with
# the background worker; see scripts/serve.sh. `make dev` is the same with DEBUG on.
run: venv compilemessages
	PY=$(PY) PORT=$(PORT) scripts/serve.sh run

dev: venv compilemessages
	PY=$(PY) PORT=$(PORT) scripts/serve.sh dev

test: export DEBUG ?= 1
test: venv compilemessages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest
	PY=$(PY) scripts/test_production.sh

# The production lane alone: tests/production with DEBUG off and collected static files.
test-production: venv compilemessages
	PY=$(PY) scripts/test_production.sh

bench: export DEBUG ?= 1
bench: venv compilemessages
	$(PY) -m bench

lint: export DEBUG ?= 1
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# File-only references and no creation date: running it twice changes nothing, and two
# branches that add messages in different files merge without conflicts.
messages: venv
	DEBUG=1 $(PY) manage.py makemessages -l nl --ignore=.venv --ignore=var --ignore=tests --ignore=bench --no-obsolete --add-location=file
	@sed -i '/^"POT-Creation-Date: /d' locale/nl/LC_MESSAGES/django.po */locale/nl/LC_MESSAGES/django.po

clean:
	rm -rf $(VENV) var/static var/*.sqlite3*
