"""Les aides locales déclarées en données : un fichier YAML par aide dans `openfisca_clara/aides_locales/`.

Chaque fichier porte la fiche de l'aide (le côté éditorial du catalogue), ses paramètres datés (au format des
paramètres OpenFisca, avec leur référence), ses faits propres et ses conditions dans un vocabulaire fermé
(`docs/aides-locales.md`). `ajouter_aides_locales(systeme)` en fait des variables OpenFisca ordinaires — un critère
par condition (−1/0/+1, libellé en français), le statut, `eligible` et le montant — et des paramètres sous
`clara.<territoire>.<id>`, par les seules surfaces publiques d'OpenFisca (`add_variable`, `ParameterNode.add_child`).

Le territoire est le premier critère : quand aucune personne de la simulation n'y habite, le statut vaut
« non éligible » sans calculer les autres critères, et une aide d'un autre territoire ne coûte qu'un critère.
"""

import datetime
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import jsonschema
import numpy as np
import yaml
from openfisca_core.indexed_enums import Enum
from openfisca_core.model_api import MONTH, Variable, set_input_dispatch_by_period
from openfisca_core.parameters import ParameterNode
from openfisca_france.model.base import Individu
from openfisca_france.model.caracteristiques_socio_demographiques.logement import TypesCodeInseeRegion

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere,
    critere_montant_calculable,
    critere_ouverture,
    date_renseignee,
    et,
    lire,
    non,
    ou,
    par_date,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import bornes_age, critere_age
from openfisca_clara.variables.profil.inscription import CATEGORIES_INDETERMINEES, CategorieDemandeurEmploi
from openfisca_clara_api.catalogue import UNITES_MONTANT

DOSSIER = files("openfisca_clara") / "aides_locales"
DESACTIVER = "CLARA_SANS_AIDES_LOCALES"  # `1` : système sans les aides locales (mesures, diagnostic)

_CHAINE = {"type": "string", "minLength": 1}
_NOM = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
_PARAMETRE = {"type": "string", "pattern": "^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$"}  # relatif à l'aide, ou absolu `clara.…`
_REFERENCE = {
    "type": "object",
    "required": ["title", "href"],
    "properties": {"title": _CHAINE, "href": {"type": "string", "pattern": "^https?://"}},
    "additionalProperties": False,
}
_BORNES = {k: _PARAMETRE for k in ("au_moins", "au_plus", "moins_de", "plus_de")}
_CODES = {"type": "array", "items": {"type": "string", "pattern": "^[0-9AB]{2,9}$"}, "minItems": 1, "uniqueItems": True}

# Les allocations des conditions percoit_une_de / ne_percoit_aucune_de, et leur nom dans les libellés.
_ALLOCATIONS = {
    "are": "l'ARE",
    "aref": "l'AREF",
    "asp": "l'ASP",
    "ass": "l'ASS",
    "rsa": "le RSA",
    "aah": "l'AAH",
    "prime_activite": "la prime d'activité",
    "allocation_cej": "l'allocation du CEJ",
}

# Le vocabulaire des conditions : une clé par condition, avec ses options (et `nom`, `label`, `reference`).
_CONDITIONS = {
    "ouverture": {
        "type": "object",
        "properties": {"parametre": _PARAMETRE, "avant_historique": {"enum": ["faux", "inconnu"]}, "incertain": _PARAMETRE},
        "required": ["parametre", "avant_historique"],
        "additionalProperties": False,
    },
    "age": {
        "type": "object",
        "properties": {**_BORNES, "a_la_date": {"enum": ["demande", "debut_projet"]}},
        "required": ["a_la_date"],
        "minProperties": 2,
        "additionalProperties": False,
    },
    "inscrit_france_travail": {"type": "boolean"},
    "categories": {"type": "array", "items": {"enum": [c.name for c in CategorieDemandeurEmploi if c not in CATEGORIES_INDETERMINEES]}, "minItems": 1},
    "sans_emploi": {"const": True},
    "percoit_une_de": {"type": "array", "items": {"enum": list(_ALLOCATIONS)}, "minItems": 1},
    "ne_percoit_aucune_de": {"type": "array", "items": {"enum": list(_ALLOCATIONS)}, "minItems": 1},
    "oui": _NOM,
    "non": _NOM,
    "choix": {
        "type": "object",
        "properties": {"fait": _NOM, "dans": {"type": "array", "items": _NOM, "minItems": 1}},
        "required": ["fait", "dans"],
        "additionalProperties": False,
    },
    "nombre": {"type": "object", "properties": {"fait": _NOM, **_BORNES}, "required": ["fait"], "minProperties": 2, "additionalProperties": False},
    "demande_avant_debut_projet": {"type": "object", "properties": {"jours": _PARAMETRE}, "required": ["jours"], "additionalProperties": False},
    "critere": _NOM,
}
_CONDITION = {
    "type": "object",
    "properties": {**_CONDITIONS, "une_de": {"type": "array", "minItems": 2}, "nom": _NOM, "label": _CHAINE, "reference": _REFERENCE},
    "additionalProperties": False,
}

