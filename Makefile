# One bootstrap for every target: create .venv if missing, install the project with its dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test check lint types imports bench eval eval-dev index clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make run: set up, build the index if missing or stale, open the TUI.
run: $(STAMP)
	$(BIN)/dla index build --if-stale
	$(BIN)/dla

## make test: set up, then the whole test suite, spread over the machine's cores (pytest-xdist).
## One worker more than cores: Pilot tests spend part of their time waiting on the app's timers, and a third
## worker fills that time (2 cores: 145-148 s with 3 workers against 165-190 s with 2, same machine).
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
test: $(STAMP)
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS)

## make check: what CI needs to hold: lint, format, types, import boundary, tests.
check: lint types imports test

lint: $(STAMP)
	$(BIN)/ruff check assistant tests benchmarks
	$(BIN)/ruff format --check assistant tests benchmarks

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

## make bench: speed figures (medians, with a baseline in the same run).
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

## make eval: search and extraction quality against the gold sets in tests/.
eval: $(STAMP)
	$(BIN)/python -m benchmarks.evaluate

## make eval-dev: search quality on the sets tuning may use only (nothing held out).
eval-dev: $(STAMP)
	$(BIN)/python -m benchmarks.evaluate --dev-only

index: $(STAMP)
	$(BIN)/dla index build

clean:
	rm -rf $(VENV) indexes/*/ .pytest_cache .mypy_cache .ruff_cache
