"""Rémunération des formations de France Travail (RFFT, ex-RFPE) (rulebook §4.3).

Pour le demandeur d'emploi qui, à l'entrée dans une formation validée, financée ou cofinancée par France
Travail, ne perçoit ni l'ARE ni l'ASP (ni l'ATI). Bénéficiaires du RSA admis ; bénéficiaires de l'ASS
admis sur option ; un bénéficiaire de l'obligation d'emploi (BOETH) peut choisir entre l'ARE et la RFFT.
Exclus : plus de 67 ans (lu « 67 ans révolus ou plus », paramètre `age_limite`), droits complets à la
retraite à taux plein (non modélisé : condition de la fiche) ; bilan de compétences, permis, accompagnement
à la création d'entreprise ou à la VAE.

Montant mensuel (formation à temps plein), lu à la date de la demande (les revalorisations du 1er avril
s'appliquent aux mois versés), selon l'âge **à l'entrée en formation** (`projet_date_debut`, à défaut la date de la demande ; exact avec la date de
naissance ou `age_a_la_date_demande` quand l'entrée est ce jour-là, encadré sinon : le plus haut barème possible,
l'âge retenu dans `france_travail_rfft_age_retenu`) :
moins de 18 ans, 18 à 25 ans, 26 ans ou plus — ou moins de 26 ans dans une situation listée (parent isolé,
`france_travail_rfft_situation_particuliere`). Situation inconnue : le taux plein (maximum). BOETH
(`rqth`) : entre le taux plein et une borne haute selon l'ancien salaire : la borne haute (maximum).
Mayotte : barème propre connu pour 2023 seulement ; ensuite, le montant hors Mayotte (plus élevé).

Dates : barème du 1er mai 2021 (décret 2021-522, alignement inféré), du 1er avril 2023 (date inférée :
barème en vigueur le 7 février 2024), du 1er avril 2024 et du 1er avril 2025. Le barème du 1er avril 2026
(× 1,008) est dérivé, pas lu (UNCERTAIN) : il n'est pas codé ; à partir de cette date les montants 2025
restent affichés et le critère `france_travail_rfft_bareme_publie` vaut « à vérifier ».
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
    critere,
    critere_montant_calculable,
    critere_ouverture,
    date_renseignee,
    et,
    lire,
    non,
    ou,
    par_date,
    parametre_aux_dates,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import bornes_age, critere_age
from openfisca_clara.variables.projet.formation import NatureFormation
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.france_travail.rfft"
REFERENCE = "https://francetravail.fr/candidat/en-formation/les-dispositifs/la-remuneration-des-formations-d.html"


class france_travail_rfft_situation_particuliere(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Être enceinte et seule, parent d'au moins trois enfants, divorcé(e), veuf(ve) ou séparé(e) depuis moins de "
        "3 ans, ou justifier d'une activité salariée antérieure (situations ouvrant le taux plein avant 26 ans)"
    )


class france_travail_rfft_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "La rémunération des formations de France Travail est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class france_travail_rfft_sans_allocation_chomage(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne percevoir ni l'ARE (ou l'AREF) ni l'ASP à l'entrée en formation — sauf travailleur handicapé (BOETH), qui peut choisir la RFFT"
    reference = REFERENCE

    def formula(individu, period):
        sans_allocation = et(*(-reponse_oui(individu(nom, period)) for nom in ("percoit_are", "percoit_aref", "percoit_asp")))
        return ou(sans_allocation, reponse_oui(individu("rqth", period)))


class france_travail_rfft_formation_validee(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Suivre une formation validée, financée ou cofinancée par France Travail dans votre projet personnalisé d'accès à l'emploi"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        validee = reponse_oui(individu("projet_formation_validee_ppae", period))
        return np.select([projet == TypeProjet.non_renseigne, projet == TypeProjet.formation], [INCONNU, validee], FAUX).astype(np.int8)


class france_travail_rfft_nature_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "La formation n'est ni un bilan de compétences, ni le permis de conduire, ni un accompagnement à la création d'entreprise ou à la VAE"
    reference = REFERENCE

    def formula(individu, period, parameters):
        nature = individu("projet_formation_nature", period)
        exclue = np.zeros(individu.count, dtype=bool)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            exclue |= masque & np.isin(nature, [NatureFormation[nom].index for nom in lire(p, f"{P}.natures_exclues", [])])
        return critere(nature != NatureFormation.non_renseigne, ~exclue)


class france_travail_rfft_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir moins de 67 ans à l'entrée en formation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        limite = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_limite")
        return critere_age(individu, period, date_entree_formation(individu, period), moins_de=limite)


def date_entree_formation(individu, period):
    """Date à laquelle se lit l'âge du barème : l'entrée en formation (`projet_date_debut`), à défaut la demande."""
    debut = individu("projet_date_debut", period)
    return np.where(date_renseignee(debut), debut, individu("date_demande", period))


def _tranches_age(individu, period, parameters):
    """(tranche la plus basse, tranche la plus haute) possibles à l'entrée : 0 moins de 18 ans, 1 de 18 à 25 ans,
    2 taux plein (26 ans ou plus) ; âge inconnu : 0 et 2. Avec l'âge encadré seulement, les deux peuvent différer."""
    dates = individu("date_demande", period)
    majorite = parametre_aux_dates(parameters, dates, f"{P}.age_majorite")
    age_taux_plein = parametre_aux_dates(parameters, dates, f"{P}.age_taux_plein")
    connu, age_min, age_max = bornes_age(individu, period, date_entree_formation(individu, period))

    def tranche(age):
        return np.select([age < majorite, age < age_taux_plein], [0, 1], 2)

    return np.where(connu, tranche(age_min), 0), np.where(connu, tranche(age_max), 2), connu, age_min, age_max


