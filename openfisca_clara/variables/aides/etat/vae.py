"""Validation des acquis de l'expérience (VAE), art. L.6411-1 du code du travail ; depuis la loi du 21 décembre 2022, sans durée minimale d'expérience."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    reponse_oui,
    statut,
)

P = "clara.etat.vae"
REFERENCE = "https://vae.gouv.fr/"


class etat_vae_experience_en_lien(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir une expérience (salariée, indépendante, bénévole, syndicale, stage, sportive de haut niveau...) en rapport avec la certification visée"


class etat_vae_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "VAE : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_vae_experience(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir une expérience en rapport avec la certification visée"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("etat_vae_experience_en_lien", period))


CRITERES = (
    "etat_vae_dispositif_ouvert",
    "etat_vae_experience",
)


class etat_vae_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Validation des acquis de l'expérience : statut d'éligibilité"
    documentation = (
        "Statut de « Validation des acquis de l'expérience (VAE) » (État (France VAE)) pour la personne et le mois évalués : "
        "éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : hors rulebook ; fiche du catalogue « vae » (GET /aides/vae)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_vae_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Validation des acquis de l'expérience : éligible"

    def formula(individu, period):
        return individu("etat_vae_statut", period) == StatutEligibilite.eligible
