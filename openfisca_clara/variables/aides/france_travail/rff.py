"""Rémunération de fin de formation (RFF, ou R2F) de France Travail (rulebook §4.2).

Elle prend le relais de l'ARE-formation (AREF), de l'ASP-formation ou de l'ATI-formation quand ces droits
s'épuisent avant la fin d'une formation, jusqu'au terme de celle-ci. Créée pour les formations prescrites
à partir du 1er janvier 2011 (délibération n° 2011/11, remplace l'AFDEF) ; financée et gérée par France
Travail depuis 2020 (délibération n° 2020-04) : le porteur est France Travail. Texte en vigueur :
délibération n° 2023-52 du 13 décembre 2023.

Formation : validée, achetée, financée ou cofinancée par France Travail, une Région, l'Agefiph, un OPCO,
une autre collectivité ou l'employeur (CSP) ; qualifiante (RNCP, branche, CPNE) et menant à un métier
en tension. La délibération 2023-52 admet aussi des formations non qualifiantes vers des « métiers
porteurs » du plan France relance : une formation non qualifiante reste donc « à vérifier » (liste non
lue, date d'introduction non vérifiée).

Relais (issue 8, classe d) : la RFF commence le lendemain du dernier jour indemnisé en AREF / ASP-F ; elle n'exige
pas que l'allocation soit versée le mois évalué. La fin des droits se lit dans
`france_travail_rff_date_fin_droits_allocation_formation`, à défaut se déduit du reliquat tant que l'allocation est
versée ; elle doit tomber pendant la formation (au plus tôt le jour d'entrée, avant son dernier jour).

Montant mensuel : dernier montant journalier d'AREF / ASP-F perçu × nombre de jours du mois, plafonné.
Base : le montant **net perçu** (`allocation_chomage_journaliere` ; France Travail : « dernier montant journalier
[…] reçu à la fin de vos droits » ; l'ASP n'a pas d'« ARE brute »). Seul le brut connu (`are_journaliere_brute`) :
le net lui est inférieur, le montant affiché est le maximum min(brut × jours, plafond). Plafond : 756,63 € (francetravail.fr) ou
769,49 € (pages secondaires) depuis le 1er avril 2025, non tranché (rulebook §14) : le montant est
plafonné à la plus haute valeur (maximum) et le critère `france_travail_rff_montant_determine` vaut
« à vérifier » quand le choix change le montant. Entre le 1er mai 2021 et le 31 mars 2024, le plafond
n'a pas été relu : montant non plafonné (maximum), « à vérifier » au-delà de 652,02 €.
"""

from datetime import date

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    DATE_NON_RENSEIGNEE,
    FAUX,
    INCONNU,
    NON_RENSEIGNE,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere,
    critere_ouverture,
    date_renseignee,
    et,
    lire,
    ou,
    par_date,
    parametre_aux_dates,
    premiere_date,
    renseigne,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.projet.formation import NatureFormation
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.france_travail.rff"
REFERENCE = "https://www.francetravail.fr/candidat/en-formation/les-dispositifs/la-remuneration-de-fin-de-format.html"


