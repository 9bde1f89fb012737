"""Établissement pour l'insertion dans l'emploi (Épide) : parcours en internat pour les 17-25 ans peu ou pas diplômés (service-public F1190)."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    parametre_aux_dates,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre
from openfisca_clara.variables.profil.situation import Nationalite

P = "clara.etat.epide"
REFERENCE = "https://www.service-public.fr/particuliers/vosdroits/F1190"


class etat_epide_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Épide : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_epide_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 17 et 25 ans (18 ans avant l'automne 2021)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


class etat_epide_nationalite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être de nationalité française, ou étrangère en situation régulière depuis plus d'un an avec autorisation de travail"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Autre nationalité ou nationalité inconnue : condition de séjour à vérifier.
        nationalite = individu("nationalite_declaree", period)
        return np.where(np.isin(nationalite, [Nationalite.francaise.index]), VRAI, INCONNU).astype(np.int8)


class etat_epide_diplome(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au plus un CAP ou un BEP (ou avoir quitté le lycée avant le baccalauréat)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Indice de l'énumération d'openfisca-france = niveau de la nomenclature 2019 ; 0 : non renseigné.
        niveau = np.asarray(individu("plus_haut_diplome_niveau", period)).astype(int)
        maximum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.niveau_diplome_maximum")
        return critere(niveau > 0, niveau <= maximum)


CRITERES = (
    "etat_epide_dispositif_ouvert",
    "etat_epide_age",
    "etat_epide_nationalite",
    "etat_epide_diplome",
)


class etat_epide_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Épide : statut d'éligibilité"
    documentation = (
        "Statut de « Parcours en Établissement pour l'insertion dans l'emploi (Épide) » (État (Épide)) pour la personne et le "
        "mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible "
        "(un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de "
        "Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « epide » (GET /aides/epide)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_epide_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Épide : éligible"

    def formula(individu, period):
        return individu("etat_epide_statut", period) == StatutEligibilite.eligible
