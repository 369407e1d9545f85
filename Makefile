# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
UV := .tools/bin/uv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy
# config/settings.py keeps DEBUG off unless told otherwise; these are development commands, so they turn
# it on (a DEBUG already set in the environment wins: `DEBUG=0 make migrate` on a server).
export DEBUG ?= 1

.PHONY: install run test lint migrate demo messages bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

# Re-synced only when the dependencies change, so a second `make run` starts in seconds.
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@mkdir -p var/static
	@touch $@

install: $(VENV)/.synced

migrate: install
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_units
	$(PY) manage.py load_demo --print-logins

# Serves the app and runs the background worker (reminders) beside it; Ctrl+C stops both.
run: demo
	@echo ""
	@echo "Serving on http://127.0.0.1:8000  (Ctrl+C to stop)"
	@$(PY) manage.py db_worker --no-startup-delay >var/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .

test: install
	@scripts/ensure-system-deps
	$(VENV)/bin/ruff check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest --numprocesses=auto --maxprocesses=4

# Regenerate the translation catalogues after changing user-facing strings (needs gettext).
messages: install
	$(PY) manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=.tools --ignore=var --ignore="*/tests/*"
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.tools

# National-scale benchmarks on PostgreSQL (the local server by default): reporting (benchmarks/run.py), its
# totals and completeness pages as served (benchmarks/report_pages.py: gunicorn, logged in, on run.py's dataset),
# then the public activity pages under load (benchmarks/activities.py: gunicorn + wrk).
bench: install
	scripts/ensure-bench-deps
	$(PY) benchmarks/run.py
	$(PY) benchmarks/report_pages.py
	$(PY) benchmarks/activities.py
	$(PY) benchmarks/recognition.py
	$(PY) benchmarks/library.py
	$(PY) benchmarks/contests.py
	$(PY) benchmarks/assistant.py
	$(PY) benchmarks/contention.py
	$(PY) benchmarks/reading.py

clean:
	rm -rf $(VENV) .tools var
