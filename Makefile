# dateline: `make demo` and `make test` do all the set-up on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

LAND := src/dateline/web/static/vendor/land-110m.json

.PHONY: demo test lint bench install browser clean vendor

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[model,dev]"
	touch $(STAMP)

install: $(STAMP) $(LAND)

# World shapes for the offline map: the world-atlas package from the npm registry, unpacked into the package.
$(LAND):
	mkdir -p $(dir $(LAND)) .cache
	cd .cache && npm pack world-atlas@2.0.2 --silent >/dev/null
	tar -xzf .cache/world-atlas-2.0.2.tgz -C .cache package/land-110m.json package/LICENSE
	cp .cache/package/land-110m.json $(LAND)
	cp .cache/package/LICENSE $(dir $(LAND))world-atlas-LICENSE

vendor: $(LAND)

# Debian's Chromium for the Playwright browser tests (no browser download at run time).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

demo: install
	$(BIN)/dateline analyze examples/ --format table

test: install browser
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks tools

bench: install
	$(BIN)/pip install --quiet -e ".[model,dev,bench]"
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache .ruff_cache
