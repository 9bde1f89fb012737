"""`clara` : la ligne de commande, appelée sans sous-processus (main([...]) et capture de la sortie)."""

import csv
import json
import sys
import types
from importlib.resources import files

import numpy as np
import pytest

from openfisca_clara_api import charger_catalogue, evaluer, evaluer_population
from openfisca_clara_api.cli import main
from openfisca_clara_api.exemples import charger_exemple

PERIODE = "2025-06"
EXEMPLES = files("openfisca_clara") / "situation_examples"


def _lancer(capsys, *arguments):
    code = main(list(arguments))
    sortie = capsys.readouterr()
    return code, sortie.out, sortie.err


def test_evaluer_affiche_un_tableau_lisible(systeme, capsys):
    code, sortie, _ = _lancer(capsys, "evaluer", str(EXEMPLES / "entretien_embauche_130_km.json"), "--periode", PERIODE)
    assert code == 0
    resultat = evaluer(charger_exemple("entretien_embauche_130_km"), PERIODE)
    assert "ÉLIGIBLE (" in sortie and "\x1b[" not in sortie  # lisible sans couleurs
    assert "en juin 2025" in sortie
    aides = [a for r in resultat["rubriques"] for a in r["aides"]]
    for aide in aides:
        assert aide["label"] in sortie
    mobilite = next(a for a in aides if a["id"] == "aide_mobilite")
    assert "66,05 €" in sortie and mobilite["statut"] == "eligible"
    echecs = [c["label"][:40] for a in aides if a["statut"] == "non_eligible" for c in a["criteres"] if c["valeur"] == "faux"]
    assert echecs and all(e.split()[0] in sortie for e in echecs)


def test_evaluer_montre_les_conditions_manquantes_et_les_questions(systeme, capsys):
    code, sortie, _ = _lancer(capsys, "evaluer", str(EXEMPLES / "partielle_age_et_commune.json"), "--periode", PERIODE)
    assert code == 0
    resultat = evaluer(charger_exemple("partielle_age_et_commune"), PERIODE)
    assert "À VÉRIFIER (" in sortie and "QUESTIONS À POSER" in sortie
    assert "à renseigner :" in sortie
    premiere = resultat["questions"][0]
    assert premiere["chemin"] in sortie


@pytest.mark.parametrize("fichier", sorted(f.name for f in EXEMPLES.iterdir() if f.name.endswith(".json")))
def test_evaluer_json_est_exactement_evaluer(systeme, capsys, fichier):
    """Pour chaque exemple, `clara --json` = `evaluer` (qui égale /calculate : test_evaluation, test_web)."""
    nom = fichier.removesuffix(".json")
    personne = next(iter(charger_exemple(nom)["individus"]))
    code, sortie, _ = _lancer(capsys, "evaluer", str(EXEMPLES / fichier), "--periode", PERIODE, "--json", "--personne", personne)
    assert code == 0
    assert json.loads(sortie) == evaluer(charger_exemple(nom), PERIODE, personne=personne)


def test_evaluer_filtres(systeme, capsys):
    code, sortie, _ = _lancer(
        capsys, "evaluer", str(EXEMPLES / "partielle_age_et_commune.json"), "--periode", PERIODE, "--besoin", "se_deplacer", "faire_garder_enfant", "--json"
    )
    assert code == 0
    ids = {a["id"] for r in json.loads(sortie)["rubriques"] for a in r["aides"]}
    assert ids == {i for i, f in charger_catalogue().items() if {"se_deplacer", "faire_garder_enfant"} & set(f["besoins"])}
    code, sortie, _ = _lancer(capsys, "evaluer", str(EXEMPLES / "partielle_age_et_commune.json"), "--periode", PERIODE, "--rubrique", "mobilite", "--json")
    assert {r["id"] for r in json.loads(sortie)["rubriques"]} == {"mobilite"}


def test_catalogue(capsys):
    code, sortie, _ = _lancer(capsys, "catalogue")
    assert code == 0
    for identifiant, fiche in charger_catalogue().items():
        assert identifiant in sortie and fiche["label"] in sortie
    code, sortie, _ = _lancer(capsys, "catalogue", "--rubrique", "mobilite", "--json")
    fiches = json.loads(sortie)
    assert fiches and {f["rubrique"] for f in fiches} == {"mobilite"}
    code, sortie, _ = _lancer(capsys, "catalogue", "--besoin", "se_deplacer")
    assert code == 0 and "aide_mobilite" in sortie


