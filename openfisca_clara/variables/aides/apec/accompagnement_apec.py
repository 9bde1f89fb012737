"""Accompagnement de l'Apec : cadres (en poste ou en recherche) et jeunes diplômés de l'enseignement supérieur."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    ou,
    parametre_aux_dates,
    reponse_oui,
    statut,
)

P = "clara.apec.accompagnement_apec"
REFERENCE = "https://www.apec.fr/"


class apec_accompagnement_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement de l'Apec : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class apec_accompagnement_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être cadre ou rechercher un poste de cadre, ou être jeune diplômé(e) de l'enseignement supérieur (bac+3 ou plus)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        cadre = reponse_oui(individu("cadre_ou_recherche_poste_cadre", period))
        # Indice de l'énumération = niveau de la nomenclature 2019 ; 0 : non renseigné.
        niveau = np.asarray(individu("plus_haut_diplome_niveau", period)).astype(int)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.niveau_diplome_minimum_jeune_diplome")
        # Diplômé(e) bac+3 ou plus mais pas cadre : l'Apec accompagne les « jeunes » diplômés, ce qui n'est pas défini par un âge : à vérifier.
        jeune_diplome_possible = np.minimum(critere(niveau > 0, niveau >= minimum), INCONNU).astype(np.int8)
        return ou(cadre, jeune_diplome_possible)


CRITERES = (
    "apec_accompagnement_dispositif_ouvert",
    "apec_accompagnement_public",
)


class apec_accompagnement_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement Apec : statut d'éligibilité"
    documentation = (
        "Statut de « Accompagnement des cadres et des jeunes diplômés par l'Apec » (Apec (Association pour l'emploi des cadres)) "
        "pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le "
        "nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 "
        "dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "accompagnement_apec » (GET /aides/accompagnement_apec)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class apec_accompagnement_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement Apec : éligible"

    def formula(individu, period):
        return individu("apec_accompagnement_statut", period) == StatutEligibilite.eligible
