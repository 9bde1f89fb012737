"""Cumul de l'ARE avec le salaire d'une activité reprise : l'allocataire qui reprend un emploi salarié garde
chaque mois une partie de son ARE (assurance chômage, versée par France Travail pour l'Unédic). Hors rulebook ;
Clara l'affichait comme « Aide incitative à la reprise d'emploi (activité salariée) ».

Règle (règlement d'assurance chômage annexé au décret n° 2019-797, repris par la convention du 15 novembre 2024 ;
fiche Unédic « Cumul allocation-salaire ») : ARE versée pour le mois = ARE du mois sans reprise d'activité
− 70 % de la rémunération brute de l'activité reprise ; le total allocation + salaire ne dépasse pas le salaire
mensuel de référence (SJR × 30,42). Le montant calculé ici est ce résultat, au centime.

Écarts et incertitudes :
* France Travail convertit ce montant en jours indemnisables (montant ÷ ARE journalière) arrondis à l'entier le
  plus proche (fiche Unédic) : le versement réel peut différer de moins d'une ARE journalière ; l'arrondi en jours
  n'est pas appliqué ici (son articulation avec le plafond n'est pas décrite dans les sources lues).
* « ARE du mois » : l'ARE journalière brute × le nombre de jours du mois évalué, sauf si la personne la donne
  (`unedic_cumul_are_reprise_activite_are_mensuelle`). Le coefficient 30,42 du plafond vient de la fiche Unédic
  (date de passage non relue).
* Les articles du règlement de la convention du 15 novembre 2024 n'ont pas été relus : la règle est supposée
  inchangée ; avant le 1er novembre 2019 (convention de 2014, même taux de 70 %), « à vérifier ».
* Le cumul avec une activité non salariée (créateurs) suit d'autres règles : voir `maintien_are_createur`.
"""

import calendar

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    NON_RENSEIGNE,
    VRAI,
    StatutEligibilite,
    centimes,
    critere,
    critere_ouverture,
    et,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.unedic.cumul_are_reprise_activite"
REFERENCE = "https://www.unedic.org/indemnisation/fiches-thematiques/cumul-allocation-salaire"


