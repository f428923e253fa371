# Who is quoted, saying what, in what tone: the notebook chain as a make DAG.
# `make help` lists the targets. Variables: RAW_DIR (input folder), OUT_DIR (output folder), PYTHON (bootstrap).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
RAW_DIR ?=
OUT_DIR ?=
# A value quoted for the shell: '...', each ' inside written '\'' (a folder may be called "O'Brien files").
q = '$(subst ','\'',$(1))'
# A run on another raw folder never writes over the committed outputs: without OUT_DIR it goes to build/runs/NAME.
# Folder names may contain spaces: they are only ever used quoted in recipes, never as make targets.
ifneq ($(RAW_DIR),)
ifeq ($(OUT_DIR),)
override OUT_DIR := $(shell PYTHONPATH=src $(PYTHON) -m helpers.runstate outdir $(call q,$(RAW_DIR)))
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
PROCESSED := $(if $(OUT_DIR),$(OUT_DIR)/data/processed,data/processed)
RUN_ARGS := $(if $(RAW_DIR),--raw-dir $(call q,$(RAW_DIR))) $(if $(OUT_DIR),--out-dir $(call q,$(OUT_DIR)))
# The run's stamp folder (build/stamps, or build/stamps/runs/NAME-HASH for OUT_DIR: no spaces, never in the user's
# folder), refreshed as the Makefile is read by helpers.runstate (standard library only, so it works before the
# environment exists): it rewrites raw.listing when the raw folder's files change and drops the stamps of
# notebooks whose executed copies are gone.
STAMPS := $(shell PYTHONPATH=src $(PYTHON) -m helpers.runstate prepare $(call q,$(RAW)) $(call q,$(OUT_DIR)))
ifeq ($(STAMPS),)
$(error $(PYTHON) -m helpers.runstate failed: see the line above (it needs Python 3.11 or newer: PYTHON=python3.11))
endif

# The chain's own notebooks only: NN_name.ipynb exactly (helpers.paths.CHAIN_NOTEBOOK), so the Lab's copies
# (04_quotes-Copy1.ipynb), Untitled*.ipynb and other scratch notebooks never join `make report`.
NOTEBOOKS := $(sort $(patsubst %.ipynb,%,$(shell ls -1 notebooks 2>/dev/null | LC_ALL=C grep -xE '[0-9]{2}_[a-z][a-z0-9_]*\.ipynb')))
# What every notebook imports: the runner, the tables, the figure style and the text model every stage reads (with the
# word lists and rule tables the model itself reads).
CORE := src/helpers/__init__.py src/helpers/paths.py src/helpers/tables.py src/helpers/notebooks.py \
        src/helpers/corpus.py src/helpers/runstate.py src/helpers/gitfilter.py src/helpers/plots.py src/helpers/tableview.py \
        src/helpers/text.py src/helpers/wordlists.py src/helpers/data/abbreviations.txt \
        src/helpers/data/reporting_verbs.csv src/helpers/data/boilerplate_rules.csv

.PHONY: help env report lab setup-git browser test clean clean-env dictionary manifest lock bench

# `make report` (alone on the command line) runs independent notebooks two at a time (see the stamps below); every
# other target runs one recipe at a time. JOBS=1 runs the chain one notebook at a time.
JOBS ?= 2
ifeq ($(MAKECMDGOALS),report)
MAKEFLAGS += -j$(JOBS)
endif

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: RAW_DIR=folder-of-txt-articles  OUT_DIR=folder-for-outputs  USE_CONDA=0|1  HELPERS_ENGINE=loop|local|cluster  HELPERS_SVG=1 (SVG copies of figures)"

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

report: $(ENV_STAMP) $(addprefix $(STAMPS)/,$(NOTEBOOKS)) $(STAMPS)/report.html $(if $(OUT_DIR),,$(STAMPS)/readme reports/data_dictionary.md) $(STAMPS)/summary ## Re-execute every out-of-date notebook (papermill), write reports/report.html and the README's findings

# Articles skipped by any stage (failures.csv): one error line each as its notebook finishes, then a summary line
# and a non-zero exit status at the very end, after every notebook and the report have been built from the other
# articles. The stamp is touched only when nothing failed, so every `make report` repeats the summary until then.
$(STAMPS)/summary: $(addprefix $(STAMPS)/,$(NOTEBOOKS)) $(STAMPS)/report.html
	@$(PY) -m helpers.runstate summary $(call q,$(PROCESSED)) $@

