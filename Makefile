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

## run: set up, store the bundled example articles in the default corpus, then serve the
## web interface and the API on http://127.0.0.1:8000 (ingest is idempotent: re-running adds nothing)
run: $(STAMP)
	-$(BIN)/marsad ingest examples/
	$(BIN)/marsad serve --host 127.0.0.1 --port 8000

## test: set up, then run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check marsad tests bench eval
	$(BIN)/ruff format --check marsad tests bench eval

bench: $(STAMP)
	$(BIN)/python bench/text_layer.py

clean:
	rm -rf $(VENV) build *.egg-info