SCHEMA = {
    "type": "object",
    "required": ["id", "territoire", "fiche", "parametres", "conditions"],
    "properties": {
        "id": _NOM,
        "prefixe": _NOM,
        "territoire": {
            "type": "object",
            "required": ["label"],
            "properties": {"regions": _CODES, "departements": _CODES, "communes": _CODES, "epci": _CODES, "sauf_epci": _CODES, "label": _CHAINE},
            "minProperties": 2,
            "additionalProperties": False,
        },
        "fiche": {"type": "object"},  # validée par le schéma du catalogue, une fois complétée
        "parametres": {"type": "object", "minProperties": 1},
        "entrees": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["type", "label", "question"],
                "properties": {
                    "type": {"enum": ["reponse", "choix", "region", "nombre", "date"]},
                    "label": _CHAINE,
                    "question": _CHAINE,
                    "choix": {"type": "object", "additionalProperties": _CHAINE, "minProperties": 2},
                },
                "additionalProperties": False,
            },
        },
        "conditions": {"type": "array", "items": _CONDITION, "minItems": 1},
        "montant": {
            "type": "object",
            "required": ["parametre"],
            "properties": {
                "parametre": _PARAMETRE,
                "selon": {"type": "array", "items": _NOM, "minItems": 1},
                "par_age": {
                    "type": "object",
                    "properties": {
                        "a_la_date": {"enum": ["demande", "debut_projet"]},
                        "tranches": {
                            "type": "array",
                            "minItems": 2,
                            "items": {
                                "type": "object",
                                "properties": {"moins_de": _PARAMETRE, "montant": _PARAMETRE},
                                "required": ["montant"],
                                "additionalProperties": False,
                            },
                        },
                        "tranche_haute_si": _NOM,
                    },
                    "required": ["a_la_date", "tranches"],
                    "additionalProperties": False,
                },
                "bareme": {
                    "type": "object",
                    "properties": {"fait": _NOM, "borne_haute_incluse": {"type": "boolean"}},
                    "required": ["fait", "borne_haute_incluse"],
                    "additionalProperties": False,
                },
                "part_du_cout": {
                    "type": "object",
                    "properties": {"fait": _NOM, "taux": _PARAMETRE},
                    "required": ["fait", "taux"],
                    "additionalProperties": False,
                },
                "nul_non_eligible": _CHAINE,  # un montant nul (tranche à 0 €) rend l'aide non éligible : le libellé de ce critère
                "label": _CHAINE,
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}


class ErreurAideLocale(ValueError):
    """Un fichier d'aide locale est invalide : le message nomme le fichier, la ligne et le champ."""


@dataclass
class AideLocale:
    """Un fichier d'aide locale, lu et validé."""

    fichier: str  # chemin relatif à `aides_locales/`, pour les messages
    territoire_dossier: str  # `region_nouvelle_aquitaine` : le dossier du fichier, et le nœud de paramètres
    donnees: dict
    lignes: dict = field(default_factory=dict)  # chemin du champ → ligne (1-based) dans le fichier

    @property
    def id(self):
        return self.donnees["id"]

    @property
    def prefixe(self):
        return self.donnees.get("prefixe", self.id)

    @property
    def chemin_parametres(self):
        return f"clara.{self.territoire_dossier}.{self.id}"

    def parametre(self, nom):
        return nom if nom.startswith("clara.") else f"{self.chemin_parametres}.{nom}"

    def erreur(self, chemin, message):
        ligne = self.lignes.get(tuple(chemin))
        if ligne is None:  # le champ manque : la ligne de son parent
            for fin in range(len(chemin) - 1, -1, -1):
                ligne = self.lignes.get(tuple(chemin[:fin]))
                if ligne is not None:
                    break
        champ = ".".join(str(m) for m in chemin) or "(fichier)"
        return ErreurAideLocale(f"{self.fichier}, ligne {ligne or 1} : champ « {champ} » : {message}")


def _lignes(noeud, chemin=(), resultat=None):
    """Lignes de chaque champ d'un document YAML composé (`yaml.compose`)."""
    resultat = {} if resultat is None else resultat
    resultat[chemin] = noeud.start_mark.line + 1
    if isinstance(noeud, yaml.MappingNode):
        for cle, valeur in noeud.value:
            _lignes(valeur, (*chemin, cle.value), resultat)
            resultat[(*chemin, cle.value)] = cle.start_mark.line + 1  # la ligne de la clé, pas celle de sa valeur
    elif isinstance(noeud, yaml.SequenceNode):
        for rang, enfant in enumerate(noeud.value):
            _lignes(enfant, (*chemin, rang), resultat)
    return resultat


def _en_texte(valeur):
    if isinstance(valeur, datetime.date):
        return valeur.isoformat()
    if isinstance(valeur, dict):
        return {(k.isoformat() if isinstance(k, datetime.date) else k): _en_texte(v) for k, v in valeur.items()}
    if isinstance(valeur, list):
        return [_en_texte(v) for v in valeur]
    return valeur


def lire_fichier(texte, fichier, territoire_dossier):
    """Lit et valide le texte d'un fichier d'aide locale (sans toucher au système)."""
    try:
        lignes = _lignes(yaml.compose(texte)) if texte.strip() else {}
        donnees = _en_texte(yaml.safe_load(texte))
    except yaml.YAMLError as erreur:
        marque = getattr(erreur, "problem_mark", None)
        raise ErreurAideLocale(f"{fichier}, ligne {marque.line + 1 if marque else 1} : YAML illisible : {erreur}") from None
    aide = AideLocale(fichier, territoire_dossier, donnees if isinstance(donnees, dict) else {}, lignes)
    if not isinstance(donnees, dict):
        raise aide.erreur([], "un dictionnaire est attendu")
    erreurs = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(donnees), key=lambda e: (len(e.path), list(map(str, e.path))))
    if erreurs:
        raise aide.erreur(list(erreurs[0].path), erreurs[0].message)
    nom = os.path.basename(fichier).removesuffix(".yaml")
    if aide.id != nom:
        raise aide.erreur(["id"], f"{aide.id!r} doit être le nom du fichier ({nom!r})")
    _verifier_parametres(aide, donnees["parametres"], ["parametres"])
    _verifier_references(aide)
    return aide


