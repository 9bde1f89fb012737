"""Corps européen de solidarité : volontariat européen pour les 18-30 ans (règlement (UE) 2021/888)."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre

P = "clara.union_europeenne.corps_europeen_solidarite"
REFERENCE = "https://youth.europa.eu/solidarity_fr"


class union_europeenne_corps_europeen_solidarite_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Corps européen de solidarité : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class union_europeenne_corps_europeen_solidarite_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 18 et 30 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


CRITERES = (
    "union_europeenne_corps_europeen_solidarite_dispositif_ouvert",
    "union_europeenne_corps_europeen_solidarite_age",
)


class union_europeenne_corps_europeen_solidarite_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Corps européen de solidarité : statut d'éligibilité"
    documentation = (
        "Statut de « Corps européen de solidarité » (Union européenne (Agence Erasmus+ France Jeunesse & Sport)) pour la personne"
        " et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « corps_europeen_solidarite » (GET "
        "/aides/corps_europeen_solidarite)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class union_europeenne_corps_europeen_solidarite_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Corps européen de solidarité : éligible"

    def formula(individu, period):
        return individu("union_europeenne_corps_europeen_solidarite_statut", period) == StatutEligibilite.eligible
