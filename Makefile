# sitrep — the two commands a user needs: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench fuzz clean system-deps

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Servers and a browser the real-component tests start themselves (PostgreSQL, Chromium).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver postgresql >/dev/null \
	      || echo "system-deps: apt-get failed; PostgreSQL/browser tests will be skipped"; \
	  else echo "system-deps: no apt-get; PostgreSQL/browser tests will be skipped"; fi; \
	fi

demo: install
	$(BIN)/python -m sitrep.demo

test: install system-deps
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/run.py

# 10,000 generated hostile inputs through every reader and the pipeline (the small run is in `make test`)
fuzz: install
	$(BIN)/python tests/fuzz_run.py --inputs $(or $(FUZZ_INPUTS),10000)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
