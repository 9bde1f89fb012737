"""La population synthétique : marges publiées retrouvées, même graine même population, lue par `clara lot` sans erreur."""

import numpy as np

from openfisca_clara_api.population import executer, lire_sortie
from openfisca_clara_api.population_synthetique import CATEGORIES, PART_ARE, PART_LONGUE_DUREE, TRANCHES_AGE, ecrire_population, generer_population


def test_marges_et_reproductibilite(systeme):
    colonnes = generer_population(40_000, "2026-12", graine=1)
    assert set(colonnes) - {"id"} <= set(systeme.variables)
    categories = colonnes["categorie_demandeur_emploi"]
    part_a = np.isin(categories, ["categorie_1", "categorie_2", "categorie_3"]).mean()
    assert abs(part_a - CATEGORIES["A"] / sum(CATEGORIES.values())) < 0.01
    assert abs((colonnes["percoit_are"] == "oui").mean() - PART_ARE) < 0.01
    mois = np.datetime64("2026-12-01", "D")
    assert abs(((mois - colonnes["date_inscription_france_travail"]).astype(int) > 365).mean() - PART_LONGUE_DUREE) < 0.01
    ages = (mois - colonnes["date_naissance"]).astype(int) / 365.25
    assert abs((ages < 25).mean() - TRANCHES_AGE[0][2] / sum(t[2] for t in TRANCHES_AGE)) < 0.01
    assert (colonnes["allocation_chomage_journaliere"][colonnes["percoit_are"] == "non"] == 0).all()
    assert not any(code.startswith("976") for code in colonnes["depcom"])  # Mayotte hors du champ des sources
    une, deux = generer_population(300, "2026-12", graine=4), generer_population(300, "2026-12", graine=4)
    assert all(np.array_equal(une[nom], deux[nom]) for nom in une)


def test_clara_lot_lit_la_population_generee(tmp_path):
    entree, sortie = tmp_path / "population.parquet", tmp_path / "sortie.parquet"
    ecrire_population(entree, 2_500, "2026-12", taille_morceau=1_000, avec_projet=True)
    bilan = executer(entree, sortie, "2026-12", aides=["aide_mobilite"], taille_lot=1_000)
    assert (bilan.lues, bilan.evaluees, bilan.marquees) == (2_500, 2_500, 0)
    resultats = lire_sortie(sortie)
    assert len(resultats["id"]) == 2_500 and len(set(resultats["id"])) == 2_500
    assert set(resultats["france_travail_aide_mobilite_statut"]) <= {"eligible", "a_verifier", "non_eligible"}
