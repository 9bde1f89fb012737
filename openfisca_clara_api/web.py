"""L'API web : l'application OpenFisca standard, plus le catalogue et l'évaluation de Clara.

`creer_application()` construit le système une fois, sert toutes les routes d'OpenFisca sans les
changer (/calculate, /trace, /variables, /variable/<id>, /parameters, /parameter/<id>, /entities, /spec)
et ajoute :

* `GET /aides` : le catalogue, filtrable par `rubrique` et `besoin` (paramètres répétables) et par lieu (`depcom`, `departement` ou `region`) ;
* `GET /aides/<id>` : une fiche ;
* `POST /evaluation` : `{"situation", "periode", "personne"?, "rubriques"?, "besoins"?, "aides"?, "detail"?}`,
  la réponse complète de `openfisca_clara_api.evaluation.evaluer`.

Toute entrée invalide reçoit une réponse 4xx en JSON qui nomme le champ fautif et ce qui était attendu,
jamais une page HTML ni une erreur 500 : routes et méthodes inconnues (404, 405), corps non JSON (415),
JSON mal formé, clés en double, NaN (400), variable MONTH demandée pour une année (400, au lieu du 500
d'OpenFisca), types faux que numpy accepterait en silence (« false » pour un booléen, 12 pour un code
commune, texte tronqué à `max_length`, indice d'Enum hors bornes, nombre infini).
Les erreurs des routes OpenFisca gardent leur forme (arbre {entité: {id: {variable: {période: message}}}}
ou {"error": message}) ; celles des routes Clara ont la forme {"erreur": {"champ", "message", "attendu"}}.

Le serveur (`clara serve`) est dans `openfisca_clara_api.serveur` ; `rechauffer()` y est appelé avant le
fork. L'exemple coûteux d'openfisca-france est retiré de la spécification OpenAPI.
Ce module vit hors du dossier de l'extension : `load_extension` exécute chaque .py d'openfisca_clara/.
"""

import copy
import datetime
import functools
import json
import logging
import math

from flask import Response, current_app, g, jsonify, request
from flask_compress import Compress
from openfisca_core import periods
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_core.indexed_enums import Enum
from openfisca_web_api import handlers
from werkzeug.exceptions import HTTPException

from openfisca_clara_api.accueil import brancher_page
from openfisca_clara_api.catalogue import FILTRES_TERRITOIRE, charger_catalogue, codes_attendus, filtrer_par_territoire, vocabulaire
from openfisca_clara_api.catalogue import SCHEMA as SCHEMA_FICHE
from openfisca_clara_api.compat import IdentiteWSGI, brancher_constructeur, creer_application_openfisca, donnees_openfisca, info_spec
from openfisca_clara_api.erreurs import MOTIF_IDENTIFIANT, ErreurEntree, depuis_openfisca, message_identifiant
from openfisca_clara_api.faits_openfisca_france import retirer_ajouts, traduire
from openfisca_clara_api.serveur import proteger
from openfisca_clara_api.systeme import ConstructeurSimulation, construire_systeme

ROUTES_CLARA = ("/aides", "/evaluation")
CHAMPS_EVALUATION = ("situation", "periode", "personne", "rubriques", "besoins", "aides", "detail")
DETAIL_PAR_DEFAUT = "resume"  # /evaluation répond ce qu'un client affiche ; « complet » pour la fiche et tous les critères
FILTRES_AIDES = ("rubrique", "besoin", *FILTRES_TERRITOIRE)  # GET /aides?rubrique=…&besoin=… (répétables), &depcom= | &departement= | &region=
TYPES_JSON = ("application/json",)

# Bornes des types numpy d'OpenFisca : int32 et float32 ; au-delà, numpy déborde ou donne inf.
ENTIER_MIN, ENTIER_MAX = -(2**31), 2**31 - 1
FLOTTANT_MAX = 3.4028234e38


# --- Lecture du corps JSON -------------------------------------------------------------------------


class CorpsInvalide(Exception):
    def __init__(self, statut, message, attendu):
        super().__init__(message)
        self.statut, self.message, self.attendu = statut, message, attendu


def _sans_doublon(paires):
    objet = {}
    for cle, valeur in paires:
        if cle in objet:
            raise ValueError(f"duplicate key '{cle}' (a JSON object may hold each key once)")
        objet[cle] = valeur
    return objet


def _refuser_constante(nom):
    raise ValueError(f"'{nom}' is not valid JSON (use a finite number or null)")


def lire_corps_json():
    """Le corps de la requête, en JSON strict : type de contenu JSON, UTF-8, pas de clé en double, pas de NaN.

    Décodé une seule fois par requête : le résultat (ou l'erreur) est gardé dans `flask.g`, où le lisent
    les bornes de `serveur.proteger` (avant la route) puis la route elle-même."""
    if "clara_corps" not in g:
        try:
            g.clara_corps = (_decoder_corps(), None)
        except CorpsInvalide as erreur:
            g.clara_corps = (None, erreur)
    corps, erreur = g.clara_corps
    if erreur is not None:
        raise erreur
    return corps


