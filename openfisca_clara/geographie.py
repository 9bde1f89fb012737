"""La table des communes livrée avec le paquet : code INSEE → département, région, EPCI.

Source et millésime en tête de `donnees/communes.csv` ; `scripts/geographie.py` la régénère. Rien n'est
téléchargé à l'exécution. Ce module ne définit aucune variable (`load_extension` l'exécute comme les autres).
"""

import csv
import json
from functools import lru_cache
from importlib.resources import files

import numpy as np

DONNEES = files("openfisca_clara") / "donnees"


class _Table:
    """Colonnes triées par code : une recherche dichotomique vectorielle par population."""

    def __init__(self):
        with (DONNEES / "communes.csv").open(encoding="utf-8") as fichier:
            self.source = fichier.readline().removeprefix("# ").strip()
            lignes = list(csv.DictReader(fichier))
        self.codes = np.array([ligne["code"] for ligne in lignes])
        self.departements = np.array([ligne["departement"] for ligne in lignes])
        self.regions = np.array([ligne["region"] for ligne in lignes])
        self.epci = np.array([ligne["epci"] for ligne in lignes])
        territoires = json.loads((DONNEES / "territoires.json").read_text(encoding="utf-8"))
        self.noms_regions = territoires["regions"]
        self.noms_departements = {code: d["nom"] for code, d in territoires["departements"].items()}
        self.region_du_departement = {code: d["region"] for code, d in territoires["departements"].items()}
        self.noms_epci = territoires["epci"]

    def indices(self, codes):
        """(connu, rang dans la table) de chaque code ; connu faux pour un code absent de la table."""
        codes = np.asarray(codes, dtype=str)
        rang = np.minimum(np.searchsorted(self.codes, codes), len(self.codes) - 1)
        return self.codes[rang] == codes, rang


@lru_cache(maxsize=1)
def table():
    return _Table()


def commune_existe(code):
    """Vrai si le code INSEE est celui d'une commune, d'un arrondissement municipal ou d'une ancienne commune de la table."""
    connu, _ = table().indices([code])
    return bool(connu[0])


def region_des_departements(departements):
    """Code de région de chaque code de département (« » s'il est inconnu)."""
    correspondance = table().region_du_departement
    return np.array([correspondance.get(d, "") for d in np.asarray(departements, dtype=str)], dtype=object).astype(str)


def depcom_inconnus(situation):
    """Les communes d'une situation (au format d'openfisca-france) absentes de la table : [(chemin, code)].

    Pour la couche web et l'évaluation : un code INSEE inconnu est une erreur d'entrée qui nomme son champ,
    pas une résidence « hors de tout territoire ». Une commune vide reste « non renseignée ».
    """
    inconnus = []
    menages = situation.get("menages") if isinstance(situation, dict) else None
    if not isinstance(menages, dict):
        return inconnus
    for identifiant, menage in menages.items():
        valeurs = menage.get("depcom") if isinstance(menage, dict) else None
        if not isinstance(valeurs, dict):
            continue
        for periode, code in valeurs.items():
            if isinstance(code, str) and code != "" and not commune_existe(code):
                inconnus.append((f"menages.{identifiant}.depcom.{periode}", code))
    return inconnus
