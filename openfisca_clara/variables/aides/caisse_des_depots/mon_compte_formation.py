"""Compte personnel de formation (CPF), mobilisé sur Mon Compte Formation (art. L.6323-1 du code du travail)."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    NON_RENSEIGNE,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    parametre_aux_dates,
    renseigne,
    statut,
)

P = "clara.caisse_des_depots.mon_compte_formation"
REFERENCE = "https://www.moncompteformation.gouv.fr/"


class caisse_des_depots_cpf_droits_euros(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Droits disponibles sur le compte personnel de formation, en euros ; −1 : non renseigné"


class caisse_des_depots_cpf_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Compte personnel de formation : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class caisse_des_depots_cpf_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au moins 16 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_minimum")
        return critere(renseigne(age), age >= minimum)


class caisse_des_depots_cpf_droits(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir des droits disponibles sur son compte personnel de formation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        droits = individu("caisse_des_depots_cpf_droits_euros", period)
        return critere(renseigne(droits), droits > 0)


CRITERES = (
    "caisse_des_depots_cpf_dispositif_ouvert",
    "caisse_des_depots_cpf_age",
    "caisse_des_depots_cpf_droits",
)


class caisse_des_depots_cpf_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Compte personnel de formation : statut d'éligibilité"
    documentation = (
        "Statut de « Financer une formation avec son compte personnel de formation (Mon Compte Formation) » (Caisse des dépôts "
        "(Mon Compte Formation)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les "
        "critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les "
        "variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du "
        "catalogue « mon_compte_formation » (GET /aides/mon_compte_formation)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class caisse_des_depots_cpf_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Compte personnel de formation : éligible"

    def formula(individu, period):
        return individu("caisse_des_depots_cpf_statut", period) == StatutEligibilite.eligible
