# Two commands set everything up on a fresh machine:
#   make demo   start the demo world, crawl it with every spider, print the summary
#   make test   the whole test suite (starts Elasticsearch and Redis for it, stops them after)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test native system-deps es es-stop bench-extract bench-es bench-playwright lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the dependencies change; the project itself is installed editable so that
# `monitor`, `spiders` and `pipelines` resolve to this checkout.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The extraction engine compiled with mypyc, about a third faster (scripts/build_native.py).
# Rebuilt when an engine source changes; until then, or if the build fails (no C compiler),
# the engine runs from its Python sources (monitor/extract/_native.py checks the digest).
NATIVE := build/native/SOURCES.sha256
ENGINE_SOURCES := $(wildcard monitor/extract/*.py)

$(NATIVE): $(ENGINE_SOURCES) scripts/build_native.py | $(STAMP)
	$(BIN)/python scripts/build_native.py

native: $(NATIVE)

# Debian packages the crawler needs: Chromium for JavaScript pages (Playwright cannot
# download browsers here), CJK fonts for screenshots, Redis, poppler-utils.
system-deps:
	@scripts/system-deps.sh

demo: $(STAMP) $(NATIVE) system-deps
	$(BIN)/monitor demo

test: $(STAMP) $(NATIVE) system-deps
	scripts/run-tests.sh

es:
	@es/run.sh start

es-stop:
	@es/run.sh stop

bench-extract: $(STAMP) $(NATIVE)
	$(BIN)/python benchmarks/bench_extract.py

bench-es: $(STAMP)
	scripts/with-es.sh $(BIN)/python benchmarks/bench_es.py

# Memory of the crawler and of headless Chromium over many rendered pages (should stay flat).
bench-playwright: $(STAMP)
	$(BIN)/python benchmarks/bench_playwright.py

lint: $(STAMP)
	$(BIN)/ruff check monitor spiders pipelines tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy monitor

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
