# The README's two commands: `make run` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-store bench-worst eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/scidip extract
	$(BIN)/scidip facts --country Comoros

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/scidip eval --gold data/gold/seeds --docs seeds

bench: $(STAMP)
	$(BIN)/python bench/speed.py

bench-store: $(STAMP)
	$(BIN)/python bench/store_scale.py

bench-worst: $(STAMP)
	$(BIN)/python bench/worst_case.py

clean:
	rm -rf $(VENV) data/facts.json data/facts.json.lock data/facts.json.sha256
