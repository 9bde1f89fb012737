"""Génère `docs/vocabulaire.md` : les faits d'entrée, leur libellé et la façon de dire « inconnu ».

    python -m openfisca_clara_api.documentation > docs/vocabulaire.md

Un test vérifie que le fichier versionné est à jour.
"""

import datetime

from openfisca_core.indexed_enums import Enum

from openfisca_clara_api.systeme import construire_systeme

# Entrées d'openfisca-france que les règles lisent, avec leur convention d'inconnu.
ENTREES_OPENFISCA_FRANCE = {
    "date_naissance": "non donnée ou 1970-01-01 (défaut d'openfisca-france) : âge inconnu",
    "age": "non donné : âge inconnu (donnez `date_naissance` ou `age`, pas de sortie `age` demandée sans l'un des deux)",
    "depcom": "vide : commune inconnue (un code mal formé aussi)",
    "plus_haut_diplome_niveau": "`non_renseigne` (défaut)",
}

ENTITES = {"individu": "individus", "famille": "familles", "menage": "menages", "foyer_fiscal": "foyers_fiscaux"}


def est_entree_clara(variable):
    source = variable.introspection_data[0] if variable.introspection_data else ""
    return "openfisca_clara" in str(source) and not variable.formulas


def convention_inconnu(variable):
    if variable.value_type is Enum:
        noms = [membre.name for membre in variable.possible_values]
        return "`non_renseigne` (défaut)" if "non_renseigne" in noms else f"défaut `{variable.default_value.name}`"
    if variable.value_type in (int, float):
        return "−1 (défaut)" if variable.default_value == -1 else f"défaut {variable.default_value}"
    if variable.value_type is datetime.date:
        return "0001-01-01 (défaut)"
    return f"défaut {variable.default_value!r}"


def valeurs(variable):
    if variable.value_type is Enum:
        return ", ".join(f"`{membre.name}`" for membre in variable.possible_values)
    return {int: "entier", float: "nombre", datetime.date: "date AAAA-MM-JJ", str: "texte", bool: "booléen"}[variable.value_type]


def tableau():
    systeme = construire_systeme()
    lignes = [
        "# Vocabulaire : les faits d'entrée",
        "",
        "Généré par `python -m openfisca_clara_api.documentation` ; ne pas modifier à la main.",
        "",
        'Toutes les entrées sont mensuelles (`{"2025-06": valeur}`) et se déclarent sur l\'entité indiquée.',
        "Un fait que l'appelant ne connaît pas est simplement omis : il garde sa valeur « inconnu » et les aides",
        "qui en dépendent sont « à vérifier », avec ce fait dans la liste des questions à poser.",
        "",
        "| variable | entité | libellé | valeurs | inconnu |",
        "|---|---|---|---|---|",
    ]
    for nom, convention in ENTREES_OPENFISCA_FRANCE.items():
        variable = systeme.variables[nom]
        lignes.append(f"| `{nom}` (openfisca-france) | {ENTITES[variable.entity.key]} | {variable.label} | {valeurs(variable)} | {convention} |")
    for nom in sorted(nom for nom, variable in systeme.variables.items() if est_entree_clara(variable)):
        variable = systeme.variables[nom]
        lignes.append(f"| `{nom}` | {ENTITES[variable.entity.key]} | {variable.label} | {valeurs(variable)} | {convention_inconnu(variable)} |")
    return "\n".join(lignes) + "\n"


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["openfisca-france"]:  # docs/openfisca-france.md : la correspondance des vocabulaires
        from openfisca_clara_api.faits_openfisca_france import tableau as correspondance
        from openfisca_clara_api.systeme import construire_systeme

        print(correspondance(construire_systeme()), end="")
    else:
        print(tableau(), end="")