def _verifier_parametres(aide, noeud, chemin):
    """Chaque feuille a une description, une unité et une référence exacte (comme les paramètres du paquet)."""
    if "values" in noeud or "brackets" in noeud:
        metadata = noeud.get("metadata") or {}
        if not noeud.get("description"):
            raise aide.erreur([*chemin, "description"], "chaque paramètre a une description")
        if "values" in noeud and not metadata.get("unit"):
            raise aide.erreur([*chemin, "metadata", "unit"], "chaque paramètre a une unité (metadata.unit)")
        references = metadata.get("reference")
        if not isinstance(references, list) or not references or not all(isinstance(r, dict) and str(r.get("href", "")).startswith("http") for r in references):
            raise aide.erreur([*chemin, "metadata", "reference"], "chaque paramètre cite au moins une référence {title, href}")
        return
    for cle, enfant in noeud.items():
        if cle in ("description", "metadata", "documentation"):
            continue
        if not isinstance(enfant, dict):
            raise aide.erreur([*chemin, cle], "un nœud ou une feuille de paramètre (avec `values`) est attendu")
        _verifier_parametres(aide, enfant, [*chemin, cle])


def _feuille(aide, nom, chemin):
    """Vérifie qu'un nom de paramètre désigne un paramètre du fichier (ou un chemin absolu `clara.…`)."""
    if nom.startswith("clara."):
        return
    noeud = aide.donnees["parametres"]
    for morceau in nom.split("."):
        if not isinstance(noeud, dict) or morceau not in noeud:
            raise aide.erreur(chemin, f"le paramètre {nom!r} n'est pas défini dans `parametres`")
        noeud = noeud[morceau]


def _verifier_references(aide):
    """Les paramètres et les faits nommés par les conditions et le montant existent dans le fichier."""
    entrees = aide.donnees.get("entrees", {})

    def condition(cond, chemin):
        for cle in ("ouverture", "age", "nombre", "demande_avant_debut_projet"):
            for option, valeur in (cond.get(cle) or {}).items():
                if option in ("parametre", "incertain", "jours", *_BORNES):
                    _feuille(aide, valeur, [*chemin, cle, option])
        for cle in ("choix", "nombre"):
            fait = (cond.get(cle) or {}).get("fait")
            if fait in entrees and entrees[fait]["type"] not in (("choix", "region") if cle == "choix" else ("nombre",)):
                raise aide.erreur([*chemin, cle, "fait"], f"le fait {fait!r} n'est pas de type {cle}")
        for rang, sous_condition in enumerate(cond.get("une_de", ())):
            if not isinstance(sous_condition, dict):
                raise aide.erreur([*chemin, "une_de", rang], "une condition est attendue")
            _valider_condition(aide, sous_condition, [*chemin, "une_de", rang])
            condition(sous_condition, [*chemin, "une_de", rang])

    for rang, cond in enumerate(aide.donnees["conditions"]):
        _valider_condition(aide, cond, ["conditions", rang])
        if "une_de" in cond and "label" not in cond:
            raise aide.erreur(["conditions", rang], "une condition `une_de` a son `label`")
        condition(cond, ["conditions", rang])
    montant = aide.donnees.get("montant")
    if montant:
        _feuille(aide, montant["parametre"], ["montant", "parametre"])
        if "part_du_cout" in montant:
            _feuille(aide, montant["part_du_cout"]["taux"], ["montant", "part_du_cout", "taux"])
        par_age = montant.get("par_age")
        if par_age:
            tranches = par_age["tranches"]
            for rang, tranche in enumerate(tranches):
                if ("moins_de" in tranche) == (rang == len(tranches) - 1):
                    raise aide.erreur(["montant", "par_age", "tranches", rang], "chaque tranche sauf la dernière a sa borne `moins_de`")
                if "moins_de" in tranche:
                    _feuille(aide, tranche["moins_de"], ["montant", "par_age", "tranches", rang, "moins_de"])
            fait = par_age.get("tranche_haute_si")
            if fait in entrees and entrees[fait]["type"] != "reponse":
                raise aide.erreur(["montant", "par_age", "tranche_haute_si"], f"{fait!r} doit être un fait oui/non")
        for rang, fait in enumerate(montant.get("selon", ())):
            if fait not in entrees or entrees[fait]["type"] != "choix":
                raise aide.erreur(["montant", "selon", rang], f"{fait!r} doit être une entrée de type choix du fichier")
    for nom, entree in entrees.items():
        if (entree["type"] == "choix") != ("choix" in entree):
            raise aide.erreur(["entrees", nom, "choix"], "une entrée de type choix, et elle seule, liste ses `choix`")