def _decoder_corps():
    if request.mimetype not in TYPES_JSON and not request.mimetype.endswith("+json"):
        recu = request.headers.get("Content-Type") or "aucun"
        raise CorpsInvalide(415, f"Unsupported Media Type: the body must be JSON, received Content-Type '{recu}'.", "Content-Type: application/json")
    brut = request.get_data(cache=True)
    if not brut.strip():
        raise CorpsInvalide(400, "Invalid JSON: the request body is empty.", "un objet JSON")
    try:
        return json.loads(brut.decode("utf-8"), object_pairs_hook=_sans_doublon, parse_constant=_refuser_constante)
    except UnicodeDecodeError as erreur:
        raise CorpsInvalide(400, f"Invalid JSON: the body is not UTF-8 ({erreur.reason} at byte {erreur.start}).", "un objet JSON en UTF-8") from None
    except ValueError as erreur:
        raise CorpsInvalide(400, f"Invalid JSON: {erreur}", "un objet JSON") from None


def reponse_json(contenu, statut=200):
    """JSON dans l'ordre donné (jsonify trie les clés), en UTF-8 lisible, sans NaN."""
    return Response(json.dumps(contenu, ensure_ascii=False, allow_nan=False), status=statut, mimetype="application/json")


def erreur_clara(statut, champ, message, attendu):
    """La forme d'erreur des routes Clara, celle d'`ErreurEntree.en_json()`."""
    return reponse_json({"erreur": {"champ": champ, "message": message, "attendu": attendu}}, statut)


# --- Validation d'une situation OpenFisca, avant le calcul ---------------------------------------------


def _message_type(variable, valeur):
    """Ce que numpy accepterait en silence ou qui ferait une erreur 500 plus loin ; None si la valeur va."""
    type_valeur = variable.value_type
    attendu = f"Can't deal with value: expected type {variable.json_type}, received {json.dumps(valeur, ensure_ascii=False)}."
    if isinstance(valeur, dict | list):
        return attendu
    if type_valeur is bool:
        return None if isinstance(valeur, bool) or valeur in (0, 1) else attendu
    if type_valeur is str:
        if not isinstance(valeur, str):
            return attendu
        if variable.max_length and len(valeur.encode("utf-8")) > variable.max_length:
            return f"Can't deal with value: '{valeur}' is longer than the {variable.max_length} characters allowed for '{variable.name}'."
        return None
    if type_valeur is Enum:
        if isinstance(valeur, str):
            return None  # OpenFisca vérifie le nom et liste les valeurs possibles
        if isinstance(valeur, int) and not isinstance(valeur, bool) and 0 <= valeur < len(variable.possible_values):
            return None
        noms = "', '".join(item.name for item in variable.possible_values)
        return f"{json.dumps(valeur)} is not a known value for '{variable.name}'. Possible values are ['{noms}']."
    if type_valeur in (int, float):
        if isinstance(valeur, str):
            return None  # OpenFisca évalue les expressions et les refuse au besoin
        if isinstance(valeur, bool) or not isinstance(valeur, int | float):
            return attendu
        if not math.isfinite(valeur) or abs(valeur) > FLOTTANT_MAX:
            return f"Can't deal with value: '{valeur}', it's too large for type '{variable.json_type}'."
        if type_valeur is int:
            if valeur != int(valeur):
                return f"Can't deal with value: expected type integer, received {valeur} (it would be truncated)."
            if not ENTIER_MIN <= valeur <= ENTIER_MAX:
                return f"Can't deal with value: '{valeur}', it's too large for type 'integer'."
        return None
    if type_valeur is datetime.date:
        return None if isinstance(valeur, str) else f"Can't deal with date: {json.dumps(valeur)} (expected 'YYYY-MM-DD')."
    return None


def _message_periode(variable, cle):
    """Une variable demandée (valeur null) doit l'être pour une seule de ses périodes de définition."""
    try:
        periode = periods.period(cle)
    except (ValueError, TypeError):
        return None  # OpenFisca répond déjà 400 en nommant la variable
    unite = variable.definition_period
    if unite == periods.DateUnit.ETERNITY or (periode.unit == unite and periode.size == 1):
        return None
    exemples = {"month": "'2025-06'", "year": "'2025'", "day": "'2025-06-01'", "week": "'2025-W23'", "weekday": "'2025-W23-1'"}
    return (
        f"Unable to compute variable '{variable.name}' for period {periode}: '{variable.name}' is defined for one {unite} at a time "
        f"(definition_period: {unite}). Ask for a single {unite}, e.g. {exemples.get(str(unite), unite)}."
    )


