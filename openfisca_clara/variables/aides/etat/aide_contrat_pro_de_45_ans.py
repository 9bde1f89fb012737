"""Aide de l'État à l'embauche en contrat de professionnalisation d'un demandeur d'emploi de 45 ans ou plus
(rulebook §7.7), gérée par France Travail (« PEPS »).

Décret n° 2011-524 du 16 mai 2011 ; instruction DG n° 2019-29 du 10 octobre 2019. Lue du côté de la personne.
Conditions : demandeur d'emploi, 45 ans ou plus au début d'exécution du contrat ; contrat de professionnalisation
commençant après le 1er mars 2011 ; mêmes employeurs que l'aide forfaitaire à l'employeur (§7.6) ; la personne
n'était pas dans l'effectif dans les 6 mois précédents ; pas de licenciement économique sur le poste dans les
6 mois ; demande dans les 3 mois. Montant : 2 000 € (1 000 € après le 3e mois, 1 000 € après le 10e), proratisés
à temps partiel ; cumulable avec l'AFE (4 000 € au total pour une personne de 45 ans ou plus).

Aucune abrogation trouvée, mais l'aide n'est pas confirmée en 2026 : pour les contrats à partir du
1er janvier 2026, « à vérifier » (UNCERTAIN, rulebook §7.7, §14).
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

P = "clara.etat.aide_contrat_pro_de_45_ans"
REFERENCE = "https://code.travail.gouv.fr/fiche-ministere-travail/laide-a-lembauche-dun-demandeur-demploi-de-45-ans-et-plus-en-contrat-de-professionnalisation"


class etat_aide_contrat_pro_de_45_ans_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide de l'État aux contrats de professionnalisation des 45 ans et plus est attribuée pour un contrat commençant à cette date"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_dispositif_contrat_pro(individu, period, parameters, P)


class etat_aide_contrat_pro_de_45_ans_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir 45 ans ou plus au début du contrat de professionnalisation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_debut_contrat_pro(individu, period, parameters, P)


class etat_aide_contrat_pro_de_45_ans_delai(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Demande de l'employeur au plus tard 3 mois après le début du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_delai_demande_contrat_pro(individu, period, parameters, P)


CRITERES = (
    "etat_aide_contrat_pro_de_45_ans_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "etat_aide_contrat_pro_de_45_ans_age",
    "critere_contrat_professionnalisation",
    "critere_employeur_aides_contrat_professionnalisation",
    "critere_pas_dans_effectif_employeur_6_mois",
    "critere_pas_de_licenciement_economique_poste_6_mois",
    "etat_aide_contrat_pro_de_45_ans_delai",
    "critere_employeur_a_jour_cotisations",
)


class etat_aide_contrat_pro_de_45_ans_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide de l'État (contrat de professionnalisation, 45 ans ou plus) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide de l'État à l'embauche en contrat de professionnalisation d'un demandeur d'emploi de 45 ans ou plus » "
        "(État) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus"
        " le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières "
        "−1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §7.7 ; fiche du catalogue « "
        "aide_contrat_pro_de_45_ans » (GET /aides/aide_contrat_pro_de_45_ans)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_aide_contrat_pro_de_45_ans_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide de l'État (contrat de professionnalisation, 45 ans ou plus) : éligible"

    def formula(individu, period):
        return individu("etat_aide_contrat_pro_de_45_ans_statut", period) == StatutEligibilite.eligible


class etat_aide_contrat_pro_de_45_ans_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide de l'État aux 45 ans et plus en contrat de professionnalisation : montant total (2 000 € à temps plein, proratisé ; maximum si la durée est inconnue)"
    documentation = (
        "Montant de « Aide de l'État à l'embauche en contrat de professionnalisation d'un demandeur d'emploi de 45 ans ou plus »,"
        " en euros, au total, sur la durée de l'aide ; 0 quand l'aide est non éligible. Les taux, plafonds et barèmes sont des "
        "paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu, la fiche « "
        "aide_contrat_pro_de_45_ans » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule "
        "(montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        montant = montant_aide_contrat_pro(individu, period, parameters, P)
        retenu = individu("etat_aide_contrat_pro_de_45_ans_statut", period) != StatutEligibilite.non_eligible
        return np.where(retenu, montant, 0)
