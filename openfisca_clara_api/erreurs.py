"""Les erreurs d'entrée : une situation, une période ou un filtre que l'on ne peut pas évaluer.

`ErreurEntree` nomme le champ fautif par son chemin JSON (« individus.demandeur.age.2025-06 », « periode »,
« besoins[1] »), dit en français ce qui ne va pas et, quand on le sait, ce qui était attendu. Les erreurs
d'analyse d'OpenFisca (`SituationParsingError`, un arbre qui reproduit la situation) sont converties ici.
"""

import difflib
import re

from openfisca_core.errors import SituationParsingError


class ErreurEntree(ValueError):
    """Entrée invalide. `champ` : chemin JSON du champ fautif ; `attendu` : valeur(s) ou forme attendue(s)."""

    def __init__(self, champ, message, attendu=None):
        super().__init__(f"{champ} : {message}")
        self.champ = champ
        self.message = message
        self.attendu = attendu

    def en_json(self):
        return {"erreur": {"champ": self.champ, "message": self.message, "attendu": self.attendu}}


def chemin(*morceaux):
    """("individus", "p", "age", "2025-06") → « individus.p.age.2025-06 »."""
    return ".".join(str(m) for m in morceaux)


def _feuille(arbre, prefixe=()):
    """Premier couple (chemin, message) d'un arbre d'erreurs d'OpenFisca.

    OpenFisca construit l'arbre avec dpath : un morceau numérique (« 2025 ») y devient l'indice d'une liste.
    """
    if isinstance(arbre, dict):
        for cle, valeur in arbre.items():
            return _feuille(valeur, (*prefixe, str(cle)))
    if isinstance(arbre, list):
        for indice, valeur in enumerate(arbre):
            if valeur is not None:
                return _feuille(valeur, (*prefixe, str(indice)))
    return list(prefixe), str(arbre)


_TYPES = {"int": "entier", "float": "nombre", "bool": "booléen (true ou false)", "str": "texte", "date": "date AAAA-MM-JJ"}


def type_attendu(variable):
    """Ce qu'attend une variable, pour `attendu` : la liste des valeurs d'une Enum, sinon la forme."""
    if getattr(variable, "possible_values", None) is not None:
        return list(variable.possible_values.__members__)
    return _TYPES.get(variable.value_type.__name__, variable.value_type.__name__)


def forme_periode(variable):
    unite = str(variable.definition_period)
    return {"month": "AAAA-MM", "year": "AAAA", "eternity": "ETERNITY ou AAAA-MM"}.get(unite, unite)


def _retrouver_periode(situation, pluriel, nom, periode):
    """OpenFisca perd parfois le chemin d'une période mal choisie (entités de groupe) : on le retrouve."""
    instances = situation.get(pluriel) if isinstance(situation, dict) else None
    for identifiant, instance in (instances or {}).items():
        valeurs = instance.get(nom) if isinstance(instance, dict) else None
        if isinstance(valeurs, dict) and any(str(cle) == periode for cle in valeurs):
            return [pluriel, str(identifiant), nom, periode]
    return [pluriel]


