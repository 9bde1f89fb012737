"""La table des communes livrée avec le paquet : chaque commune trouve son département, sa région et son EPCI."""

import csv
from importlib.resources import files

from openfisca_clara.geographie import commune_existe, depcom_inconnus, table
from openfisca_clara.variables.territoire.territoire import departement_du_code

# Collectivités d'outre-mer sans département ni EPCI dans la source (Saint-Pierre-et-Miquelon, Saint-Barthélemy,
# Saint-Martin, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie...) : elles sont leur propre « région ».
COLLECTIVITES = ("975", "977", "978", "98")


def _lignes():
    with (files("openfisca_clara") / "donnees" / "communes.csv").open(encoding="utf-8") as fichier:
        entete = fichier.readline()
        return entete, list(csv.DictReader(fichier))


def test_la_table_dit_sa_source_et_son_millesime():
    entete, _ = _lignes()
    assert "@etalab/decoupage-administratif" in entete and "scripts/geographie.py" in entete


def test_chaque_commune_trouve_son_departement_et_sa_region_par_les_regles_du_code_insee():
    _, lignes = _lignes()
    assert len(lignes) > 35_000
    region_du_departement = table().region_du_departement
    for ligne in lignes:
        code = ligne["code"]
        if code.startswith(COLLECTIVITES):
            assert ligne["departement"] == ligne["region"] == code[:3], code
            continue
        # Une ancienne commune rattachée à une commune d'un autre département (02285 → Saint-Souplet, 59) suit celle-ci.
        assert ligne["departement"] == departement_du_code(ligne["rattachement"] or code), code
        assert ligne["region"] == region_du_departement[ligne["departement"]], code


def test_chaque_commune_a_un_epci_ou_la_source_en_donne_un():
    _, lignes = _lignes()
    rattachees = {ligne["code"]: ligne for ligne in lignes}
    sans_epci = [ligne["code"] for ligne in lignes if not ligne["epci"] and not ligne["code"].startswith(COLLECTIVITES)]
    # Hors collectivités d'outre-mer, seules quelques îles mono-communales sont hors EPCI (Île-de-Sein, Ouessant, Île-d'Yeu...).
    assert len(sans_epci) < 10, sans_epci
    for ligne in lignes:
        if ligne["rattachement"]:
            assert ligne["epci"] == rattachees[ligne["rattachement"]]["epci"], ligne["code"]


def test_arrondissements_municipaux_et_anciennes_communes_se_resolvent():
    for code in ("75101", "75120", "69381", "13216", "01120"):
        assert commune_existe(code), code
    assert not commune_existe("99999")
    assert not commune_existe("")


def test_un_code_insee_inconnu_est_signale_avec_son_champ():
    situation = {"menages": {"m": {"depcom": {"2025-06": "12345"}}, "n": {"depcom": {"2025-06": "33063"}}, "o": {"depcom": {"2025-06": ""}}}}
    assert depcom_inconnus(situation) == [("menages.m.depcom.2025-06", "12345")]
    assert depcom_inconnus({"individus": {}}) == []
