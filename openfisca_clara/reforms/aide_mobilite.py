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


class aide_mobilite_sans_condition_de_ressources(Reform):
    """Scénario structurel : l'aide à la mobilité sans sa condition de ressources (ARE minimale, RSA…).

    La variable du critère est remplacée ; elle est définie dans `apply`, hors du module, pour que
    `load_extension` ne l'ajoute pas au système de référence.
    """

    name = "Aide à la mobilité sans condition de ressources (scénario)"

    def apply(self):
        from openfisca_core.model_api import MONTH, Variable
        from openfisca_france.entities import Individu

        from openfisca_clara.tri_etat import VRAI

        class france_travail_aide_mobilite_ressources(Variable):
            value_type = int
            entity = Individu
            definition_period = MONTH
            label = "Condition de ressources (supprimée par le scénario)"

            def formula(individu, period):
                return individu.filled_array(VRAI)

        self.update_variable(france_travail_aide_mobilite_ressources)
