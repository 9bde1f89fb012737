"""Le paquet tel qu'un utilisateur l'installe : wheel et sdist construits, wheel installée seule dans un
environnement virtuel neuf, puis essayée depuis un dossier hors du dépôt (CI : `.ci/run`, après `make test`).

    .venv/bin/python scripts/smoke_wheel.py            # construit, installe, essaie (≈ 1 min)
    python scripts/smoke_wheel.py --installe           # seulement les essais, dans l'environnement courant

Vérifie : l'sdist et la wheel contiennent chaque module, paramètre, fiche du catalogue, exemple et donnée de
`openfisca_clara*/` ; installée, la wheel construit le système (toutes nos variables), répond 200 à
`/calculate` et `/evaluation` pour chaque exemple, à /aides (tout le catalogue), à /spec (nom et version
d'openfisca-clara) ; la page de Clara (`GET /`) et ses fichiers (DSFR compris) sont servis ; la ligne de commande `clara` répond. Dernière ligne : « smoke: N passed, N failed ».
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
PAQUETS = ("openfisca_clara", "openfisca_clara_api")
EXTENSIONS = (".py", ".yaml", ".json", ".csv", ".txt", ".html", ".js", ".css", ".svg", ".woff2", ".md")


def fichiers_sources():
    """Les fichiers du paquet dans le dépôt, relatifs à sa racine : ce que l'installation doit livrer."""
    return sorted(
        str(f.relative_to(RACINE))
        for paquet in PAQUETS
        for f in (RACINE / paquet).rglob("*")
        if f.is_file() and f.suffix in EXTENSIONS and "__pycache__" not in f.parts
    )


class Bilan:
    def __init__(self):
        self.reussis, self.echecs = 0, []

    def verifier(self, condition, message):
        if condition:
            self.reussis += 1
        else:
            self.echecs.append(message)
            print(f"ÉCHEC : {message}", flush=True)

    def conclure(self):
        print(f"smoke: {self.reussis} passed, {len(self.echecs)} failed", flush=True)
        return 1 if self.echecs else 0


# --- Construction et installation ----------------------------------------------------------------------


def construire(dossier, bilan):
    """sdist puis wheel construite depuis l'sdist (`python -m build`) : une wheel complète prouve l'sdist."""
    debut = time.monotonic()
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dossier), str(RACINE)], check=True, stdout=subprocess.DEVNULL)
    wheel, sdist = next(dossier.glob("*.whl")), next(dossier.glob("*.tar.gz"))
    print(f"construits en {time.monotonic() - debut:.0f} s : {wheel.name}, {sdist.name}", flush=True)
    attendus = fichiers_sources()
    dans_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        racine_sdist = sdist.name.removesuffix(".tar.gz")
        dans_sdist = {nom.removeprefix(racine_sdist + "/") for nom in archive.getnames()}
    for nom, contenu in (("wheel", dans_wheel), ("sdist", dans_sdist)):
        manquants = [f for f in attendus if f not in contenu]
        bilan.verifier(not manquants, f"{nom} : {len(manquants)} fichiers manquants sur {len(attendus)}, dont {manquants[:5]}")
    for fichier in ("CHANGELOG.md", "README.md", "docs/ecarts-openfisca-france.md", "tests/python/test_web.py"):
        bilan.verifier(fichier in dans_sdist, f"sdist : {fichier} manquant")
    print(f"{len(attendus)} fichiers du paquet dans la wheel et l'sdist", flush=True)
    return wheel


def installer(wheel, dossier):
    debut = time.monotonic()
    venv = dossier / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    print(f"wheel installée dans un environnement neuf en {time.monotonic() - debut:.0f} s", flush=True)
    return venv


# --- Essais dans l'environnement installé ----------------------------------------------------------------


