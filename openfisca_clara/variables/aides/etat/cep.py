"""Conseil en évolution professionnelle (CEP), art. L.6111-6 du code du travail : gratuit, pour toute personne dans sa vie professionnelle."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    non,
    reponse_oui,
    statut,
)

P = "clara.etat.cep"
REFERENCE = "https://mon-cep.org/"


class etat_cep_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Conseil en évolution professionnelle : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_cep_vie_active(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être dans la vie active (salarié(e), indépendant(e) ou demandeur d'emploi), pas en formation initiale"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Un élève ou un étudiant relève de l'orientation scolaire et universitaire, pas du CEP.
        return non(reponse_oui(individu("en_etudes", period)))


CRITERES = (
    "etat_cep_dispositif_ouvert",
    "etat_cep_vie_active",
)


class etat_cep_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Conseil en évolution professionnelle : statut d'éligibilité"
    documentation = (
        "Statut de « Conseil en évolution professionnelle (CEP) » (État (France Travail, Apec, Cap emploi, missions locales, "
        "opérateurs régionaux du CEP)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est "
        "inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères,"
        " les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche "
        "du catalogue « cep » (GET /aides/cep)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_cep_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Conseil en évolution professionnelle : éligible"

    def formula(individu, period):
        return individu("etat_cep_statut", period) == StatutEligibilite.eligible
