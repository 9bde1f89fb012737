"""La spécification OpenAPI (`/spec`) dit vrai : schemathesis génère des requêtes depuis elle et chaque
réponse de l'application (WSGI, en processus) doit être conforme à la spécification servie.

Pour chaque opération : pas d'erreur 5xx, un code de statut documenté, le type de contenu documenté, un corps
conforme à son schéma (issue #12 : `/trace` avec un identifiant vide donnait 500 ; `description: null` et
`defaultValue: false` contredisaient la spécification).

Le coût : générer depuis les schémas d'entités complets (≈ 3 700 variables d'openfisca-france) coûte ≈ 50 ms par
cas. Les corps sont donc générés depuis une copie de la spécification où chaque entité garde un sous-ensemble de
quelques dizaines de ses variables (statuts et montants d'aides, entrées de l'extension, quelques-unes d'openfisca-france) et
où les identifiants de /variable et /parameter sont tirés parmi des noms réels : tout cas généré est aussi un cas
de la spécification servie, et chaque réponse est validée contre la spécification servie, complète.
"""

import copy
import random
import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from openfisca_clara_api.serveur import VARIABLES_LOURDES
from openfisca_clara_api.web import MOTIF_MOIS_EVALUE, creer_application

# Cas générés par opération : ≥ 2 000 en tout (issue #12), en moins d'une minute sur 2 cœurs chargés.
CAS = {
    "POST /evaluation": 400,
    "POST /calculate": 400,
    "POST /trace": 150,
    "GET /aides": 220,
    "GET /aides/{aideID}": 100,
    "GET /variable/{variableID}": 400,
    "GET /parameter/{parameterID}": 400,
    "GET /variables": 1,
    "GET /parameters": 1,
    "GET /entities": 1,
}
VERIFICATIONS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
SANS_COMPRESSION = {"Accept-Encoding": "identity"}  # le transport WSGI ne décompresse pas
FRANCE_GARDEES = ("age", "date_naissance", "salaire_de_base", "depcom", "activite", "statut_marital", "loyer", "nb_parents")
# Générer des clés depuis les motifs (expressions rationnelles) de la spécification coûte cher : des clés tirées de
# listes qui respectent ces motifs, valides ou non pour OpenFisca (périodes hors de la variable, dates impossibles).
PERIODES = [
    "2025-06",
    "2026-12",
    "2025",
    "ETERNITY",
    "month:2025-06",
    "year:2025",
    "2025-06-15",
    "day:2025-06-01",
    "month:2025-01:3",
    "1999-12",
    "2999-01",
    "2025-02-31",
]
IDENTIFIANTS = ["demandeur", "conjoint", "enfant", "0", "é ü", "x" * 40]
comptes = {}
APPEL = [0, 0]


@pytest.fixture(scope="module")
def app(systeme):
    return creer_application(systeme)


@pytest.fixture(scope="module")
def spec(app):
    reponse = app.test_client().get("/spec")
    assert reponse.status_code == 200
    return reponse.json


@pytest.fixture(scope="module")
def servie(app):
    return schemathesis.openapi.from_wsgi("/spec", app)


def _allegee(spec, systeme):
    """La spécification, chaque entité réduite à quelques dizaines de variables, les identifiants tirés de vrais noms."""
    from openfisca_clara_api.bench import variables_des_aides, variables_extension

    spec = copy.deepcopy(spec)
    tirage = random.Random(12)
    extension = variables_extension(systeme)
    entrees = sorted(nom for nom, variable in extension.items() if variable.is_input_variable())
    aides = variables_des_aides(systeme)
    gardees = set(tirage.sample(aides, 16)) | set(tirage.sample(entrees, min(30, len(entrees)))) | set(FRANCE_GARDEES)
    gardees -= VARIABLES_LOURDES
    schemas = spec["components"]["schemas"]
    for entite in ("Individu", "Famille", "Foyer_Fiscal", "Menage"):
        proprietes = schemas[entite]["properties"]
        schemas[entite]["properties"] = {nom: s for nom, s in proprietes.items() if nom in gardees or s.get("type") == "array"}
        for propriete in schemas[entite]["properties"].values():
            if "propertyNames" in propriete:
                propriete["propertyNames"] = {"enum": PERIODES}
            else:
                propriete["items"] = {"type": "string", "enum": IDENTIFIANTS}
    for nom in ("SituationInput",):
        for propriete in schemas[nom]["properties"].values():
            propriete["propertyNames"] = {"enum": IDENTIFIANTS}
    noms_variables = sorted(systeme.variables)
    sans_description = [nom for nom, v in systeme.variables.items() if not v.label]
    booleens = [nom for nom, v in systeme.variables.items() if v.value_type is bool]
    echantillon = tirage.sample(noms_variables, 250) + sans_description[:40] + booleens[:40] + sorted(extension)[:60]
    _enumerer(spec["paths"]["/variable/{variableID}"]["get"], "variableID", sorted(set(echantillon)) + ["inconnue"])
    parametres = sorted(_feuilles(systeme.parameters))
    _enumerer(spec["paths"]["/parameter/{parameterID}"]["get"], "parameterID", sorted(set(tirage.sample(parametres, 400))) + ["clara", "inconnu"])
    return spec


