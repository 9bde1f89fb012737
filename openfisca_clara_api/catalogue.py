"""Le catalogue : une fiche YAML par aide dans `openfisca_clara/catalogue/` (DESIGN.md §5).

Les fiches portent le côté éditorial (libellé, rubrique, besoins, démarche, lien...) ; les règles sont
dans les variables qu'elles nomment. Les fiches sont validées par un schéma JSON à la lecture.
"""

import datetime
from functools import lru_cache
from importlib.resources import files

import jsonschema
import yaml

DOSSIER = files("openfisca_clara") / "catalogue"

_CHAINE = {"type": "string", "minLength": 1}
_REFERENCE = {
    "type": "object",
    "required": ["title", "href"],
    "properties": {"title": _CHAINE, "href": {"type": "string", "pattern": "^https?://"}},
    "additionalProperties": False,
}
_TERRITOIRE = {
    "oneOf": [
        {"const": "national"},
        {
            "type": "object",
            "properties": {
                "regions": {"type": "array", "items": _CHAINE, "minItems": 1},
                "departements": {"type": "array", "items": {"type": "string", "pattern": "^(\\d{2}|2[AB]|97\\d)$"}, "minItems": 1},
                "communes": {"type": "array", "items": {"type": "string", "pattern": "^(\\d{5}|2[AB]\\d{3})$"}, "minItems": 1},
                "epci": {"type": "array", "items": {"type": "string", "pattern": "^\\d{9}$"}, "minItems": 1},
                "outre_mer": {"const": True},
            },
            "minProperties": 1,
            "additionalProperties": False,
        },
    ]
}

# L'unité du montant d'une aide (champ `unite_montant`, null pour une aide sans variable montant) et, pour un
# montant fait d'un taux journalier, la façon de compter les jours (`base_jours`), avec leur libellé affiché.
UNITES_MONTANT = {
    "par_jour": "par jour",
    "par_mois_de_30_jours": "par mois de 30 jours",
    "par_mois_civil": "par mois",
    "ponctuel": "une fois",
    "total_sur_la_duree": "au total, sur la durée de l'aide",
    "par_an": "par an",
}
BASES_JOURS = {
    "jours_calendaires": "jours calendaires",
    "mois_de_30_jours": "30 jours par mois",
}

SCHEMA = {
    "type": "object",
    "required": [
        "id",
        "label",
        "description",
        "porteur",
        "rubrique",
        "besoins",
        "territoire",
        "periodicite",
        "montant_est_maximum",
        "unite_montant",
        "base_jours",
        "conditions_non_modelisees",
        "demarche",
        "lien",
        "variables",
        "debut",
        "fin",
        "rulebook",
        "references",
    ],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "label": _CHAINE,
        "description": _CHAINE,
        "porteur": _CHAINE,
        "rubrique": _CHAINE,
        "besoins": {"type": "array", "items": _CHAINE, "minItems": 1, "uniqueItems": True},
        "territoire": _TERRITOIRE,
        "periodicite": {"enum": ["ponctuelle", "mensuelle", "journaliere", "annuelle", "sans_montant"]},
        "montant_est_maximum": {"type": "boolean"},
        "unite_montant": {"enum": [*UNITES_MONTANT, None]},
        "base_jours": {"enum": [*BASES_JOURS, None]},
        "montant_explication": _CHAINE,
        "conditions_non_modelisees": {"type": "array", "items": _CHAINE},
        "demarche": _CHAINE,
        "lien": {"type": "string", "pattern": "^https?://"},
        "variables": {
            "type": "object",
            "required": ["statut", "eligible", "montant"],
            "properties": {"statut": _CHAINE, "eligible": _CHAINE, "montant": {"oneOf": [_CHAINE, {"type": "null"}]}},
            "additionalProperties": False,
        },
        "parametre_ouverture": _CHAINE,
        "debut": {"oneOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        "fin": {"oneOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        "rulebook": {"oneOf": [{"type": "string", "pattern": "^§R?\\d+(\\.\\d+)*$"}, {"type": "null"}]},
        "references": {"type": "array", "items": _REFERENCE, "minItems": 1},
    },
    "additionalProperties": False,
}


class ErreurCatalogue(ValueError):
    """Une fiche du catalogue est invalide : le message nomme la fiche et le champ."""


def _en_texte(valeur):
    """YAML lit 2021-06-09 comme une date : le catalogue les expose en texte ISO."""
    if isinstance(valeur, datetime.date):
        return valeur.isoformat()
    if isinstance(valeur, dict):
        return {cle: _en_texte(v) for cle, v in valeur.items()}
    if isinstance(valeur, list):
        return [_en_texte(v) for v in valeur]
    return valeur


@lru_cache(maxsize=1)
def vocabulaire():
    """Les rubriques et les besoins, chacun {id: libellé}."""
    return yaml.safe_load((DOSSIER / "_vocabulaire.yaml").read_text(encoding="utf-8"))


