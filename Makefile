# Kring. `make run` to try it, `make test` to check it; README.md explains the rest.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.kring-installed
PYTEST_ARGS ?=
BENCH_ARGS ?=
BENCH_INSTALLED := $(VENV)/.kring-bench-installed

# Pythons to try, in order (newest first within a wildcard). Each is run, not just looked
# up: pyenv shims exist for every installed version but fail for the unselected ones.
reverse = $(if $(1),$(call reverse,$(wordlist 2,$(words $(1)),$(1))) $(firstword $(1)))
PYTHON_CANDIDATES = $(PYTHON) python3.14 python3.13 python3.12 python3 \
	$(call reverse,$(wildcard /root/.pyenv/versions/3.1[2-9]*/bin/python3)) \
	$(if $(filter-out /root,$(HOME)),$(call reverse,$(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3))) \
	$(call reverse,$(wildcard /usr/bin/python3.1[2-9]))
PYTHON_OK := -c 'import sys; assert sys.version_info >= (3, 12)'

# $(call need,CHECK,DEBIAN PACKAGE,WHAT FOR): run CHECK; if it fails, install the package
# with apt-get when we are root on Debian/Ubuntu, else stop with what to install.
need = $(1) >/dev/null 2>&1 || { \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing $(2) ($(3)) with apt-get..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	else \
		echo "Kring needs $(2) for $(3). Install it first, e.g.: sudo apt-get install $(2)" >&2; \
		exit 1; \
	fi; }

.PHONY: help install compilemessages run test lint messages clean bench

help:
	@echo "make run       install, load the demo organisation, serve http://127.0.0.1:8000"
	@echo "make test      install, then run every test (PYTEST_ARGS=... to pass options)"
	@echo "make lint      ruff check and ruff format --check"
	@echo "make bench     load test a production server on a seeded database (bench/README.md)"
	@echo "make messages  collect the translatable text into kring/locale/nl/.../django.po"
	@echo "make install   create .venv and install Kring with its development tools"
	@echo "make clean     remove .venv and build leftovers (keeps var/ with your database)"

$(BIN)/python:
	@py=""; \
	for candidate in $(PYTHON_CANDIDATES); do \
		if "$$candidate" $(PYTHON_OK) >/dev/null 2>&1; then py="$$candidate"; break; fi; \
	done; \
	if [ -z "$$py" ]; then \
		echo "Kring needs Python 3.12 or newer and none was found." >&2; \
		echo "Install one (e.g. apt-get install python3.12 python3.12-venv) or run" >&2; \
		echo "make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)" >&2; \
		exit 1; \
	fi; \
	echo "Creating $(VENV) with $$py ($$("$$py" --version 2>&1))"; \
	"$$py" -m venv $(VENV) || { \
		rm -rf $(VENV); \
		echo "Could not create $(VENV); on Debian install the venv package for $$py" >&2; \
		echo "(e.g. apt-get install python3.12-venv) and try again." >&2; \
		exit 1; \
	}

$(INSTALLED): pyproject.toml | $(BIN)/python
	@$(BIN)/python $(PYTHON_OK) 2>/dev/null || { \
		echo "$(VENV) was made with a Python older than 3.12: run 'make clean' first." >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

compilemessages: $(INSTALLED)
	@$(call need,command -v msgfmt,gettext,compiling the translations)
	@mkdir -p kring/locale
	@$(BIN)/python manage.py compilemessages --ignore $(VENV) --ignore node_modules -v0

install: $(INSTALLED) compilemessages

run: install
	$(BIN)/kring manage migrate --no-input -v0
	$(BIN)/kring seed demo
	KRING_ORGANISATION="$${KRING_ORGANISATION:-Gemeente Lindeburg}" $(BIN)/kring run

test: install
	@$(call need,test -x /usr/bin/chromium,chromium,the browser tests in tests/e2e)
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(BENCH_INSTALLED): pyproject.toml $(INSTALLED)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	@touch $@

# DATABASE_URL names the seeded database (default: PostgreSQL kring_scale); BENCH_ARGS are
# passed on, e.g. make bench BENCH_ARGS="--duration 10 --concurrency 8".
bench: install $(BENCH_INSTALLED)
	$(BIN)/kring bench $(BENCH_ARGS)

messages: install
	@$(call need,command -v xgettext,gettext,collecting the translatable text)
	cd kring && ../$(BIN)/python ../manage.py makemessages -l nl \
		--ignore 'seed/demo_data.py' --ignore '*/tests/*' --ignore 'static/*'

clean:
	rm -rf $(VENV) var/static .ruff_cache .pytest_cache test-results screenshots
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find kring -name '*.mo' -delete
