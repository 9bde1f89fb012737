"""Préparation opérationnelle à l'emploi collective (POEC, art. L.6326-3 du code du travail)."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    ou,
    statut,
)

P = "clara.france_travail.poec"
REFERENCE = "https://www.francetravail.fr/"


class france_travail_poec_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "POEC : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_poec_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi, ou salarié(e) en contrat aidé (CUI) ou en structure d'insertion"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Demandeur d'emploi inscrit, ou salarié en CUI, en structure d'insertion ou en entreprise adaptée (L.6326-1 et L.6326-3) :
        # non inscrit mais en emploi, c'est possible ; ni inscrit ni en emploi, non.
        en_emploi = individu("en_emploi", period)
        salarie_possible = np.select([en_emploi == Reponse.non, en_emploi == Reponse.oui], [FAUX, INCONNU], INCONNU).astype(np.int8)
        return ou(individu("critere_inscrit_france_travail", period), salarie_possible)


CRITERES = (
    "france_travail_poec_dispositif_ouvert",
    "france_travail_poec_public",
)


class france_travail_poec_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "POEC : statut d'éligibilité"
    documentation = (
        "Statut de « Préparation opérationnelle à l'emploi collective (POEC) » (France Travail et les opérateurs de compétences "
        "(OPCO)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "poec » (GET /aides/poec)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_poec_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "POEC : éligible"

    def formula(individu, period):
        return individu("france_travail_poec_statut", period) == StatutEligibilite.eligible
