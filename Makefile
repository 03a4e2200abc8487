# Duiding: `make run` (demo on http://127.0.0.1:8000), `make test` (whole suite), `make install`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
export DJANGO_SETTINGS_MODULE := duiding.settings

.PHONY: install run test test-sqlite test-postgres lint format messages bench clean

install: $(VENV)/.stamp node_modules/.stamp src/duiding/static/vendor/.stamp messages

$(VENV)/.stamp: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

src/duiding/static/vendor/.stamp: node_modules/.stamp scripts/build_assets.mjs
	node scripts/build_assets.mjs
	touch $@

messages: $(VENV)/.stamp
	@$(BIN)/python scripts/compile_messages.py

# The demo runs like production (DEBUG off: styled error pages, static files by whitenoise) on this
# machine only: DEMO=true (see settings.py). Change RUN_ENV to DEBUG=true for Django's debug pages.
RUN_ENV ?= DEMO=true

run: install
	$(RUN_ENV) $(BIN)/duiding migrate --noinput
	$(RUN_ENV) $(BIN)/duiding demo
	$(RUN_ENV) $(BIN)/duiding send-reminders --schedule
	@echo "Starting the background worker and the web server on http://127.0.0.1:8000 (Ctrl+C stops both)"
	@trap 'kill 0' EXIT; $(RUN_ENV) $(BIN)/duiding db_worker --interval 1 --no-reload & $(RUN_ENV) $(BIN)/duiding runserver 127.0.0.1:8000

lint: $(VENV)/.stamp
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: $(VENV)/.stamp
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

test: install lint test-sqlite test-postgres

test-sqlite:
	@echo "== test suite on SQLite =="
	@env -u DATABASE_URL bash scripts/pytest_run.sh

test-postgres:
	@if $(BIN)/python scripts/pg_ready.py "$(PG_URL)"; then \
	  echo "== test suite on PostgreSQL (browser tests ran on SQLite) ==" && DATABASE_URL="$(PG_URL)" bash scripts/pytest_run.sh -m "not e2e"; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL at $(PG_URL) is not reachable; CI needs it"; exit 1; \
	else echo "== PostgreSQL not reachable at $(PG_URL): skipped the PostgreSQL run (CI runs it) =="; fi

bench: install
	$(BIN)/python bench/import_cbs.py
	$(BIN)/python bench/area_page.py
	$(BIN)/python bench/responses.py
	$(BIN)/python bench/responses.py --db postgres
	$(BIN)/python bench/outcome_page.py
	$(BIN)/python bench/live_session.py

clean:
	rm -rf $(VENV) node_modules src/duiding/static/vendor staticfiles duiding.sqlite3