def test_serve_delegue_a_serveur_servir(capsys, monkeypatch):
    appels = []
    module = types.ModuleType("openfisca_clara_api.serveur")
    module.servir = lambda host, port, workers, threads: appels.append((host, port, workers, threads))
    monkeypatch.setitem(sys.modules, "openfisca_clara_api.serveur", module)
    assert main(["serve"]) == 0
    assert main(["serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "4", "--threads", "16"]) == 0
    assert appels == [("127.0.0.1", 5000, 2, 8), ("0.0.0.0", 8000, 4, 16)]


def test_lot(systeme, capsys, tmp_path):
    # Columns are named as the variables of /calculate; a line with no value is kept and marked (issue: population runs).
    entree = tmp_path / "population.csv"
    entree.write_text(
        "id,age,inscription_france_travail,percoit_are,depcom,projet_distance_aller_retour_km\n" "a,24,oui,non,75056,130\n" "b,52,non,oui,97411,\n" "c,,,,,\n",
        encoding="utf-8",
    )
    sortie_csv = tmp_path / "resultats.csv"
    code, _, _ = _lancer(capsys, "lot", str(entree), "--periode", PERIODE, "--sortie", str(sortie_csv))
    assert code == 0
    lignes = list(csv.DictReader(sortie_csv.open(encoding="utf-8")))
    assert [ligne["id"] for ligne in lignes] == ["a", "b", "c"]
    assert lignes[2]["erreur"] == "Ligne vide : aucune valeur."
    attendu = evaluer_population(
        {
            "age": np.array([24, 52]),
            "inscription_france_travail": np.array(["oui", "non"]),
            "percoit_are": np.array(["non", "oui"]),
            "depcom": np.array(["75056", "97411"]),
            "projet_distance_aller_retour_km": np.array([130, -1]),
        },
        PERIODE,
    )
    catalogue = charger_catalogue()
    for identifiant, valeurs in attendu.items():
        noms = catalogue[identifiant]["variables"]
        assert [ligne[noms["statut"]] for ligne in lignes[:2]] == list(valeurs["statut"])
        assert lignes[2][noms["statut"]] == ""
        if valeurs["montant"] is not None:
            assert [float(ligne[noms["montant"]]) for ligne in lignes[:2]] == pytest.approx(list(valeurs["montant"]), abs=0.005)
    code, sortie, _ = _lancer(capsys, "lot", str(entree), "--periode", PERIODE, "--aide", "aide_mobilite")
    assert code == 0 and sortie.splitlines()[0] == "id,ligne,erreur,france_travail_aide_mobilite_statut,france_travail_aide_mobilite_montant"


@pytest.mark.parametrize(
    ("arguments", "champ"),
    [
        (["evaluer", "{exemple}", "--periode", "2025-13"], "periode"),
        (["evaluer", "{exemple}", "--periode", PERIODE, "--personne", "personne_inconnue"], "personne"),
        (["evaluer", "{exemple}", "--periode", PERIODE, "--besoin", "se_deplacer", "voler"], "besoins[1]"),
        (["evaluer", "{inconnue}", "--periode", PERIODE], "individus.moi.agee"),
        (["evaluer", "{invalide}", "--periode", PERIODE], "{invalide}"),
        (["evaluer", "{absent}", "--periode", PERIODE], "{absent}"),
        (["catalogue", "--rubrique", "nope"], "rubriques[0]"),
        (["lot", "{csv}", "--periode", "2025-13"], "periode"),
    ],
)
def test_erreurs_nomment_le_champ_et_sortent_avec_le_code_2(arguments, champ, capsys, tmp_path):
    chemins = {
        "exemple": str(EXEMPLES / "partielle_age_et_commune.json"),
        "inconnue": str(tmp_path / "inconnue.json"),
        "invalide": str(tmp_path / "invalide.json"),
        "absent": str(tmp_path / "absent.json"),
        "csv": str(tmp_path / "population.csv"),
    }
    (tmp_path / "inconnue.json").write_text(json.dumps({"individus": {"moi": {"agee": {PERIODE: 3}}}}), encoding="utf-8")
    (tmp_path / "invalide.json").write_text("{individus", encoding="utf-8")
    (tmp_path / "population.csv").write_text("age,percoit_are\n30,oui\n40,peut-etre\n", encoding="utf-8")
    code, sortie, erreur = _lancer(capsys, *(a.format(**chemins) for a in arguments))
    assert code == 2
    assert f"champ « {champ.format(**chemins)} »" in erreur
    assert sortie == ""


def test_arguments_invalides(capsys):
    assert main(["inconnue"]) == 2
    assert main([]) == 2
    assert main(["--help"]) == 0


def test_evaluer_sans_periode_signale_les_entrees_d_un_autre_mois(systeme, capsys, tmp_path, monkeypatch):
    """Sans --periode, le mois courant est évalué : une entrée donnée pour un autre mois est nommée, pas ignorée en silence."""
    import openfisca_clara_api.cli as cli

    monkeypatch.setattr(cli, "_mois_courant", lambda: "2026-12")
    fichier = tmp_path / "situation.json"
    fichier.write_text(json.dumps({"individus": {"p": {"inscription_france_travail": {"2025-06": "oui"}, "age_declare": {"2026-12": 40}}}}), encoding="utf-8")
    code, sortie, _ = _lancer(capsys, "evaluer", str(fichier))
    assert code == 0
    assert "en décembre 2026" in sortie
    assert "ATTENTION" in sortie and "inscription_france_travail" in sortie and "2025-06" in sortie and "--periode" in sortie
    assert "age_declare" not in sortie.split("ATTENTION", 1)[1].split("\n\n", 1)[0]
    code, sortie, _ = _lancer(capsys, "evaluer", str(fichier), "--json")
    avertissements = json.loads(sortie)["avertissements"]
    assert [(a["variable"], a["periodes"], a["periode_evaluee"]) for a in avertissements] == [("inscription_france_travail", ["2025-06"], "2026-12")]
    code, sortie, _ = _lancer(capsys, "evaluer", str(fichier), "--periode", "2025-06")
    assert "ATTENTION" in sortie and "age_declare" in sortie  # à l'inverse, l'âge n'est donné que pour 2026-12
