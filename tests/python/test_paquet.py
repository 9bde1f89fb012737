"""Le paquet se présente sous son nom : version SemVer, /spec et en-têtes d'openfisca-clara ; les liens
`source` de /variable et /parameter ne montrent jamais un chemin du serveur."""

import re
from importlib.metadata import metadata, version

import pytest

from openfisca_clara_api.catalogue import charger_catalogue
from openfisca_clara_api.compat import VERSIONS_VERIFIEES, source_publique
from openfisca_clara_api.web import creer_application

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")


@pytest.fixture(scope="module")
def client(systeme):
    return creer_application(systeme).test_client()


def test_version_semver_et_changelog():
    courante = version("openfisca-clara")
    assert SEMVER.match(courante), courante
    from pathlib import Path

    changelog = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {courante} — " in changelog
    classifiers = metadata("openfisca-clara").get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers


def test_versions_verifiees_de_compat():
    for distribution, verifiees in VERSIONS_VERIFIEES.items():
        assert version(distribution) in verifiees


def test_spec_et_en_tetes_au_nom_d_openfisca_clara(client):
    reponse = client.get("/spec")
    info = reponse.get_json()["info"]
    assert info["title"] == "openfisca-clara Web API"
    assert info["version"] == version("openfisca-clara")
    assert f"openfisca-france {version('openfisca-france')}" in info["description"]
    assert info["x-openfisca-country-package"] == {"name": "openfisca-france", "version": version("openfisca-france")}
    for route in ("/spec", "/aides", "/variables"):
        en_tetes = client.get(route).headers
        assert en_tetes.getlist("Country-Package") == ["openfisca-clara"], route
        assert en_tetes.getlist("Country-Package-Version") == [version("openfisca-clara")], route
        assert en_tetes["Base-Country-Package"] == "openfisca-france"
        assert en_tetes["Base-Country-Package-Version"] == version("openfisca-france")


def test_pas_de_chemin_local_dans_les_sources(client, systeme):
    statut = charger_catalogue()["aide_mobilite"]["variables"]["statut"]
    fiche = client.get(f"/variable/{statut}").get_json()
    assert fiche["id"] == statut and "source" not in fiche
    assert all("source" not in formule for formule in fiche["formulas"].values() if formule)
    parametre = next(nom for nom in client.get("/parameters").get_json() if nom.startswith("clara."))
    assert "source" not in client.get(f"/parameter/{parametre}").get_json()
    # Les sources d'openfisca-france restent, dans son dépôt, à sa version.
    france = client.get("/variable/salaire_de_base").get_json()
    assert france["source"].startswith(f"https://github.com/openfisca/openfisca-france/blob/{version('openfisca-france')}/openfisca_france/")
    assert (
        client.get("/parameter/marche_travail.salaire_minimum.smic.smic_b_horaire")
        .get_json()["source"]
        .startswith("https://github.com/openfisca/openfisca-france/blob/")
    )


def test_source_publique():
    meta = {"name": "openfisca-france", "version": "1.2.3", "repository_url": "https://depot"}
    assert source_publique("https://depot/blob/1.2.3/openfisca_france/a.py#L1-L2", meta)
    assert source_publique("https://depot/blob/1.2.3/home/moi/openfisca_clara/a.py", meta) is None
    assert source_publique("https://depot/blob/1.2.3/openfisca_clara/a.py", meta) is None
