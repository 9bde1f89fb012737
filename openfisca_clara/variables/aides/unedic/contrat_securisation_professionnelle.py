"""Contrat de sécurisation professionnelle (CSP) : 12 mois d'accompagnement renforcé par France Travail après un
licenciement pour motif économique, avec l'allocation de sécurisation professionnelle (ASP) financée par l'Unédic.

Textes : code du travail, articles L. 1233-65 à L. 1233-70 (CSP) et L. 1233-71 (congé de reclassement des
entreprises d'au moins 1 000 salariés) ; convention du 26 janvier 2015 relative au CSP (procédures engagées à
compter du 1er février 2015), prorogée par avenants jusqu'au 31 décembre 2026 (avenant n° 11 du 25 novembre 2025,
agréé le 24 décembre 2025). Hors rulebook.

Modélisé : licenciement pour motif économique (déclaré) ; entreprise de moins de 1 000 salariés, ou en redressement
ou liquidation judiciaire quel que soit son effectif ; montant journalier de l'ASP : 75 % du salaire journalier de
référence (SJR) avec au moins un an d'ancienneté, sinon le montant journalier de l'ARE (`are_journaliere_brute`).

Non modélisé (fiche, « vous devez également ») : l'employeur propose le CSP et la personne y adhère dans les
21 jours ; durée d'affiliation (88 jours ou 610 heures travaillés) ; âge de la retraite non atteint ; appréciation
du seuil de 1 000 salariés au niveau du groupe. Un montant plancher (l'ASP ne serait pas inférieure à l'ARE) n'a
pas été relu dans la convention : il n'est pas appliqué.

Dates : la convention est lue à la date de la demande (approximation de la date d'engagement de la procédure).
Avant le 1er février 2015 (convention de 2011, ASP à 80 %) et après le 31 décembre 2026 (pas de prorogation connue) :
« à vérifier ».
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    NON_RENSEIGNE,
    Reponse,
    StatutEligibilite,
    critere,
    critere_montant_calculable,
    critere_ouverture,
    et,
    non,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)

P = "clara.unedic.contrat_securisation_professionnelle"
REFERENCE = "https://www.unedic.org/la-reglementation/contrat-de-securisation-professionnelle/texte-consolide-de-la-convention-du-26-janvier-2015-relative-au-contrat-de-securisation-professionnelle"


class unedic_contrat_securisation_professionnelle_licenciement_economique(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Faire l'objet d'une procédure de licenciement pour motif économique"
    reference = REFERENCE


class unedic_contrat_securisation_professionnelle_procedure_collective(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'entreprise qui licencie est en redressement ou en liquidation judiciaire"
    reference = REFERENCE


class unedic_contrat_securisation_professionnelle_effectif_entreprise(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Effectif salarié de l'entreprise qui licencie ; −1 : non renseigné"
    documentation = (
        "L'entreprise qui licencie, pas l'employeur d'un projet d'embauche (`employeur_effectif`) : les deux peuvent " "être demandés dans la même situation."
    )
    reference = REFERENCE


class unedic_contrat_securisation_professionnelle_anciennete_mois(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "month"
    label = "Ancienneté dans l'entreprise qui licencie, en mois ; −1 : non renseignée"
    reference = REFERENCE


class unedic_contrat_securisation_professionnelle_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le contrat de sécurisation professionnelle est ouvert à la date de la demande (convention du 26 janvier 2015 prorogée)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Avant 2015 (convention de 2011) et après la dernière prorogation connue : « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class unedic_contrat_securisation_professionnelle_motif_economique(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Faire l'objet d'une procédure de licenciement pour motif économique"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("unedic_contrat_securisation_professionnelle_licenciement_economique", period))


class unedic_contrat_securisation_professionnelle_entreprise(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être licencié(e) par une entreprise de moins de 1 000 salariés, ou en redressement ou liquidation judiciaire"
    reference = REFERENCE

    def formula(individu, period, parameters):
        effectif = individu("unedic_contrat_securisation_professionnelle_effectif_entreprise", period)
        seuil = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.effectif_seuil_conge_reclassement")
        petite = critere(renseigne(effectif) & ~np.isnan(seuil), effectif < np.nan_to_num(seuil))
        procedure = reponse_oui(individu("unedic_contrat_securisation_professionnelle_procedure_collective", period))
        return ou(petite, procedure)


def _asp(individu, period, parameters):
    """(montant journalier brut établi ou NaN, maximum possible) de l'ASP."""
    dates = individu("date_demande", period)
    anciennete = individu("unedic_contrat_securisation_professionnelle_anciennete_mois", period)
    sjr = individu("salaire_journalier_reference_declare", period).astype(np.float64)
    are = individu("are_journaliere_brute", period).astype(np.float64)
    taux = parametre_aux_dates(parameters, dates, f"{P}.taux_salaire_journalier_reference")
    anciennete_minimale = parametre_aux_dates(parameters, dates, f"{P}.anciennete_minimale_taux_mois")
    au_taux = np.where(renseigne(sjr) & ~np.isnan(taux), taux * sjr, np.nan)
    sous_anciennete = np.where(renseigne(are), are, np.nan)
    montant = np.select(
        [renseigne(anciennete) & (anciennete >= anciennete_minimale), renseigne(anciennete) & (anciennete < anciennete_minimale)],
        [au_taux, sous_anciennete],
        np.nan,
    )
    # Ancienneté inconnue : le plus haut des deux montants s'ils sont tous deux connus (maximum).
    maximum = np.where(np.isnan(montant), np.fmax(au_taux, sous_anciennete), montant)
    maximum = np.where(np.isnan(au_taux) | np.isnan(sous_anciennete), montant, maximum)
    return montant, maximum