class france_travail_rff_metier_en_tension(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation mène à un métier pour lequel des difficultés de recrutement sont identifiées (liste nationale ou régionale de France Travail)"


class france_travail_rff_financement_public(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation est achetée, financée ou cofinancée par une Région, l'Agefiph, un OPCO, une autre collectivité ou l'employeur (CSP)"


class france_travail_rff_date_fin_droits_allocation_formation(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dernier jour indemnisé en ARE-formation (AREF), ASP-formation ou ATI-formation, passé ou à venir ; 0001-01-01 : non renseigné"
    documentation = (
        "La RFF commence le lendemain. À défaut, tant que l'allocation est versée, ce jour se déduit des droits restants "
        "(`are_droits_restants_jours`) : date de la demande + jours − 1."
    )
    reference = REFERENCE


class france_travail_rff_jours_indemnises_aref_rff(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "day"
    label = (
        "Nombre de jours déjà indemnisés pour cette formation en ARE-formation (ou ASP-formation) et en RFF, avant le "
        "premier jour du mois ; −1 : non renseigné"
    )
    reference = REFERENCE


def _jours_payables(individu, period, parameters):
    """Jours du mois payables avant d'atteindre la durée totale AREF + RFF (1 095 jours) ; le mois entier si elle est inconnue."""
    deja = individu("france_travail_rff_jours_indemnises_aref_rff", period)
    maximum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.duree_totale_maximale_jours")
    restants = np.where(renseigne(deja) & ~np.isnan(maximum), np.nan_to_num(maximum) - deja, period.size_in_days)
    return np.clip(restants, 0, period.size_in_days)


class france_travail_rff_duree_totale_non_atteinte(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir atteint la durée totale de 3 ans (1 095 jours) d'ARE-formation (ou d'ASP) et de RFF pour cette formation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Issue 8 classe a : cette durée limite le versement ; exclue seulement quand elle est connue comme atteinte.
        return np.where(_jours_payables(individu, period, parameters) <= 0, FAUX, VRAI).astype(np.int8)


def _fin_droits(individu, period):
    """Dernier jour indemnisé en AREF / ASP-F : déclaré, sinon déduit du reliquat (date de demande + jours − 1)."""
    declaree = individu("france_travail_rff_date_fin_droits_allocation_formation", period)
    jours = individu("are_droits_restants_jours", period)
    deduite = individu("date_demande", period) + (np.maximum(jours, 0) - 1).astype("timedelta64[D]")
    return np.where(date_renseignee(declaree), declaree, np.where(renseigne(jours), deduite, DATE_NON_RENSEIGNEE))


class france_travail_rff_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "La rémunération de fin de formation est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        ouverture = critere_ouverture(parameters, dates, f"{P}.ouvert", avant_historique=INCONNU)
        # Avant le 1er janvier 2011 : fermée (c'était l'AFDEF). Reconduite chaque année (délibération n° 2025-45 :
        # formations prescrites jusqu'au 31 décembre 2026) ; après la dernière reconduction connue, « à vérifier ».
        return np.where(dates < premiere_date(parameters, f"{P}.ouvert"), FAUX, ouverture).astype(np.int8)


class france_travail_rff_allocation_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Être ou avoir été indemnisé(e) en ARE-formation (AREF) ou en allocation de sécurisation professionnelle pendant "
        "la formation (la RFF prend le relais à la fin de ces droits : ils n'ont pas à être versés le mois de la demande)"
    )
    reference = REFERENCE

    def formula(individu, period):
        # Issue 8 classe d : la RFF commence quand l'AREF s'arrête. « Ne pas percevoir l'AREF ce mois-ci » ne l'exclut pas ;
        # ce qui l'exclut, c'est une fin des droits connue antérieure à l'entrée en formation.
        debut_formation = individu("projet_date_debut", period)
        fin_declaree = individu("france_travail_rff_date_fin_droits_allocation_formation", period)
        pendant = critere(date_renseignee(fin_declaree) & date_renseignee(debut_formation), fin_declaree >= debut_formation)
        return ou(reponse_oui(individu("percoit_aref", period)), reponse_oui(individu("percoit_asp", period)), pendant)


class france_travail_rff_droits_epuises_en_cours(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Vos droits à l'allocation s'épuisent (ou se sont épuisés) avant la fin de la formation"
    reference = REFERENCE

    def formula(individu, period):
        fin_formation = individu("projet_formation_date_fin", period)
        fin_droits = _fin_droits(individu, period)
        # Le dernier jour indemnisé doit précéder le dernier jour de la formation.
        return critere(date_renseignee(fin_droits) & date_renseignee(fin_formation), fin_droits < fin_formation)


class france_travail_rff_formation_financee(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Suivre une formation validée, achetée, financée ou cofinancée par France Travail, une Région, l'Agefiph, "
        "un OPCO, une autre collectivité ou l'employeur (CSP)"
    )
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        financee = ou(reponse_oui(individu("projet_formation_validee_ppae", period)), reponse_oui(individu("france_travail_rff_financement_public", period)))
        return np.select([projet == TypeProjet.non_renseigne, projet == TypeProjet.formation], [INCONNU, financee], FAUX).astype(np.int8)


class france_travail_rff_formation_qualifiante_metier_en_tension(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Formation qualifiante (diplôme ou titre du RNCP, qualification de branche) menant à un métier en tension ; ni bilan de compétences, ni permis, ni accompagnement à la création ou à la VAE"
    reference = REFERENCE

    def formula(individu, period, parameters):
        nature = individu("projet_formation_nature", period)
        tension = reponse_oui(individu("france_travail_rff_metier_en_tension", period))
        exclue = np.zeros(individu.count, dtype=bool)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            exclue |= masque & np.isin(nature, [NatureFormation[nom].index for nom in lire(p, f"{P}.natures_exclues", [])])
        # Formation non qualifiante : admise vers des « métiers porteurs » (délibération 2023-52), liste non lue.
        return np.select(
            [nature == NatureFormation.non_renseigne, exclue, nature == NatureFormation.qualifiante],
            [INCONNU, FAUX, tension],
            default=INCONNU,
        ).astype(np.int8)


def _mensuel(individu, period, parameters):
    """Montant journalier perçu (net, `allocation_chomage_journaliere`) et son produit par les jours payables du mois."""
    journalier = individu("allocation_chomage_journaliere", period)
    return journalier, journalier * _jours_payables(individu, period, parameters)


class france_travail_rff_montant_determine(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Montant de la RFF établi ou borné : allocation journalière (nette ou brute) connue, ou plafond publié pour la période"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Issue 8 classe a : l'incertitude sur le plafond (756,63 ou 769,49 €) limite le montant, pas le droit : le montant
        # est calculé au plafond le plus haut (maximum, fiche montant_est_maximum), le statut n'en dépend pas.
        # Classe f : sans allocation connue ni plafond relu pour la période (2021 → mars 2024), aucun maximum n'est
        # établi (jamais le plafond d'une autre période) : « à vérifier ».
        haut = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.plafond_mensuel_haut")
        journalier = individu("allocation_chomage_journaliere", period)
        sans_maximum = ~renseigne(journalier) & ~renseigne(individu("are_journaliere_brute", period)) & np.isnan(haut)
        return selon(sans_maximum, INCONNU, VRAI)


CRITERES = (
    "france_travail_rff_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "france_travail_rff_allocation_formation",
    "france_travail_rff_droits_epuises_en_cours",
    "france_travail_rff_formation_financee",
    "france_travail_rff_formation_qualifiante_metier_en_tension",
    "france_travail_rff_montant_determine",
    "france_travail_rff_duree_totale_non_atteinte",
)


class france_travail_rff_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Rémunération de fin de formation (RFF) : statut d'éligibilité"
    documentation = (
        "Statut de « Rémunération de fin de formation (RFF) » (France Travail) pour la personne et le mois évalués : éligible, à "
        "vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas "
        "rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : rulebook §4.2 ; fiche du catalogue « rff » (GET /aides/rff)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_rff_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Rémunération de fin de formation (RFF) : éligible"

    def formula(individu, period):
        return individu("france_travail_rff_statut", period) == StatutEligibilite.eligible


class france_travail_rff_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Rémunération de fin de formation (RFF) : montant mensuel (maximum si le plafond ou l'allocation journalière sont incertains)"
    documentation = (
        "Montant de « Rémunération de fin de formation (RFF) », en euros, par mois ; 0 quand l'aide est non éligible. Les taux, "
        "plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend d'un fait"
        " inconnu, la fiche « rff » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule "
        "(montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        haut = parametre_aux_dates(parameters, dates, f"{P}.plafond_mensuel_haut")
        journalier, mensuel = _mensuel(individu, period, parameters)
        plafond = np.where(np.isnan(haut), np.inf, haut)
        # Allocation journalière inconnue : le plafond le plus haut de la période (maximum) ; sans plafond relu pour la
        # période, pas de maximum (classe f : pas le plafond de 2011), sauf borné par le montant brut.
        maximum = haut
        # Seul le brut est connu : le net perçu lui est inférieur, le montant est au plus min(brut × jours, plafond).
        brut = individu("are_journaliere_brute", period)
        jours = _jours_payables(individu, period, parameters)
        maximum = np.where(renseigne(brut), np.minimum(brut * jours, plafond), maximum)
        montant = np.where(renseigne(journalier), np.minimum(mensuel, plafond), maximum)
        eligible_ou_a_verifier = individu("france_travail_rff_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.round(np.nan_to_num(montant), 2), 0)