class france_travail_rfft_age_retenu(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = (
        "RFFT : âge retenu pour le barème, à la date d'entrée en formation (`projet_date_debut`, à défaut la date de la "
        "demande) ; −1 : âge pas établi à cette date (le montant est alors le plus haut des barèmes possibles)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        _, _, connu, age_min, age_max = _tranches_age(individu, period, parameters)
        return np.where(connu & (age_min == age_max), age_min, NON_RENSEIGNE)


class france_travail_rfft_bareme_publie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Barème de la RFFT publié à la date de la demande (la revalorisation du 1er avril 2026 n'a pas été lue dans un texte)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        publie = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.bareme_publie", defaut=0) == 1
        return selon(publie, VRAI, INCONNU)


class france_travail_rfft_sans_retraite_taux_plein(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas pouvoir déjà bénéficier d'une retraite à taux plein"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("peut_beneficier_retraite_taux_plein", period)))


CRITERES = (
    "france_travail_rfft_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "france_travail_rfft_sans_allocation_chomage",
    "france_travail_rfft_formation_validee",
    "france_travail_rfft_nature_formation",
    "france_travail_rfft_age",
    "france_travail_rfft_bareme_publie",
    "france_travail_rfft_sans_retraite_taux_plein",
    "france_travail_rfft_montant_etabli",
)


class france_travail_rfft_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Rémunération des formations de France Travail (RFFT) : statut d'éligibilité"
    documentation = (
        "Statut de « Rémunération des formations de France Travail (RFFT) » (France Travail) pour la personne et le mois évalués "
        ": éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : rulebook §4.3 ; fiche du catalogue « rfft » (GET /aides/rfft)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_rfft_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Rémunération des formations de France Travail (RFFT) : éligible"

    def formula(individu, period):
        return individu("france_travail_rfft_statut", period) == StatutEligibilite.eligible


def _bareme(parameters, dates, mayotte, nom):
    """Montant du barème à la date ; à Mayotte le barème propre, NaN s'il n'est pas publié pour la période.

    Issue 8 classe f : jamais la grille d'un autre territoire (ni d'une autre période) à la place d'une valeur inconnue.
    """
    hors_mayotte = parametre_aux_dates(parameters, dates, f"{P}.montant.{nom}")
    propre = parametre_aux_dates(parameters, dates, f"{P}.montant_mayotte.{nom}")
    return np.where(mayotte, propre, hors_mayotte)


class france_travail_rfft_montant_etabli(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Montant de la RFFT établi pour la période et le territoire : barème de Mayotte publié pour qui y réside, borne haute "
        "du barème des travailleurs handicapés (BOETH) publiée pour un(e) bénéficiaire"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        mayotte = individu.menage("reside_a_mayotte", period)
        taux_plein = _bareme(parameters, dates, mayotte, "taux_plein")
        boeth = _bareme(parameters, dates, mayotte, "boeth_maximum")
        # RQTH inconnue : la borne BOETH reste possible (montant maximal), elle doit donc être publiée.
        boeth_inconnu = (reponse_oui(individu("rqth", period)) != FAUX) & np.isnan(boeth)
        return critere_montant_calculable(~np.isnan(taux_plein) & ~boeth_inconnu)


class france_travail_rfft_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Rémunération des formations de France Travail (RFFT) : montant mensuel à temps plein (maximum si l'âge, la situation ou le salaire antérieur d'un BOETH sont inconnus)"
    documentation = (
        "Montant de « Rémunération des formations de France Travail (RFFT) », en euros, par mois ; 0 quand l'aide est non "
        "éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le "
        "montant dépend d'un fait inconnu, la fiche « rfft » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se "
        "calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        mayotte = individu.menage("reside_a_mayotte", period)
        _, tranche_haute, _, _, _ = _tranches_age(individu, period, parameters)
        situation = ou(reponse_oui(individu("parent_isole", period)), reponse_oui(individu("france_travail_rfft_situation_particuliere", period)))
        moins_18 = _bareme(parameters, dates, mayotte, "moins_18_ans")
        de_18_a_25 = _bareme(parameters, dates, mayotte, "de_18_a_25_ans")
        taux_plein = _bareme(parameters, dates, mayotte, "taux_plein")
        boeth = _bareme(parameters, dates, mayotte, "boeth_maximum")

        # Taux réduit seulement si la situation est connue et non listée ; l'âge à l'entrée encadré seulement : le plus
        # haut des barèmes possibles (une personne peut-être majeure à l'entrée n'est pas payée au taux des mineurs, et
        # l'affichage est un maximum, `montant_est_maximum`) ; l'âge retenu est `france_travail_rfft_age_retenu`.
        montant = np.select([tranche_haute == 0, tranche_haute == 1], [moins_18, de_18_a_25], taux_plein)
        montant = np.where(situation == FAUX, montant, taux_plein)
        # BOETH : la borne haute (ancien salaire inconnu) ; non publiée (2021-2023), pas de montant (le taux plein n'en est
        # que la borne basse) : critère france_travail_rfft_montant_etabli.
        montant = np.where(reponse_oui(individu("rqth", period)) == VRAI, boeth, montant)
        # Barème non publié à la date (revalorisation non lue) : pas de montant, jamais celui d'une autre période.
        publie = parametre_aux_dates(parameters, dates, f"{P}.bareme_publie", defaut=0) == 1
        montant = np.where(publie, montant, np.nan)
        eligible_ou_a_verifier = individu("france_travail_rfft_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.round(np.nan_to_num(montant), 2), 0)
