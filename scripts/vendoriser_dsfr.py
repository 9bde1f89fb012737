"""Rafraîchit les fichiers tiers de la page de Clara : le DSFR (`@gouvfr/dsfr`), la liste des communes et, pour les tests, axe-core.

Rien n'est chargé d'ailleurs à l'exécution : la page sert ces copies (CSP `default-src 'self'`). Usage :

    python scripts/vendoriser_dsfr.py                   # versions épinglées ci-dessous, téléchargées avec `npm pack`
    python scripts/vendoriser_dsfr.py --dsfr 1.15.3 --axe 4.14.1

Du DSFR, seuls les fichiers dont la page a besoin sont copiés dans `openfisca_clara_api/page/dsfr/` :
la feuille de style minifiée (et sa version impression), le JavaScript en modules, et les fichiers que la
feuille cite par `url(...)` (polices Marianne et Spectral en woff2, icônes SVG des composants). Les polices woff
(repli des navigateurs sans woff2) ne sont pas copiées. D'axe-core, `axe.min.js` va dans
`tests/navigateur/vendor/` (les tests d'accessibilité ; il n'est pas livré avec le paquet). Les communes (nom, code INSEE, codes postaux) de
`@etalab/decoupage-administratif`, à la version de `scripts/geographie.py`, vont dans `page/communes.json` : la page
y cherche la commune tapée sans envoyer ce texte au serveur.
"""

import argparse
import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
DSFR = RACINE / "openfisca_clara_api" / "page" / "dsfr"
AXE = RACINE / "tests" / "navigateur" / "vendor"
VERSION_DSFR = "1.15.3"
VERSION_AXE = "4.14.1"
VERSION_COMMUNES = "6.0.0"  # celle de scripts/geographie.py (openfisca_clara/donnees/communes.csv)
COMMUNES = RACINE / "openfisca_clara_api" / "page" / "communes.json"
TYPES_COMMUNES = ("commune-actuelle", "arrondissement-municipal")
FICHIERS_DSFR = ("dsfr.min.css", "dsfr.module.min.js", "favicon/favicon.svg")
URL_CSS = re.compile(r"url\((['\"]?)([^)'\"]+)\1\)")


def extraire(paquet, version, dossier):
    """`npm pack paquet@version` dans `dossier`, extrait : le dossier `package/`."""
    sortie = subprocess.run(["npm", "pack", f"{paquet}@{version}"], cwd=dossier, check=True, capture_output=True, text=True)
    archive = Path(dossier) / sortie.stdout.strip().splitlines()[-1]
    cible = Path(dossier) / paquet.replace("/", "_")
    with tarfile.open(archive) as tar:
        tar.extractall(cible, filter="data")
    return cible / "package"


def fichiers_cites(css):
    """Les fichiers relatifs cités par une feuille de style (sans les `data:`), polices woff exclues."""
    cites = set()
    for _, url in URL_CSS.findall(css):
        if url.startswith(("data:", "http:", "https:", "#")):
            continue
        if url.endswith(".woff"):
            continue
        cites.add(url.split("?")[0].split("#")[0])
    return sorted(cites)


def vendoriser_dsfr(version, dossier):
    source = extraire("@gouvfr/dsfr", version, dossier) / "dist"
    if DSFR.exists():
        shutil.rmtree(DSFR)
    DSFR.mkdir(parents=True)
    copies = []
    for nom in FICHIERS_DSFR:
        (DSFR / nom).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / nom, DSFR / nom)
        copies.append(nom)
    css = (source / "dsfr.min.css").read_text(encoding="utf-8")
    # Les cartes de source ne sont pas livrées : la mention finale ferait une requête 404 dans les outils.
    (DSFR / "dsfr.min.css").write_text(re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", css), encoding="utf-8")
    js = (source / "dsfr.module.min.js").read_text(encoding="utf-8")
    (DSFR / "dsfr.module.min.js").write_text(re.sub(r"//# sourceMappingURL=\S*\s*$", "", js), encoding="utf-8")
    for relatif in fichiers_cites(css):
        origine = source / relatif
        if not origine.is_file():
            print(f"absent du paquet, ignoré : {relatif}")
            continue
        (DSFR / relatif).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origine, DSFR / relatif)
        copies.append(relatif)
    (DSFR / "VERSION").write_text(f"@gouvfr/dsfr {version}\n", encoding="utf-8")
    shutil.copyfile(source.parent / "LICENSE.md", DSFR / "LICENSE.md")
    taille = sum(f.stat().st_size for f in DSFR.rglob("*") if f.is_file())
    print(f"DSFR {version} : {len(copies)} fichiers, {taille / 1024:.0f} Kio dans {DSFR.relative_to(RACINE)}")


def vendoriser_axe(version, dossier):
    source = extraire("axe-core", version, dossier)
    AXE.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "axe.min.js", AXE / "axe.min.js")
    shutil.copyfile(source / "LICENSE", AXE / "LICENSE-axe-core")
    (AXE / "VERSION").write_text(f"axe-core {version}\n", encoding="utf-8")
    print(f"axe-core {version} : {AXE.relative_to(RACINE)}/axe.min.js")


def vendoriser_communes(version, dossier):
    source = extraire("@etalab/decoupage-administratif", version, dossier) / "data" / "communes.json"
    communes = json.loads(source.read_text(encoding="utf-8"))
    lignes = [[c["code"], c["nom"], " ".join(c.get("codesPostaux", []))] for c in communes if c["type"] in TYPES_COMMUNES]
    lignes.sort(key=lambda ligne: ligne[0])
    COMMUNES.write_text(json.dumps(lignes, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"communes ({version}) : {len(lignes)} dans {COMMUNES.relative_to(RACINE)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsfr", default=VERSION_DSFR, help="version de @gouvfr/dsfr")
    parser.add_argument("--axe", default=VERSION_AXE, help="version d'axe-core")
    parser.add_argument("--communes", default=VERSION_COMMUNES, help="version de @etalab/decoupage-administratif")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as dossier:
        vendoriser_dsfr(arguments.dsfr, dossier)
        vendoriser_axe(arguments.axe, dossier)
        vendoriser_communes(arguments.communes, dossier)


if __name__ == "__main__":
    main()
