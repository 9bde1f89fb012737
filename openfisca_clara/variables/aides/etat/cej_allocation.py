"""Allocation du contrat d'engagement jeune (CEJ), versée par l'État (ASP) — rulebook §8.1.

Textes : article L. 5131-6 du code du travail ; décret n° 2022-199 du 18 février 2022 ; articles D. 5131-19
(montants), D. 5131-23 (dégressivité) et R. 5131-24 (non-cumul avec le RSA et la prime d'activité).

Écarts voulus avec `contrat_engagement_jeune` d'openfisca-france (voir docs/ecarts-openfisca-france.md) :

* faits déclarés au lieu de faits calculés : l'imposition du foyer fiscal est une réponse
  (`tranche_imposition_declaree`) et non `ir_tranche` calculé sur N-2 ; le RSA et la prime d'activité sont
  des réponses (`percoit_rsa`, `percoit_prime_activite`, « comme allocataire ou conjoint ») et non `rsa` /
  `ppa` calculés sur la famille : un(e) jeune seulement à charge dans le foyer RSA d'un parent n'est pas
  exclu(e), comme le prévoit R. 5131-24 (openfisca-france l'exclut dès que la famille perçoit le RSA) ;
* l'âge se compare en années révolues (16 à 25 ans, 29 avec une RQTH) à la date de la demande (`date_demande`) :
  exact avec la date de naissance, sinon encadré depuis l'âge au 1er du mois (`critere_age`) ; la RQTH et non
  le `handicap` d'openfisca-france ; « ne pas suivre de formation » est vérifié en plus de « ne pas être
  étudiant » ;
* SMIC mensuel officiel (35 × 52 / 12 heures) et non horaire × 151,67 (rulebook §1.2) ;
* ressources R déclarées en moyenne mensuelle (le texte retient la plus faible des moyennes sur 3 et 6
  mois ; openfisca-france n'en calcule que 3) ; R inconnu : montant maximal et statut « à vérifier » ;
* revenus d'activité au-delà de 80 % du SMIC (allocation nulle) : non éligible (openfisca-france : éligible,
  montant 0) ;
* montants du 1er avril 2026 : ceux de 2025 × 1,008, coefficient de l'article L. 161-25 CSS appliqué par les
  décrets du 30 mars 2026 (voir les paramètres) ; au-delà du dernier barème codé, le montant affiché est le dernier
  connu et `etat_cej_allocation_bareme_publie` vaut faux ; openfisca-france s'arrête à 2025.

À Mayotte (ou commune inconnue), les revenus d'activité au-delà de 300 € laissent le critère de ressources
« à vérifier » : le SMIC mahorais, plus bas, n'est pas codé ; le montant affiché est celui du calcul national,
un maximum. Les montants forfaitaires y sont supposés identiques (aucun montant mahorais dans les sources).

Que R soit net ou brut pour les salaires n'est pas établi (rulebook §8.1, UNCERTAIN) : l'entrée demande le
net, comme openfisca-france (`salaire_net`).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    NON_RENSEIGNE,
    VRAI,
    Reponse,
    StatutEligibilite,
    centimes,
    critere,
    critere_ouverture,
    et,
    non,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import bornes_age, critere_age
from openfisca_clara.variables.profil.ressources_foyer import TrancheImposition

P = "clara.etat.cej_allocation"
REFERENCE = "https://www.service-public.fr/particuliers/vosdroits/F32700"
REVALORISATION_MAX_ANNEES = 10


class etat_cej_allocation_en_formation(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Suivre actuellement une formation (formation professionnelle, hors études)"


class etat_cej_allocation_revenus_activite_mensuels(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Revenus d'activité du jeune (salaires nets, revenus d'indépendant...), moyenne mensuelle des derniers mois ; " "0 : aucun ; −1 : non renseigné"


class etat_cej_allocation_autres_ressources_mensuelles(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = (
        "Allocations chômage et rémunérations de stage ou de formation du jeune, moyenne mensuelle "
        "(déduites en totalité de l'allocation) ; 0 : aucune ; −1 : non renseigné"
    )


def _forfait(parameters, dates, nom):
    """Montant forfaitaire à la date de chaque personne ; après une valeur null, le dernier montant publié.

    La revalorisation du 1er avril (L. 161-25 CSS) ne peut pas baisser les montants : le dernier montant
    publié est un plancher du montant en vigueur.
    """
    chemin = f"{P}.montants.{nom}"
    dates = np.asarray(dates, dtype="datetime64[D]")
    valeurs = parametre_aux_dates(parameters, dates, chemin)
    recul = dates.copy()
    for _ in range(REVALORISATION_MAX_ANNEES):
        manquant = np.isnan(valeurs) & (recul >= np.datetime64("2022-03-01"))
        if not manquant.any():
            break
        recul = np.where(manquant, recul - np.timedelta64(365, "D"), recul)
        valeurs = np.where(manquant, parametre_aux_dates(parameters, recul, chemin), valeurs)
    return valeurs


class etat_cej_allocation_bareme_publie(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Le montant de l'allocation du CEJ en vigueur à la date de la demande est publié (sinon, le dernier publié est affiché)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return ~np.isnan(parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.montants.majeur_non_imposable"))


class etat_cej_allocation_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le contrat d'engagement jeune existe à la date de la demande (depuis le 1er mars 2022)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_cej_allocation_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 16 et 25 ans révolus (jusqu'à 29 ans révolus avec une reconnaissance de travailleur handicapé)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # L'âge à la date de la demande, pas au 1er du mois évalué (rulebook §8.1).
        dates = individu("date_demande", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        maximum = parametre_aux_dates(parameters, dates, f"{P}.age_maximum")
        maximum_rqth = parametre_aux_dates(parameters, dates, f"{P}.age_maximum_rqth")
        dans_la_tranche = critere_age(individu, period, dates, au_moins=minimum, moins_de=maximum + 1)
        avec_rqth = et(critere_age(individu, period, dates, au_moins=minimum, moins_de=maximum_rqth + 1), reponse_oui(individu("rqth", period)))
        return ou(dans_la_tranche, avec_rqth)


class etat_cej_allocation_ni_etudes_ni_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas être étudiant(e) ni suivre une formation"
    reference = REFERENCE

    def formula(individu, period):
        return et(non(reponse_oui(individu("en_etudes", period))), non(reponse_oui(individu("etat_cej_allocation_en_formation", period))))


class etat_cej_allocation_imposition(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Appartenir (ou être rattaché(e)) à un foyer fiscal non imposable ou imposé dans la première tranche"
    reference = REFERENCE

    def formula(individu, period):
        tranche = individu("tranche_imposition_declaree", period)
        return critere(
            tranche != TrancheImposition.non_renseigne,
            np.isin(tranche, [TrancheImposition.non_imposable.index, TrancheImposition.premiere_tranche.index]),
        )


class etat_cej_allocation_non_cumul(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas percevoir le RSA ni la prime d'activité comme allocataire ou conjoint (être seulement à charge d'un foyer qui les perçoit est possible)"
    reference = REFERENCE

    def formula(individu, period):
        return et(non(reponse_oui(individu("percoit_rsa", period))), non(reponse_oui(individu("percoit_prime_activite", period))))


def _bornes_montant(individu, period, parameters):
    """(montant minimal, montant maximal) compatibles avec les faits connus, avant arrondi."""
    dates = individu("date_demande", period)
    age_connu, age_min, age_max = bornes_age(individu, period, dates)
    tranche = individu("tranche_imposition_declaree", period)
    revenus = individu("etat_cej_allocation_revenus_activite_mensuels", period).astype(np.float64)
    autres = individu("etat_cej_allocation_autres_ressources_mensuelles", period).astype(np.float64)

    non_imposable = _forfait(parameters, dates, "majeur_non_imposable")
    premiere_tranche = _forfait(parameters, dates, "majeur_premiere_tranche")
    mineur = _forfait(parameters, dates, "mineur")
    majorite = parametre_aux_dates(parameters, dates, f"{P}.age_majorite")
    # Âge à la date de la demande ; encadré seulement (âge au 1er du mois sans date de naissance) : les deux montants possibles.
    majeur = age_connu & (age_min >= majorite)
    mineur_connu = age_connu & (age_max < majorite)

    est_ni = tranche == TrancheImposition.non_imposable
    est_pt = tranche == TrancheImposition.premiere_tranche
    forfait_majeur_haut = np.select([est_ni, est_pt], [non_imposable, premiere_tranche], np.maximum(non_imposable, premiere_tranche))
    forfait_majeur_bas = np.select([est_ni, est_pt], [non_imposable, premiere_tranche], np.minimum(non_imposable, premiere_tranche))
    forfait_haut = np.select([majeur, mineur_connu], [forfait_majeur_haut, mineur], np.maximum(forfait_majeur_haut, mineur))
    forfait_bas = np.select([majeur, mineur_connu], [forfait_majeur_bas, mineur], np.minimum(forfait_majeur_bas, mineur))

    abattement = parametre_aux_dates(parameters, dates, f"{P}.degressivite.abattement_revenus_activite")
    part_smic = parametre_aux_dates(parameters, dates, f"{P}.degressivite.part_smic_annulation")
    smic = parametre_aux_dates(parameters, dates, "clara.references.smic.mensuel_brut")
    # Part de l'allocation retirée par les revenus d'activité (0 à 1) ; inconnue : entre 0 et 1.
    retrait = np.clip(np.maximum(revenus - abattement, 0) / (part_smic * smic - abattement), 0, 1)
    retrait_bas = np.where(renseigne(revenus), retrait, 0)
    # À Mayotte, le SMIC est plus bas : le seuil de 80 % n'est pas celui du paramètre national (SMIC mahorais
    # non codé) ; au-delà de l'abattement, l'allocation y est au plus celle du calcul national.
    mayotte_possible = individu.menage("reside_a_mayotte", period) | ~individu.menage("commune_renseignee", period)
    retrait_connu = renseigne(revenus) & ~(mayotte_possible & (revenus > abattement))
    retrait_haut = np.where(retrait_connu, retrait, 1)
    autres_bas = np.where(renseigne(autres), autres, 0)
    autres_haut = np.where(renseigne(autres), autres, np.inf)

    haut = np.maximum(forfait_haut * (1 - retrait_bas) - autres_bas, 0)
    bas = np.maximum(forfait_bas * (1 - retrait_haut) - autres_haut, 0)
    return bas, haut


class etat_cej_allocation_age_retenu(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = (
        "Allocation CEJ : âge retenu pour le montant mineur ou majeur, à la date de la demande (signature du contrat, "
        "art. D. 5131-19 V) ; −1 : âge pas établi ce jour-là (le montant affiché est le plus haut possible)"
    )
    reference = REFERENCE

    def formula(individu, period):
        connu, age_min, age_max = bornes_age(individu, period, individu("date_demande", period))
        return np.where(connu & (age_min == age_max), age_min, NON_RENSEIGNE)


class etat_cej_allocation_ressources(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Avoir des ressources qui laissent une allocation : revenus d'activité inférieurs à 80 % du SMIC brut "
        "et allocations chômage ou rémunérations de formation inférieures au montant de l'allocation"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        bas, haut = _bornes_montant(individu, period, parameters)
        return np.select([centimes(bas) > 0, centimes(haut) <= 0], [VRAI, FAUX], INCONNU).astype(np.int8)


class etat_cej_allocation_indemnite_volontariat(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir une indemnité de service civique, de volontariat (dont volontariat militaire) ou une allocation du même type"


class etat_cej_allocation_sans_indemnite_volontariat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas percevoir d'indemnité de service civique ou de volontariat (non cumulable avec l'allocation)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("etat_cej_allocation_indemnite_volontariat", period)))


CRITERES = (
    "etat_cej_allocation_dispositif_ouvert",
    "etat_cej_allocation_age",
    "etat_cej_allocation_ni_etudes_ni_formation",
    "etat_cej_allocation_imposition",
    "etat_cej_allocation_non_cumul",
    "etat_cej_allocation_ressources",
    "etat_cej_allocation_sans_indemnite_volontariat",
)


class etat_cej_allocation_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Allocation du contrat d'engagement jeune : statut d'éligibilité"
    documentation = (
        "Statut de « Allocation du contrat d'engagement jeune (CEJ) » (État (versée par l'ASP)) pour la personne et le mois "
        "évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : rulebook §8.1 ; fiche du catalogue « cej_allocation » (GET /aides/cej_allocation)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_cej_allocation_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Allocation du contrat d'engagement jeune : éligible"

    def formula(individu, period):
        return individu("etat_cej_allocation_statut", period) == StatutEligibilite.eligible


class etat_cej_allocation_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Allocation du contrat d'engagement jeune : montant mensuel (maximum si l'âge, l'imposition ou les ressources sont inconnus)"
    documentation = (
        "Montant de « Allocation du contrat d'engagement jeune (CEJ) », en euros, par mois ; 0 quand l'aide est non éligible. Les"
        " taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend "
        "d'un fait inconnu, la fiche « cej_allocation » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se "
        "calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        _, haut = _bornes_montant(individu, period, parameters)
        possible = individu("etat_cej_allocation_statut", period) != StatutEligibilite.non_eligible
        return np.where(possible, np.round(haut, 2), 0)