def erreurs_situation(systeme, situation):
    """L'arbre {entité: {id: {variable: {période: message}}}} des erreurs qu'OpenFisca laisserait passer
    ou changerait en 500 ; les autres (variable, entité, rôle inconnus...) restent à OpenFisca."""
    erreurs = {}
    if not isinstance(situation, dict):
        return erreurs
    entites = {entite.plural: entite for entite in systeme.entities}
    for pluriel, instances in situation.items():
        entite = entites.get(pluriel)
        if entite is None or not isinstance(instances, dict):
            continue
        roles = set() if entite.is_person else {role.plural or role.key for role in entite.roles}
        for identifiant, instance in instances.items():
            message = message_identifiant(identifiant)
            if message:
                erreurs.setdefault(pluriel, {})[identifiant] = message
                continue
            if not isinstance(instance, dict):
                continue
            for nom, valeurs in instance.items():
                if isinstance(valeurs, dict) and any(cle == "" for cle in valeurs):
                    erreurs.setdefault(pluriel, {}).setdefault(identifiant, {})[nom] = (
                        "Empty period key: expected a period such as '2025-06', '2025' or 'ETERNITY'."
                    )
                    continue
                variable = systeme.variables.get(nom)
                if nom in roles or variable is None or variable.entity.plural != pluriel or not isinstance(valeurs, dict):
                    continue
                for cle, valeur in valeurs.items():
                    message = _message_periode(variable, cle) if valeur is None else _message_type(variable, valeur)
                    if message:
                        erreurs.setdefault(pluriel, {}).setdefault(identifiant, {}).setdefault(nom, {})[cle] = message
    return erreurs


def _json_openfisca(contenu, statut=200):
    """Réponses des routes OpenFisca : `jsonify`, comme openfisca_web_api (clés triées, JSON compact)."""
    reponse = jsonify(contenu)
    reponse.status_code = statut
    return reponse


def _calcul_openfisca(systeme, traitement):
    """/calculate et /trace : le corps lu strictement, validé, puis le traitement d'OpenFisca inchangé."""
    try:
        situation = lire_corps_json()
    except CorpsInvalide as erreur:
        return _json_openfisca({"error": erreur.message}, erreur.statut)
    if not isinstance(situation, dict):
        return _json_openfisca({"error": "Invalid type: must be of type 'Object'."}, 400)
    erreurs = erreurs_situation(systeme, situation)
    if erreurs:
        return _json_openfisca(erreurs, 400)
    try:
        situation, ajouts = traduire(situation, systeme)
    except ErreurEntree as erreur:  # deux faits qui se contredisent : l'arbre d'erreurs d'OpenFisca, au champ fautif
        arbre = erreur.message
        for morceau in reversed(erreur.champ.split(".")):
            arbre = {morceau: arbre}
        return _json_openfisca(arbre, 400)
    try:
        resultat = traitement(systeme, situation)
        if traitement is handlers.calculate:
            resultat = retirer_ajouts(resultat, ajouts)
    except (SituationParsingError, PeriodMismatchError) as erreur:
        return _json_openfisca(erreur.error, erreur.code or 400)
    except (UnicodeEncodeError, UnicodeDecodeError) as erreur:
        return _json_openfisca({"error": f"{erreur.object!r} is not a valid value: {erreur.reason}."}, 400)
    return _json_openfisca(resultat)


# --- Le catalogue et l'évaluation ------------------------------------------------------------------------


def lister_aides():
    inconnus = sorted(set(request.args) - set(FILTRES_AIDES))
    if inconnus:
        return erreur_clara(400, inconnus[0], f"Filtre inconnu : {inconnus[0]!r}.", list(FILTRES_AIDES))
    vocab = vocabulaire()
    filtres = {}
    for nom, connus in (("rubrique", vocab["rubriques"]), ("besoin", vocab["besoins"])):
        valeurs = request.args.getlist(nom)
        inconnues = [v for v in valeurs if v not in connus]
        if inconnues:
            return erreur_clara(400, nom, f"Valeur inconnue pour le filtre {nom!r} : {inconnues[0]!r}.", list(connus))
        filtres[nom] = set(valeurs)
    rubriques, besoins = filtres["rubrique"], filtres["besoin"]
    aides = [
        fiche
        for fiche in charger_catalogue().values()
        if (not rubriques or fiche["rubrique"] in rubriques) and (not besoins or besoins.intersection(fiche["besoins"]))
    ]
    lieux = [nom for nom in FILTRES_TERRITOIRE if nom in request.args]
    if len(lieux) > 1:
        return erreur_clara(400, lieux[1], f"Un seul filtre géographique à la fois : {lieux[0]!r} ou {lieux[1]!r}.", list(FILTRES_TERRITOIRE))
    for nom in lieux:
        valeurs = request.args.getlist(nom)
        if len(valeurs) != 1:
            return erreur_clara(400, nom, f"Le filtre {nom!r} prend une seule valeur.", codes_attendus(nom))
        aides = filtrer_par_territoire(aides, nom, valeurs[0])
        if aides is None:
            return erreur_clara(400, nom, f"Code inconnu pour le filtre {nom!r} : {valeurs[0]!r}.", codes_attendus(nom))
    return reponse_json({"total": len(aides), "aides": aides})


