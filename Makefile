# pulumi-dataddo: `make up` deploys the demo stack offline, `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STATE := .state
STACK ?= dev
ENGINE := tools/pulumi-cli/ensure-engine

# Quiet, offline, project-local Pulumi: no update checks, no plugin downloads, state in a local
# file backend under .state/ (kept out of git).
export PULUMI_SKIP_UPDATE_CHECK := true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION := true
export PULUMI_HOME := $(CURDIR)/$(STATE)/pulumi-home
export PULUMI_BACKEND_URL := file://$(CURDIR)/$(STATE)/backend
# The demo stack's secrets are encrypted with this documented passphrase (README).
ifeq ($(origin PULUMI_CONFIG_PASSPHRASE_FILE),undefined)
export PULUMI_CONFIG_PASSPHRASE ?= dataddo-demo
endif

# Puts the engine first on PATH for one recipe line.
WITH_ENGINE = PATH="$$($(ENGINE) | tail -n1):$$PATH"

.PHONY: help venv engine up down emulator generate test lint typecheck bench soak acceptance sweep clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,emulator]'
	touch $@

venv: $(VENV)/.installed ## create the virtualenv and install the package (editable)

engine: ## make sure the Pulumi engine is present; last line: the directory of its executables
	@$(ENGINE)

up: venv ## deploy the demo stack (starts the local emulator when the stack points at it)
	@mkdir -p $(STATE)/backend
	@$(WITH_ENGINE) pulumi login --non-interactive "$$PULUMI_BACKEND_URL" >/dev/null
	@$(WITH_ENGINE) pulumi stack select --create --non-interactive $(STACK) >/dev/null
	@$(WITH_ENGINE) tools/demo-emulator start $(STACK)
	$(WITH_ENGINE) pulumi up --yes --non-interactive --skip-preview --stack $(STACK)
	$(WITH_ENGINE) pulumi stack output --stack $(STACK)

down: venv ## destroy the demo stack and stop what `make up` started
	@mkdir -p $(STATE)/backend
	@$(WITH_ENGINE) pulumi login --non-interactive "$$PULUMI_BACKEND_URL" >/dev/null
	$(WITH_ENGINE) pulumi destroy --yes --non-interactive --skip-preview --stack $(STACK)
	@tools/demo-emulator stop

emulator: venv ## run the API emulator in the foreground on 127.0.0.1:8004
	@mkdir -p $(STATE)
	$(PY) -m dataddo_emulator --host 127.0.0.1 --port 8004 --db $(STATE)/emulator.db

generate: venv ## rewrite what the field specs generate: the classes' signatures, the plugin schema, the docs tables
	$(PY) -m pulumi_dataddo.fields.sdk provider/pulumi_dataddo/signatures.py
	$(PY) -m pulumi_dataddo.native.plugin plugin --virtualenv ../$(VENV)
	$(PY) -m pulumi_dataddo.fields.reference docs/resources.md

lint: venv ## ruff lint and format checks
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: venv ## mypy --strict over both packages and the benchmarks
	$(VENV)/bin/mypy

test: lint typecheck ## the whole suite: lint, types, unit, emulator and end-to-end tests
	PULUMI_DATADDO_ENGINE_BIN="$$($(ENGINE) | tail -n1)" $(PY) -m pytest

bench: venv ## run the benchmarks and write docs/benchmarks.md
	PULUMI_DATADDO_ENGINE_BIN="$$($(ENGINE) | tail -n1)" $(PY) -m benchmarks

soak: venv ## the reliability suite with more kill seeds (SEEDS=20); rewrites docs/reliability.md figures
	PULUMI_DATADDO_ENGINE_BIN="$$($(ENGINE) | tail -n1)" DATADDO_RELIABILITY_SEEDS=$${SEEDS:-20} \
	DATADDO_RELIABILITY_DOC=docs/reliability.md $(PY) -m pytest tests/reliability

acceptance: venv ## end-to-end scenarios against the Dataddo account DATADDO_* name, only with DATADDO_ACCEPTANCE=1
	$(PY) -m tests.acceptance

sweep: venv ## remove acceptance objects of runs older than SWEEP_OLDER_THAN (default 1h; SWEEP_DRY_RUN=1 lists only)
	$(VENV)/bin/pulumi-dataddo sweep $(if $(SWEEP_OLDER_THAN),--older-than $(SWEEP_OLDER_THAN)) $(if $(SWEEP_DRY_RUN),--dry-run)

clean: ## remove the virtualenv and local state (not the engine cache)
	-@tools/demo-emulator stop
	rm -rf $(VENV) $(STATE)