# One stamp per notebook, touched after the executed notebook is written, so `make report` is incremental.
# Each notebook's own inputs: its helpers module, data files, and the stamps of the notebooks whose tables it reads.
# The chain is a DAG, not a line: 02 (sentences, tokens) and 03 -> 04 (mentions, statements) need only 01, so
# `make report` runs two notebooks at a time (-j2, below) and 02 overlaps 03 and 04.
$(STAMPS)/01_ingest: $(STAMPS)/raw.listing src/helpers/ingest.py
$(STAMPS)/02_tokenize: $(STAMPS)/01_ingest src/helpers/tokenize.py src/helpers/data/abbreviations.txt src/helpers/data/stopwords_en.txt
$(STAMPS)/03_actors: $(STAMPS)/01_ingest $(wildcard src/helpers/actors/*.py) $(wildcard src/helpers/data/actors*.csv)
$(STAMPS)/04_quotes: $(STAMPS)/03_actors $(wildcard src/helpers/quotes/*.py) src/helpers/speakergroups.py $(wildcard src/helpers/actors/*.py) $(wildcard src/helpers/data/reporting_verbs*.csv)
$(STAMPS)/05_sentiment: $(STAMPS)/02_tokenize $(STAMPS)/03_actors $(STAMPS)/04_quotes $(wildcard src/helpers/sentiment/*.py) src/helpers/speakergroups.py $(wildcard src/helpers/data/sentiment_*)
$(STAMPS)/06_report: $(STAMPS)/05_sentiment $(STAMPS)/04_quotes $(STAMPS)/03_actors $(STAMPS)/01_ingest src/helpers/claims.py src/helpers/display.py src/helpers/report.py src/helpers/corpusview.py src/helpers/speakergroups.py $(wildcard src/helpers/quotes/*.py)

# reports/report.html (OUT_DIR/reports/report.html): the executed notebooks without code, one offline page; and the
# README's findings block, regenerated from data/processed (default runs only; tests/test_report.py guards it).
$(STAMPS)/report.html: $(addprefix $(STAMPS)/,$(NOTEBOOKS)) src/helpers/reportpage.py
	@$(PY) -m helpers.reportpage $(call q,$(if $(OUT_DIR),$(OUT_DIR)/,)reports/report.html) $(foreach n,$(NOTEBOOKS),$(call q,$(NB_OUT)/$(n).ipynb))
	@mkdir -p $(@D) && touch $@
$(STAMPS)/readme: $(STAMPS)/06_report src/helpers/report.py README.md
	@$(PY) -m helpers.report readme README.md data/processed
	@mkdir -p $(@D) && touch $@

$(STAMPS)/%: notebooks/%.ipynb $(CORE) $(ENV_STAMP)
	@echo "papermill  notebooks/$*.ipynb -> $(NB_OUT)/$*.ipynb"
	@$(PY) -m helpers.notebooks notebooks/$*.ipynb $(call q,$(NB_OUT)/$*.ipynb) $(RUN_ARGS)
	@mkdir -p $(@D) && touch $@

bench: $(ENV_STAMP) ## Print the corpus benchmarks, write reports/benchmarks.md (QUICK=1: a few minutes)
	@$(PY) benchmarks/run_all.py $(if $(QUICK),--quick)

lock: $(ENV_STAMP) ## Record the exact version of every installed package in requirements.lock (after changing environment.yml)
	@{ sed -n '1,3p' requirements.lock; $(PY) -m pip freeze --exclude-editable --disable-pip-version-check | LC_ALL=C sort -f; } > requirements.lock.tmp
	@mv requirements.lock.tmp requirements.lock && echo "wrote requirements.lock"

manifest: $(ENV_STAMP) ## Print a manifest.csv for RAW_DIR's *.txt files to stdout (META=table.tsv fills title/date)
	@test -n "$(RAW_DIR)" || { echo "error: set RAW_DIR=folder-with-txt-files" >&2; exit 2; }
	@$(PY) -m helpers.ingest manifest $(call q,$(RAW_DIR)) $(if $(META),$(call q,$(META)))

dictionary: reports/data_dictionary.md ## Write reports/data_dictionary.md from the table schemas

reports/data_dictionary.md: $(wildcard src/helpers/*.py) $(ENV_STAMP)
	@$(PY) -m helpers.dictionary $@

# The project's kernel: JUPYTER_PATH puts this environment's kernelspec (python3, "Python 3 (ipykernel)") before any
# user-level one. Runs whose parameters differ from a notebook's defaults write under build/ (helpers.paths).
lab: $(ENV_STAMP) setup-git ## Start JupyterLab on notebooks/ with the project's kernel, print its URL (LAB_ARGS="--port=9999")
	@echo "JupyterLab: notebooks/ with kernel python3 from $(PY); open the http://127.0.0.1:... URL printed below"
	JUPYTER_PATH="$(abspath $(dir $(PY))../share/jupyter)" $(PY) -m jupyter lab --ServerApp.root_dir=. \
	  --LabApp.default_url=/lab/tree/notebooks --ServerApp.ip=127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

setup-git: $(ENV_STAMP) ## Configure git's notebook clean filter (.gitattributes): no execution-count/timestamp noise
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git config filter.nbnormalise.clean '$(PY) -m helpers.gitfilter %f' && \
	  echo "git: notebooks are stored through the nbnormalise clean filter (src/helpers/gitfilter.py)"; \
	else echo "not a git work tree: no notebook filter configured"; fi

browser: ## Install Debian's chromium for the browser test when missing (as root; scripts/install_browser.sh)
	@bash scripts/install_browser.sh

test: $(ENV_STAMP) browser ## Run the whole test suite, including the re-executed notebook chain and the browser test
	$(PY) -m pytest

clean: ## Remove stamps and caches (keeps the environment and the committed outputs)
	rm -rf build .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +

clean-env: ## Remove .venv
	rm -rf .venv