def depuis_openfisca(erreur: SituationParsingError, systeme, situation):
    """Une `SituationParsingError` d'OpenFisca en `ErreurEntree` : chemin JSON, message en français."""
    morceaux, message = _feuille(erreur.error)
    if morceaux == ["error"]:
        return ErreurEntree("situation", "La situation doit être un objet JSON (individus, familles, foyers_fiscaux, menages).", "objet")
    pluriels = {e.plural: e for e in systeme.entities}
    entite = pluriels.get(morceaux[0]) if morceaux else None
    nom = morceaux[2] if len(morceaux) >= 3 else None
    variable = systeme.variables.get(nom) if nom else None
    champ = chemin(*morceaux)

    if "These entities are not found" in message:
        return ErreurEntree(champ, f"Entité inconnue « {morceaux[0]} ».", sorted(pluriels))
    if message.startswith("No ") and "must be defined" in message:
        return ErreurEntree(champ, "La situation doit déclarer au moins un individu.", "objet {identifiant: {variable: {période: valeur}}}")
    if "Invalid type: must be of type 'Object'" in message:
        return ErreurEntree(champ, "Un objet JSON est attendu ici.", "objet")
    if "was not found in the loaded tax and benefit system" in message:
        roles = []
        if entite is not None and not entite.is_person:
            roles = [role.plural or role.key for role in entite.roles]
        genre = "Variable ou rôle inconnu" if roles else "Variable inconnue"
        noms = [n for n, v in systeme.variables.items() if entite is None or v.entity.key == entite.key]
        proches = difflib.get_close_matches(nom or "", roles + noms, n=5)
        return ErreurEntree(champ, f"{genre} : « {nom} ».", proches or roles or None)
    trouve = re.search(r"is defined for '(\w+)'", message)
    if trouve:
        return ErreurEntree(champ, f"La variable « {nom} » se renseigne dans « {trouve.group(1)} », pas dans « {morceaux[0]} ».", trouve.group(1))
    trouve = re.search(r"^'(.*)' is not a known value for '(\w+)'", message)
    if trouve:
        return ErreurEntree(champ, f"Valeur inconnue « {trouve.group(1)} » pour « {trouve.group(2)} ».", type_attendu(variable) if variable else None)
    if message.startswith("Can't deal with date"):
        return ErreurEntree(champ, f"Date invalide pour « {nom} ».", "date AAAA-MM-JJ")
    if message.startswith("Can't deal with value") or message.startswith("Can't deal with type: expected"):
        if "expected object" in message:
            return ErreurEntree(champ, f'Les valeurs de « {nom} » se donnent par période, par exemple {{"2025-06": …}}.', "objet {période: valeur}")
        if "too large" in message:
            return ErreurEntree(champ, f"Valeur trop grande pour « {nom} ».", type_attendu(variable) if variable else None)
        return ErreurEntree(champ, f"Type invalide pour « {nom} ».", type_attendu(variable) if variable else None)
    trouve = re.search(r"Expected a period .*got: '(.*)'\.", message)
    if trouve:
        return ErreurEntree(chemin(champ, trouve.group(1)), f"Période invalide « {trouve.group(1)} ».", forme_periode(variable) if variable else "AAAA-MM")
    trouve = re.search(r'variable "?(\w+)"? for (?:[\w-]+ period )?"?([\w:-]+)"?', message)
    if trouve and ("can only be set for" in message or "is only defined for" in message):
        nom, periode = trouve.groups()
        if len(morceaux) < 4:
            morceaux = _retrouver_periode(situation, morceaux[0], nom, periode)
        variable = systeme.variables.get(nom)
        attendu = forme_periode(variable) if variable else None
        return ErreurEntree(chemin(*morceaux), f"« {nom} » ne se renseigne pas pour la période « {periode} » : donnez-la pour un mois.", attendu)
    trouve = re.search(r"^Unexpected value: (.*?)\. .* has not been declared in (\w+)", message)
    if trouve:
        personnes = list(situation.get(trouve.group(2), {})) if isinstance(situation, dict) else None
        return ErreurEntree(champ, f"« {trouve.group(1)} » n'est pas déclaré(e) dans « {trouve.group(2)} ».", personnes)
    trouve = re.search(r"^(.*) has been declared more than once in (\w+)", message)
    if trouve:
        return ErreurEntree(champ, f"« {trouve.group(1)} » est déclaré(e) plusieurs fois dans « {trouve.group(2)} ».")
    trouve = re.search(r"^There can be at most (\d+)", message)
    if trouve:
        return ErreurEntree(champ, f"Au plus {trouve.group(1)} personne(s) dans ce rôle.")
    return ErreurEntree(champ or "situation", message)


MOTIF_IDENTIFIANT = r"^[^/]+$"  # OpenFisca lit la situation par chemins « entité/id/variable/période »


def message_identifiant(identifiant):
    """Un identifiant d'instance vide ou qui contient « / » (séparateur des chemins d'OpenFisca : erreur 500 sinon)."""
    if identifiant == "":
        return "Invalid id: an id must not be empty."
    if "/" in identifiant:
        return f"Invalid id '{identifiant}': an id must not contain '/'."
    return None