class unedic_contrat_securisation_professionnelle_base_montant(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Montant de l'ASP calculable : ancienneté connue, et salaire journalier de référence (au moins un an d'ancienneté) "
        "ou ARE journalière brute (moins d'un an) connus"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        montant, _ = _asp(individu, period, parameters)
        return critere_montant_calculable(~np.isnan(montant))


class unedic_contrat_securisation_professionnelle_sans_retraite_taux_plein(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas pouvoir déjà bénéficier d'une retraite à taux plein"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("peut_beneficier_retraite_taux_plein", period)))


CRITERES = (
    "unedic_contrat_securisation_professionnelle_dispositif_ouvert",
    "unedic_contrat_securisation_professionnelle_motif_economique",
    "unedic_contrat_securisation_professionnelle_entreprise",
    "unedic_contrat_securisation_professionnelle_base_montant",
    "unedic_contrat_securisation_professionnelle_sans_retraite_taux_plein",
)


class unedic_contrat_securisation_professionnelle_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Contrat de sécurisation professionnelle (CSP) : statut d'éligibilité"
    documentation = (
        "Statut de « Contrat de sécurisation professionnelle (CSP) et allocation de sécurisation professionnelle (ASP) » (France "
        "Travail pour l'Unédic et l'État) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est "
        "inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères,"
        " les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche "
        "du catalogue « contrat_securisation_professionnelle » (GET /aides/contrat_securisation_professionnelle)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class unedic_contrat_securisation_professionnelle_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Contrat de sécurisation professionnelle (CSP) : éligible"

    def formula(individu, period):
        return individu("unedic_contrat_securisation_professionnelle_statut", period) == StatutEligibilite.eligible


class unedic_contrat_securisation_professionnelle_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = (
        "Allocation de sécurisation professionnelle (ASP), montant journalier brut : 75 % du SJR avec au moins un an "
        "d'ancienneté, sinon l'ARE journalière brute ; ancienneté inconnue : le plus haut des deux (maximum) ; 0 et « à vérifier » "
        "si la base manque"
    )
    documentation = (
        "Montant de « Contrat de sécurisation professionnelle (CSP) et allocation de sécurisation professionnelle (ASP) », en "
        "euros, par jour ; 0 quand l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). "
        "Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu, la fiche « contrat_securisation_professionnelle"
        " » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        _, maximum = _asp(individu, period, parameters)
        montant = np.nan_to_num(maximum)
        eligible_ou_a_verifier = individu("unedic_contrat_securisation_professionnelle_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.round(montant, 2), 0)