def _valider_condition(aide, cond, chemin):
    cles = [cle for cle in cond if cle not in ("nom", "label", "reference")]
    if len(cles) != 1:
        raise aide.erreur(chemin, f"une condition a exactement une clé du vocabulaire ({', '.join([*_CONDITIONS, 'une_de'])}), trouvé : {cles}")
    if cles[0] == "une_de":
        return
    erreurs = list(jsonschema.Draft202012Validator(_CONDITIONS[cles[0]]).iter_errors(cond[cles[0]]))
    if erreurs:
        raise aide.erreur([*chemin, cles[0], *erreurs[0].path], erreurs[0].message)


@lru_cache(maxsize=1)
def charger_aides_locales():
    """Toutes les aides locales du paquet, lues et validées, par identifiant (vide si CLARA_SANS_AIDES_LOCALES=1)."""
    if os.environ.get(DESACTIVER) == "1":
        return {}
    aides = {}
    for territoire in sorted((d for d in DOSSIER.iterdir() if d.is_dir() and not d.name.startswith("_")), key=lambda d: d.name):
        for fichier in sorted((f for f in territoire.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name):
            aide = lire_fichier(fichier.read_text(encoding="utf-8"), f"{territoire.name}/{fichier.name}", territoire.name)
            if aide.id in aides:
                raise aide.erreur(["id"], f"identifiant déjà pris par {aides[aide.id].fichier}")
            aides[aide.id] = aide
    return aides


# ---------------------------------------------------------------------------------------------------------------
# La fiche du catalogue et les questions.

_NOMS_REGIONS = {m.value: m.name for m in TypesCodeInseeRegion if m.name != "non_renseigne"}


def fiche_catalogue(aide):
    """La fiche de l'aide, au format du catalogue : celle du fichier, complétée du territoire et des variables."""
    territoire = aide.donnees["territoire"]
    fiche = {"id": aide.id, **aide.donnees["fiche"]}
    fiche["territoire"] = {}
    if "regions" in territoire:
        fiche["territoire"]["regions"] = [_NOMS_REGIONS[code] for code in territoire["regions"]]
    for cle in ("departements", "communes", "epci"):
        if cle in territoire:
            fiche["territoire"][cle] = list(territoire[cle])
    fiche["variables"] = {
        "statut": f"{aide.prefixe}_statut",
        "eligible": f"{aide.prefixe}_eligible",
        "montant": f"{aide.prefixe}_montant" if "montant" in aide.donnees else None,
    }
    ouverture = next((c["ouverture"] for c in aide.donnees["conditions"] if "ouverture" in c), None)
    if ouverture:
        fiche["parametre_ouverture"] = aide.parametre(ouverture["parametre"])
    return fiche


def questions_aides_locales():
    """{variable: question} des faits propres aux aides locales, dans l'ordre des fichiers."""
    return {f"{aide.prefixe}_{nom}": entree["question"] for aide in charger_aides_locales().values() for nom, entree in aide.donnees.get("entrees", {}).items()}


# ---------------------------------------------------------------------------------------------------------------
# Compilation : paramètres et variables.


def _variable(nom, value_type, label, formule=None, **attributs):
    classe = {"value_type": value_type, "entity": Individu, "definition_period": MONTH, "label": label, "__module__": __name__, **attributs}
    if formule is None:
        classe["set_input"] = set_input_dispatch_by_period
    else:
        classe["formula"] = formule
    return type(nom, (Variable,), classe)


def _ajouter_parametres(systeme, aide):
    clara = systeme.parameters.clara
    if aide.territoire_dossier not in clara.children:
        clara.add_child(aide.territoire_dossier, ParameterNode(f"clara.{aide.territoire_dossier}", data={"description": aide.donnees["territoire"]["label"]}))
    noeud = getattr(clara, aide.territoire_dossier)
    donnees = {"description": aide.donnees["fiche"].get("label", aide.id), **aide.donnees["parametres"]}
    noeud.add_child(aide.id, ParameterNode(aide.chemin_parametres, data=donnees))


def _entrees(aide):
    """Les variables d'entrée propres à l'aide ; renvoie {nom court: (nom de variable, Enum ou None)}."""
    resultat = {}
    for nom, entree in aide.donnees.get("entrees", {}).items():
        variable = f"{aide.prefixe}_{nom}"
        type_ = entree["type"]
        if type_ == "reponse":
            classe = _variable(variable, Enum, entree["label"], possible_values=Reponse, default_value=Reponse.non_renseigne)
            enum = Reponse
        elif type_ in ("choix", "region"):
            if type_ == "choix":
                enum = Enum("".join(m.capitalize() for m in variable.split("_")), [("non_renseigne", "Non renseigné"), *entree["choix"].items()])
            else:
                enum = TypesCodeInseeRegion
            classe = _variable(variable, Enum, entree["label"], possible_values=enum, default_value=enum.non_renseigne)
        elif type_ == "nombre":
            classe = _variable(variable, float, entree["label"] + " ; −1 : non renseigné", default_value=-1)
            enum = None
        else:
            classe = _variable(variable, datetime.date, entree["label"] + " ; 0001-01-01 : non renseignée", default_value=datetime.date(1, 1, 1))
            enum = None
        resultat[nom] = (variable, enum, classe)
    return resultat


def _nom_fait(aide, entrees, fait):
    return entrees[fait][0] if fait in entrees else fait


def _bornes(parameters, aide, dates, options):
    """Bornes d'un nombre (au_moins/au_plus/moins_de/plus_de), lues à chaque date (NaN : borne inconnue)."""
    return {cle: parametre_aux_dates(parameters, dates, aide.parametre(options[cle])) for cle in _BORNES if cle in options}


def _critere_bornes(valeur, connue, bornes):
    resultat = np.where(connue, VRAI, INCONNU).astype(np.int8)
    for cle, borne in bornes.items():
        tient = {"au_moins": valeur >= borne, "au_plus": valeur <= borne, "moins_de": valeur < borne, "plus_de": valeur > borne}[cle]
        resultat = np.minimum(resultat, np.select([np.isnan(borne) | ~connue, tient], [INCONNU, VRAI], FAUX).astype(np.int8))
    return resultat


def _libelle_bornes(options, unite):
    morceaux = {"au_moins": "au moins", "au_plus": "au plus", "moins_de": "moins de", "plus_de": "plus de"}
    return " et ".join(f"{morceaux[cle]} {options[cle].replace('_', ' ')}" for cle in _BORNES if cle in options) + unite


def _compiler_condition(aide, entrees, cond, systeme):
    """(nom court, libellé par défaut, formule) d'une condition."""
    cle = next(c for c in cond if c not in ("nom", "label", "reference"))
    options = cond[cle]

    if cle == "ouverture":
        avant = INCONNU if options["avant_historique"] == "inconnu" else FAUX

        def formule(individu, period, parameters):
            dates = individu("date_demande", period)
            ouvert = critere_ouverture(parameters, dates, aide.parametre(options["parametre"]), avant_historique=avant)
            if "incertain" in options:
                incertain = parametre_aux_dates(parameters, dates, aide.parametre(options["incertain"]), defaut=0) == 1
                ouvert = np.where(incertain & (ouvert == VRAI), INCONNU, ouvert).astype(np.int8)
            return ouvert

        return "dispositif_ouvert", "Le dispositif est ouvert aux demandes à la date de la demande", formule

    if cle == "age":

        def formule(individu, period, parameters):
            demande = individu("date_demande", period)
            if options["a_la_date"] == "debut_projet":
                debut = individu("projet_date_debut", period)
                dates = np.where(date_renseignee(debut), debut, demande)
            else:
                dates = demande
            bornes = _bornes(parameters, aide, dates, options)
            au_moins = bornes.get("au_moins", bornes.get("plus_de", np.nan) + 1) if ("au_moins" in bornes or "plus_de" in bornes) else None
            moins_de = bornes.get("moins_de", bornes.get("au_plus", np.nan) + 1) if ("moins_de" in bornes or "au_plus" in bornes) else None
            resultat = critere_age(individu, period, dates, au_moins=au_moins, moins_de=moins_de)
            if options["a_la_date"] == "debut_projet":  # date de début inconnue : l'âge à cette date ne l'est pas
                resultat = np.where(date_renseignee(individu("projet_date_debut", period)) | (resultat == FAUX), resultat, INCONNU).astype(np.int8)
            return resultat

        quand = "à la date de la demande" if options["a_la_date"] == "demande" else "au début du projet"
        return "age", f"Avoir l'âge requis {quand} ({_libelle_bornes(options, ' ans')})", formule

    if cle == "inscrit_france_travail":
        if options:
            return (
                "inscription",
                "Être inscrit(e) comme demandeur d'emploi à France Travail",
                lambda individu, period: individu("critere_inscrit_france_travail", period),
            )
        return (
            "non_inscrit",
            "Ne pas être inscrit(e) comme demandeur d'emploi à France Travail",
            lambda individu, period: non(individu("critere_inscrit_france_travail", period)),
        )

    if cle == "categories":
        membres = [CategorieDemandeurEmploi[c].index for c in options]
        indetermines = [c.index for c in CATEGORIES_INDETERMINEES]

        def formule(individu, period):
            categorie = individu("categorie_demandeur_emploi", period)
            connue = ~np.isin(categorie, indetermines)
            return et(individu("critere_inscrit_france_travail", period), critere(connue, np.isin(categorie, membres)))

        libelles = ", ".join(CategorieDemandeurEmploi[c].value for c in options)
        return "categorie", f"Être inscrit(e) à France Travail dans l'une des catégories : {libelles}", formule

    if cle == "sans_emploi":
        return "sans_emploi", "Être sans emploi", lambda individu, period: individu("critere_sans_emploi", period)

    if cle in ("percoit_une_de", "ne_percoit_aucune_de"):
        noms = [f"percoit_{a}" for a in options]
        liste = ", ".join(_ALLOCATIONS[a] for a in options)
        if cle == "percoit_une_de":
            return "allocation", f"Percevoir {liste}", lambda individu, period: ou(*(reponse_oui(individu(n, period)) for n in noms))
        return "sans_allocation", f"Ne percevoir ni {liste}", lambda individu, period: et(*(non(reponse_oui(individu(n, period))) for n in noms))

    if cle in ("oui", "non"):
        fait = _nom_fait(aide, entrees, options)
        label = systeme.variables[fait].label if fait in systeme.variables else entrees[options][2].label
        if cle == "oui":
            return options, label, lambda individu, period: reponse_oui(individu(fait, period))
        return f"pas_{options}", f"Ne pas : {label[0].lower()}{label[1:]}", lambda individu, period: non(reponse_oui(individu(fait, period)))

    if cle == "choix":
        fait = _nom_fait(aide, entrees, options["fait"])
        enum = entrees[options["fait"]][1] if options["fait"] in entrees else systeme.variables[fait].possible_values
        inconnu = enum.non_renseigne.index if "non_renseigne" in enum.__members__ else -1
        try:
            membres = [enum[valeur].index for valeur in options["dans"]]
        except KeyError as erreur:
            raise ErreurAideLocale(
                f"{aide.fichier} : condition choix : {erreur.args[0]!r} n'est pas une valeur de {fait} ({', '.join(enum.__members__)})"
            ) from None

        def formule(individu, period):
            valeur = individu(fait, period)
            return critere(valeur != inconnu, np.isin(valeur, membres))

        libelle = systeme.variables[fait].label if fait in systeme.variables else entrees[options["fait"]][2].label
        return options["fait"], f"{libelle} : {', '.join(enum[v].value for v in options['dans'])}", formule

    if cle == "nombre":
        fait = _nom_fait(aide, entrees, options["fait"])

        def formule(individu, period, parameters):
            valeur = individu(fait, period)
            return _critere_bornes(valeur, valeur >= 0, _bornes(parameters, aide, individu("date_demande", period), options))

        libelle = systeme.variables[fait].label if fait in systeme.variables else entrees[options["fait"]][2].label
        return options["fait"], f"{libelle.split(' ; ')[0]} : {_libelle_bornes(options, '')}", formule

    if cle == "demande_avant_debut_projet":

        def formule(individu, period, parameters):
            dates = individu("date_demande", period)
            debut = individu("projet_date_debut", period)
            jours = parametre_aux_dates(parameters, dates, aide.parametre(options["jours"]))
            limite = debut - np.nan_to_num(jours).astype(int).astype("timedelta64[D]")
            return critere(date_renseignee(debut) & ~np.isnan(jours), dates <= limite)

        return "delai", "Déposer la demande dans le délai prévu avant le début du projet", formule

    if cle == "critere":
        if options not in systeme.variables:
            raise ErreurAideLocale(
                f"{aide.fichier} : condition critere : la variable {options!r} n'existe pas (critères Python : openfisca_clara/aides_locales/criteres.py)"
            )
        return options, systeme.variables[options].label, lambda individu, period: individu(options, period)

    # une_de : OU de Kleene de sous-conditions, calculées dans la même formule.
    sous_formules = [_compiler_condition(aide, entrees, sous, systeme)[2] for sous in options]

    def formule(individu, period, parameters):
        return ou(*(_appeler(f, individu, period, parameters) for f in sous_formules))

    return "une_de", None, formule


def _appeler(formule, individu, period, parameters):
    return formule(individu, period, parameters) if formule.__code__.co_argcount == 3 else formule(individu, period)


def _critere_territoire(aide):
    """Résider dans le territoire de l'aide, à chaque niveau ce que l'on en sait (issue 10) : une région ou un
    département connus sans la commune tranchent les aides de leur niveau ; celles d'une commune ou d'un EPCI
    restent inconnues tant que la commune ne l'est pas."""
    territoire = aide.donnees["territoire"]

    def formule(individu, period):
        menage = individu.menage
        departement = menage("departement_residence", period).astype(str)
        departement_connu = departement != ""
        depcom = menage("depcom", period).astype(str)
        commune_connue = departement_connu & (depcom != "")
        niveaux = []
        if "regions" in territoire:  # les régions d'aujourd'hui, depuis 2016 seulement (avant : hors de l'aide)
            dans_la_region = np.isin(menage("region_residence_code", period).astype(str), territoire["regions"])
            niveaux.append(critere(departement_connu, dans_la_region & (period.start.year >= 2016)))
        if "departements" in territoire:
            niveaux.append(critere(departement_connu, np.isin(departement, territoire["departements"])))
        if "communes" in territoire:
            niveaux.append(critere(commune_connue, np.isin(depcom, territoire["communes"])))
        if "epci" in territoire:
            niveaux.append(critere(commune_connue, np.isin(menage("epci_residence", period).astype(str), territoire["epci"])))
        resultat = ou(*niveaux)
        if "sauf_epci" in territoire:  # moins des EPCI (un département sauf sa métropole) ; EPCI inconnu : inconnu
            epci = menage("epci_residence", period).astype(str)
            resultat = et(resultat, critere(commune_connue & (epci != ""), ~np.isin(epci, territoire["sauf_epci"])))
        return resultat

    return formule


def _formule_montant(aide, entrees):
    montant = aide.donnees["montant"]
    chemin = aide.parametre(montant["parametre"])
    # Pour chaque fait de `selon` : sa variable, son Enum et les choix qui ont un montant dans l'arbre des paramètres.
    selon, arbre = [], aide.donnees["parametres"]
    for morceau in montant["parametre"].split("."):
        arbre = arbre.get(morceau, {}) if isinstance(arbre, dict) else {}
    racine = arbre  # les données déclarées du nœud du montant (pour compter les tranches d'un barème)
    for fait in montant.get("selon", ()):
        cles = {cle for cle in arbre if cle not in ("description", "metadata", "documentation")}
        selon.append((entrees[fait][0], entrees[fait][1], cles))
        arbre = next((arbre[c] for c in sorted(cles)), {})
    bareme = montant.get("bareme")
    part = montant.get("part_du_cout")
    par_age = montant.get("par_age")
    nom_statut = f"{aide.prefixe}_statut"

    def tranches_possibles(individu, period, parameters):
        """Pour chaque tranche d'âge de `par_age` : la personne peut-elle y être ? Âge inconnu : toutes les tranches."""
        if not par_age:
            return None
        demande = individu("date_demande", period)
        if par_age["a_la_date"] == "debut_projet":
            debut = individu("projet_date_debut", period)
            debut_connu = date_renseignee(debut)
            connu, age_min, age_max = bornes_age(individu, period, np.where(debut_connu, debut, demande))
            age_max = np.where(debut_connu, age_max, np.inf)  # entrée non datée : au moins l'âge à la demande
        else:
            connu, age_min, age_max = bornes_age(individu, period, demande)
        possibles, bas = [], np.full(individu.count, -np.inf)
        for tranche in par_age["tranches"]:
            haut = parametre_aux_dates(parameters, demande, aide.parametre(tranche["moins_de"])) if "moins_de" in tranche else np.full(individu.count, np.inf)
            possibles.append(~connu | np.isnan(bas) | np.isnan(haut) | ((age_max >= bas) & (age_min < haut)))
            bas = haut
        if par_age.get("tranche_haute_si"):  # oui : la tranche la plus haute ; inconnu : elle aussi est possible
            reponse = individu(_nom_fait(aide, entrees, par_age["tranche_haute_si"]), period)
            possibles = [p & (reponse != Reponse.oui) for p in possibles[:-1]] + [possibles[-1] | (reponse != Reponse.non)]
        return possibles

    def valeur_noeud(noeud, individu, period, rang=0, donnees=None, possibles=None):
        """Montant lu dans un nœud indexé par les choix de `selon` ; choix inconnu : le plus élevé."""
        donnees = racine if donnees is None else donnees
        if rang == len(selon):
            if noeud is None:
                return np.full(individu.count, np.nan)
            if bareme and len(noeud.thresholds) < len(donnees.get("brackets", ()) if isinstance(donnees, dict) else ()):
                return np.full(individu.count, np.nan)  # une tranche sans valeur (null) à cette date : barème non publié
            if par_age:  # le montant de la tranche d'âge ; plusieurs tranches possibles : le plus élevé
                resultat = np.full(individu.count, -np.inf)
                for tranche, possible in zip(par_age["tranches"], possibles, strict=True):
                    valeur = lire(noeud, tranche["montant"])
                    resultat = np.where(possible, np.fmax(resultat, np.nan if valeur is None else float(valeur)), resultat)
                return np.where(np.isinf(resultat), np.nan, resultat)
            if bareme:  # un barème à montants (tranches) sur le fait ; fait inconnu : le montant le plus élevé
                if not len(noeud.thresholds):  # pas de tranche à cette date (avant le barème) : montant inconnu
                    return np.full(individu.count, np.nan)
                base = individu(_nom_fait(aide, entrees, bareme["fait"]), period)
                plus_haut = max((float(m) for m in noeud.amounts if m is not None), default=np.nan)
                selon_base = noeud.calc(np.maximum(base, 0), right=bareme.get("borne_haute_incluse", False))
                return np.where(base >= 0, selon_base, plus_haut)
            return np.full(individu.count, float(noeud))
        variable, enum, cles = selon[rang]
        choix = individu(variable, period)
        valeurs = {
            m.index: valeur_noeud(lire(noeud, m.name), individu, period, rang + 1, donnees.get(m.name, {}) if isinstance(donnees, dict) else {}, possibles)
            for m in enum
            if m.name in cles
        }
        resultat = np.zeros(individu.count)  # un choix sans montant (« aucun ») : 0
        for indice, valeur in valeurs.items():
            resultat = np.where(choix == indice, valeur, resultat)
        if valeurs:
            resultat = np.where(choix == enum.non_renseigne.index, np.fmax.reduce(list(valeurs.values())), resultat)
        return resultat

    def formule(individu, period, parameters):
        statut_aide = individu(nom_statut, period)
        if (statut_aide == StatutEligibilite.non_eligible).all():
            return np.zeros(individu.count)
        dates = individu("date_demande", period)
        possibles = tranches_possibles(individu, period, parameters)
        resultat = np.full(individu.count, np.nan)
        for masque, p in par_date(parameters, dates):
            resultat[masque] = valeur_noeud(lire(p, chemin), individu, period, possibles=possibles)[masque]
        if part:
            cout = individu(_nom_fait(aide, entrees, part["fait"]), period)
            taux = parametre_aux_dates(parameters, dates, aide.parametre(part["taux"]))
            resultat = np.where(cout >= 0, np.fmin(cout * taux, resultat), resultat)
        return np.where(statut_aide != StatutEligibilite.non_eligible, np.nan_to_num(resultat), 0)

    def brut(individu, period, parameters):
        """Le montant selon les paramètres et les faits, sans le statut (NaN : paramètre nul à la date)."""
        dates = individu("date_demande", period)
        possibles = tranches_possibles(individu, period, parameters)
        resultat = np.full(individu.count, np.nan)
        for masque, p in par_date(parameters, dates):
            noeud = lire(p, chemin)
            resultat[masque] = np.nan if noeud is None else valeur_noeud(noeud, individu, period, possibles=possibles)[masque]
        return resultat

    def connu(individu, period, parameters):
        return critere_montant_calculable(~np.isnan(brut(individu, period, parameters)))

    def positif(individu, period, parameters):
        """Vrai si le montant (le plus élevé possible quand un fait est inconnu) est positif ; faux s'il est nul."""
        resultat = brut(individu, period, parameters)
        return critere(~np.isnan(resultat), np.nan_to_num(resultat) > 0)

    return formule, connu, positif


def _a_des_valeurs_nulles(noeud):
    if isinstance(noeud, dict) and isinstance(noeud.get("brackets"), list):  # un barème : chaque seuil et montant daté
        return any(
            _a_des_valeurs_nulles(v if "values" in v else {"values": v})
            for tranche in noeud["brackets"]
            for cle, v in tranche.items()
            if cle in ("threshold", "amount") and isinstance(v, dict)
        )
    if isinstance(noeud, dict):
        if "values" in noeud:
            return any(v is None or (isinstance(v, dict) and v.get("value") is None) for v in noeud["values"].values())
        return any(_a_des_valeurs_nulles(v) for v in noeud.values())
    return False


def compiler(aide, systeme):
    """Les variables d'une aide locale, dans l'ordre où les ajouter au système."""
    reference = [r["href"] for r in aide.donnees["fiche"].get("references", ())] or None
    entrees = _entrees(aide)
    classes = [classe for _, _, classe in entrees.values()]
    criteres = []

    def ajouter_critere(nom, label, formule, cond=None):
        variable = f"{aide.prefixe}_{nom}"
        if variable in (c.__name__ for c in classes):
            raise ErreurAideLocale(f"{aide.fichier} : deux variables s'appellent {variable} : donnez un `nom` à l'une des conditions")
        ref = [cond["reference"]["href"]] if cond and "reference" in cond else reference
        classes.append(_variable(variable, int, label, formule, reference=ref))
        criteres.append(variable)

    ajouter_critere("residence", aide.donnees["territoire"]["label"], _critere_territoire(aide))
    for cond in aide.donnees["conditions"]:
        nom, label, formule = _compiler_condition(aide, entrees, cond, systeme)
        ajouter_critere(cond.get("nom", nom), cond.get("label", label), formule, cond)
    montant = aide.donnees.get("montant")
    if montant:
        formule_montant, montant_connu, montant_positif = _formule_montant(aide, entrees)
        absolu = montant["parametre"].startswith("clara.")  # un barème partagé : ses valeurs nulles ne se voient pas ici
        if absolu or _a_des_valeurs_nulles(aide.donnees["parametres"].get(montant["parametre"].split(".")[0], {})):
            ajouter_critere("montant_publie", "Le montant de l'aide est publié à la date de la demande", montant_connu)
        if "nul_non_eligible" in montant:
            ajouter_critere("montant_positif", montant["nul_non_eligible"], montant_positif)

    fiche = aide.donnees["fiche"]
    nom_statut = f"{aide.prefixe}_statut"
    residence, autres = criteres[0], tuple(criteres[1:])

    def formule_statut(individu, period):
        territoire = individu(residence, period)
        if (territoire == FAUX).all():  # personne dans le territoire : un seul critère calculé
            return statut(territoire)
        return statut(et(territoire, *(individu(nom, period) for nom in autres)))

    rulebook = f"rulebook {fiche['rulebook']}" if fiche.get("rulebook") else "hors rulebook"
    doc_statut = (
        f"Statut de « {fiche['label']} » ({fiche['porteur']}) pour la personne et le mois évalués : éligible, à vérifier (un fait "
        "nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine "
        f"ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : {rulebook} ; "
        f"aide locale déclarée dans openfisca_clara/aides_locales/{aide.fichier} ; fiche du catalogue « {aide.id} » (GET /aides/{aide.id})."
    )
    classes.append(
        _variable(
            nom_statut,
            Enum,
            f"{fiche['label']} : statut d'éligibilité",
            formule_statut,
            possible_values=StatutEligibilite,
            default_value=StatutEligibilite.non_eligible,
            reference=reference,
            documentation=doc_statut,
        )
    )
    classes.append(
        _variable(
            f"{aide.prefixe}_eligible",
            bool,
            f"{fiche['label']} : éligible",
            lambda individu, period: individu(nom_statut, period) == StatutEligibilite.eligible,
        )
    )
    if montant:
        unite = UNITES_MONTANT[fiche["unite_montant"]]
        doc_montant = (
            f"Montant de « {fiche['label']} », en euros, {unite} ; 0 quand l'aide est non éligible. Les montants et plafonds sont "
            f"des paramètres datés ({aide.chemin_parametres}). Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu, "
            f"la fiche « {aide.id} » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule (montant_explication)."
        )
        classes.append(
            _variable(
                f"{aide.prefixe}_montant",
                float,
                montant.get("label", f"{fiche['label']} : montant"),
                formule_montant,
                unit="currency",
                reference=reference,
                documentation=doc_montant,
            )
        )
    return classes


def ajouter_aides_locales(systeme):
    """Ajoute au système les paramètres et les variables de chaque aide locale ; renvoie le système."""
    for aide in charger_aides_locales().values():
        _ajouter_parametres(systeme, aide)
        for classe in compiler(aide, systeme):
            if classe.__name__ in systeme.variables:
                raise ErreurAideLocale(f"{aide.fichier} : la variable {classe.__name__} existe déjà dans le système")
            systeme.add_variable(classe)
    return systeme