def _valider(fiche, nom_fichier):
    nom_fichier = getattr(nom_fichier, "name", nom_fichier)  # un chemin ou le nom affiché dans les messages
    validateur = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    erreurs = sorted(validateur.iter_errors(fiche), key=lambda e: list(e.path))
    if erreurs:
        erreur = erreurs[0]
        champ = ".".join(str(morceau) for morceau in erreur.path) or "(fiche)"
        raise ErreurCatalogue(f"{nom_fichier} : champ « {champ} » : {erreur.message}")
    vocab = vocabulaire()
    if fiche["rubrique"] not in vocab["rubriques"]:
        raise ErreurCatalogue(f"{nom_fichier} : champ « rubrique » : {fiche['rubrique']!r} n'est pas une rubrique connue ({', '.join(vocab['rubriques'])})")
    for besoin in fiche["besoins"]:
        if besoin not in vocab["besoins"]:
            raise ErreurCatalogue(f"{nom_fichier} : champ « besoins » : {besoin!r} n'est pas un besoin connu ({', '.join(vocab['besoins'])})")
    sans_montant = fiche["variables"]["montant"] is None
    if (fiche["unite_montant"] is None) != sans_montant:
        attendu = "null (l'aide n'a pas de variable montant)" if sans_montant else f"l'une de {', '.join(UNITES_MONTANT)}"
        raise ErreurCatalogue(f"{nom_fichier} : champ « unite_montant » : {fiche['unite_montant']!r} ; attendu : {attendu}")
    nom = nom_fichier.split(" ")[0].rsplit("/", 1)[-1].removesuffix(".yaml")
    if fiche["id"] != nom:
        raise ErreurCatalogue(f"{nom_fichier} : champ « id » : {fiche['id']!r} doit être le nom du fichier ({nom!r})")


def annoter_montants(systeme):
    """Chaque variable montant reçoit l'unité de sa fiche (`unite_montant`, `base_jours`), à côté de son
    `unit = "currency"` : la fiche est la seule source, lue une fois à la construction du système."""
    for fiche in charger_catalogue().values():
        nom = fiche["variables"]["montant"]
        if nom is not None and nom in systeme.variables:
            variable = systeme.variables[nom]
            variable.unite_montant = fiche["unite_montant"]
            variable.base_jours = fiche["base_jours"]
    return systeme


@lru_cache(maxsize=1)
def charger_catalogue():
    """Toutes les fiches, validées, par identifiant, dans l'ordre des rubriques puis des identifiants."""
    fiches = {}
    for fichier in sorted(DOSSIER.iterdir(), key=lambda f: f.name):
        if not fichier.name.endswith(".yaml") or fichier.name.startswith("_"):
            continue
        fiche = _en_texte(yaml.safe_load(fichier.read_text(encoding="utf-8")))
        _valider(fiche, fichier.name)
        fiches[fiche["id"]] = fiche
    from openfisca_clara_api.aides_locales import charger_aides_locales, fiche_catalogue  # importe ce module

    for aide in charger_aides_locales().values():
        fiche = fiche_catalogue(aide)
        _valider(fiche, f"aides_locales/{aide.fichier} (fiche)")
        if fiche["id"] in fiches:
            raise ErreurCatalogue(f"aides_locales/{aide.fichier} : champ « id » : {fiche['id']!r} est déjà une fiche du catalogue")
        fiches[fiche["id"]] = fiche
    ordre = list(vocabulaire()["rubriques"])
    return dict(sorted(fiches.items(), key=lambda item: (ordre.index(item[1]["rubrique"]), item[0])))


# Les filtres géographiques de GET /aides : les aides qui existent dans une commune, un département ou une région.
FILTRES_TERRITOIRE = ("depcom", "departement", "region")


def _lieux(filtre, code):
    """(régions, départements, communes, EPCI) couverts par le lieu demandé, en codes INSEE / SIREN ; None si inconnu."""
    from openfisca_clara.geographie import table

    t = table()
    if filtre == "depcom":
        connu, rang = t.indices([code])
        if not connu[0]:
            return None
        return {t.regions[rang[0]]}, {t.departements[rang[0]]}, {code}, {t.epci[rang[0]]} - {""}
    if filtre == "departement":
        if code not in t.noms_departements:
            return None
        dedans = t.departements == code
        return {t.region_du_departement[code]}, {code}, set(t.codes[dedans]), set(t.epci[dedans]) - {""}
    if code not in t.noms_regions:
        return None
    dedans = t.regions == code
    return {code}, set(t.departements[dedans]), set(t.codes[dedans]), set(t.epci[dedans]) - {""}


def codes_attendus(filtre):
    """Les codes connus d'un filtre géographique (pour le message d'erreur : au plus les départements et régions)."""
    from openfisca_clara.geographie import table

    return {"departement": sorted(table().noms_departements), "region": sorted(table().noms_regions)}.get(filtre, ["un code INSEE de commune (5 caractères)"])


def filtrer_par_territoire(fiches, filtre, code):
    """Les fiches des aides qui existent quelque part dans le lieu (les nationales toujours) ; None si le code est inconnu.

    Une commune : les aides de sa région, de son département, de son EPCI et d'elle-même. Un département ou une
    région : aussi celles de chaque département, EPCI ou commune qu'il contient.
    """
    lieux = _lieux(filtre, code)
    if lieux is None:
        return None
    regions, departements, communes, epci = lieux
    from openfisca_france.model.caracteristiques_socio_demographiques.logement import TypesCodeInseeRegion

    noms_regions = {TypesCodeInseeRegion(c).name for c in regions if c in {m.value for m in TypesCodeInseeRegion}}
    retenues = []
    for fiche in fiches:
        territoire = fiche["territoire"]
        if territoire == "national":
            retenues.append(fiche)
            continue
        if (
            noms_regions.intersection(territoire.get("regions", ()))
            or departements.intersection(territoire.get("departements", ()))
            or communes.intersection(territoire.get("communes", ()))
            or epci.intersection(territoire.get("epci", ()))
            or (territoire.get("outre_mer") and any(d.startswith("97") for d in departements))
        ):
            retenues.append(fiche)
    return retenues
