"""L'unité de chaque montant, lisible par une machine : dans la fiche (champ validé), dans la variable,
dans /aides, /evaluation et la ligne de commande."""

import pytest

from openfisca_clara_api.catalogue import BASES_JOURS, UNITES_MONTANT, charger_catalogue
from openfisca_clara_api.cli import main
from openfisca_clara_api.evaluation import evaluer
from openfisca_clara_api.exemples import charger_exemple

PERIODE = "2025-06"
# La périodicité (rythme de versement) dit la même chose que l'unité, en moins précis.
PERIODICITES = {
    "par_jour": {"journaliere"},
    "par_mois_de_30_jours": {"mensuelle"},
    "par_mois_civil": {"mensuelle"},
    "ponctuel": {"ponctuelle"},
    "total_sur_la_duree": {"ponctuelle"},
    "par_an": {"annuelle"},
}


@pytest.fixture(scope="module")
def catalogue():
    return charger_catalogue()


def test_chaque_fiche_dit_l_unite_de_son_montant_dans_la_liste_fermee(catalogue):
    for identifiant, fiche in catalogue.items():
        assert "unite_montant" in fiche and "base_jours" in fiche, identifiant
        unite, base = fiche["unite_montant"], fiche["base_jours"]
        sans_montant = fiche["variables"]["montant"] is None
        assert (unite is None) == sans_montant, f"{identifiant} : unité {unite!r} pour un montant {fiche['variables']['montant']!r}"
        if sans_montant:
            assert base is None, identifiant
            continue
        assert unite in UNITES_MONTANT, identifiant
        assert base is None or base in BASES_JOURS, identifiant
        assert fiche["periodicite"] in PERIODICITES[unite], identifiant
        # Un montant par jour dit quels jours il compte ; un mois de 30 jours compte 30 jours.
        if unite == "par_jour":
            assert base is not None, identifiant
        if unite == "par_mois_de_30_jours":
            assert base == "mois_de_30_jours", identifiant


def test_le_schema_refuse_une_unite_hors_liste(tmp_path, monkeypatch):
    from openfisca_clara_api import catalogue as module

    fiche = dict(charger_catalogue()["aref"], unite_montant="par_semaine")
    with pytest.raises(module.ErreurCatalogue, match="unite_montant"):
        module._valider(fiche, tmp_path / "aref.yaml")


def test_la_variable_montant_porte_l_unite_de_sa_fiche(catalogue, systeme):
    for identifiant, fiche in catalogue.items():
        nom = fiche["variables"]["montant"]
        if nom is None:
            continue
        variable = systeme.variables[nom]
        assert variable.unit == "currency", nom
        assert variable.unite_montant == fiche["unite_montant"], identifiant
        assert variable.base_jours == fiche["base_jours"], identifiant


def test_unites_connues_de_quelques_aides(catalogue):
    attendu = {
        "aref": ("par_jour", "jours_calendaires"),
        "ass": ("par_mois_de_30_jours", "mois_de_30_jours"),
        "cej_allocation": ("par_mois_civil", None),
        "aide_mobilite": ("ponctuel", None),
        "emplois_francs": ("total_sur_la_duree", None),
        "arce": ("total_sur_la_duree", "jours_calendaires"),
        "acre": (None, None),
    }
    for identifiant, (unite, base) in attendu.items():
        assert (catalogue[identifiant]["unite_montant"], catalogue[identifiant]["base_jours"]) == (unite, base), identifiant


def test_evaluer_donne_l_unite_de_chaque_montant(catalogue):
    resultat = evaluer(charger_exemple("entretien_embauche_130_km"), PERIODE)
    for rubrique in resultat["rubriques"]:
        for aide in rubrique["aides"]:
            fiche = catalogue[aide["id"]]
            assert aide["unite_montant"] == fiche["unite_montant"], aide["id"]
            assert aide["base_jours"] == fiche["base_jours"], aide["id"]


def test_la_ligne_de_commande_affiche_l_unite(capsys, tmp_path):
    import json

    situation = charger_exemple("entretien_embauche_130_km")
    fichier = tmp_path / "situation.json"
    fichier.write_text(json.dumps(situation), encoding="utf-8")
    assert main(["evaluer", str(fichier), "--periode", PERIODE, "--aide", "aide_mobilite", "aref"]) == 0
    sortie = capsys.readouterr().out
    assert "66,05 € (une fois)" in sortie
    assert main(["catalogue", "--rubrique", "remuneration_formation"]) == 0
    sortie = capsys.readouterr().out
    assert "montant : par jour (jours calendaires)" in sortie


def test_aides_web_donne_l_unite(systeme):
    from openfisca_clara_api.web import creer_application

    client = creer_application(systeme).test_client()
    reponse = client.get("/aides")
    assert reponse.status_code == 200
    aides = {aide["id"]: aide for aide in reponse.get_json()["aides"]}
    assert aides["aref"]["unite_montant"] == "par_jour" and aides["aref"]["base_jours"] == "jours_calendaires"
    assert aides["acre"]["unite_montant"] is None
