"""PACEA : accompagnement des 16-25 ans par les missions locales, avec une allocation ponctuelle possible (code du travail, L.5131-4)."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre

P = "clara.missions_locales.pacea"
REFERENCE = "https://www.unml.info/"


class missions_locales_pacea_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "PACEA : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class missions_locales_pacea_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 16 et 25 ans révolus"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


CRITERES = (
    "missions_locales_pacea_dispositif_ouvert",
    "missions_locales_pacea_age",
)


class missions_locales_pacea_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "PACEA : statut d'éligibilité"
    documentation = (
        "Statut de « Parcours contractualisé d'accompagnement vers l'emploi et l'autonomie (PACEA) » (Missions locales (pour "
        "l'État)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "pacea » (GET /aides/pacea)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class missions_locales_pacea_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "PACEA : éligible"

    def formula(individu, period):
        return individu("missions_locales_pacea_statut", period) == StatutEligibilite.eligible
