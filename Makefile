# Who is quoted, saying what, in what tone: the notebook chain as a make DAG.
# `make help` lists the targets. Variables: RAW_DIR (input folder), OUT_DIR (output folder), PYTHON (bootstrap).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
RAW_DIR ?=
OUT_DIR ?=
# A run on another raw folder never writes over the committed outputs: without OUT_DIR it goes to build/runs/NAME.
ifneq ($(RAW_DIR),)
ifeq ($(OUT_DIR),)
override OUT_DIR := build/runs/$(notdir $(abspath $(RAW_DIR)))
endif
endif

# Environment: the active conda env when there is one (set USE_CONDA=0 to ignore it), else .venv built with pip.
# Both install from environment.yml, the single source of dependencies.
ifeq ($(origin USE_CONDA),undefined)
USE_CONDA := $(if $(CONDA_PREFIX),1,0)
endif
ifeq ($(USE_CONDA),1)
PY := $(CONDA_PREFIX)/bin/python
ENV_STAMP := build/conda-env.stamp
else
PY := .venv/bin/python
ENV_STAMP := .venv/.installed
endif

# Where a run reads and writes. Defaults: data/raw -> data/processed, notebooks executed in place.
RAW := $(if $(RAW_DIR),$(RAW_DIR),data/raw)
NB_OUT := $(if $(OUT_DIR),$(OUT_DIR)/notebooks,notebooks)
STAMPS := $(if $(OUT_DIR),$(OUT_DIR)/.stamps,build/stamps)
RUN_ARGS := $(if $(RAW_DIR),--raw-dir $(abspath $(RAW_DIR))) $(if $(OUT_DIR),--out-dir $(abspath $(OUT_DIR)))

NOTEBOOKS := $(sort $(basename $(notdir $(wildcard notebooks/[0-9][0-9]_*.ipynb))))
CORE := src/helpers/__init__.py src/helpers/paths.py src/helpers/tables.py src/helpers/notebooks.py src/helpers/figures.py

.PHONY: help env report lab test clean clean-env dictionary manifest lock

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: RAW_DIR=folder-with-manifest.csv  OUT_DIR=folder-for-outputs  USE_CONDA=0|1"

env: $(ENV_STAMP) ## Create or update the environment (conda env if active, else .venv) from environment.yml

.venv/.installed: environment.yml requirements.lock pyproject.toml scripts/env_requirements.py
	@test -x .venv/bin/python || $(PYTHON) -m venv .venv
	$(PYTHON) scripts/env_requirements.py environment.yml > .venv/requirements.txt
	.venv/bin/python -m pip install --quiet --disable-pip-version-check -r .venv/requirements.txt -c requirements.lock
	.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

build/conda-env.stamp: environment.yml requirements.lock pyproject.toml
	conda env update --prefix "$(CONDA_PREFIX)" --file environment.yml
	$(PY) -m pip install --quiet -r <($(PY) scripts/env_requirements.py environment.yml) -c requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@mkdir -p $(@D) && touch $@

report: $(ENV_STAMP) $(addprefix $(STAMPS)/,$(NOTEBOOKS)) $(if $(OUT_DIR),,reports/data_dictionary.md) ## Re-execute every out-of-date notebook (papermill)

# One stamp per notebook, touched after the executed notebook is written, so `make report` is incremental.
# Each notebook's own inputs: its helpers module, data files, and the stamps of the notebooks whose tables it reads.
$(STAMPS)/01_ingest: $(wildcard $(RAW)/*) src/helpers/ingest.py src/helpers/data/boilerplate_rules.csv
$(STAMPS)/02_tokenize: $(STAMPS)/01_ingest src/helpers/tokenize.py src/helpers/data/abbreviations.txt src/helpers/data/stopwords_en.txt
$(STAMPS)/03_actors: $(STAMPS)/02_tokenize src/helpers/actors.py $(wildcard src/helpers/data/actors*.csv)
$(STAMPS)/04_quotes: $(STAMPS)/02_tokenize $(STAMPS)/03_actors src/helpers/quotes.py src/helpers/actors.py $(wildcard src/helpers/data/reporting_verbs*.csv)
$(STAMPS)/05_sentiment: $(STAMPS)/02_tokenize $(STAMPS)/03_actors $(STAMPS)/04_quotes src/helpers/sentiment.py $(wildcard src/helpers/data/sentiment_*)

$(STAMPS)/%: notebooks/%.ipynb $(CORE) $(ENV_STAMP)
	@echo "papermill  notebooks/$*.ipynb -> $(NB_OUT)/$*.ipynb"
	@$(PY) -m helpers.notebooks notebooks/$*.ipynb $(NB_OUT)/$*.ipynb $(RUN_ARGS) 2> >(grep -v 'running over TCP without encryption' >&2)
	@mkdir -p $(@D) && touch $@

lock: $(ENV_STAMP) ## Record the exact version of every installed package in requirements.lock (after changing environment.yml)
	@{ sed -n '1,3p' requirements.lock; $(PY) -m pip freeze --exclude-editable --disable-pip-version-check | LC_ALL=C sort -f; } > requirements.lock.tmp
	@mv requirements.lock.tmp requirements.lock && echo "wrote requirements.lock"

manifest: $(ENV_STAMP) ## Print a manifest.csv for RAW_DIR's *.txt files to stdout (META=table.tsv fills title/date)
	@test -n "$(RAW_DIR)" || { echo "error: set RAW_DIR=folder-with-txt-files" >&2; exit 2; }
	@$(PY) -m helpers.ingest manifest "$(RAW_DIR)" $(META)

dictionary: reports/data_dictionary.md ## Write reports/data_dictionary.md from the table schemas

reports/data_dictionary.md: $(wildcard src/helpers/*.py) $(ENV_STAMP)
	@$(PY) -m helpers.dictionary $@

lab: $(ENV_STAMP) ## Start JupyterLab on the project (kernel python3)
	$(PY) -m jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root)

test: $(ENV_STAMP) ## Run the whole test suite, including the re-executed notebook chain
	$(PY) -m pytest

clean: ## Remove stamps and caches (keeps the environment and the committed outputs)
	rm -rf build .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +

clean-env: ## Remove .venv
	rm -rf .venv
