"""Les situations d'exemple (`openfisca_clara/situation_examples/*.json`) : documentation, tests, démonstration.

Chacune est une situation complète au format d'openfisca-france ; la première personne y demande, avec des
valeurs `null` au mois évalué, le statut et le montant de chaque aide du catalogue, pour que `POST /calculate`
les renvoie. Quand le catalogue change : `python -m openfisca_clara_api.exemples` remet ces demandes à jour.
"""

import json
from importlib.resources import files

from openfisca_clara_api.catalogue import charger_catalogue

DOSSIER = files("openfisca_clara") / "situation_examples"


def lister_exemples():
    """Noms des exemples (sans « .json »), triés."""
    return sorted(f.name.removesuffix(".json") for f in DOSSIER.iterdir() if f.name.endswith(".json"))


def charger_exemple(nom):
    return json.loads((DOSSIER / f"{nom}.json").read_text(encoding="utf-8"))


def variables_demandees():
    """Les variables que chaque exemple demande : statut et montant de chaque aide du catalogue."""
    noms = []
    for fiche in charger_catalogue().values():
        noms += [nom for cle, nom in fiche["variables"].items() if cle in ("statut", "montant") and nom]
    return noms


def periode_demandee(situation):
    """Le mois auquel l'exemple demande ses résultats (clé des valeurs `null`)."""
    instance = next(iter(situation["individus"].values()))
    for valeurs in instance.values():
        if isinstance(valeurs, dict):
            for periode, valeur in valeurs.items():
                if valeur is None:
                    return periode
    raise ValueError("aucune variable demandée (valeur null) dans l'exemple")


def avec_demandes(situation, periode):
    """La situation, dont la première personne demande exactement les variables du catalogue au mois donné."""
    individus = {}
    for rang, (identifiant, instance) in enumerate(situation["individus"].items()):
        gardees = {nom: v for nom, v in instance.items() if not (isinstance(v, dict) and list(v.values()) == [None])}
        if rang == 0:
            gardees.update({nom: {periode: None} for nom in variables_demandees()})
        individus[identifiant] = gardees
    return {**situation, "individus": individus}


def mettre_a_jour_exemples():
    """Réécrit chaque exemple avec les demandes du catalogue actuel ; renvoie les noms des fichiers modifiés."""
    modifies = []
    for nom in lister_exemples():
        fichier = DOSSIER / f"{nom}.json"
        situation = json.loads(fichier.read_text(encoding="utf-8"))
        nouvelle = avec_demandes(situation, periode_demandee(situation))
        if nouvelle != situation:
            fichier.write_text(json.dumps(nouvelle, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            modifies.append(fichier.name)
    return modifies


if __name__ == "__main__":  # pragma: no cover
    print("\n".join(mettre_a_jour_exemples()) or "Exemples à jour.")
