"""Volontariat international en administration (VIA) : mission de 6 à 24 mois dans un service de l'État à l'étranger, pour les 18-28 ans français ou ressortissants de l'UE/EEE."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere_ouverture,
    et,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre
from openfisca_clara.variables.profil.situation import Nationalite

P = "clara.etat.via"
REFERENCE = "https://mon-vie-via.businessfrance.fr/"


class etat_via_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Volontariat international en administration (VIA) : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_via_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 18 et 28 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


class etat_via_nationalite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être de nationalité française ou ressortissant(e) de l'Union européenne ou de l'EEE"
    reference = REFERENCE

    def formula(individu, period, parameters):
        nationalite = individu("nationalite_declaree", period)
        return np.select(
            [np.isin(nationalite, [Nationalite.francaise.index, Nationalite.ue_eee_suisse.index]), np.isin(nationalite, [Nationalite.autre.index])],
            [VRAI, FAUX],
            INCONNU,
        ).astype(np.int8)


CRITERES = (
    "etat_via_dispositif_ouvert",
    "etat_via_age",
    "etat_via_nationalite",
)


class etat_via_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Volontariat international en administration (VIA) : statut d'éligibilité"
    documentation = (
        "Statut de « Volontariat international en administration (VIA) » (État (ministère de l'Europe et des Affaires étrangères,"
        " Business France)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les "
        "critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les "
        "variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du "
        "catalogue « via » (GET /aides/via)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_via_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Volontariat international en administration (VIA) : éligible"

    def formula(individu, period):
        return individu("etat_via_statut", period) == StatutEligibilite.eligible
