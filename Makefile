# newsgraph: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint types pytest install schema bench clean lock

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "newsgraph needs Python 3.11 ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph analyze examples/ --format text --actors examples/actors/fictional.actors
	rm -f demo.duckdb
	$(BIN)/newsgraph ingest examples/ --db demo.duckdb --actors examples/actors/fictional.actors
	$(BIN)/newsgraph actors --db demo.duckdb --top 8

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lint types pytest

schema: $(STAMP)
	$(BIN)/newsgraph schema > src/newsgraph/newsgraph-1.schema.json

# The benchmarks also run the peer tools (extra "bench"); one at a time, never in parallel.
$(VENV)/.bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
	@touch $(VENV)/.bench

bench: $(VENV)/.bench
	$(BIN)/python -m bench.extraction
	$(BIN)/python -m bench.actors
	$(BIN)/python -m bench.quotes

# Re-pin every installed package after a dependency change (run on a fresh venv).
lock: $(STAMP)
	{ sed -n 1,2p constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^newsgraph'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
