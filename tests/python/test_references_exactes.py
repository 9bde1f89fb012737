"""Chaque référence de paramètre pointe vers le texte ou la page exacte : jamais une page de recherche, une page
d'accueil ou une page d'index (liste de textes). Les fichiers encore fautifs sont listés dans
`references_a_corriger.txt` ; la liste ne doit que diminuer (un fichier corrigé en sort)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PARAMETRES = Path(__file__).resolve().parents[2] / "openfisca_clara" / "parameters"

RECHERCHE = re.compile(r"/search\b|/recherche\b|[?&](q|query|search|keywords?)=|google\.|bing\.|duckduckgo\.|qwant\.", re.IGNORECASE)
# Pages qui listent des textes sans en être un (bulletins officiels, sommaires).
INDEX = re.compile(r"bulletin-officiel\.html$|/sommaire|/liste|/index\.html?$", re.IGNORECASE)


def _hrefs(valeur):
    if isinstance(valeur, dict):
        if isinstance(valeur.get("href"), str):
            yield valeur["href"]
        for v in valeur.values():
            yield from _hrefs(v)
    elif isinstance(valeur, list):
        for v in valeur:
            yield from _hrefs(v)
    elif isinstance(valeur, str) and valeur.startswith("http"):
        yield valeur


def defaut(href):
    """La raison pour laquelle une adresse n'est pas une référence exacte, ou None."""
    morceaux = urlsplit(href)
    if RECHERCHE.search(href):
        return "page de recherche"
    if morceaux.path in ("", "/") and not morceaux.query:
        return "page d'accueil"
    if INDEX.search(morceaux.path):
        return "page d'index"
    return None


def fautifs():
    resultat = {}
    for fichier in sorted(PARAMETRES.rglob("*.yaml")):
        contenu = yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}
        references = (contenu.get("metadata") or {}).get("reference")
        for href in _hrefs(references):
            raison = defaut(href)
            if raison:
                resultat.setdefault(str(fichier.relative_to(PARAMETRES)), set()).add(raison)
    return resultat


TOLERES = set(Path(__file__).with_name("references_a_corriger.txt").read_text(encoding="utf-8").split())


def test_le_detecteur_reconnait_les_adresses_fautives():
    assert defaut("https://www.legifrance.gouv.fr/search/all?query=x") == "page de recherche"
    assert defaut("https://www.google.com/search?q=aref") == "page de recherche"
    assert defaut("https://www.francetravail.fr/") == "page d'accueil"
    assert defaut("https://www.francetravail.org/opencms/opencms/informations/bulletin-officiel.html") == "page d'index"
    assert defaut("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049400870") is None


def test_aucune_reference_de_parametre_n_est_une_recherche_un_accueil_ou_un_index():
    trouves = fautifs()
    nouveaux = {f: r for f, r in trouves.items() if f not in TOLERES}
    assert not nouveaux, f"références inexactes : {nouveaux}"
