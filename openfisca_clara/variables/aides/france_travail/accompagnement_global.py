"""Accompagnement global de France Travail et du Département — rulebook §8.3.

Un service, sans allocation : pas de variable montant. L'entrée dans l'accompagnement global se décide sur
un diagnostic partagé emploi / social (conseiller France Travail et travailleur social du Département) : les
règles ne vérifient que ce qui peut l'être — être inscrit(e) à France Travail et déclarer des difficultés
sociales qui freinent la recherche d'emploi ; le reste figure dans les conditions non modélisées de la fiche.
Le dispositif repose sur une convention par Département : l'Hérault, exclu par Clara en 2018, reste « à
vérifier » (paramètre `departements_incertains`).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    lire,
    par_date,
    reponse_oui,
    statut,
)

P = "clara.france_travail.accompagnement_global"
REFERENCE = "https://www.pole-emploi.fr/region/centre-val-de-loire/candidat/conseils-a-lemploi/accompagnements---prestations/laccompagnement-global.html"


class france_travail_accompagnement_global_freins_sociaux(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Rencontrer des difficultés sociales (logement, santé, budget, garde d'enfants, mobilité...) qui freinent la recherche d'emploi"


class france_travail_accompagnement_global_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'accompagnement global est proposé à la date de la demande (depuis janvier 2014)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_accompagnement_global_inscription(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi à France Travail"
    reference = REFERENCE

    def formula(individu, period):
        return individu("critere_inscrit_france_travail", period)


class france_travail_accompagnement_global_freins(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Rencontrer des difficultés sociales qui freinent la recherche d'emploi"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("france_travail_accompagnement_global_freins_sociaux", period))


class france_travail_accompagnement_global_territoire(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider dans un département où France Travail et le Département proposent l'accompagnement global"
    reference = REFERENCE

    def formula(individu, period, parameters):
        departement = individu.menage("departement_residence", period).astype(str)
        incertain = np.zeros(individu.count, dtype=bool)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            incertain[masque] = np.isin(departement, lire(p, f"{P}.departements_incertains", []))[masque]
        return np.select([departement == "", incertain], [INCONNU, INCONNU], VRAI).astype(np.int8)


CRITERES = (
    "france_travail_accompagnement_global_dispositif_ouvert",
    "france_travail_accompagnement_global_inscription",
    "france_travail_accompagnement_global_freins",
    "france_travail_accompagnement_global_territoire",
)


class france_travail_accompagnement_global_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement global : statut d'éligibilité"
    documentation = (
        "Statut de « Accompagnement global (France Travail et Département) » (France Travail et Département) pour la personne et "
        "le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : rulebook §8.3 ; fiche du catalogue « accompagnement_global » (GET "
        "/aides/accompagnement_global)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_accompagnement_global_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Accompagnement global : éligible"

    def formula(individu, period):
        return individu("france_travail_accompagnement_global_statut", period) == StatutEligibilite.eligible
