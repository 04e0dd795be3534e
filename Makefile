# The two commands a new user runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean demo-reset

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/signalwatch demo --dir .demo

demo-reset:
	rm -rf .demo

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2  # two workers: the suite waits on subprocesses and sockets as much as on CPU

# ruff and mypy over the package code (CI runs this before the tests).
lint: $(STAMP)
	$(BIN)/ruff check signalwatch connectors tests benchmarks
	$(BIN)/mypy signalwatch connectors

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .demo build dist *.egg-info
