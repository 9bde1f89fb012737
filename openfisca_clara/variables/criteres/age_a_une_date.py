"""L'âge à une date donnée (début du contrat, date de la demande), en trois états.

Les aides à l'embauche apprécient l'âge « à la date du début d'exécution du contrat » : avec la date de
naissance, l'âge à cette date est exact ; avec seulement l'âge au premier jour du mois évalué
(`age_declare`), la date de naissance tient dans un intervalle d'un an et l'âge à la date visée a une
borne basse et une borne haute. Une borne d'âge ne tranche que si les deux bornes sont du même côté.

Les bornes à la date de la demande, lues par une vingtaine de critères, sont deux variables : calculées
une fois par simulation, pas une fois par critère.
"""

import hashlib

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_core.tracers import SimpleTracer
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    DATE_NAISSANCE_PAR_DEFAUT,
    DATE_NON_RENSEIGNEE,
    FAUX,
    INCONNU,
    NON_RENSEIGNE,
    VRAI,
    ajouter_mois,
    annees_revolues,
    parametre_aux_dates,
    premier_jour,
)


def bornes_age(individu, period, dates):
    """(connu, âge minimal, âge maximal) à la date de chaque personne.

    Date de naissance donnée : âge exact. Sinon, âge `A` à une date de référence `P` — le jour de la demande avec
    `age_a_la_date_demande`, à défaut le premier jour du mois évalué (`age_declare`) :
    naissance entre P − (A + 1) ans + 1 jour et P − A ans.
    """
    dates = np.asarray(dates, dtype="datetime64[D]")
    if np.array_equal(dates, individu("date_demande", period)):
        age_min = individu("age_minimal_a_la_date_demande", period)
        return age_min != NON_RENSEIGNE, age_min, individu("age_maximal_a_la_date_demande", period)
    return _bornes_age(individu, period, dates)


def _bornes_age(individu, period, dates):
    """Les bornes d'âge à ces dates, calculées une fois par simulation et par tableau de dates (§4 e2 de
    performance-2026-12.md : la date du contrat est demandée par quatre critères de `contrat_apprentissage` et
    par huit autres aides). Pas de mémoire sous une trace : chaque critère doit y montrer ce qu'il lit."""
    simulation = individu.simulation
    if type(simulation.tracer) is not SimpleTracer:
        return _calculer_bornes_age(individu, period, dates)
    memoire = simulation.__dict__.setdefault("_clara_bornes_age", {})
    cle = (str(period), dates.shape, hashlib.blake2b(np.ascontiguousarray(dates).view(np.uint8), digest_size=16).digest())
    if cle not in memoire:
        memoire[cle] = _calculer_bornes_age(individu, period, dates)
    return memoire[cle]


def _calculer_bornes_age(individu, period, dates):
    date_connue = dates != DATE_NON_RENSEIGNEE
    dates_sures = np.where(date_connue, dates, premier_jour(period))
    if individu.get_holder("date_naissance").get_known_periods():
        naissance = np.asarray(individu("date_naissance", period), dtype="datetime64[D]")
    else:
        naissance = np.full(individu.count, DATE_NAISSANCE_PAR_DEFAUT)
    naissance_connue = naissance != DATE_NAISSANCE_PAR_DEFAUT
    age = individu("age_declare", period)
    age_connu = age >= 0
    # Âge connu à une date de référence : le jour de la demande (`age_a_la_date_demande`), sinon le 1er du mois.
    age_dd = individu("age_a_la_date_demande", period)
    par_demande = ~naissance_connue & (age_dd >= 0)
    reference = np.where(par_demande, individu("date_demande", period), np.full(individu.count, premier_jour(period)))
    age = np.where(par_demande, age_dd, age)
    age_connu = age_connu | par_demande
    naissance_au_plus_tard = ajouter_mois(reference, -12 * np.maximum(age, 0))
    naissance_au_plus_tot = ajouter_mois(reference, -12 * (np.maximum(age, 0) + 1)) + np.timedelta64(1, "D")
    age_exact = annees_revolues(naissance, dates_sures)
    age_min = np.where(naissance_connue, age_exact, annees_revolues(naissance_au_plus_tard, dates_sures))
    age_max = np.where(naissance_connue, age_exact, annees_revolues(naissance_au_plus_tot, dates_sures))
    connu = date_connue & (naissance_connue | age_connu)
    return connu, age_min, age_max


class age_minimal_a_la_date_demande(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = "Âge le plus bas possible à la date de la demande (exact avec la date de naissance) ; −1 : inconnu"

    def formula(individu, period):
        connu, age_min, _ = _bornes_age(individu, period, individu("date_demande", period))
        return np.where(connu, age_min, NON_RENSEIGNE)


class age_maximal_a_la_date_demande(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = "Âge le plus haut possible à la date de la demande (exact avec la date de naissance) ; −1 : inconnu"

    def formula(individu, period):
        connu, _, age_max = _bornes_age(individu, period, individu("date_demande", period))
        return np.where(connu, age_max, NON_RENSEIGNE)


def critere_age(individu, period, dates, au_moins=None, moins_de=None):
    """Critère « avoir au moins `au_moins` ans » et / ou « avoir moins de `moins_de` ans » à la date donnée.

    Les bornes sont des nombres ou des tableaux (NaN : borne inconnue à cette date, critère inconnu).
    """
    connu, age_min, age_max = bornes_age(individu, period, dates)
    resultat = np.where(connu, VRAI, INCONNU).astype(np.int8)
    if au_moins is not None:
        borne = np.broadcast_to(np.asarray(au_moins, dtype=float), resultat.shape)
        valeur = np.select([np.isnan(borne), age_min >= borne, age_max < borne], [INCONNU, VRAI, FAUX], INCONNU)
        resultat = np.minimum(resultat, np.where(connu, valeur, INCONNU))
    if moins_de is not None:
        borne = np.broadcast_to(np.asarray(moins_de, dtype=float), resultat.shape)
        valeur = np.select([np.isnan(borne), age_max < borne, age_min >= borne], [INCONNU, VRAI, FAUX], INCONNU)
        resultat = np.minimum(resultat, np.where(connu, valeur, INCONNU))
    return resultat.astype(np.int8)


def critere_age_entre(individu, period, parameters, prefixe):
    """Âge à la date de la demande entre `<prefixe>.age_minimum` et `<prefixe>.age_maximum` (bornes incluses),
    bornes lues à cette date ; âge ou borne inconnus : INCONNU."""
    dates = individu("date_demande", period)
    minimum = parametre_aux_dates(parameters, dates, f"{prefixe}.age_minimum")
    maximum = parametre_aux_dates(parameters, dates, f"{prefixe}.age_maximum")
    return critere_age(individu, period, dates, au_moins=minimum, moins_de=maximum + 1)
