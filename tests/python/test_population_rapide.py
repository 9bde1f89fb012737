"""Les raccourcis du calcul de population (performance-2026-12.md §4) ne changent aucun résultat.

* e1 : enfants de moins de la limite de l'aide à la garde d'enfants, comptés en un passage par rang de parent ;
* e2 : bornes d'âge à une date gardées par simulation ;
* e4 : dates en jours entiers (tables) ;
* e5 : `par_date` groupé par version des paramètres.

La preuve d'ensemble : une population générée en familles (un ou deux parents, zéro à trois enfants, dates de début
et dates de naissance propres à chacun) est calculée d'un bloc, puis famille par famille ; chaque statut et chaque
montant de chaque aide sont identiques. Une famille seule n'a qu'une ou deux dates : `par_date` y prend le chemin
d'une date par groupe et les parents sont peu nombreux, comme avant les raccourcis.
"""

import numpy as np
import pytest
from openfisca_core import periods
from openfisca_core.simulations import SimulationBuilder

from openfisca_clara import tri_etat
from openfisca_clara_api.bench import COMMUNES, _tirer, variables_des_aides, variables_extension

PERIODE = "2026-12"
ENFANTS = {"famille": "enfant", "foyer_fiscal": "personne_a_charge", "menage": "enfant"}


def _familles(n_familles, alea):
    """(famille de chaque personne, est parent) : un ou deux parents, zéro à trois enfants."""
    famille, parent = [], []
    for f in range(n_familles):
        parents, enfants = int(alea.integers(1, 3)), int(alea.integers(0, 4))
        famille += [f] * (parents + enfants)
        parent += [True] * parents + [False] * enfants
    return np.array(famille), np.array(parent)


def _simulation(systeme, famille, parent, entrees):
    constructeur = SimulationBuilder()
    constructeur.create_entities(systeme)
    constructeur.declare_person_entity("individu", [f"p{i}" for i in range(len(famille))])
    groupes = [f"f{f:05d}" for f in np.unique(famille)]  # ordre des textes = ordre des nombres (join_with_persons trie les ids)
    rang = {g: i for i, g in enumerate(groupes)}
    debut_famille = np.r_[True, famille[1:] != famille[:-1]]
    rang_parent = np.arange(len(famille)) - np.maximum.accumulate(np.where(debut_famille, np.arange(len(famille)), 0))
    for singulier, enfant in ENFANTS.items():
        entite = constructeur.declare_entity(singulier, groupes)
        cles = [role.key for role in entite.entity.flattened_roles]
        # Les rôles en indices des rôles aplatis : 1er parent, 2e parent (sous-rôles), enfant.
        indices = np.where(parent, rang_parent, cles.index(enfant))
        constructeur.join_with_persons(entite, np.array([rang[f"f{f:05d}"] for f in famille]), indices)
    simulation = constructeur.build(systeme)
    periode = periods.period(PERIODE)
    for nom, (_entite, valeurs) in entrees.items():
        simulation.set_input(nom, periode, valeurs)
    return simulation


def _entrees(systeme, famille, alea):
    periode = periods.period(PERIODE)
    n, n_familles = len(famille), len(np.unique(famille))
    entrees = {}
    for nom, variable in variables_extension(systeme).items():
        if not variable.is_input_variable():
            continue
        taille = n if variable.entity.is_person else n_familles
        valeurs = _tirer(variable, taille, alea, periode)
        if valeurs is not None:
            entrees[nom] = (variable.entity.key, valeurs)
    # Parents adultes, enfants de 0 à 15 ans ; une date de naissance sur cinq inconnue (l'âge déclaré seul).
    naissances = np.datetime64("2026-12-01", "D") - alea.integers(0, 16 * 365, n).astype("timedelta64[D]")
    entrees["date_naissance"] = ("individu", naissances)
    entrees["depcom"] = ("menage", np.array(COMMUNES)[alea.integers(0, len(COMMUNES), n_familles)])
    return entrees


def _extraire(entrees, famille, f):
    membres = famille == f
    return {nom: (entite, valeurs[membres] if entite == "individu" else valeurs[[f]]) for nom, (entite, valeurs) in entrees.items()}


def _resultats(simulation, noms):
    return {nom: np.asarray(simulation.calculate(nom, PERIODE)) for nom in noms}


