"""Le système de calcul openfisca-france + openfisca-clara, construit une fois par processus."""

import weakref
from functools import lru_cache

from openfisca_core.simulations import SimulationBuilder
from openfisca_france import CountryTaxBenefitSystem

from openfisca_clara_api.aides_locales import ajouter_aides_locales
from openfisca_clara_api.catalogue import annoter_montants


@lru_cache(maxsize=1)
def construire_systeme():
    """openfisca-france avec l'extension openfisca_clara et ses aides locales (≈ 2,5 s et 120 Mio : une fois par processus)."""
    systeme = CountryTaxBenefitSystem()
    systeme.load_extension("openfisca_clara")
    ajouter_aides_locales(systeme)  # les aides déclarées en YAML (openfisca_clara/aides_locales/)
    return annoter_montants(systeme)  # l'unité de chaque montant, lue dans sa fiche


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
