"""Scénarios sur l'aide à la mobilité de France Travail (rulebook §3.1)."""

from openfisca_core.periods import period
from openfisca_core.reforms import Reform


class aide_mobilite_bareme_kilometrique_030(Reform):
    """Scénario : indemnité kilométrique portée à 0,30 € par km aller-retour pour les demandes à partir du 1er janvier 2027.

    Usage : `openfisca test … -r openfisca_clara.reforms.aide_mobilite.aide_mobilite_bareme_kilometrique_030`,
    ou `aide_mobilite_bareme_kilometrique_030(systeme)` en Python.
    """

    name = "Aide à la mobilité : 0,30 € par km aller-retour à partir du 1er janvier 2027 (scénario)"

    def apply(self):
        def modifier(parametres):
            parametres.clara.france_travail.aide_mobilite.montant_par_km.update(start=period("day:2027-01-01"), value=0.30)
            return parametres

        self.modify_parameters(modifier_function=modifier)
