# The README's two commands: `make site` and `make test`. Each sets up what it
# needs on a fresh Debian machine with Python 3.11, then does its job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test test-fast serve lint typecheck schema bench bench-quick bench-zensical clean system-deps site-system-deps audit screenshots

## site: install pinned dependencies and Graphviz, validate the data, build site/ (old site kept on failure)
site: $(VENV)/.site-deps site-system-deps
	$(BIN)/python -m govreg build --site-dir site

## test: install test dependencies, Zensical (its own environment) and Debian's chromium, then lint, type-check
## and run every test
test: $(VENV)/.test-deps system-deps node_modules/.installed .venv-zensical/.installed
	$(BIN)/ruff check src tests hooks benchmarks scripts
	$(BIN)/ruff format --check src tests hooks benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup --durations=20

## test-fast: the edit loop: lint, type-check and every test that needs no browser (about 2 minutes)
test-fast: $(VENV)/.test-deps site-system-deps .venv-zensical/.installed
	$(BIN)/ruff check src tests hooks benchmarks scripts
	$(BIN)/ruff format --check src tests hooks benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not browser"

## serve: live preview; rebuilds when data/, docs/ or the templates change (edits to the package's Python: restart it)
serve: $(VENV)/.site-deps site-system-deps
	$(BIN)/govreg serve

## bench: build synthetic registers of 1 to 42 systems, time edit-to-preview, check the performance bars (an hour or more on 2 shared cores)
bench: $(VENV)/.site-deps site-system-deps
	$(BIN)/python -m benchmarks.run --sizes 1,4,10,42 --preview seed,42

## bench-quick: the same at 1 and 4 systems, edit-to-preview at seed size (a few minutes); writes benchmarks/results-quick.md
bench-quick: $(VENV)/.site-deps site-system-deps
	$(BIN)/python -m benchmarks.run --sizes 1,4 --preview seed --preview-repeats 3 --out benchmarks/results-quick.md

## bench-zensical: issue 14 step 5: Zensical (pinned, in .venv-zensical) and plain MkDocs on the same staged 42-system Markdown (about 5 minutes)
bench-zensical: $(VENV)/.site-deps site-system-deps .venv-zensical/.installed
	$(BIN)/python -m benchmarks.zensical --systems 42

.venv-zensical/.installed: requirements/zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/pip install --quiet --disable-pip-version-check -r requirements/zensical.txt
	touch $@

## audit: build the site, serve it gzipped on 127.0.0.1 and print Lighthouse's four scores (mobile) for home, a body page, a place page and the commitments register
audit: $(VENV)/.site-deps system-deps node_modules/.installed
	$(BIN)/python -m govreg build --site-dir .site-audit
	CHROME_PATH=$$(command -v chromium) $(BIN)/python scripts/audit.py --site .site-audit

## screenshots: build the site and retake the README's screenshots (docs/assets/screenshots/*.png) in Chromium
screenshots: $(VENV)/.test-deps system-deps
	$(BIN)/python -m govreg build --site-dir .site-shots
	$(BIN)/python scripts/readme_screenshots.py --site .site-shots

## schema: regenerate schema/register.schema.json from the models
schema: $(VENV)/.site-deps
	$(BIN)/python -m govreg schema

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements/site.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-deps: requirements/test.txt $(VENV)/.site-deps
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

## site-system-deps: Debian packages the build needs (graphviz: `dot` lays out the governance maps)
site-system-deps:
	@if ! command -v dot >/dev/null 2>&1 || ! command -v unflatten >/dev/null 2>&1; then \
	  echo "Installing Debian packages: graphviz"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz >/dev/null; \
	fi

## system-deps: Debian packages the tests need (graphviz; chromium; java for the Nu HTML Checker; LibreOffice Calc
## to open review packs), installed when missing
system-deps: site-system-deps
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

## node_modules: the Nu HTML Checker (vnu-jar), pinned in package-lock.json
node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .site-* .cache $(VENV) .venv-zensical