def fiche_aide(aide_id):
    catalogue = charger_catalogue()
    if aide_id not in catalogue:
        return erreur_clara(404, "id", f"Aucune aide « {aide_id} » dans le catalogue.", list(catalogue))
    return reponse_json(catalogue[aide_id])


def _aides_inconnues(aides):
    demandees = [aides] if isinstance(aides, str) else aides if isinstance(aides, list) else []
    catalogue = charger_catalogue()
    return [aide for aide in demandees if isinstance(aide, str) and aide not in catalogue]


def evaluation(systeme, evaluer):
    try:
        corps = lire_corps_json()
    except CorpsInvalide as erreur:
        return erreur_clara(erreur.statut, "(corps)", erreur.message, erreur.attendu)
    attendu_corps = '{"situation": {...}, "periode": "AAAA-MM", "personne"?, "rubriques"?, "besoins"?, "aides"?, "detail"?}'
    if not isinstance(corps, dict):
        return erreur_clara(400, "(corps)", "Le corps doit être un objet JSON.", attendu_corps)
    inconnus = [cle for cle in corps if cle not in CHAMPS_EVALUATION]
    if inconnus:
        return erreur_clara(400, inconnus[0], f"Champ inconnu : {inconnus[0]!r}.", list(CHAMPS_EVALUATION))
    for requis in ("situation", "periode"):
        if requis not in corps:
            return erreur_clara(400, requis, f"Le champ {requis!r} est obligatoire.", attendu_corps)
    inconnues = _aides_inconnues(corps.get("aides"))
    if inconnues:
        return erreur_clara(404, "aides", f"Aide inconnue : {inconnues[0]!r}.", list(charger_catalogue()))
    try:
        resultat = evaluer(**{"detail": DETAIL_PAR_DEFAUT, **corps})
    except ErreurEntree as erreur:
        return reponse_json(erreur.en_json(), 400)
    except SituationParsingError as erreur:  # normalement converties par evaluer ; filet de sécurité
        return reponse_json(depuis_openfisca(erreur, systeme, corps["situation"]).en_json(), 400)
    except PeriodMismatchError as erreur:
        return erreur_clara(400, erreur.variable_name, str(erreur), str(erreur.definition_period))
    return reponse_json(resultat)


# --- Erreurs HTTP en JSON ----------------------------------------------------------------------------


def _reponse_erreur_http(erreur):
    if erreur.response is not None:  # abort(make_response(...)) d'OpenFisca : déjà une réponse JSON
        return erreur.response
    chemin = request.path
    if erreur.code == 405:
        methodes = sorted(set(erreur.valid_methods or []) - {"HEAD", "OPTIONS"})
        message = f"Method Not Allowed: {request.method} {chemin}; allowed: {', '.join(methodes)}."
        attendu = " ou ".join(methodes)
    elif erreur.code == 404 and request.endpoint == "get_variable":
        message = f"Variable '{request.view_args['id']}' not found in the loaded tax and benefit system; see /variables."
        attendu = "un nom de /variables"
    elif erreur.code == 404 and request.endpoint == "get_parameter":
        message = f"Parameter '{request.view_args['parameter_id']}' not found in the loaded tax and benefit system; see /parameters."
        attendu = "un identifiant de /parameters"
    elif erreur.code == 404:
        attendu = sorted({regle.rule for regle in current_app.url_map.iter_rules() if regle.endpoint != "static"})
        message = f"Not Found: no route '{chemin}' (routes: {', '.join(attendu)})."
    else:
        message = f"{erreur.name}: {erreur.description}"
        attendu = "voir /spec"
    if chemin.startswith(ROUTES_CLARA):
        champ = "méthode" if erreur.code == 405 else "route"
        return erreur_clara(erreur.code, champ, message, attendu)
    return _json_openfisca({"error": message}, erreur.code or 500)


# --- La spécification OpenAPI ------------------------------------------------------------------------


