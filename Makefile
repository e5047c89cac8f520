# Two commands: `make run` serves the registry on SQLite with the seed loaded; `make test` runs the suite.
# DATABASE_URL=postgres://... switches either to PostgreSQL; PORT=8001 serves `make run` on another port.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=true
PORT ?= 8000
# Test processes (pytest-xdist): one a core and one more, since some tests wait on a subprocess (gunicorn,
# Chromium) or a socket's deadline while the cores have other tests to run.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

.PHONY: install run test lint format seed bench clean

# The development set: requirements-dev.txt is requirements.txt (what production runs) plus the tools.
install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@# Local development settings for bare `manage.py` commands; ignored by git and Docker, never deployed.
	@test -f .env || printf '# Local development only (created by make install).\nDJANGO_DEBUG=true\n' > .env
	touch $@

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed
	$(DEV_ENV) $(BIN)/python manage.py local_admin
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/          (English at /en/; search at /measures/?q=人工智能)"
	@echo "  API:   http://127.0.0.1:$(PORT)/api/v1/   (e.g. /api/v1/measures/?q=人工智能, add &format=csv for CSV)"
	@echo "  Docs:  http://127.0.0.1:$(PORT)/api/docs/  (OpenAPI schema at /api/v1/schema/)"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/     (log in with the user and password printed above)"
	@echo ""
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

seed: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed

# 100,000 synthetic measures on PostgreSQL (127.0.0.1:5432), under gunicorn, against a floor and Datasette.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
