# openfisca-clara — deux commandes suffisent : `make serve` et `make test` (chacune installe ce qu'il faut).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install chromium test lint serve bench docs clean

$(INSTALLED): setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

# Les tests de la page (tests/navigateur) pilotent le Chromium de Debian avec Playwright : installé ici s'il manque.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "make : installation de Chromium (paquet Debian chromium) pour les tests de la page"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: install chromium ## tests YAML, Python et navigateur en un seul processus, puis le style
	$(BIN)/python -m pytest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

serve: install ## l'API web OpenFisca avec l'extension, sur $(HOST):$(PORT)
	$(BIN)/clara serve --host $(HOST) --port $(PORT)

bench: install ## temps, mémoire et latences mesurés sur cette machine
	$(BIN)/python -m openfisca_clara_api.bench

docs: install ## régénère docs/vocabulaire.md et docs/openfisca-france.md depuis le code
	$(BIN)/python -m openfisca_clara_api.documentation > docs/vocabulaire.md
	$(BIN)/python -m openfisca_clara_api.documentation openfisca-france > docs/openfisca-france.md

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
