"""Accompagnement Cap emploi (art. L.5214-3-1 du code du travail) : personnes handicapées bénéficiaires de l'obligation d'emploi."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    reponse_oui,
    statut,
)

P = "clara.cap_emploi.accompagnement_cap_emploi"
REFERENCE = "https://www.agefiph.fr/"


class cap_emploi_accompagnement_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement Cap emploi : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class cap_emploi_accompagnement_handicap(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir une reconnaissance de la qualité de travailleur handicapé (RQTH) ou être bénéficiaire de l'obligation d'emploi"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("rqth", period))


CRITERES = (
    "cap_emploi_accompagnement_dispositif_ouvert",
    "cap_emploi_accompagnement_handicap",
)


class cap_emploi_accompagnement_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement Cap emploi : statut d'éligibilité"
    documentation = (
        "Statut de « Accompagnement vers l'emploi par Cap emploi » (Cap emploi (réseau France Travail)) pour la personne et le "
        "mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible "
        "(un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de "
        "Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « accompagnement_cap_emploi » (GET "
        "/aides/accompagnement_cap_emploi)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class cap_emploi_accompagnement_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement Cap emploi : éligible"

    def formula(individu, period):
        return individu("cap_emploi_accompagnement_statut", period) == StatutEligibilite.eligible
