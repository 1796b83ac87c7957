# The two commands: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test venv venv-test db stop migrate demo serve pytest jstest lint format bench clean

run: venv db migrate demo  ## set up everything, then serve on http://127.0.0.1:8000
	@$(PY) manage.py demo_logins --url http://$(HOST):$(PORT)/
	$(PY) manage.py index_search
	@# the task worker (search indexing, exports, merges) lives as long as the server;
	@# task_worker reconnects after a database outage (db_worker would stop working)
	$(PY) manage.py task_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: venv-test db chromium lint jstest pytest  ## set up everything, then run the whole suite (pytest last)

# `make run` needs the runtime dependencies only; `make test` adds the `test` extra.
# EXTRAS adds optional extras to `make run`: `make run EXTRAS=training` (CoNLL, spaCy DocBin and
# Parquet exports), `EXTRAS=training,s3`; docs/dependencies.md lists them.
EXTRAS ?=
comma := ,
venv: $(VENV)/.installed $(if $(EXTRAS),$(VENV)/.extras-$(subst $(comma),-,$(EXTRAS)))

venv-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || scripts/venv.sh $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q .
	@rm -rf build *.egg-info
	touch $@

# one stamp per EXTRAS value, so `make run EXTRAS=training` after a plain `make run` installs it
$(VENV)/.extras-%: $(VENV)/.installed
	$(PY) -m pip install -q ".[$(EXTRAS)]"
	@rm -rf build *.egg-info
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q ".[test]"
	@rm -rf build *.egg-info
	touch $@

db:
	@scripts/pg.sh start

stop:  ## stop the local database
	@scripts/pg.sh stop

chromium:
	@scripts/chromium.sh

migrate: venv db
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

serve:
	$(PY) manage.py runserver $(HOST):$(PORT)

pytest: venv-test db
	$(PY) -m pytest -n 2 -q

jstest:
	@if command -v node >/dev/null 2>&1; then node --test tests/frontend/; \
	else echo "node not found: JS unit tests skipped"; fi

lint: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: venv-test db chromium  ## benchmarks (not tests): print figures
	$(PY) bench/run_all.py

clean: stop
	rm -rf $(VENV) .data