def _openapi(schema):
    """JSON Schema (draft 2020-12) du catalogue → schéma OpenAPI 3.0 (ni `const` ni type `null`)."""
    if isinstance(schema, list):
        return [_openapi(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    schema = dict(schema)
    if "const" in schema:
        schema["enum"] = [schema.pop("const")]
    if "oneOf" in schema:
        options = [s for s in schema["oneOf"] if s != {"type": "null"}]
        if len(options) < len(schema["oneOf"]):
            schema["nullable"] = True
            if len(options) == 1:
                del schema["oneOf"]
                schema.update(options[0])
            else:
                schema["oneOf"] = options
    for cle in ("properties",):
        if cle in schema:
            schema[cle] = {nom: _openapi(s) for nom, s in schema[cle].items()}
    for cle in ("items", "oneOf"):
        if cle in schema:
            schema[cle] = _openapi(schema[cle])
    return schema


_DATE = r"[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
# Les clés de période qu'OpenFisca lit : ETERNITY, AAAA, AAAA-MM, AAAA-MM-JJ, unité:début[:taille].
MOTIF_PERIODE = rf"^(ETERNITY|eternity|{_DATE}|(year|month|day):{_DATE}(:[1-9]\d{{0,2}})?)$"
MOTIF_MOIS_EVALUE = r"^(200[5-9]|201\d|202\d|2030)-(0[1-9]|1[0-2])$"  # evaluation.PERIODE_MINIMALE à PERIODE_MAXIMALE


def _nullable(schema):
    return {**schema, "nullable": True}


def _spec_fidele(spec):
    """La spécification d'openfisca_web_api, corrigée pour dire ce que le serveur accepte et répond vraiment
    (trouvé par schemathesis, tests/python/test_fuzz_api.py) :

    * entrées : au moins un individu ; identifiants non vides, sans « / » ; clés de période au format
      d'OpenFisca ; `null` (variable demandée) permis pour chaque variable ;
    * réponses : `description` peut être `null` (variables et paramètres sans libellé), `defaultValue` suit
      le type de la variable (nombre, booléen, texte), l'`id` d'un paramètre est un texte ;
    * codes : 413 (budget, corps trop gros), 415 (corps non JSON) sur les routes de calcul.
    """
    schemas = spec["components"]["schemas"]
    for nom in ("SituationInput", "SituationOutput"):
        for pluriel, propriete in schemas[nom]["properties"].items():
            propriete["propertyNames"] = {"pattern": MOTIF_IDENTIFIANT}
            if pluriel == "individus" and nom == "SituationInput":
                propriete["minProperties"] = 1
    schemas["SituationInput"]["required"] = ["individus"]
    entites = {propriete["additionalProperties"]["$ref"].rsplit("/", 1)[1] for propriete in schemas["SituationInput"]["properties"].values()}
    for entite in entites:
        for propriete in schemas[entite]["properties"].values():
            if propriete.get("type") == "array":  # un rôle : des identifiants d'individus
                propriete["items"] = {**propriete.get("items", {}), "pattern": MOTIF_IDENTIFIANT}
            elif isinstance(propriete.get("additionalProperties"), dict):
                propriete["propertyNames"] = {"pattern": MOTIF_PERIODE}
                propriete["additionalProperties"] = _nullable(propriete["additionalProperties"])
    libelle = {"properties": {"description": _nullable({"type": "string"}), "href": {"type": "string"}}, "type": "object"}
    schemas["Variables"]["additionalProperties"] = libelle
    schemas["Parameters"]["additionalProperties"] = copy.deepcopy(libelle)
    variable = schemas["Variable"]["properties"]
    variable["description"] = _nullable({"type": "string"})
    formule = copy.deepcopy(schemas["Formula"])  # null : la formule cesse à cette date
    variable["formulas"] = {"type": "object", "additionalProperties": _nullable(formule)}
    variable["defaultValue"] = {"oneOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}], "description": "Du type de la variable"}
    parametre = schemas["Parameter"]["properties"]
    parametre["id"] = {"type": "string"}
    parametre["description"] = _nullable({"type": "string"})
    # Une valeur datée null : le paramètre cesse d'exister à cette date (ou n'est pas connu, « à vérifier »).
    schemas["Value"] = {"oneOf": [*schemas["Value"]["oneOf"], {"type": "string"}], "nullable": True}
    schemas["Brackets"]["additionalProperties"] = _nullable(schemas["Brackets"]["additionalProperties"])
    parametre["brackets"] = {"type": "object", "additionalProperties": _nullable(copy.deepcopy(schemas["Brackets"]))}  # null : le barème cesse
    erreur = {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErreurClara"}}}}
    for route in ("/calculate", "/trace"):
        reponses = spec["paths"][route]["post"]["responses"]
        code = int if all(isinstance(c, int) for c in reponses) else str  # les clés d'OpenFisca sont des entiers (YAML)
        reponses.setdefault(code(413), {**erreur, "description": "Requête trop coûteuse (budget de calcul) ou corps trop gros : utiliser `clara lot`"})
        reponses.setdefault(code(415), {"description": "Le corps n'est pas du JSON"})
    return spec


def completer_spec(spec, exemple, periode):
    spec["info"] = info_spec(spec["info"])
    vocab = vocabulaire()
    catalogue = charger_catalogue()
    erreur = {"$ref": "#/components/schemas/ErreurClara"}
    reponse_erreur = {"content": {"application/json": {"schema": erreur}}}
    schemas = spec["components"]["schemas"]
    schemas["Fiche"] = _openapi(SCHEMA_FICHE)
    schemas["Fiches"] = {
        "type": "object",
        "properties": {"total": {"type": "integer"}, "aides": {"type": "array", "items": {"$ref": "#/components/schemas/Fiche"}}},
    }
    schemas["ErreurClara"] = {
        "type": "object",
        "required": ["erreur"],
        "properties": {
            "erreur": {
                "type": "object",
                "required": ["champ", "message", "attendu"],
                "properties": {
                    "champ": {"type": "string", "description": "Le champ fautif (chemin pointé, ex. situation.individus.p.age.2025-06)"},
                    "message": {"type": "string"},
                    "attendu": {
                        "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                        "nullable": True,
                        "description": "Ce qui était attendu : une forme, ou la liste des valeurs possibles",
                    },
                },
            }
        },
    }
    schemas["EvaluationInput"] = {
        "type": "object",
        "required": ["situation", "periode"],
        "additionalProperties": False,
        "properties": {
            "situation": {"$ref": "#/components/schemas/SituationInput"},
            "periode": {"type": "string", "pattern": MOTIF_MOIS_EVALUE, "description": "Le mois évalué, AAAA-MM, de 2005-01 à 2030-12"},
            "personne": {"type": "string", "description": "L'identifiant de la personne évaluée dans `individus` (par défaut, la seule ou la première)"},
            "rubriques": {"type": "array", "items": {"type": "string", "enum": list(vocab["rubriques"])}},
            "besoins": {"type": "array", "items": {"type": "string", "enum": list(vocab["besoins"])}},
            "aides": {"type": "array", "items": {"type": "string", "enum": list(catalogue)}},
            "detail": {
                "type": "string",
                "enum": ["resume", "complet"],
                "default": DETAIL_PAR_DEFAUT,
                "description": "« resume » : statut, montant et unité, raisons (critères non remplis ou inconnus) ; « complet » : la fiche entière et tous les critères",
            },
        },
        "example": {"situation": exemple, "periode": periode},
    }
    texte, nombre, liste_textes = {"type": "string"}, {"type": "number"}, {"type": "array", "items": {"type": "string"}}
    statut = {"type": "string", "enum": ["eligible", "a_verifier", "non_eligible"]}
    schemas["Critere"] = {
        "type": "object",
        "properties": {
            "variable": texte,
            "label": {"type": "string", "description": "La condition, en français"},
            "valeur": {"type": "string", "enum": ["vrai", "inconnu", "faux"]},
            "symbole": texte,
            "faits_manquants": {**liste_textes, "description": "Les entrées à renseigner pour trancher (aide à vérifier)"},
        },
    }
    schemas["AideEvaluee"] = {
        "type": "object",
        "description": "L'aide, son statut et son montant ; avec `detail: complet`, la fiche entière (sans `variables` ni `references`) et tous ses critères.",
        "properties": {
            "id": texte,
            "label": texte,
            "statut": statut,
            "montant": {**nombre, "nullable": True, "description": "En euros ; null pour une aide sans montant"},
            "montant_est_maximum": {"type": "boolean"},
            "unite_montant": {**texte, "nullable": True},
            "base_jours": {**texte, "nullable": True},
            "periodicite": texte,
            "raisons": {
                **liste_textes,
                "description": "Réponse « resume » : les critères non remplis (aide non éligible) ou encore inconnus (aide à vérifier)",
            },
            "criteres": {"type": "array", "items": {"$ref": "#/components/schemas/Critere"}, "description": "Réponse « complet » : tous les critères"},
            "faits_manquants": liste_textes,
        },
        "additionalProperties": True,
    }
    schemas["EvaluationOutput"] = {
        "type": "object",
        "properties": {
            "periode": texte,
            "personne": texte,
            "versions": {"type": "object", "additionalProperties": texte},
            "resume": {"type": "object", "properties": {s: {"type": "integer"} for s in statut["enum"]}},
            "avertissements": {
                "type": "array",
                "description": (
                    "Les entrées données seulement pour d'autres périodes que le mois évalué : elles ne sont pas lues "
                    "(liste vide sinon). `periodes` : les périodes données ; `chemin` : où donner la valeur pour le mois évalué."
                ),
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string", "enum": ["periode_non_evaluee"]},
                        "variable": texte,
                        "entite": texte,
                        "identifiant": texte,
                        "periodes": liste_textes,
                        "periode_evaluee": texte,
                        "chemin": texte,
                        "message": texte,
                    },
                },
            },
            "rubriques": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": texte, "label": texte, "aides": {"type": "array", "items": {"$ref": "#/components/schemas/AideEvaluee"}}},
                },
            },
            "questions": {
                "type": "array",
                "description": "Les faits encore inconnus, de la question la plus utile à la moins utile",
                "items": {
                    "type": "object",
                    "properties": {"variable": texte, "entite": texte, "question": texte, "aides": liste_textes, "chemin": texte, "type": texte},
                    "additionalProperties": True,
                },
            },
        },
    }
    spec.setdefault("tags", []).append({"name": "Clara", "description": "Le catalogue des aides au retour à l'emploi et leur évaluation."})
    spec["paths"]["/aides"] = {
        "get": {
            "summary": "Le catalogue des aides, filtrable par rubrique, par besoin et par lieu (un seul filtre géographique)",
            "tags": ["Clara"],
            "operationId": "listerAides",
            "parameters": [
                {
                    "name": "rubrique",
                    "in": "query",
                    "required": False,
                    "explode": True,
                    "schema": {"type": "array", "items": {"type": "string", "enum": list(vocab["rubriques"])}},
                    "description": "Garder les aides de ces rubriques (répétable)",
                },
                {
                    "name": "besoin",
                    "in": "query",
                    "required": False,
                    "explode": True,
                    "schema": {"type": "array", "items": {"type": "string", "enum": list(vocab["besoins"])}},
                    "description": "Garder les aides qui répondent à au moins un de ces besoins (répétable)",
                },
                *(
                    {"name": nom, "in": "query", "required": False, "schema": {"type": "string", "pattern": motif}, "description": description}
                    for nom, motif, description in (
                        (
                            "depcom",
                            "^(\\d{5}|2[AB]\\d{3})$",
                            "Les aides qui existent dans cette commune (code INSEE) : nationales, de sa région, de son département, de son EPCI, d'elle-même",
                        ),
                        ("departement", "^(\\d{2}|2[AB]|97\\d)$", "Les aides qui existent dans ce département (code INSEE), ou dans l'une de ses communes"),
                        (
                            "region",
                            "^\\d{2}$",
                            "Les aides qui existent dans cette région (code INSEE : 75, 01 pour la Guadeloupe), ou dans l'un de ses territoires",
                        ),
                    )
                ),
            ],
            "responses": {
                "200": {"description": "Les fiches retenues", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fiches"}}}},
                "400": {"description": "Filtre ou valeur de filtre inconnus", **reponse_erreur},
            },
        }
    }
    spec["paths"]["/aides/{aideID}"] = {
        "get": {
            "summary": "La fiche d'une aide",
            "tags": ["Clara"],
            "operationId": "ficheAide",
            "parameters": [{"name": "aideID", "in": "path", "required": True, "schema": {"type": "string", "enum": list(catalogue)}}],
            "responses": {
                "200": {"description": "La fiche", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fiche"}}}},
                "404": {"description": "Aucune aide de cet identifiant", **reponse_erreur},
            },
        }
    }
    spec["paths"]["/evaluation"] = {
        "post": {
            "summary": "Évaluer une situation : le statut, le montant, les critères et les questions ouvertes de chaque aide",
            "tags": ["Clara"],
            "operationId": "evaluation",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluationInput"}}}},
            "responses": {
                "200": {"description": "L'évaluation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluationOutput"}}}},
                "400": {"description": "Entrée invalide (JSON, champ, situation, période) : le champ fautif et ce qui était attendu", **reponse_erreur},
                "404": {"description": "Une aide demandée dans `aides` n'existe pas", **reponse_erreur},
                "413": {"description": "Plus d'individus qu'un foyer (population : `clara lot`), ou corps trop gros", **reponse_erreur},
                "415": {"description": "Le corps n'est pas du JSON", **reponse_erreur},
            },
        }
    }
    return _spec_fidele(spec)


