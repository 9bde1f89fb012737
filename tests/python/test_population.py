"""Populations (clara lot, clara rapport, Dask): rows in = rows out, bad rows marked, à vérifier kept apart."""

import json

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from openfisca_clara.reforms import REFORMES, REFORMES_YAML
from openfisca_clara_api.cli import main
from openfisca_clara_api.erreurs import ErreurEntree
from openfisca_clara_api.evaluation import evaluer_population
from openfisca_clara_api.population import charger_reforme, executer, executer_dask, lire_sortie
from openfisca_clara_api.rapport import ecrire_rapport

PERIODE = "2027-01"
ENTETE = "id,age,inscription_france_travail,categorie_demandeur_emploi,percoit_are,depcom,projet_type,projet_distance_aller_retour_km,projet_duree_trajet_aller_retour_minutes"
BONNES = [
    "a,24,oui,categorie_1,non,75056,entretien_embauche,130,",
    "b,52,non,,oui,97411,,,",
    "c,45,oui,categorie_1,non,59350,entretien_embauche,50,40",
]
MAUVAISES = [
    ("d,,,,,,,,", "Ligne vide"),
    ("e,30,oui,categorie_1,non,75056,entretien_embauche,50,,9", "trop longue"),
    ("f,31,oui", "trop courte"),
    ("g,31,oui,categorie_1,peut-etre,75056,entretien_embauche,50,", ":percoit_are"),
    ("h,99999999999,oui,categorie_1,non,75056,entretien_embauche,50,", ":age"),
    ("i,30,oui,categorie_1,non,75056,entretien_embauche,nan,", ":projet_distance_aller_retour_km"),
    ("j,30,oui,categorie_1,non,75056,entretien_embauche,inf,", ":projet_distance_aller_retour_km"),
    (",,,,,,,,", "Ligne vide"),
]
AIDES = ["aide_mobilite", "aide_garde_enfants", "arce"]
STATUT = "france_travail_aide_mobilite_statut"
MONTANT = "france_travail_aide_mobilite_montant"


def _csv(tmp_path, separateur=",", bom=False, lignes=None):
    texte = "\n".join([ENTETE, *(lignes if lignes is not None else BONNES + [m for m, _ in MAUVAISES])]) + "\n"
    chemin = tmp_path / "population.csv"
    chemin.write_text(("\ufeff" if bom else "") + texte.replace(",", separateur), encoding="utf-8")
    return chemin


def test_lignes_lues_egal_lignes_ecrites_et_mauvaises_lignes_marquees(tmp_path):
    sortie = tmp_path / "resultats.csv"
    bilan = executer(_csv(tmp_path), sortie, PERIODE, aides=AIDES, taille_lot=3)
    resultats = lire_sortie(sortie)
    assert resultats["id"] == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", ""]
    assert resultats["ligne"] == [str(n) for n in range(2, 13)]
    assert (bilan.lues, bilan.evaluees, bilan.marquees) == (11, 3, 8)
    for rang, (_, motif) in enumerate(MAUVAISES, len(BONNES)):
        assert motif in resultats["erreur"][rang]
        assert resultats[STATUT][rang] == ""  # marked, not evaluated
    assert all(e == "" for e in resultats["erreur"][: len(BONNES)])
    assert all(s in ("eligible", "a_verifier", "non_eligible") for s in resultats[STATUT][: len(BONNES)])


def test_les_resultats_sont_ceux_d_evaluer_population(tmp_path):
    sortie = tmp_path / "resultats.parquet"
    executer(_csv(tmp_path, lignes=BONNES[:3]), sortie, PERIODE, aides=AIDES)
    resultats = lire_sortie(sortie)
    attendu = evaluer_population(
        {
            "age": np.array([24, 52, 45]),
            "inscription_france_travail": np.array(["oui", "non", "oui"]),
            "categorie_demandeur_emploi": np.array(["categorie_1", "non_renseigne", "categorie_1"]),
            "percoit_are": np.array(["non", "oui", "non"]),
            "depcom": np.array(["75056", "97411", "59350"]),
            "projet_type": np.array(["entretien_embauche", "non_renseigne", "entretien_embauche"]),
            "projet_distance_aller_retour_km": np.array([130, -1, 50]),
            "projet_duree_trajet_aller_retour_minutes": np.array([-1, -1, 40]),
        },
        PERIODE,
        aides=AIDES,
    )
    assert resultats[STATUT] == list(attendu["aide_mobilite"]["statut"])
    assert resultats[MONTANT] == pytest.approx(list(attendu["aide_mobilite"]["montant"]), abs=0.005)


