"""EURES Targeted Mobility Scheme (programme européen, France Travail partenaire) — rulebook §10.2.

Aides à la mobilité pour un emploi (au moins 6 mois) ou un stage (au moins 3 mois) dans un autre pays de
l'Union européenne, en Norvège ou en Islande, demandées avant le début de l'emploi. Les montants dépendent
de l'appel à projets en cours (110 à 385 € pour un entretien selon la distance, 770 à 1 540 € pour
s'installer selon la destination, cours de langue jusqu'à 2 200 €...) : ils ne sont pas calculés (montant
null dans la fiche, détail dans `montant_explication`). La disponibilité du programme en 2026 n'est pas
établie (rulebook §10.2, UNCERTAIN) : à partir du 1er janvier 2026, le critère de financement reste
« à vérifier ».

`nationalite_declaree` regroupe l'UE, l'EEE et la Suisse, et `projet_lieu` l'EEE, la Suisse, Andorre et
Monaco : les réponses propres à l'aide précisent ce qui compte ici (UE, Norvège, Islande).
"""

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
    date_renseignee,
    et,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.profil.situation import Nationalite
from openfisca_clara.variables.projet.projet import LieuProjet, TypeContrat, TypeProjet

P = "clara.union_europeenne.eures_tms"
REFERENCE = "https://eures.europa.eu/jobseekers/eures-targeted-mobility-scheme_en"


class union_europeenne_eures_tms_nationalite_eligible(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir la nationalité d'un pays de l'Union européenne, de la Norvège ou de l'Islande, ou un titre de résident de longue durée dans l'UE"
    documentation = "Précise `nationalite_declaree` quand elle vaut « UE, EEE ou Suisse » (la Suisse n'est pas couverte) ou « autre pays »."


class union_europeenne_eures_tms_destination_eligible(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'emploi ou le stage est situé dans un autre pays de l'Union européenne, en Norvège ou en Islande"
    documentation = "Précise `projet_lieu` quand il vaut « EEE, Suisse, Andorre ou Monaco » (Suisse, Andorre et Monaco ne sont pas couverts)."


class union_europeenne_eures_tms_stage(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Le projet est un stage (et non un contrat de travail)"


class union_europeenne_eures_tms_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le programme EURES TMS est proposé en France à la date de la demande (depuis 2021)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class union_europeenne_eures_tms_financement(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Un appel à projets EURES TMS est en cours (disponibilité en 2026 non confirmée)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        confirme = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.financement_confirme", defaut=0) == 1
        return selon(confirme, VRAI, INCONNU)


class union_europeenne_eures_tms_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir 18 ans ou plus"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_minimum")
        return critere(renseigne(age), age >= minimum)


class union_europeenne_eures_tms_nationalite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être ressortissant(e) de l'Union européenne, de la Norvège ou de l'Islande, ou résident(e) de longue durée dans l'UE"
    reference = REFERENCE

    def formula(individu, period):
        nationalite = individu("nationalite_declaree", period)
        precise = reponse_oui(individu("union_europeenne_eures_tms_nationalite_eligible", period))
        return np.where(nationalite == Nationalite.francaise, VRAI, precise).astype(np.int8)


class union_europeenne_eures_tms_destination(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Emploi ou stage dans un autre pays de l'Union européenne, en Norvège ou en Islande"
    reference = REFERENCE

    def formula(individu, period):
        lieu = individu("projet_lieu", period)
        precise = reponse_oui(individu("union_europeenne_eures_tms_destination_eligible", period))
        return np.select(
            [lieu == LieuProjet.non_renseigne, lieu == LieuProjet.eee_suisse_andorre_monaco],
            [precise, precise],
            FAUX,  # France (métropole ou outre-mer) ou pays hors de l'Europe
        ).astype(np.int8)


class union_europeenne_eures_tms_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Postuler ou être recruté(e) pour un emploi d'au moins 6 mois, ou un stage d'au moins 3 mois"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        projet = individu("projet_type", period)
        contrat = individu("projet_contrat_type", period)
        duree = individu("projet_contrat_duree_mois", period)
        stage = individu("union_europeenne_eures_tms_stage", period)
        minimum_contrat = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_mois")
        minimum_stage = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_stage_mois")

        duree_connue = renseigne(duree)
        par_duree = critere(duree_connue, duree >= minimum_contrat)
        comme_contrat = np.select(
            # un volontariat n'est pas un contrat de travail ; type inconnu : un CDI (admis quelle que soit la durée) comme
            # un volontariat (exclu) restent possibles
            [contrat == TypeContrat.cdi, contrat == TypeContrat.volontariat_international, contrat == TypeContrat.non_renseigne],
            [VRAI, FAUX, INCONNU],
            par_duree,
        ).astype(np.int8)
        comme_stage = critere(duree_connue, duree >= minimum_stage)
        # Stage ou contrat inconnu : 6 mois suffisent dans les deux cas, moins de 3 mois dans aucun.
        selon_stage = np.select(
            [stage == Reponse.oui, stage == Reponse.non],
            [comme_stage, comme_contrat],
            ou(comme_contrat, et(comme_stage, INCONNU)),
        )
        projet_couvert = np.isin(projet, [TypeProjet.entretien_embauche.index, TypeProjet.reprise_emploi.index])
        return np.select(
            [projet == TypeProjet.non_renseigne, projet_couvert],
            [et(INCONNU, selon_stage), selon_stage],
            FAUX,
        ).astype(np.int8)


class union_europeenne_eures_tms_avant_debut(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Faire la demande avant le début de l'emploi ou du stage"
    reference = REFERENCE

    def formula(individu, period):
        debut = individu("projet_date_debut", period)
        return critere(date_renseignee(debut), individu("date_demande", period) < debut)


CRITERES = (
    "union_europeenne_eures_tms_dispositif_ouvert",
    "union_europeenne_eures_tms_financement",
    "union_europeenne_eures_tms_age",
    "union_europeenne_eures_tms_nationalite",
    "union_europeenne_eures_tms_destination",
    "union_europeenne_eures_tms_emploi",
    "union_europeenne_eures_tms_avant_debut",
)


class union_europeenne_eures_tms_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "EURES Targeted Mobility Scheme : statut d'éligibilité"
    documentation = (
        "Statut de « EURES Targeted Mobility Scheme (aides pour travailler dans un autre pays européen) » (Union européenne "
        "(EURES, avec France Travail)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est "
        "inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères,"
        " les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §10.2 ; fiche"
        " du catalogue « eures_tms » (GET /aides/eures_tms)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class union_europeenne_eures_tms_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "EURES Targeted Mobility Scheme : éligible"

    def formula(individu, period):
        return individu("union_europeenne_eures_tms_statut", period) == StatutEligibilite.eligible
