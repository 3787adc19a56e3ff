# AVG-toezicht: every target sets up what it needs; on a fresh machine `make run` and
# `make test` are all there is to it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= data/compliance.duckdb
STAMP := $(VENV)/.installed

.PHONY: help run test lint format demo bench clean password

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

# Re-install whenever a requirements file changes; the stamp records what was installed.
$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

run: $(STAMP) ## Set up, load the sample exports on first run, open the dashboard on 127.0.0.1:8501
	$(PY) -m compliance demo --db $(DB) --if-empty
	$(PY) -m compliance serve

password: $(STAMP) ## Set the dashboard password (only its hash is stored)
	$(PY) -m compliance password

demo: $(STAMP) ## (Re)load the sample exports into the database
	$(PY) -m compliance demo --db $(DB)

test: $(STAMP) ## Set up, lint and run every test
	$(PY) -m ruff check .
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff lint and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP) ## Apply ruff's formatting
	$(PY) -m ruff format .

bench: $(STAMP) ## Benchmarks (not part of make test)
	@if [ -d bench ]; then $(PY) -m bench; else echo "no benchmark yet (issue 8)"; fi

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
