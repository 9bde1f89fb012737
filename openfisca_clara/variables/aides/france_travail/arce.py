"""Aide à la reprise ou à la création d'entreprise (ARCE), versée par France Travail pour l'Unédic (rulebook §6.1).

Le capital vaut taux × ARE journalière brute × jours de droits restants à la date de création ; le taux
dépend de la date de fin du contrat qui a ouvert les droits (45 % avant le 1er juillet 2023, 60 % ensuite).
Il est versé en deux fois, la seconde six mois après la première si l'activité continue (et, pour les
créations à partir du 1er avril 2025, sans CDI à temps plein) : condition non modélisable ici.

Conditions déclarées (rulebook §6.1) : ACRE obtenue, choix du capital plutôt que du maintien de l'ARE en cumul
(`creation_choix_indemnisation`, lu aussi par le maintien de l'ARE), ARCE pas déjà reçue au titre des mêmes droits.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    Reponse,
    StatutEligibilite,
    critere,
    critere_montant_calculable,
    critere_ouverture,
    date_renseignee,
    et,
    non,
    ou,
    parametre_aux_dates,
    premiere_date,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.creation import ChoixIndemnisationCreateur
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.france_travail.arce"
REFERENCE = "https://www.francetravail.fr/candidat/vos-droits-aux-aides-et-allocati/aides-financieres-creation-reprise/laide-a-la-reprise-ou-a-la-creat.html"


class france_travail_arce_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'ARCE est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # L'ARCE existait sous les conventions antérieures : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class france_travail_arce_droits_are(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Avoir des droits ouverts à l'allocation d'aide au retour à l'emploi : ARE ou ARE-formation perçue, "
        "ou droits notifiés pas encore versés (délai d'attente, différé)"
    )
    reference = REFERENCE

    def formula(individu, period):
        # Rulebook §6.1 : « entitled to ARE (being compensated, or in the waiting/deferral periods) ». Qui ne
        # perçoit pas encore l'ARE mais a des jours de droits notifiés y a droit ; reliquat inconnu : INCONNU.
        jours = individu("are_droits_restants_jours", period)
        droits_notifies = critere(renseigne(jours), jours > 0)
        return ou(reponse_oui(individu("percoit_are", period)), reponse_oui(individu("percoit_aref", period)), droits_notifies)


class france_travail_arce_reliquat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir encore des jours d'ARE à percevoir à la date de création ou de reprise"
    reference = REFERENCE

    def formula(individu, period):
        jours = individu("are_droits_restants_jours", period)
        return critere(renseigne(jours), jours > 0)


class france_travail_arce_projet_creation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Créer ou reprendre une entreprise"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        return critere(projet != TypeProjet.non_renseigne, projet == TypeProjet.creation_entreprise)


class france_travail_arce_creation_apres_fin_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Créer ou reprendre l'entreprise après la fin du contrat de travail qui a ouvert les droits"
    reference = REFERENCE

    def formula(individu, period):
        creation = individu("projet_date_debut", period)
        fin_contrat = individu("date_fin_dernier_contrat", period)
        return critere(date_renseignee(creation) & date_renseignee(fin_contrat), creation > fin_contrat)


class france_travail_arce_base_montant(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Montant du capital calculable : ARE journalière brute connue (le capital se calcule sur le brut, pas sur le montant net)"
    reference = REFERENCE

    def formula(individu, period):
        # Rulebook §6.1 : taux × ARE journalière brute × reliquat. Le montant net déclaré (`allocation_chomage_journaliere`)
        # lui est inférieur (participation retraite complémentaire, CSG, CRDS) : il ne permet ni le calcul ni un maximum.
        return critere_montant_calculable(renseigne(individu("are_journaliere_brute", period)))


class france_travail_arce_acre_obtenue(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir obtenu l'aide aux créateurs et repreneurs d'entreprise (ACRE) pour cette création ou reprise"


class france_travail_arce_deja_recue_pour_ces_droits(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà reçu l'ARCE au titre des mêmes droits à l'ARE"


class france_travail_arce_acre(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir obtenu l'ACRE auprès de l'Urssaf"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("france_travail_arce_acre_obtenue", period))


class france_travail_arce_choix_capital(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Choisir le versement en capital plutôt que le maintien de l'ARE en cumul avec les revenus (choix définitif pour ces droits)"
    reference = REFERENCE

    def formula(individu, period):
        choix = individu("creation_choix_indemnisation", period)
        return critere(choix != ChoixIndemnisationCreateur.non_renseigne, choix == ChoixIndemnisationCreateur.capital_arce)


class france_travail_arce_premiere_fois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir déjà reçu l'ARCE au titre des mêmes droits (une fois par ouverture de droits)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("france_travail_arce_deja_recue_pour_ces_droits", period)))


CRITERES = (
    "france_travail_arce_dispositif_ouvert",
    "france_travail_arce_droits_are",
    "france_travail_arce_reliquat",
    "france_travail_arce_projet_creation",
    "france_travail_arce_creation_apres_fin_contrat",
    "france_travail_arce_base_montant",
    "france_travail_arce_acre",
    "france_travail_arce_choix_capital",
    "france_travail_arce_premiere_fois",
)


class france_travail_arce_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "ARCE : statut d'éligibilité"
    documentation = (
        "Statut de « Aide à la reprise ou à la création d'entreprise (ARCE) » (France Travail (pour l'Unédic)) pour la personne "
        "et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : rulebook §6.1 ; fiche du catalogue « arce » (GET /aides/arce)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_arce_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "ARCE : éligible"

    def formula(individu, period):
        return individu("france_travail_arce_statut", period) == StatutEligibilite.eligible


class france_travail_arce_taux(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "/1"
    label = "ARCE : part du reliquat versée (45 % ou 60 % selon la fin du contrat ; 60 %, le plus haut, si cette date est inconnue)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        fin_contrat = individu("date_fin_dernier_contrat", period)
        taux = parametre_aux_dates(parameters, fin_contrat, f"{P}.taux")
        # Contrat fini avant le début de l'historique du taux : « before 2023-07-01 » (§6.1), le premier taux connu.
        premier_taux = parametre_aux_dates(parameters, np.full(individu.count, premiere_date(parameters, f"{P}.taux")), f"{P}.taux")
        taux = np.where(np.isnan(taux) & date_renseignee(fin_contrat), premier_taux, taux)
        taux_maximal = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.taux")
        return np.where(np.isnan(taux), taux_maximal, taux)


class france_travail_arce_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "ARCE : capital total, brut (taux × ARE journalière brute × jours restants) ; 0 et « à vérifier » si ces faits sont inconnus"
    documentation = (
        "Montant de « Aide à la reprise ou à la création d'entreprise (ARCE) », en euros, au total, sur la durée de l'aide ; 0 "
        "quand l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à "
        "vérifier, ou que le montant dépend d'un fait inconnu, la fiche « arce » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period):
        journaliere = individu("are_journaliere_brute", period).astype(np.float64)
        jours = individu("are_droits_restants_jours", period).astype(np.float64)
        taux = individu("france_travail_arce_taux", period).astype(np.float64)
        connu = renseigne(journaliere) & renseigne(jours) & ~np.isnan(taux)
        montant = np.round(np.nan_to_num(taux) * np.maximum(journaliere, 0) * np.maximum(jours, 0), 2)
        eligible_ou_a_verifier = individu("france_travail_arce_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier & connu, montant, 0)


class france_travail_arce_premier_versement(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "ARCE : premier versement (la moitié du capital ; le second suit six mois plus tard)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        versements = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.nombre_versements", defaut=1)
        return np.round(individu("france_travail_arce_montant", period) / versements, 2)
