"""Allocation d'aide au retour à l'emploi formation (AREF, ou ARE-F) : l'ARE maintenue pendant une
formation, versée par France Travail pour le compte de l'Unédic (rulebook §4.1).

Conditions : avoir des droits ouverts à l'ARE et suivre une formation inscrite dans le projet personnalisé
d'accès à l'emploi (PPAE) ou, à défaut, d'au moins 40 heures et financée, en tout ou partie, par le compte
personnel de formation (fiche Unédic « ARE-F » ; rulebook §4.1, paramètre `formation_cpf_duree_minimale_heures`). La durée est celle des droits restants ; quand elle ne couvre pas la formation, la
rémunération de fin de formation (`rff`, §4.2) peut prendre le relais.

Montant (journalier, brut) : celui de l'ARE, avec un plancher (`plancher_journalier`, §1.1). Le plancher
est un montant **brut** : on le compare à `are_journaliere_brute` (notification de droits), pas à
`allocation_chomage_journaliere` (montant net déclaré, qui sert aux seuils de ressources des aides de
France Travail). Sans ARE brute connue, le montant n'est pas établi : 0 et « à vérifier » (critère
`unedic_aref_base_montant`), jamais le plancher affiché comme montant (issue 8, classe e).
À partir du 1er juillet 2026, le plancher n'est pas publié (§12.1) : le montant est l'ARE brute quand elle dépasse
le dernier plancher publié, sinon « à vérifier » (il serait relevé à une valeur inconnue). L'ARE brute n'est presque jamais sous le plancher (l'ARE minimale
est plus élevée) : seul le cas d'une ARE plafonnée à 75 % du salaire de référence est concerné.

Ouverture : l'AREF est bien plus ancienne que l'historique modélisé (à partir du 1er juillet 2017) ;
avant cette date, le critère d'ouverture vaut « à vérifier », jamais « fermé ».
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere,
    critere_montant_calculable,
    critere_ouverture,
    derniere_valeur_publiee,
    et,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.unedic.aref"
REFERENCE = "https://www.unedic.org/indemnisation/fiches-thematiques/allocation-daide-au-retour-lemploi-formation-are-f"


class unedic_aref_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'ARE-formation est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class unedic_aref_droits_are(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir des droits ouverts à l'ARE (allocation perçue ou reliquat de droits), non épuisés"
    reference = REFERENCE

    def formula(individu, period):
        jours = individu("are_droits_restants_jours", period)
        # Reliquat non renseigné : inconnu, pas nul (des droits notifiés peuvent ne pas être encore versés).
        reliquat = critere(renseigne(jours), jours > 0)
        droits = ou(reponse_oui(individu("percoit_are", period)), reponse_oui(individu("percoit_aref", period)), reliquat)
        non_epuises = selon(renseigne(jours) & (jours <= 0), FAUX, VRAI)
        return et(droits, non_epuises)


class unedic_aref_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Suivre une formation inscrite dans votre projet personnalisé d'accès à l'emploi (PPAE), "
        "ou une formation d'au moins 40 heures financée, même en partie, par votre CPF"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        projet = individu("projet_type", period)
        heures = individu("projet_formation_heures", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.formation_cpf_duree_minimale_heures")
        # Rulebook §4.1 : hors PPAE, une formation CPF d'au moins 40 h ; durée ou seuil inconnus : INCONNU.
        duree_cpf = critere(renseigne(heures) & ~np.isnan(minimum), heures >= np.nan_to_num(minimum))
        financee_cpf = et(reponse_oui(individu("projet_formation_financee_cpf", period)), duree_cpf)
        admise = ou(reponse_oui(individu("projet_formation_validee_ppae", period)), financee_cpf)
        return np.select([projet == TypeProjet.non_renseigne, projet == TypeProjet.formation], [INCONNU, admise], FAUX).astype(np.int8)


def _plancher(individu, period, parameters):
    """Plancher brut à la date de la demande (NaN s'il n'est pas publié) et dernier plancher publié à cette date."""
    dates = individu("date_demande", period)
    chemin = f"{P}.plancher_journalier"
    return parametre_aux_dates(parameters, dates, chemin), derniere_valeur_publiee(parameters, dates, chemin)


class unedic_aref_base_montant(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Montant calculable : ARE journalière brute connue (l'AREF et son plancher sont bruts ; le montant net ne suffit pas), "
        "et plancher publié à la date, sauf ARE brute au-dessus du dernier plancher publié"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        brute = individu("are_journaliere_brute", period)
        plancher, dernier = _plancher(individu, period, parameters)
        # Plancher non publié (à partir du 1er juillet 2026) : une ARE brute sous le dernier plancher publié serait relevée
        # à une valeur inconnue ; au-dessus, l'AREF est l'ARE brute (les planchers publiés n'ont jamais baissé).
        plancher_sans_effet = ~np.isnan(plancher) | (~np.isnan(dernier) & (brute >= np.nan_to_num(dernier)))
        return critere_montant_calculable(renseigne(brute) & plancher_sans_effet)


CRITERES = (
    "unedic_aref_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "unedic_aref_droits_are",
    "unedic_aref_formation",
    "unedic_aref_base_montant",
)


class unedic_aref_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "ARE-formation (AREF) : statut d'éligibilité"
    documentation = (
        "Statut de « Allocation d'aide au retour à l'emploi formation (AREF) » (France Travail pour l'Unédic (assurance chômage))"
        " pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le "
        "nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 "
        "dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §4.1 ; fiche du catalogue « aref » (GET "
        "/aides/aref)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class unedic_aref_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "ARE-formation (AREF) : éligible"

    def formula(individu, period):
        return individu("unedic_aref_statut", period) == StatutEligibilite.eligible


class unedic_aref_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "ARE-formation (AREF) : montant journalier brut (ARE brute, au moins le plancher brut de l'AREF) ; 0 et « à vérifier » si l'ARE brute est inconnue"
    documentation = (
        "Montant de « Allocation d'aide au retour à l'emploi formation (AREF) », en euros, par jour ; 0 quand l'aide est non "
        "éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le "
        "montant dépend d'un fait inconnu, la fiche « aref » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se "
        "calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        plancher = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.plancher_journalier")
        are_brute = individu("are_journaliere_brute", period)
        montant = np.maximum(are_brute, np.nan_to_num(plancher))
        # Base inconnue (ARE brute, ou plancher non publié qui la relèverait) : 0, et le statut est « à vérifier ».
        calculable = individu("unedic_aref_base_montant", period) == 1
        eligible_ou_a_verifier = individu("unedic_aref_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier & calculable, np.round(montant, 2), 0)
