# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Marsad needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

## run: set up, then analyse the bundled example articles
run: $(STAMP)
	$(BIN)/marsad analyze examples/* --format text

## test: set up, then run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check marsad tests bench
	$(BIN)/ruff format --check marsad tests bench

bench: $(STAMP)
	$(BIN)/python bench/text_layer.py

clean:
	rm -rf $(VENV) build *.egg-info
