"""Le système de calcul openfisca-france + openfisca-clara, construit une fois par processus."""

import os
import weakref
from functools import lru_cache

import numpy as np
from openfisca_core.simulations import SimulationBuilder
from openfisca_france import CountryTaxBenefitSystem

from openfisca_clara_api.aides_locales import ajouter_aides_locales
from openfisca_clara_api.catalogue import annoter_montants

# Autres extensions chargées avec la nôtre par `construire_systeme()` : `clara serve --extensions`, ou cette variable
# d'environnement (noms séparés par des virgules ou des espaces), par exemple « openfisca_france_local ».
VARIABLE_EXTENSIONS = "CLARA_EXTENSIONS"


def extensions_configurees():
    """Les extensions nommées par `CLARA_EXTENSIONS` (tuple vide par défaut)."""
    return tuple(nom for nom in os.environ.get(VARIABLE_EXTENSIONS, "").replace(",", " ").split() if nom)


def construire_systeme(extensions=None):
    """openfisca-france avec l'extension openfisca_clara et ses aides locales (≈ 2,5 s et 120 Mio : une fois par processus
    et par jeu d'extensions), et les `extensions` demandées en plus (par défaut : celles de `CLARA_EXTENSIONS`), par exemple
    `construire_systeme(["openfisca_france_local"])` pour les aides locales d'aides-jeunes (`pip install 'openfisca-clara[local]'`)."""
    return _construire(tuple(extensions) if extensions is not None else extensions_configurees())


@lru_cache(maxsize=4)
def _construire(extensions):
    systeme = CountryTaxBenefitSystem()
    systeme.load_extension("openfisca_clara")
    ajouter_aides_locales(systeme)  # les aides déclarées en YAML (openfisca_clara/aides_locales/)
    criteres_en_int8(systeme)
    for extension in extensions:
        if extension != "openfisca_clara":
            systeme.load_extension(extension)  # une variable déjà définie (collision de noms) lève une erreur
    return annoter_montants(systeme)  # l'unité de chaque montant, lue dans sa fiche


def criteres_en_int8(systeme):
    """Les critères des aides (−1 / 0 / +1, le tuple CRITERES que lit chaque statut) gardés en int8 plutôt qu'en
    int32, le type qu'OpenFisca donne à `value_type = int` : 4 fois moins de mémoire par critère en cache
    (performance-2026-12.md §2 et §4 e3). tests/python/test_proprietes.py vérifie que chacun vaut −1, 0 ou +1."""
    from openfisca_clara_api.catalogue import charger_catalogue

    criteres = set()
    for fiche in charger_catalogue().values():
        statut = systeme.variables.get(fiche["variables"]["statut"])
        for formule in statut.formulas.values() if statut is not None else ():
            criteres.update(formule.__globals__.get("CRITERES", ()))
    for nom in sorted(criteres):
        variable = systeme.variables.get(nom)
        if variable is not None and variable.value_type is int:
            variable.dtype = np.int8
    return criteres


class ConstructeurSimulation(SimulationBuilder):
    """Le SimulationBuilder d'OpenFisca, qui garde par système la carte variable → entité au lieu de la
    refaire à chaque construction (3 700 variables, ≈ 3 à 4 ms par situation). Même simulation.

    Sert à `evaluer` et aux routes /calculate et /trace du serveur.
    """

    _cartes = weakref.WeakKeyDictionary()

    def register_variables(self, simulation):
        systeme = simulation.tax_benefit_system
        carte = self._cartes.get(systeme)
        if carte is None:
            super().register_variables(simulation)
            self._cartes[systeme] = self.variable_entities
        else:
            self.variable_entities = carte  # seulement lue pendant la construction