def essayer_installation(bilan):
    import openfisca_clara
    import openfisca_clara_api
    from openfisca_clara_api.catalogue import charger_catalogue
    from openfisca_clara_api.compat import version_paquet
    from openfisca_clara_api.exemples import DOSSIER, lister_exemples
    from openfisca_clara_api.systeme import construire_systeme
    from openfisca_clara_api.web import creer_application

    for module in (openfisca_clara, openfisca_clara_api):
        emplacement = Path(module.__path__[0]).resolve()
        bilan.verifier(RACINE not in emplacement.parents, f"{module.__name__} importé depuis le dépôt ({emplacement}), pas depuis l'installation")
    catalogue = charger_catalogue()
    systeme = construire_systeme()
    notres = [nom for nom, v in systeme.variables.items() if "openfisca_clara" in (v.get_introspection_data()[0] or "")]
    bilan.verifier(len(notres) > 400, f"{len(notres)} variables d'openfisca_clara seulement dans le système installé")
    manquantes = [f["variables"]["statut"] for f in catalogue.values() if f["variables"]["statut"] not in systeme.variables]
    bilan.verifier(not manquantes, f"variables de statut absentes du système installé : {manquantes[:5]}")
    print(f"système installé : {len(systeme.variables)} variables dont {len(notres)} d'openfisca_clara ; {len(catalogue)} aides", flush=True)

    client = creer_application(systeme).test_client()
    aides = client.get("/aides")
    bilan.verifier(aides.status_code == 200 and aides.get_json()["total"] == len(catalogue), f"/aides : {aides.status_code}")
    spec = client.get("/spec")
    version = version_paquet()
    bilan.verifier(spec.status_code == 200 and spec.get_json()["info"]["version"] == version, f"/spec : {spec.status_code}, info {spec.get_json().get('info')}")
    bilan.verifier(
        spec.headers.get("Country-Package") == "openfisca-clara" and spec.headers.get("Country-Package-Version") == version, f"en-têtes {dict(spec.headers)}"
    )
    # La page de Clara (GET /) et ses fichiers : livrés dans la wheel, servis sans rien chercher ailleurs.
    page = client.get("/", headers={"Accept": "text/html"})
    texte_page = page.get_data(as_text=True)
    bilan.verifier(page.status_code == 200 and page.mimetype == "text/html" and 'lang="fr"' in texte_page, f"GET / (HTML) : {page.status_code} {page.mimetype}")
    bilan.verifier("default-src 'self'" in page.headers.get("Content-Security-Policy", ""), f"GET / : CSP {page.headers.get('Content-Security-Policy')}")
    for ressource in (
        "/page/dsfr/dsfr.min.css",
        "/page/dsfr/dsfr.module.min.js",
        "/page/js/app.js",
        "/page/clara.css",
        "/page/communes.json",
        "/page/dsfr/fonts/Marianne-Regular.woff2",
    ):
        reponse = client.get(ressource)
        bilan.verifier(reponse.status_code == 200 and len(reponse.get_data()) > 100, f"{ressource} : {reponse.status_code}")
    bilan.verifier(client.get("/", headers={"Accept": "application/json"}).get_json().get("welcome"), "GET / (JSON) : message d'accueil d'OpenFisca")
    variable = client.get(f"/variable/{next(iter(catalogue.values()))['variables']['statut']}").get_json()
    bilan.verifier("source" not in variable, f"source locale : {variable.get('source')}")

    exemples = lister_exemples()
    bilan.verifier(len(exemples) >= 4, f"{len(exemples)} exemples installés")
    for nom in exemples:
        situation = json.loads((DOSSIER / f"{nom}.json").read_text(encoding="utf-8"))
        calcul = client.post("/calculate", json=situation)
        bilan.verifier(calcul.status_code == 200, f"/calculate {nom} : {calcul.status_code} {calcul.get_data(as_text=True)[:300]}")
        periode = next(
            p for valeurs in next(iter(situation["individus"].values())).values() if isinstance(valeurs, dict) for p, v in valeurs.items() if v is None
        )
        evaluation = client.post("/evaluation", json={"situation": situation, "periode": periode})
        corps = evaluation.get_json() or {}
        bilan.verifier(
            evaluation.status_code == 200 and sum(corps.get("resume", {}).values()) == len(catalogue),
            f"/evaluation {nom} : {evaluation.status_code} {evaluation.get_data(as_text=True)[:300]}",
        )
        if nom == exemples[0]:
            clara = Path(sys.executable).parent / "clara"
            sortie = subprocess.run([str(clara), "evaluer", str(DOSSIER / f"{nom}.json"), "--periode", periode], capture_output=True, text=True)
            bilan.verifier(sortie.returncode == 0 and "Aides pour" in sortie.stdout, f"clara evaluer : {sortie.returncode} {sortie.stderr[-500:]}")
    clara = Path(sys.executable).parent / "clara"
    sortie = subprocess.run([str(clara), "catalogue", "--json"], capture_output=True, text=True)
    bilan.verifier(
        sortie.returncode == 0 and len(json.loads(sortie.stdout or "[]")) == len(catalogue), f"clara catalogue : {sortie.returncode} {sortie.stderr[-500:]}"
    )
    sortie = subprocess.run([str(clara), "evaluer", "absent.json"], capture_output=True, text=True)
    bilan.verifier(sortie.returncode == 2 and "absent.json" in sortie.stderr, f"clara evaluer absent.json : {sortie.returncode} {sortie.stderr[-300:]}")


def main(argv=None):
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--installe", action="store_true", help="seulement les essais, dans l'environnement courant")
    args = analyseur.parse_args(argv)
    bilan = Bilan()
    if args.installe:
        essayer_installation(bilan)
        return bilan.conclure()
    debut = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="clara-smoke-") as temporaire:
        dossier = Path(temporaire)
        wheel = construire(dossier / "dist", bilan)
        venv = installer(wheel, dossier)
        # Hors du dépôt, sans PYTHONPATH : seul le paquet installé peut être importé.
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        essais = subprocess.run([str(venv / "bin" / "python"), "-I", str(Path(__file__).resolve()), "--installe"], cwd=dossier, env=env)
        bilan.verifier(essais.returncode == 0, f"essais de la wheel installée : code {essais.returncode}")
    print(f"smoke_wheel : {time.monotonic() - debut:.0f} s", flush=True)
    return bilan.conclure()


if __name__ == "__main__":
    sys.exit(main())
