# Everything installs itself from Python 3.11+, Node.js and npm: no step by hand.
SHELL := bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A supported Node.js (22, from npm) and the CDK CLI come first on PATH, for jsii and `cdk`.
export PATH := $(CURDIR)/node_modules/.bin:$(CURDIR)/$(BIN):$(PATH)
export AWS_DEFAULT_REGION ?= us-east-1

.PHONY: install demo sandbox test test-fast test-integration test-synthesis lint synth deploy bench clean

# pip, minus one warning per package when the machine's pip config names a local index that is not
# there ("Location 'file:///...' is ignored"); every other line, and pip's exit code, come through.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check
QUIET_MISSING_INDEXES := 2>&1 | { grep -v "^WARNING: Location 'file:.*' is ignored: it is neither a file nor a directory" || true; }

$(BIN)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	@echo "pip install -r requirements-dev.txt -c constraints.txt  (pinned, into $(VENV))"
	@$(PIP_INSTALL) -r requirements-dev.txt -c constraints.txt $(QUIET_MISSING_INDEXES)
	@echo "pip install -e .  (this project, editable)"
	@$(PIP_INSTALL) --no-deps --no-build-isolation -e . $(QUIET_MISSING_INDEXES)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# cdk-nag 2 beside the venv's cdk-nag 3, for tests/test_cdk_nag.py only (see requirements-nag2.txt).
NAG2 := .nag2
$(NAG2)/.installed: requirements-nag2.txt $(BIN)/.installed
	@echo "pip install -r requirements-nag2.txt  (test-only, into $(NAG2))"
	@rm -rf $(NAG2)
	@$(PIP_INSTALL) --no-deps --target $(NAG2) -r requirements-nag2.txt $(QUIET_MISSING_INDEXES)
	touch $@

install: $(BIN)/.installed node_modules/.installed $(NAG2)/.installed

demo: install
	$(BIN)/python -m sandbox.demo

sandbox: install
	$(BIN)/python -m sandbox.demo --interactive

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2 --dist worksteal -q

# One tier each (tests/conftest.py's MODULE_TIERS; CONTRIBUTING.md): fast runs on every change, in seconds.
test-fast: install
	$(BIN)/python -m pytest -n 0 -q -m fast

test-integration: install
	$(BIN)/python -m pytest -n 2 --dist worksteal -q -m integration

test-synthesis: install
	$(BIN)/python -m pytest -n 2 --dist worksteal -q -m synthesis

# ENV=NAME picks an environment of cdk.json (default: dev).
CDK_ENV := $(if $(ENV),-c environment=$(ENV))

# Only the template goes to standard output (`make synth > template.yaml`); the rest to standard error.
synth:
	@$(MAKE) --no-print-directory install >&2
	@cdk synth --no-notices $(CDK_ENV)

deploy: install
	cdk deploy --no-notices $(CDK_ENV)

bench: install
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) $(NAG2) node_modules cdk.out .pytest_cache .ruff_cache .mypy_cache .hypothesis dist
