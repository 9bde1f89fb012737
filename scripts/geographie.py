"""Régénère la table des communes livrée avec le paquet (`openfisca_clara/donnees/communes.csv`).

Source : le paquet npm `@etalab/decoupage-administratif` (Code officiel géographique de l'INSEE et liste des EPCI
de la DGCL, mis en forme par Etalab). Usage :

    python scripts/geographie.py [VERSION]          # télécharge le paquet avec `npm pack` dans un dossier temporaire
    python scripts/geographie.py --depuis DOSSIER   # lit un paquet déjà extrait (DOSSIER/data/communes.json...)

Une ligne par code INSEE : communes actuelles, arrondissements municipaux de Paris, Lyon et Marseille (rattachés à
l'EPCI de leur commune), communes déléguées et associées (rattachées à leur commune de rattachement : les codes des
communes qui ont fusionné continuent de se résoudre). Rien n'est téléchargé à l'exécution du modèle.
"""

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PAQUET = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
SORTIE = Path(__file__).resolve().parent.parent / "openfisca_clara" / "donnees"


def telecharger(version, dossier):
    subprocess.run(["npm", "pack", f"{PAQUET}@{version}"], cwd=dossier, check=True, capture_output=True)
    archive = next(Path(dossier).glob("*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(dossier, filter="data")
    return Path(dossier) / "package"


def lignes_communes(source):
    communes = json.loads((source / "data" / "communes.json").read_text(encoding="utf-8"))
    epci_de = {}
    for epci in json.loads((source / "data" / "epci.json").read_text(encoding="utf-8")):
        for membre in epci["membres"]:
            epci_de[membre["code"]] = epci["code"]
    lignes = {}
    # Les communes actuelles d'abord : une commune déléguée peut porter le code de sa commune nouvelle.
    ordre = {"commune-actuelle": 0, "arrondissement-municipal": 1, "commune-deleguee": 2, "commune-associee": 3}
    for commune in sorted(communes, key=lambda c: ordre[c["type"]]):
        code = commune["code"]
        if code in lignes:
            continue
        rattachement = commune.get("commune") or commune.get("chefLieu") or code
        lignes[code] = (code, commune["departement"], commune["region"], epci_de.get(rattachement, ""), "" if rattachement == code else rattachement)
    return [lignes[code] for code in sorted(lignes)]


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("version", nargs="?", default=VERSION)
    arguments.add_argument("--depuis", type=Path, help="paquet déjà extrait")
    options = arguments.parse_args()
    with tempfile.TemporaryDirectory() as dossier:
        source = options.depuis or telecharger(options.version, dossier)
        version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
        lignes = lignes_communes(source)
        regions = {r["code"]: r["nom"] for r in json.loads((source / "data" / "regions.json").read_text(encoding="utf-8"))}
        departements = {
            d["code"]: {"nom": d["nom"], "region": d["region"]} for d in json.loads((source / "data" / "departements.json").read_text(encoding="utf-8"))
        }
        epci = {e["code"]: e["nom"] for e in json.loads((source / "data" / "epci.json").read_text(encoding="utf-8"))}
    with open(SORTIE / "communes.csv", "w", encoding="utf-8", newline="") as fichier:
        fichier.write(f"# Source : {PAQUET} {version} (npm), données INSEE (COG) et DGCL (EPCI). Régénérer : python scripts/geographie.py\n")
        ecrivain = csv.writer(fichier, lineterminator="\n")
        ecrivain.writerow(["code", "departement", "region", "epci", "rattachement"])
        ecrivain.writerows(lignes)
    territoires = {"source": f"{PAQUET} {version}", "regions": regions, "departements": departements, "epci": epci}
    (SORTIE / "territoires.json").write_text(json.dumps(territoires, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(lignes)} codes de communes, {len(epci)} EPCI ({PAQUET} {version})", file=sys.stderr)


if __name__ == "__main__":
    main()
