# Everything installs itself from Python 3.11+, Node.js and npm: no step by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A supported Node.js (22, from npm) and the CDK CLI come first on PATH, for jsii and `cdk`.
export PATH := $(CURDIR)/node_modules/.bin:$(CURDIR)/$(BIN):$(PATH)
export AWS_DEFAULT_REGION ?= us-east-1

.PHONY: install demo sandbox test lint synth deploy bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed node_modules/.installed

demo: install
	$(BIN)/python -m sandbox.demo

sandbox: install
	$(BIN)/python -m sandbox.demo --interactive

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest -n 2 -q

# ENV=NAME picks an environment of cdk.json (default: dev).
CDK_ENV := $(if $(ENV),-c environment=$(ENV))

synth: install
	cdk synth --no-notices $(CDK_ENV)

deploy: install
	cdk deploy --no-notices $(CDK_ENV)

bench: install
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) node_modules cdk.out .pytest_cache .ruff_cache .hypothesis dist
