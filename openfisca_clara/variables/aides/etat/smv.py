"""Service militaire volontaire (SMV) : parcours d'insertion dans un cadre militaire pour les 18-25 ans de nationalité française résidant en métropole."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre
from openfisca_clara.variables.profil.situation import Nationalite

P = "clara.etat.smv"
REFERENCE = "https://www.service-public.fr/particuliers/vosdroits/F35860"


class etat_smv_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Service militaire volontaire : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_smv_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 18 et 25 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


class etat_smv_nationalite(Variable):
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


class etat_smv_territoire(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider en France métropolitaine (ou à l'étranger) : outre-mer, c'est le service militaire adapté"
    reference = REFERENCE

    def formula(individu, period, parameters):
        commune_connue = individu.menage("commune_renseignee", period)
        return critere(commune_connue, ~individu.menage("reside_outre_mer", period))


CRITERES = (
    "etat_smv_dispositif_ouvert",
    "etat_smv_age",
    "etat_smv_nationalite",
    "etat_smv_territoire",
)


class etat_smv_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Service militaire volontaire : statut d'éligibilité"
    documentation = (
        "Statut de « Service militaire volontaire (SMV) » (État (ministère des Armées)) pour la personne et le mois évalués : "
        "éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : hors rulebook ; fiche du catalogue « smv » (GET /aides/smv)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_smv_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Service militaire volontaire : éligible"

    def formula(individu, period):
        return individu("etat_smv_statut", period) == StatutEligibilite.eligible
