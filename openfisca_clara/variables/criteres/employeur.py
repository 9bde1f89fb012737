"""Critères sur l'employeur qui recrute, partagés par les aides à l'embauche."""

from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import reponse_oui


class critere_employeur_a_jour_cotisations(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'employeur est à jour de ses cotisations et contributions sociales (et d'assurance chômage)"
    reference = "https://travail-emploi.gouv.fr/emplois-francs"

    def formula(individu, period):
        return reponse_oui(individu("employeur_a_jour_cotisations", period))
