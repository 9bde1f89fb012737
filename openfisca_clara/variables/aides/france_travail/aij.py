"""Accompagnement intensif des jeunes (AIJ) de France Travail — rulebook §8.2.

Un service, sans allocation propre (l'allocation du CEJ, §8.1, s'applique quand un CEJ est signé) : pas de
variable montant. Règle de Clara (2018) : inscrit(e) et âgé(e) de moins de 26 ans, ou de 26 à 29 ans et
résidant en QPV. Ce qui tient encore : la borne des moins de 26 ans (pages de Pôle emploi 2015-2021) ; depuis
2022 le CEJ de France Travail est suivi en AIJ, ce qui l'ouvre aussi jusqu'à 29 ans avec une RQTH
(L. 5131-6). Les autres accès après 26 ans (« jusqu'à 30 ans selon certaines conditions ») ne sont pas
publiés : entre 26 et 29 ans, sans QPV ni RQTH, le critère reste « à vérifier ».
"""

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
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)

P = "clara.france_travail.aij"
REFERENCE = "https://www.pole-emploi.fr/actualites/a-laffiche/accompagnement-individualise-AIJ.html"


class france_travail_aij_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'accompagnement intensif des jeunes est proposé à la date de la demande (depuis novembre 2014)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_aij_inscription(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi à France Travail"
    reference = REFERENCE

    def formula(individu, period):
        return individu("critere_inscrit_france_travail", period)


class france_travail_aij_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir moins de 26 ans, ou moins de 30 ans en résidant dans un quartier prioritaire (QPV) ou avec une reconnaissance de travailleur handicapé"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        age = individu("age_declare", period)
        maximum = parametre_aux_dates(parameters, dates, f"{P}.age_maximum")
        maximum_derogatoire = parametre_aux_dates(parameters, dates, f"{P}.age_maximum_derogatoire")
        derogation = ou(reponse_oui(individu("reside_en_qpv", period)), reponse_oui(individu("rqth", period)))
        # Entre 26 et 29 ans sans QPV ni RQTH : conditions non publiées, « à vérifier » plutôt que « non ».
        derogation = np.maximum(derogation, INCONNU).astype(np.int8)
        return np.select(
            [~renseigne(age), age <= maximum, age <= maximum_derogatoire],
            [INCONNU, VRAI, derogation],
            FAUX,
        ).astype(np.int8)


CRITERES = (
    "france_travail_aij_dispositif_ouvert",
    "france_travail_aij_inscription",
    "france_travail_aij_age",
)


class france_travail_aij_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement intensif des jeunes (AIJ) : statut d'éligibilité"
    documentation = (
        "Statut de « Accompagnement intensif des jeunes (AIJ) » (France Travail) pour la personne et le mois évalués : éligible, "
        "à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est "
        "pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : rulebook §8.2 ; fiche du catalogue « aij » (GET /aides/aij)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_aij_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement intensif des jeunes (AIJ) : éligible"

    def formula(individu, period):
        return individu("france_travail_aij_statut", period) == StatutEligibilite.eligible
