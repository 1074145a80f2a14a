# Two commands a newcomer needs: `make demo` and `make test`. Everything else is plumbing.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install messages translations lint ci clean worker

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 behövs ($(PYTHON) saknas)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# Compiled translations are built, not committed (Debian's gettext provides msgfmt).
messages: $(STAMP)
	@command -v msgfmt >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; \
	  else echo "msgfmt saknas: installera Debians paket gettext"; exit 1; fi; }
	@if find . -path ./.venv -prune -o -name '*.po' -print | grep -q .; then \
	  $(PY) manage.py compilemessages --ignore=.venv --verbosity 0; fi

# Extract new messages into every catalogue (run from the root: each app's strings go to its own
# locale/, project strings to ./locale/), then translate the new Swedish entries by hand.
translations: $(STAMP)
	$(PY) manage.py makemessages -l sv -l en --no-obsolete --ignore=.venv --ignore=tests \
	  --ignore=bench --ignore=var --ignore=docs --ignore=moderation/screening
	@for f in $$(find . -path ./.venv -prune -o -path '*/locale/sv/LC_MESSAGES/django.po' -print); do \
	  echo "$$f: $$(msgfmt --statistics -o /dev/null $$f 2>&1)"; done

demo: messages
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	@echo; echo "Personalkonton (staff logins):"; cat var/demo-logins.txt; echo
	@echo "Portalen: http://$(HOST):$(PORT)/"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: messages
	$(PY) manage.py makemigrations --check --dry-run >/dev/null
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

worker: $(STAMP)
	$(VENV)/bin/celery -A dialog_portal worker --beat --loglevel INFO

clean:
	rm -rf $(VENV) var/db.sqlite3 var/static
