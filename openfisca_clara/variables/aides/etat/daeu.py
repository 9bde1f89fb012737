"""Diplôme d'accès aux études universitaires (DAEU), arrêté du 3 août 1994 : sans baccalauréat, 24 ans, ou 20 ans avec deux ans d'activité."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)

P = "clara.etat.daeu"
REFERENCE = "https://www.enseignementsup-recherche.gouv.fr/"


class etat_daeu_activite_deux_ans(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Justifier d'au moins deux ans d'activité professionnelle (ou assimilée : chômage, service civique, éducation d'un enfant...)"


class etat_daeu_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "DAEU : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_daeu_diplome(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir le baccalauréat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Indice de l'énumération = niveau de la nomenclature 2019 ; 0 : non renseigné.
        niveau = np.asarray(individu("plus_haut_diplome_niveau", period)).astype(int)
        maximum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.niveau_diplome_maximum")
        return critere(niveau > 0, niveau <= maximum)


class etat_daeu_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir 24 ans, ou 20 ans avec deux ans d'activité professionnelle"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        dates = individu("date_demande", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        minimum_activite = parametre_aux_dates(parameters, dates, f"{P}.age_minimum_avec_activite")
        activite = reponse_oui(individu("etat_daeu_activite_deux_ans", period))
        return np.select(
            [~renseigne(age), age >= minimum, age >= minimum_activite],
            [INCONNU, VRAI, activite],
            FAUX,
        ).astype(np.int8)


class etat_daeu_etudes_interrompues_deux_ans(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir interrompu ses études initiales depuis au moins deux ans"


class etat_daeu_interruption_etudes(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir interrompu ses études initiales depuis au moins deux ans"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("etat_daeu_etudes_interrompues_deux_ans", period))


CRITERES = (
    "etat_daeu_dispositif_ouvert",
    "etat_daeu_diplome",
    "etat_daeu_age",
    "etat_daeu_interruption_etudes",
)


class etat_daeu_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "DAEU : statut d'éligibilité"
    documentation = (
        "Statut de « Diplôme d'accès aux études universitaires (DAEU) » (État (universités)) pour la personne et le mois évalués "
        ": éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : hors rulebook ; fiche du catalogue « daeu » (GET /aides/daeu)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_daeu_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "DAEU : éligible"

    def formula(individu, period):
        return individu("etat_daeu_statut", period) == StatutEligibilite.eligible
