"""Bilan de compétences (art. L.6313-4 du code du travail), ouvert aux actifs : salariés, indépendants, demandeurs d'emploi."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    ou,
    reponse_oui,
    statut,
)

P = "clara.etat.bilan_competences"
REFERENCE = "https://www.moncompteformation.gouv.fr/"


class etat_bilan_competences_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Bilan de compétences : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_bilan_competences_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être demandeur d'emploi inscrit(e) ou en emploi (salarié(e), indépendant(e), agent public)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return ou(individu("critere_inscrit_france_travail", period), reponse_oui(individu("en_emploi", period)))


CRITERES = (
    "etat_bilan_competences_dispositif_ouvert",
    "etat_bilan_competences_public",
)


class etat_bilan_competences_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Bilan de compétences : statut d'éligibilité"
    documentation = (
        "Statut de « Bilan de compétences » (État (financé par le CPF, France Travail ou l'employeur)) pour la personne et le "
        "mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible "
        "(un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de "
        "Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « bilan_competences » (GET "
        "/aides/bilan_competences)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_bilan_competences_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Bilan de compétences : éligible"

    def formula(individu, period):
        return individu("etat_bilan_competences_statut", period) == StatutEligibilite.eligible
