# Two commands for a newcomer: `make run` (explore the notes) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
GRAPH := build/graph.json
NOTES := content/notes
GRAPH_INPUTS := $(shell find $(NOTES) content -type f 2>/dev/null) $(shell find extract -name '*.py') graph/build.py
PORT ?= 8501

.PHONY: setup setup-dev graph run test bench bench-build bench-dask browser clean

# What the explorer needs to run.
setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The test and benchmark tools on top, installed once (again only when requirements-dev.txt changes).
setup-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV_STAMP)

$(GRAPH): $(STAMP) $(GRAPH_INPUTS)
	$(PY) -m graph build $(NOTES) --out $(GRAPH)

graph: $(GRAPH)

run: setup $(GRAPH)
	$(PY) -m streamlit run app.py --browser.gatherUsageStats false --server.port $(PORT) --server.address 127.0.0.1

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }; \
		else sudo apt-get install -y -q chromium; fi; }

test: setup-dev browser
	$(PY) -m pytest -q

# Median latency of the graph queries and exports (seed graph and a generated 20k/100k graph),
# and the time the exported seed graph takes to settle in headless Chromium.
bench: setup-dev browser $(GRAPH)
	$(PY) tests/benchmarks/graph_benchmark.py
	$(PY) tests/benchmarks/app_benchmark.py

# Build time and peak memory beside spaCy's own parse time (the floor): cold, warm and
# incremental builds and a 1x/5x/20x scale series; writes BENCHMARKS.md (about 20 minutes).
bench-build: setup-dev browser
	$(PY) tests/benchmarks/build_benchmark.py --write BENCHMARKS.md

# Cold builds of 1x, 20x and 100x corpora on one machine and on a local Dask cluster of 1 and 2
# workers, side by side: time, and peak memory of the client and of each worker; writes
# BENCHMARKS.md (about 45 minutes on 2 CPUs, 25 of them the 100x corpus).
bench-dask: setup-dev
	$(PY) tests/benchmarks/dask_benchmark.py --write BENCHMARKS.md

clean:
	rm -rf build .pytest_cache .hypothesis