# --- Une situation d'exemple : chaque aide du catalogue, statut et montant ---------------------------


def mois_courant():
    return datetime.date.today().strftime("%Y-%m")


def situation_exemple(systeme, periode=None):
    """Une personne inscrite à France Travail avec un projet d'entretien, et, demandés (null),
    le statut et le montant de chaque aide du catalogue. Sert d'exemple à /spec, de chauffe et au banc."""
    periode = periode or mois_courant()
    entrees = {
        "individus": {
            "date_naissance": {"ETERNITY": "1995-03-14"},
            "inscription_france_travail": {periode: "oui"},
            "date_inscription_france_travail": {periode: "2024-01-15"},
            "categorie_demandeur_emploi": {periode: "categorie_1"},
            "percoit_are": {periode: "oui"},
            "allocation_chomage_journaliere": {periode: 31.5},
            "projet_type": {periode: "entretien_embauche"},
            "projet_contrat_type": {periode: "cdi"},
            "projet_lieu": {periode: "france_metropolitaine"},
            "projet_date_debut": {periode: f"{periode}-20"},
            "projet_distance_aller_retour_km": {periode: 140},
            "projet_duree_trajet_aller_retour_minutes": {periode: 150},
        },
        "menages": {"depcom": {periode: "33063"}},
    }
    situation = {
        "individus": {"demandeur": {}},
        "familles": {"famille": {"parents": ["demandeur"]}},
        "foyers_fiscaux": {"foyer_fiscal": {"declarants": ["demandeur"]}},
        "menages": {"menage": {"personne_de_reference": ["demandeur"]}},
    }
    for pluriel, variables in entrees.items():
        instance = next(iter(situation[pluriel].values()))
        instance.update({nom: valeurs for nom, valeurs in variables.items() if nom in systeme.variables})
    for fiche in charger_catalogue().values():
        for role in ("statut", "montant"):
            nom = fiche["variables"][role]
            variable = systeme.variables.get(nom) if nom else None
            if variable is not None:
                next(iter(situation[variable.entity.plural].values()))[nom] = {periode: None}
    return situation


