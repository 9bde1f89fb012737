# openfisca-clara — deux commandes suffisent : `make serve` et `make test` (chacune installe ce qu'il faut).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# L'extra [local] (openfisca-france-local, numpy < 2) dans son propre environnement : .venv garde numpy 2 et pyarrow.
VENV_LOCAL := .venv-local
INSTALLED_LOCAL := $(VENV_LOCAL)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install chromium test test-local lint serve bench docs nouvelle-aide clean

$(INSTALLED): setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

$(INSTALLED_LOCAL): setup.py
	$(PYTHON) -m venv $(VENV_LOCAL)
	$(VENV_LOCAL)/bin/pip install --quiet --upgrade pip
	$(VENV_LOCAL)/bin/pip install --quiet -e ".[local]" "pytest>=8.3,<9"
	touch $(INSTALLED_LOCAL)

# Les tests de la page (tests/navigateur) pilotent le Chromium de Debian avec Playwright : installé ici s'il manque.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "make : installation de Chromium (paquet Debian chromium) pour les tests de la page"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: install chromium ## tests YAML, Python et navigateur en un seul processus, le style, puis openfisca-clara avec openfisca-france-local
	$(BIN)/python -m pytest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) test-local

test-local: $(INSTALLED_LOCAL) ## openfisca-clara chargé avec openfisca-france-local 6.17.11 (extra [local]), dans .venv-local
	$(VENV_LOCAL)/bin/python -m pytest tests/python/test_co_chargement.py -p no:cacheprovider

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

nouvelle-aide: install ## squelette d'une aide locale et de ses tests : make nouvelle-aide ID=… TERRITOIRE=departement_… DEPARTEMENTS=44 PORTEUR="…"
	$(BIN)/python scripts/nouvelle_aide.py --id "$(ID)" --territoire "$(TERRITOIRE)" --porteur "$(PORTEUR)" \
		$(if $(REGIONS),--regions $(REGIONS)) $(if $(DEPARTEMENTS),--departements $(DEPARTEMENTS)) \
		$(if $(COMMUNES),--communes $(COMMUNES)) $(if $(EPCI),--epci $(EPCI))

clean:
	rm -rf $(VENV) $(VENV_LOCAL) *.egg-info .pytest_cache .ruff_cache
