"""Activ'Créa : prestation de France Travail pour explorer la piste de la création ou de la reprise d'entreprise (demandeurs d'emploi inscrits)."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    statut,
)

P = "clara.france_travail.activ_crea"
REFERENCE = "https://www.francetravail.fr/"


class france_travail_activ_crea_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Activ'Créa : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


CRITERES = (
    "france_travail_activ_crea_dispositif_ouvert",
    "critere_inscrit_france_travail",
)


class france_travail_activ_crea_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Activ'Créa : statut d'éligibilité"
    documentation = (
        "Statut de « Activ'Créa : explorer la piste de la création d'entreprise » (France Travail) pour la personne et le mois "
        "évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « activ_crea » (GET /aides/activ_crea)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_activ_crea_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Activ'Créa : éligible"

    def formula(individu, period):
        return individu("france_travail_activ_crea_statut", period) == StatutEligibilite.eligible
