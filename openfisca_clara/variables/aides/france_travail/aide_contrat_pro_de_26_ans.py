"""Aide forfaitaire à l'employeur (AFE) de France Travail : embauche en contrat de professionnalisation d'un
demandeur d'emploi de 26 ans ou plus (rulebook §7.6).

Délibération n° 2011/18 du 24 mai 2011 ; instruction DG n° 2019-29 du 10 octobre 2019. Lue du côté de la
personne : « mon embauche ouvrirait-elle l'AFE ? ». Conditions : demandeur d'emploi inscrit, 26 ans ou plus au
début du contrat ; contrat de professionnalisation (CDD ou CDI) ; employeur assujetti au financement de la
formation professionnelle continue (pas l'État, une collectivité, un particulier) ; la personne n'était pas dans
l'effectif dans les 6 mois précédents ; pas de licenciement économique sur le poste dans les 6 mois ; demande
dans les 3 mois suivant le début du contrat. Montant : 2 000 € au plus (1 000 € après le 3e mois, 1 000 € après
le 10e mois de l'action de professionnalisation), proratisés à temps partiel. Cumulable avec l'aide de l'État
pour les 45 ans et plus (§7.7).

Les dates (ouverture, existence confirmée, barème) se lisent au début du contrat (à défaut, à la date de la
demande). Aucune abrogation trouvée, mais l'aide n'est pas confirmée en 2026 : pour les contrats à partir du
1er janvier 2026, « à vérifier » (UNCERTAIN, rulebook §7.6, §14).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import StatutEligibilite, et, statut
from openfisca_clara.variables.criteres.contrat_professionnalisation import (
    critere_age_debut_contrat_pro,
    critere_delai_demande_contrat_pro,
    critere_dispositif_contrat_pro,
    montant_aide_contrat_pro,
)

P = "clara.france_travail.aide_contrat_pro_de_26_ans"
REFERENCE = (
    "http://www.bo-pole-emploi.org/bulletinsofficiels/instruction-dg-n-2019-29-du-10-octobre-2019-bope-n2019-83.html"
    "?type=dossiers/2019/bope-n2019-083-du-21-octobre-2019"
)


class france_travail_aide_contrat_pro_de_26_ans_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide forfaitaire à l'employeur est attribuée pour un contrat commençant à cette date"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_dispositif_contrat_pro(individu, period, parameters, P)


class france_travail_aide_contrat_pro_de_26_ans_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir 26 ans ou plus au début du contrat de professionnalisation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_debut_contrat_pro(individu, period, parameters, P)


class france_travail_aide_contrat_pro_de_26_ans_delai(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Demande de l'employeur au plus tard 3 mois après le début du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_delai_demande_contrat_pro(individu, period, parameters, P)


CRITERES = (
    "france_travail_aide_contrat_pro_de_26_ans_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "france_travail_aide_contrat_pro_de_26_ans_age",
    "critere_contrat_professionnalisation",
    "critere_employeur_aides_contrat_professionnalisation",
    "critere_pas_dans_effectif_employeur_6_mois",
    "critere_pas_de_licenciement_economique_poste_6_mois",
    "france_travail_aide_contrat_pro_de_26_ans_delai",
    "critere_employeur_a_jour_cotisations",
)


class france_travail_aide_contrat_pro_de_26_ans_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide forfaitaire à l'employeur (contrat de professionnalisation, 26 ans ou plus) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide forfaitaire à l'employeur (AFE) pour un contrat de professionnalisation à partir de 26 ans » (France "
        "Travail) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §7.6 ; fiche du catalogue « "
        "aide_contrat_pro_de_26_ans » (GET /aides/aide_contrat_pro_de_26_ans)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_aide_contrat_pro_de_26_ans_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide forfaitaire à l'employeur (contrat de professionnalisation, 26 ans ou plus) : éligible"

    def formula(individu, period):
        return individu("france_travail_aide_contrat_pro_de_26_ans_statut", period) == StatutEligibilite.eligible


class france_travail_aide_contrat_pro_de_26_ans_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide forfaitaire à l'employeur : montant total (2 000 € à temps plein, proratisé à temps partiel ; maximum si la durée du travail est inconnue)"
    documentation = (
        "Montant de « Aide forfaitaire à l'employeur (AFE) pour un contrat de professionnalisation à partir de 26 ans », en "
        "euros, au total, sur la durée de l'aide ; 0 quand l'aide est non éligible. Les taux, plafonds et barèmes sont des "
        "paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu, la fiche « "
        "aide_contrat_pro_de_26_ans » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule "
        "(montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        montant = montant_aide_contrat_pro(individu, period, parameters, P)
        retenu = individu("france_travail_aide_contrat_pro_de_26_ans_statut", period) != StatutEligibilite.non_eligible
        return np.where(retenu, montant, 0)