def _enumerer(operation, nom, valeurs):
    for parametre in operation["parameters"]:
        if parametre["name"] == nom:
            parametre["schema"] = {"type": "string", "enum": valeurs}


def _feuilles(noeud, prefixe=""):
    for nom, enfant in getattr(noeud, "children", {}).items():
        chemin = f"{prefixe}{nom}"
        yield chemin
        yield from _feuilles(enfant, chemin + ".")


@pytest.fixture(scope="module")
def generatrice(spec, systeme, app):
    return schemathesis.openapi.from_dict(_allegee(spec, systeme))


@pytest.mark.parametrize("operation", list(CAS))
def test_la_spec_dit_vrai(operation, servie, generatrice, app):
    methode, chemin = operation.split(" ")
    source, cible = generatrice[chemin][methode], servie[chemin][methode]
    vus = []

    @settings(
        max_examples=CAS[operation], deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck), phases=["explicit", "generate"]
    )
    @given(source.as_strategy())
    def essayer(cas):
        # Le même cas, rejoué sur l'opération de la spécification servie : c'est contre elle que la réponse est validée.
        reel = cible.Case(
            path_parameters=cas.path_parameters,
            query=cas.query,
            headers={**(cas.headers or {}), **SANS_COMPRESSION},
            body=cas.body,
            media_type=cas.media_type,
        )
        t = time.perf_counter()
        reponse = reel.call(app=app)
        t2 = time.perf_counter()
        vus.append(reponse.status_code)
        reel.validate_response(reponse, checks=VERIFICATIONS)
        APPEL[0] += t2 - t
        APPEL[1] += time.perf_counter() - t2

    debut = time.perf_counter()
    essayer()
    comptes[operation] = (len(vus), time.perf_counter() - debut)
    import collections

    print(operation, APPEL, collections.Counter(vus))
    APPEL[:] = [0, 0]
    assert vus and max(vus) < 500


def test_au_moins_2000_cas_generes():
    if len(comptes) < len(CAS):
        pytest.skip("seulement avec toutes les opérations")
    total = sum(n for n, _ in comptes.values())
    print({op: f"{n} cas, {t:.1f} s" for op, (n, t) in comptes.items()})
    assert total >= 2000, comptes


def test_mois_evalue_de_la_spec_et_du_serveur():
    import re

    from openfisca_clara_api.evaluation import PERIODE_MAXIMALE, PERIODE_MINIMALE

    mois = [f"{a:04d}-{m:02d}" for a in range(1990, 2041) for m in range(0, 14)]
    acceptes = [m for m in mois if re.match(MOTIF_MOIS_EVALUE, m)]
    assert acceptes[0] == PERIODE_MINIMALE and acceptes[-1] == PERIODE_MAXIMALE
    assert len(acceptes) == (2030 - 2005 + 1) * 12


@pytest.mark.parametrize("identifiant", ["", "a/b"])
@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_identifiant_vide_ou_avec_barre_400(app, route, identifiant):
    reponse = app.test_client().post(route, json={"individus": {identifiant: {"age": {"2025-06": None}}}})
    assert reponse.status_code == 400, reponse.data
    assert "Invalid id" in reponse.json["individus"][identifiant]


def test_identifiant_invalide_sur_evaluation(app):
    corps = {"situation": {"individus": {"a/b": {}}}, "periode": "2025-06"}
    reponse = app.test_client().post("/evaluation", json=corps)
    assert reponse.status_code == 400 and reponse.json["erreur"]["champ"] == "individus.a/b"


def test_cle_de_periode_vide_400(app):
    reponse = app.test_client().post("/trace", json={"individus": {"p": {"age": {"": None}}}})
    assert reponse.status_code == 400 and "Empty period key" in reponse.json["individus"]["p"]["age"]


def test_la_spec_dit_ce_que_le_serveur_refuse(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["SituationInput"]["required"] == ["individus"]
    assert schemas["SituationInput"]["properties"]["individus"]["minProperties"] == 1
    assert schemas["EvaluationInput"]["properties"]["periode"]["pattern"] == MOTIF_MOIS_EVALUE
    age = schemas["Individu"]["properties"]["age"]
    assert age["additionalProperties"]["nullable"] and "pattern" in age["propertyNames"]
