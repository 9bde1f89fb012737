"""Chaque référence de paramètre et de fiche du catalogue pointe vers le texte ou la page exacte : jamais une page de
recherche, une page d'accueil ou une page d'index (liste de textes). Les fichiers encore fautifs sont listés dans
`references_a_corriger.txt` (chemins sous `parameters/` pour les paramètres, `catalogue/x.yaml` pour les fiches, avec
la raison en commentaire) ; la liste ne doit que diminuer : un fichier corrigé en sort, et un fichier listé qui n'est
plus fautif fait échouer le test (pour que la liste ne garde que les fautes réelles)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PAQUET = Path(__file__).resolve().parents[2] / "openfisca_clara"
PARAMETRES = PAQUET / "parameters"
CATALOGUE = PAQUET / "catalogue"
AIDES_LOCALES = PAQUET / "aides_locales"

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


def _fautes(adresses):
    return {raison for raison in map(defaut, adresses) if raison}


def fautifs():
    resultat = {}
    for fichier in sorted(PARAMETRES.rglob("*.yaml")):
        contenu = yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}
        raisons = _fautes(_hrefs((contenu.get("metadata") or {}).get("reference")))
        if raisons:
            resultat[str(fichier.relative_to(PARAMETRES))] = raisons
    return resultat


def fiches_fautives():
    """Fiches du catalogue dont une référence (`references:`) ou le lien de démarche (`lien:`) est inexact."""
    resultat = {}
    for fichier in sorted(CATALOGUE.glob("*.yaml")):
        contenu = yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}
        adresses = list(_hrefs(contenu.get("references")))
        if isinstance(contenu.get("lien"), str):
            adresses.append(contenu["lien"])
        raisons = _fautes(adresses)
        if raisons:
            resultat[f"catalogue/{fichier.name}"] = raisons
    return resultat


def aides_locales_fautives():
    """Aides locales (un fichier YAML par aide) dont une adresse, fiche ou paramètre, est inexacte."""
    resultat = {}
    for fichier in sorted(AIDES_LOCALES.rglob("*.yaml")):
        raisons = _fautes(_hrefs(yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}))
        if raisons:
            resultat[str(fichier.relative_to(PAQUET))] = raisons
    return resultat


def _toleres():
    lignes = Path(__file__).with_name("references_a_corriger.txt").read_text(encoding="utf-8").splitlines()
    return {ligne.split("#", 1)[0].strip() for ligne in lignes} - {""}


TOLERES = _toleres()


def test_le_detecteur_reconnait_les_adresses_fautives():
    assert defaut("https://www.legifrance.gouv.fr/search/all?query=x") == "page de recherche"
    assert defaut("https://www.google.com/search?q=aref") == "page de recherche"
    assert defaut("https://www.francetravail.fr/") == "page d'accueil"
    assert defaut("https://www.francetravail.org/opencms/opencms/informations/bulletin-officiel.html") == "page d'index"
    assert defaut("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049400870") is None
    assert defaut("https://www.legifrance.gouv.fr/eli/decret/2019/12/26/2019-1471/jo/texte") is None
    assert defaut("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048600387") is None


def test_aucune_reference_de_parametre_n_est_une_recherche_un_accueil_ou_un_index():
    trouves = fautifs()
    nouveaux = {f: r for f, r in trouves.items() if f not in TOLERES}
    assert not nouveaux, f"références inexactes : {nouveaux}"


def test_aucune_fiche_du_catalogue_ne_renvoie_a_une_recherche_un_accueil_ou_un_index():
    trouves = fiches_fautives()
    nouveaux = {f: r for f, r in trouves.items() if f not in TOLERES}
    assert not nouveaux, f"fiches aux références ou au lien inexacts : {nouveaux}"


def test_aucune_aide_locale_ne_renvoie_a_une_recherche_un_accueil_ou_un_index():
    nouveaux = {f: r for f, r in aides_locales_fautives().items() if f not in TOLERES}
    assert not nouveaux, f"aides locales aux références inexactes : {nouveaux}"


def test_la_liste_des_fichiers_a_corriger_ne_garde_que_des_fautes_reelles():
    reels = set(fautifs()) | set(fiches_fautives()) | set(aides_locales_fautives())
    corriges = sorted(TOLERES - reels)
    assert not corriges, f"corrigés : à retirer de references_a_corriger.txt : {corriges}"