def test_population_en_familles_identique_d_un_bloc_et_famille_par_famille(systeme):
    alea = np.random.default_rng(7)
    famille, parent = _familles(120, alea)
    entrees = _entrees(systeme, famille, alea)
    # Des enfants sous la limite de l'aide à la garde d'enfants : parents de 20 à 50 ans, enfants jeunes.
    naissances = entrees["date_naissance"][1].copy()
    naissances[parent] = np.datetime64("1976-01-01", "D") + alea.integers(0, 30 * 365, int(parent.sum())).astype("timedelta64[D]")
    entrees["date_naissance"] = ("individu", naissances)
    noms = [*variables_des_aides(systeme), "france_travail_aide_garde_enfants_nombre_enfants"]
    bloc = _resultats(_simulation(systeme, famille, parent, entrees), noms)
    assert bloc["france_travail_aide_garde_enfants_nombre_enfants"].max() >= 2  # le cas e1 est exercé
    for f in np.unique(famille):
        membres = famille == f
        seule = _resultats(_simulation(systeme, famille[membres] * 0, parent[membres], _extraire(entrees, famille, f)), noms)
        for nom in noms:
            assert np.array_equal(seule[nom], bloc[nom][membres]), (nom, f)


def test_bornes_d_age_gardees_seulement_hors_trace(systeme):
    from openfisca_clara_api.bench import simulation_generee

    simulation, _ = simulation_generee(systeme, 500, periods.period(PERIODE), graine=3)
    tracee, _ = simulation_generee(systeme, 500, periods.period(PERIODE), graine=3)
    tracee.trace = True
    for nom in variables_des_aides(systeme, roles=("statut",)):
        assert np.array_equal(simulation.calculate(nom, PERIODE), tracee.calculate(nom, PERIODE)), nom
    assert simulation.__dict__.get("_clara_bornes_age") and not tracee.__dict__.get("_clara_bornes_age")


def _ajouter_mois_reference(dates, mois):
    return tri_etat._ajouter_mois_numpy(dates, mois)


def _annees_reference(naissance, date):
    annees = date.astype("datetime64[Y]").astype(int) - naissance.astype("datetime64[Y]").astype(int)
    return np.where(date < _ajouter_mois_reference(naissance, annees * 12), annees - 1, annees)


def test_dates_en_jours_entiers_identiques_a_numpy():
    alea = np.random.default_rng(11)
    jours = int(np.datetime64("2400-12-31", "D").astype(np.int64) - np.datetime64("0001-01-01", "D").astype(np.int64))
    dates = np.datetime64("0001-01-01", "D") + alea.integers(0, jours, 200_000).astype("timedelta64[D]")
    bords = np.array(["0001-01-01", "2400-12-31", "2000-02-29", "1900-02-28", "2024-01-31", "1970-01-01", "2023-12-31"], dtype="datetime64[D]")
    dates = np.concatenate([dates, bords])
    for mois in (0, 1, -1, 12, -240, alea.integers(-600, 600, dates.size)):
        decalage = np.broadcast_to(mois, dates.shape)
        dans = (dates.astype("datetime64[M]").astype(int) + decalage) >= np.datetime64("0001-01", "M").astype(int)
        assert np.array_equal(tri_etat.ajouter_mois(dates[dans], decalage[dans]), _ajouter_mois_reference(dates[dans], decalage[dans]))
    naissances = np.datetime64("1900-01-01", "D") + alea.integers(0, 200 * 365, dates.size).astype("timedelta64[D]")
    assert np.array_equal(tri_etat.annees_revolues(naissances, dates), _annees_reference(naissances, dates))
    loin = np.array(["2600-01-31", "0001-03-31"], dtype="datetime64[D]")  # hors des tables : le calcul de numpy
    assert np.array_equal(tri_etat.ajouter_mois(loin, [1, -1]), _ajouter_mois_reference(loin, [1, -1]))


def _comparable(valeur):
    """Un barème (tranches) n'a pas d'égalité dans OpenFisca : ses seuils et montants (ou taux) la remplacent."""
    if hasattr(valeur, "thresholds"):
        return (type(valeur).__name__, list(valeur.thresholds), list(getattr(valeur, "amounts", getattr(valeur, "rates", []))))
    return valeur


@pytest.mark.parametrize("debut", ["2015-01-01", "2023-06-15"])
def test_par_date_groupe_par_version_des_parametres(systeme, debut):
    alea = np.random.default_rng(5)
    dates = np.datetime64(debut, "D") + alea.integers(0, 4 * 365, 3000).astype("timedelta64[D]")
    feuilles = []
    pile = [("clara", systeme.parameters.clara)]
    while pile:
        chemin, noeud = pile.pop()
        for nom, enfant in getattr(noeud, "children", {}).items():
            (feuilles if not hasattr(enfant, "children") else pile).append((f"{chemin}.{nom}", enfant))
    vus = np.zeros(dates.size, dtype=int)
    parameters = systeme.get_parameters_at_instant
    for masque, vue in tri_etat.par_date(parameters, dates):
        vus += masque
        for date in np.unique(dates[masque])[[0, -1]]:
            for chemin, _ in feuilles:
                attendu = _comparable(tri_etat.lire(tri_etat._ParametresALaDate(systeme.parameters, str(date)), chemin))
                assert _comparable(tri_etat.lire(vue, chemin)) == attendu, (chemin, date)
    assert (vus == 1).all()
    assert len(list(tri_etat.par_date(parameters, dates))) < np.unique(dates).size
