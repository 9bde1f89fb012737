"""openfisca-clara avec openfisca-france-local 6.17.11, l'extension qu'aides-jeunes charge (issue #11, point 3).

`pip install 'openfisca-clara[local]'` l'installe avec des versions qui marchent (numpy < 2 : pandas 1.5.3, qu'elle
exige, est compilé pour numpy 1). `construire_systeme(["openfisca_france_local"])`, `clara serve --extensions
openfisca_france_local` et `CLARA_EXTENSIONS` chargent les deux. Sans l'extra, ces tests sont sautés : `make test-local`
(ou `.ci/run`) les lance dans un environnement où il est installé.
"""

import inspect
from pathlib import Path

import pytest

pytest.importorskip(
    "openfisca_france_local",
    reason="openfisca-france-local n'est pas installé (pip install 'openfisca-clara[local]' ; make test-local)",
    exc_type=ImportError,
)

from openfisca_clara_api.evaluation import evaluer  # noqa: E402
from openfisca_clara_api.systeme import construire_systeme  # noqa: E402

M = "2025-06"


@pytest.fixture(scope="module")
def systeme_local():
    return construire_systeme(["openfisca_france_local"])


def _origine(systeme, paquet):
    return {nom for nom, variable in systeme.variables.items() if f"/{paquet}/" in (inspect.getsourcefile(type(variable)) or "")}


def test_la_version_installee_est_celle_d_aides_jeunes():
    from importlib.metadata import version

    assert version("openfisca-france-local") == "6.17.11"


def test_aucun_nom_commun_avec_openfisca_france_local_installe(systeme_local, systeme):
    """Les deux extensions se chargent ensemble : aucune de nos variables n'a le nom d'une des leurs."""
    locales = _origine(systeme_local, "openfisca_france_local")
    nos_variables = _origine(systeme, "openfisca_clara")
    assert len(locales) > 100 and len(nos_variables) > 500
    assert not locales & nos_variables
    assert nos_variables <= set(systeme_local.variables)
    # Nos paramètres sont sous la seule clé « clara », que l'extension n'a pas.
    assert systeme_local.parameters.clara is not None and "clara" not in _racines_parametres_locales()


def _racines_parametres_locales():
    import openfisca_france_local

    dossier = Path(openfisca_france_local.__file__).parent / "parameters"
    return {chemin.stem for chemin in dossier.iterdir()} if dossier.exists() else set()


def test_une_aide_locale_et_une_des_notres_dans_la_meme_situation(systeme_local):
    """Une personne de 18 ans à Lyon : l'aide au permis d'Auvergne-Rhône-Alpes (openfisca-france-local) et notre aide
    au permis des apprentis, calculées dans la même simulation, par /calculate et par evaluer."""
    from openfisca_clara_api.web import creer_application

    situation = {
        "individus": {
            "p": {
                "date_naissance": {"ETERNITY": "2007-01-15"},
                "age": {M: 18},
                "apprenti": {M: True},
                "auvergne_rhone_alpes_aide_permis": {M: None},
                "etat_aide_permis_apprenti_statut": {M: None},
            }
        },
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
        "menages": {"m": {"personne_de_reference": ["p"], "depcom": {M: "69123"}}},
    }
    client = creer_application(systeme_local).test_client()
    reponse = client.post("/calculate", json=situation)
    assert reponse.status_code == 200, reponse.get_json()
    personne = reponse.get_json()["individus"]["p"]
    assert personne["auvergne_rhone_alpes_aide_permis"][M] == 200
    assert personne["etat_aide_permis_apprenti_statut"][M] in ("eligible", "a_verifier")
    # evaluer avec le même système : nos aides, dont le permis des apprentis (apprenti donné en vocabulaire d'openfisca-france)
    resultat = evaluer(situation, M, systeme=systeme_local, aides=["aide_permis_apprenti"])
    assert resultat["rubriques"][0]["aides"][0]["statut"] == personne["etat_aide_permis_apprenti_statut"][M]


def test_clara_serve_accepte_extensions(monkeypatch):
    from openfisca_clara_api import cli, serveur

    appels = []
    monkeypatch.setattr(serveur, "servir", lambda *args, **options: appels.append((args, options)))
    assert cli.main(["serve", "--port", "5999", "--extensions", "openfisca_france_local"]) == 0
    assert appels[0][1]["extensions"] == ["openfisca_france_local"]


def test_clara_extensions_dans_l_environnement(monkeypatch, systeme_local):
    monkeypatch.setenv("CLARA_EXTENSIONS", "openfisca_france_local")
    assert construire_systeme() is systeme_local