@pytest.mark.parametrize(("separateur", "bom"), [(";", True), ("\t", False), ("|", True), (",", True)])
def test_separateur_et_bom(tmp_path, separateur, bom):
    reference = executer(_csv(tmp_path), tmp_path / "a.csv", PERIODE, aides=AIDES)
    autre = tmp_path / "autre"
    autre.mkdir()
    executer(_csv(autre, separateur, bom), autre / "b.csv", PERIODE, aides=AIDES)
    assert lire_sortie(autre / "b.csv")[STATUT] == lire_sortie(tmp_path / "a.csv")[STATUT]
    assert reference.lues == 11


def test_parquet_en_entree_comme_le_csv(tmp_path):
    executer(_csv(tmp_path, lignes=[*BONNES, "d,,,,,,,,"]), tmp_path / "csv.parquet", PERIODE, aides=AIDES)
    table = pa.table(
        {
            "id": ["a", "b", "c", "d"],
            "age": [24, 52, 45, None],
            "inscription_france_travail": ["oui", "non", "oui", None],
            "categorie_demandeur_emploi": ["categorie_1", None, "categorie_1", None],
            "percoit_are": ["non", "oui", "non", None],
            "depcom": ["75056", "97411", "59350", None],
            "projet_type": ["entretien_embauche", None, "entretien_embauche", None],
            "projet_distance_aller_retour_km": [130.0, None, 50.0, None],
            "projet_duree_trajet_aller_retour_minutes": [None, None, 40, None],
        }
    )
    pq.write_table(table, tmp_path / "entree.parquet")
    executer(tmp_path / "entree.parquet", tmp_path / "pq.parquet", PERIODE, aides=AIDES)
    assert lire_sortie(tmp_path / "pq.parquet")[STATUT] == lire_sortie(tmp_path / "csv.parquet")[STATUT]
    assert lire_sortie(tmp_path / "pq.parquet")["erreur"] == ["", "", "", "Ligne vide : aucune valeur."]


@pytest.mark.parametrize(("entete", "champ"), [("id,age,age", "population.csv:1:age"), ("id,agee", "population.csv:1:agee")])
def test_en_tete_double_ou_inconnu_arrete_avant_tout_calcul(tmp_path, entete, champ):
    chemin = tmp_path / "population.csv"
    chemin.write_text(f"{entete}\na,30,31\n", encoding="utf-8")
    with pytest.raises(ErreurEntree) as erreur:
        executer(chemin, tmp_path / "r.csv", PERIODE)
    assert erreur.value.champ.endswith(champ)


def test_clara_lot_ecrit_les_colonnes_de_calculate(tmp_path, capsys):
    sortie = tmp_path / "r.parquet"
    assert main(["lot", str(_csv(tmp_path)), "--periode", PERIODE, "--aide", "aide_mobilite", "--sortie", str(sortie)]) == 0
    assert pq.read_schema(sortie).names == ["id", "ligne", "erreur", STATUT, MONTANT]
    assert "11 lignes lues, 3 évaluées, 8 marquées en erreur" in capsys.readouterr().err


def test_les_trois_reformes_d_exemple_se_chargent():
    noms = [*REFORMES, *REFORMES_YAML]
    assert len(noms) >= 3
    for nom in noms:
        assert charger_reforme(nom).__name__