class unedic_cumul_are_reprise_activite_salaire_brut_mensuel(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Rémunération brute du mois tirée de l'activité salariée reprise ; −1 : non renseignée"
    reference = REFERENCE


class unedic_cumul_are_reprise_activite_are_mensuelle(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "ARE brute qui serait versée pour le mois sans reprise d'activité ; −1 : non renseignée"
    documentation = "À défaut d'être donnée : ARE journalière brute (`are_journaliere_brute`) × nombre de jours du mois évalué."
    reference = REFERENCE

    def formula(individu, period):
        journaliere = individu("are_journaliere_brute", period).astype(np.float64)
        jours = calendar.monthrange(period.start.year, period.start.month)[1]
        return np.where(renseigne(journaliere), journaliere * jours, NON_RENSEIGNE)


class unedic_cumul_are_reprise_activite_plafond_mensuel(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Plafond mensuel du cumul ARE + salaire : salaire mensuel de référence (SJR × 30,42) ; −1 : non renseigné"
    reference = REFERENCE

    def formula(individu, period, parameters):
        sjr = individu("salaire_journalier_reference_declare", period).astype(np.float64)
        jours = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.jours_plafond_mensuel")
        connu = renseigne(sjr) & ~np.isnan(jours)
        return np.where(connu, np.round(sjr * np.nan_to_num(jours), 2), NON_RENSEIGNE)


class unedic_cumul_are_reprise_activite_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le cumul de l'ARE et d'un salaire est ouvert à la date de la demande (règles modélisées depuis le 1er novembre 2019)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Le cumul existait avant (convention de 2014) : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class unedic_cumul_are_reprise_activite_droits_are(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Percevoir l'allocation d'aide au retour à l'emploi (ARE)"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("percoit_are", period))


class unedic_cumul_are_reprise_activite_reliquat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir encore des jours d'ARE à percevoir"
    reference = REFERENCE

    def formula(individu, period):
        jours = individu("are_droits_restants_jours", period)
        return critere(renseigne(jours), jours > 0)


class unedic_cumul_are_reprise_activite_reprise(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Reprendre ou exercer une activité salariée"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        reprise = critere(projet != TypeProjet.non_renseigne, projet == TypeProjet.reprise_emploi)
        return ou(reponse_oui(individu("en_emploi", period)), reprise)


def _montants(individu, period, parameters):
    """(ARE du mois − 70 % du salaire, plafond − salaire, connus) en euros ; inconnu : NaN."""
    salaire = individu("unedic_cumul_are_reprise_activite_salaire_brut_mensuel", period).astype(np.float64)
    are = individu("unedic_cumul_are_reprise_activite_are_mensuelle", period).astype(np.float64)
    plafond = individu("unedic_cumul_are_reprise_activite_plafond_mensuel", period).astype(np.float64)
    taux = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.taux_deduction_remuneration")
    salaire_connu = renseigne(salaire)
    apres_deduction = np.where(salaire_connu & renseigne(are) & ~np.isnan(taux), are - np.nan_to_num(taux) * salaire, np.nan)
    sous_plafond = np.where(salaire_connu & renseigne(plafond), centimes(plafond) - centimes(salaire), np.nan) / 100
    return apres_deduction, sous_plafond


class unedic_cumul_are_reprise_activite_allocation_restante(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Une fois déduits 70 % du salaire, rester sous le salaire mensuel de référence avec une allocation à verser"
    reference = REFERENCE

    def formula(individu, period, parameters):
        apres_deduction, sous_plafond = _montants(individu, period, parameters)
        deduction_nulle = ~np.isnan(apres_deduction) & (centimes(apres_deduction) <= 0)
        plafond_atteint = ~np.isnan(sous_plafond) & (centimes(sous_plafond) <= 0)
        tout_connu = ~np.isnan(apres_deduction) & ~np.isnan(sous_plafond)
        return np.select([deduction_nulle | plafond_atteint, tout_connu], [FAUX, VRAI], INCONNU).astype(np.int8)


CRITERES = (
    "unedic_cumul_are_reprise_activite_dispositif_ouvert",
    "unedic_cumul_are_reprise_activite_droits_are",
    "unedic_cumul_are_reprise_activite_reliquat",
    "unedic_cumul_are_reprise_activite_reprise",
    "unedic_cumul_are_reprise_activite_allocation_restante",
)


class unedic_cumul_are_reprise_activite_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Cumul de l'ARE avec le salaire d'une activité reprise : statut d'éligibilité"
    documentation = (
        "Statut de « Cumul de l'allocation chômage (ARE) avec le salaire d'un emploi repris » (France Travail pour l'Unédic "
        "(assurance chômage)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les "
        "critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les "
        "variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du "
        "catalogue « cumul_are_reprise_activite » (GET /aides/cumul_are_reprise_activite)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class unedic_cumul_are_reprise_activite_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Cumul de l'ARE avec le salaire d'une activité reprise : éligible"

    def formula(individu, period):
        return individu("unedic_cumul_are_reprise_activite_statut", period) == StatutEligibilite.eligible


class unedic_cumul_are_reprise_activite_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = (
        "ARE versée pour le mois en cumul avec le salaire : ARE du mois − 70 % du salaire brut, dans la limite du salaire "
        "mensuel de référence ; salaire ou plafond inconnus : le maximum (l'ARE du mois)"
    )
    documentation = (
        "Montant de « Cumul de l'allocation chômage (ARE) avec le salaire d'un emploi repris », en euros, par mois ; 0 quand "
        "l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier,"
        " ou que le montant dépend d'un fait inconnu, la fiche « cumul_are_reprise_activite » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        are = individu("unedic_cumul_are_reprise_activite_are_mensuelle", period).astype(np.float64)
        apres_deduction, sous_plafond = _montants(individu, period, parameters)
        maximum = np.where(renseigne(are), are, 0)
        montant = np.minimum(np.where(np.isnan(apres_deduction), maximum, apres_deduction), np.where(np.isnan(sous_plafond), np.inf, sous_plafond))
        montant = centimes(np.maximum(montant, 0)) / 100
        eligible_ou_a_verifier = individu("unedic_cumul_are_reprise_activite_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, montant, 0)
