"""Service militaire adapté (SMA) : parcours d'insertion des jeunes ultramarins de 18 à 25 ans dans un cadre militaire."""

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
    ou,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre
from openfisca_clara.variables.profil.situation import Nationalite

P = "clara.etat.sma"
REFERENCE = "https://www.service-public.fr/particuliers/vosdroits/F35860"


class etat_sma_ne_outre_mer(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être né(e) dans un département ou une collectivité d'outre-mer"


class etat_sma_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Service militaire adapté : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_sma_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 18 et 25 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


class etat_sma_nationalite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être de nationalité française"
    reference = REFERENCE

    def formula(individu, period, parameters):
        nationalite = individu("nationalite_declaree", period)
        return np.select(
            [np.isin(nationalite, [Nationalite.francaise.index]), np.isin(nationalite, [Nationalite.ue_eee_suisse.index, Nationalite.autre.index])],
            [VRAI, FAUX],
            INCONNU,
        ).astype(np.int8)


class etat_sma_territoire(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider habituellement en outre-mer, ou y être né(e)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        commune_connue = individu.menage("commune_renseignee", period)
        reside = critere(commune_connue, individu.menage("reside_outre_mer", period))
        return ou(reside, reponse_oui(individu("etat_sma_ne_outre_mer", period)))


CRITERES = (
    "etat_sma_dispositif_ouvert",
    "etat_sma_age",
    "etat_sma_nationalite",
    "etat_sma_territoire",
)


class etat_sma_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Service militaire adapté : statut d'éligibilité"
    documentation = (
        "Statut de « Service militaire adapté (SMA) — outre-mer » (État (ministère des Outre-mer)) pour la personne et le mois "
        "évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « sma » (GET /aides/sma)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_sma_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Service militaire adapté : éligible"

    def formula(individu, period):
        return individu("etat_sma_statut", period) == StatutEligibilite.eligible