def test_reforme_distance_40_km_fait_des_gagnants_et_garde_les_maxima_a_part(tmp_path):
    sortie = tmp_path / "r.csv"
    bilan = executer(_csv(tmp_path), sortie, PERIODE, aides=["aide_mobilite"], reforme="distance_mobilite_40_km")
    resultats = lire_sortie(sortie)
    ligne_c = resultats["id"].index("c")  # 50 km aller-retour: under 60 km today, over 40 km in the reform
    assert resultats[STATUT][ligne_c] == "non_eligible"
    assert resultats[STATUT + "_reforme"][ligne_c] != "non_eligible"
    comparaison = bilan.comparaison.en_json()["aides"]["aide_mobilite"]
    for cote, suffixe in (("reference", ""), ("reforme", "_reforme")):
        statuts, montants = resultats[STATUT + suffixe], resultats[MONTANT + suffixe]
        for statut in ("eligible", "a_verifier"):
            attendu = sum(float(m) for s, m in zip(statuts, montants, strict=True) if s == statut)
            assert comparaison[cote][statut]["montant"] == pytest.approx(attendu, abs=0.01)
    # What the reform adds is à vérifier (a maximum): it is never counted as éligible.
    assert comparaison["reforme"]["a_verifier"]["personnes"] >= comparaison["reference"]["a_verifier"]["personnes"]


def test_reforme_inconnue(tmp_path):
    with pytest.raises(ErreurEntree) as erreur:
        charger_reforme("pas_une_reforme")
    assert erreur.value.champ == "reforme"
    chemin = tmp_path / "r.yaml"
    chemin.write_text("modifications:\n  - parametre: clara.nulle_part\n    debut: 2027-01-01\n    valeur: 1\n", encoding="utf-8")
    with pytest.raises(ErreurEntree):
        executer(_csv(tmp_path), tmp_path / "s.csv", PERIODE, aides=["aide_mobilite"], reforme=str(chemin))


@pytest.mark.parametrize("reforme", [*REFORMES, *REFORMES_YAML])
def test_rapport_de_chaque_reforme_d_exemple(tmp_path, reforme):
    sortie = tmp_path / "rapport.html"
    ecrire_rapport(_csv(tmp_path), reforme, PERIODE, sortie, aides=["aide_mobilite", "aide_garde_enfants"])
    page = sortie.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and 'lang="fr"' in page
    assert "data:image/png;base64," in page
    assert "jamais ajoutés aux montants éligibles" in page
    assert "aide_mobilite" in page and "11 lignes lues, 3 évaluées, 8 marquées en erreur" in page
    assert "http://" not in page and "https://" not in page  # self-contained


def test_clara_lot_avec_reforme_et_bilan(tmp_path, capsys):
    bilan = tmp_path / "bilan.json"
    argv = ["lot", str(_csv(tmp_path)), "--periode", PERIODE, "--aide", "aide_mobilite", "--reforme", "distance_mobilite_40_km", "--bilan", str(bilan)]
    assert main([*argv, "--sortie", str(tmp_path / "r.csv")]) == 0
    donnees = json.loads(bilan.read_text(encoding="utf-8"))
    assert set(donnees) == {"aides", "groupes", "a_verifier_par_critere"}
    assert {g["groupe"] for g in donnees["groupes"]} == {"rubrique", "region", "age"}


def test_dask_local_donne_les_memes_lignes(tmp_path):
    distributed = pytest.importorskip("distributed")
    executer(_csv(tmp_path), tmp_path / "seul.parquet", PERIODE, aides=AIDES)
    entree = tmp_path / "entree.parquet"
    table = pa.table(
        {
            "id": [str(i) for i in range(10)],
            "age": [20 + 4 * i for i in range(10)],
            "inscription_france_travail": ["oui", "non"] * 5,
            "depcom": ["75056", "97411", "59350", "2A004", "69123"] * 2,
            "projet_distance_aller_retour_km": [10.0 * i for i in range(10)],
        }
    )
    pq.write_table(table, entree, row_group_size=3)
    executer(entree, tmp_path / "seul.parquet", PERIODE, aides=AIDES)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as grappe, distributed.Client(grappe) as client:
        bilan = executer_dask([entree], tmp_path / "dask", PERIODE, client, aides=AIDES)
    parties = pa.concat_tables([pq.read_table(p) for p in sorted((tmp_path / "dask").glob("*.parquet"))])
    assert bilan.lues == 10
    assert parties.to_pydict() == pq.read_table(tmp_path / "seul.parquet").to_pydict()