# --- L'application -----------------------------------------------------------------------------------


def creer_application(systeme=None, evaluer=None):
    """L'application Flask : OpenFisca standard + routes Clara + erreurs JSON. Le système est construit
    une fois (`construire_systeme()`) si on ne le donne pas ; `evaluer` vient d'`openfisca_clara_api.evaluation`."""
    systeme = systeme or construire_systeme()
    if evaluer is None:
        from openfisca_clara_api.evaluation import evaluer as evaluer_

        evaluer = functools.partial(evaluer_, systeme=systeme)  # /evaluation calcule avec le système servi (extensions comprises)
    periode = mois_courant()
    exemple = situation_exemple(systeme, periode)
    # L'exemple d'openfisca-france coûte ≈ 13 s à chaque démarrage (il calcule la taxe d'habitation) :
    # le nôtre est léger et parle de nos aides. Nouveau dict : celui d'openfisca-france n'est pas modifié.
    sans_exemple = {k: v for k, v in systeme.open_api_config.items() if k != "simulation_example"}
    accueil = "API OpenFisca d'openfisca-france et openfisca-clara (aides au retour à l'emploi). Spécification : /spec."
    systeme.open_api_config = {**sans_exemple, "simulation_example": exemple}
    try:
        app = creer_application_openfisca(systeme, welcome_message=accueil)
    except Exception:  # une formule cassée (en calcul ou en trace) ne doit pas empêcher de servir le reste
        logging.getLogger(__name__).exception("L'exemple OpenAPI (calculate + trace) échoue : /spec sera servie sans exemple.")
        systeme.open_api_config = sans_exemple
        app = creer_application_openfisca(systeme, welcome_message=accueil)
    completer_spec(donnees_openfisca(app)["openAPI_spec"], copy.deepcopy(exemple), periode)

    brancher_constructeur(ConstructeurSimulation)  # utilisé par handlers.calculate et handlers.trace
    app.view_functions["calculate"] = lambda: _calcul_openfisca(systeme, handlers.calculate)
    app.view_functions["trace"] = lambda: _calcul_openfisca(systeme, handlers.trace)
    app.add_url_rule("/aides", "lister_aides", lister_aides, methods=["GET"])
    app.add_url_rule("/aides/<aide_id>", "fiche_aide", fiche_aide, methods=["GET"])
    app.add_url_rule("/evaluation", "evaluation", lambda: evaluation(systeme, evaluer), methods=["POST"])
    brancher_page(app)  # GET / : la page de Clara pour un navigateur (openfisca_clara_api/page/)
    app.register_error_handler(HTTPException, _reponse_erreur_http)
    app.config["CLARA_EXEMPLE"] = {"situation": exemple, "periode": periode}
    app.config["MAX_CONTENT_LENGTH"] = 20 * 2**20  # 413 en JSON au-delà (≈ 10 000 ménages)
    # Réponses JSON compressées quand le client l'accepte (Accept-Encoding), au-delà de 1 Kio.
    app.config.update(COMPRESS_MIMETYPES=["application/json"], COMPRESS_MIN_SIZE=1024, COMPRESS_ALGORITHM=["gzip", "br", "zstd", "deflate"])
    Compress(app)
    app.wsgi_app = IdentiteWSGI(app.wsgi_app)  # en-têtes Country-Package : openfisca-clara et sa version
    return proteger(app)


# --- Le serveur ----------------------------------------------------------------------------------------


def rechauffer(app):
    """Un /calculate léger et une /evaluation avant le fork : imports paresseux, caches de paramètres,
    premiers appels de formules ; les workers en héritent."""
    client = app.test_client()
    exemple = app.config["CLARA_EXEMPLE"]
    client.post("/calculate", json=copy.deepcopy(exemple["situation"]))
    client.post("/evaluation", json=copy.deepcopy(exemple))
