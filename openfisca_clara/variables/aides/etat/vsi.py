"""Volontariat de solidarité internationale (VSI) : mission de solidarité dans un pays en développement, ouvert aux personnes majeures."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    parametre_aux_dates,
    renseigne,
    statut,
)

P = "clara.etat.vsi"
REFERENCE = "https://www.france-volontaires.org/"


class etat_vsi_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Volontariat de solidarité internationale : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_vsi_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être majeur(e) (18 ans ou plus)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_minimum")
        return critere(renseigne(age), age >= minimum)


CRITERES = (
    "etat_vsi_dispositif_ouvert",
    "etat_vsi_age",
)


class etat_vsi_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Volontariat de solidarité internationale : statut d'éligibilité"
    documentation = (
        "Statut de « Volontariat de solidarité internationale (VSI) » (État (ministère de l'Europe et des Affaires étrangères)) "
        "pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le "
        "nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 "
        "dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « vsi » (GET "
        "/aides/vsi)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_vsi_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Volontariat de solidarité internationale : éligible"

    def formula(individu, period):
        return individu("etat_vsi_statut", period) == StatutEligibilite.eligible
