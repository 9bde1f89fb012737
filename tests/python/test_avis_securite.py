"""La pile du serveur face aux avis de sécurité connus (docs/avis-securite.yaml).

Aucune base d'avis n'est joignable d'ici : la table du dépôt en tient lieu. Une version installée touchée par
un avis fait échouer le test, sauf si l'avis dit pourquoi le serveur n'y est pas exposé (`attenuation`).
"""

import logging
from importlib.metadata import version
from pathlib import Path

import yaml
from packaging.specifiers import SpecifierSet

AVIS = yaml.safe_load((Path(__file__).parents[2] / "docs" / "avis-securite.yaml").read_text(encoding="utf-8"))


def test_chaque_avis_a_sa_source_et_sa_version_corrigee():
    for avis in AVIS:
        assert avis["source"].startswith("https://nvd.nist.gov/vuln/detail/CVE-"), avis["id"]
        assert avis["corrigee"] not in SpecifierSet(avis["touchees"]), avis["id"]


def test_aucune_version_installee_touchee_sans_attenuation():
    touches = []
    for avis in AVIS:
        installee = version(avis["paquet"])
        if installee in SpecifierSet(avis["touchees"]):
            print(f"{avis['paquet']} {installee} : {avis['id']} — {'atténué' if avis.get('attenuation') else 'EXPOSÉ'}")
            if not avis.get("attenuation"):
                touches.append(f"{avis['paquet']} {installee} ({avis['id']}, corrigé en {avis['corrigee']})")
    assert not touches, touches


def test_le_serveur_de_clara_n_est_pas_gunicorn():
    from openfisca_clara_api import serveur

    assert "waitress" in serveur.create_server.__module__
    assert all(not avis["serveur_clara"] for avis in AVIS if avis["paquet"] == "gunicorn")


def test_flask_cors_ne_journalise_pas_en_debug():
    # CVE-2024-1681 (injection de lignes de journal) n'existe qu'au niveau DEBUG de flask_cors.
    assert not logging.getLogger("flask_cors").isEnabledFor(logging.DEBUG)
