"""L'API web : routes OpenFisca inchangées, routes Clara, erreurs 4xx en JSON qui nomment le champ fautif.

Client de test Flask (pas de réseau), une application pour la session, construite sur le système de session.
Le vrai serveur (waitress) est lancé par test_serveur.py.
"""

import copy
import gzip
import json
from importlib.resources import files

import pytest
from openfisca_core.scripts import build_tax_benefit_system
from openfisca_core.simulations import SimulationBuilder

from openfisca_clara_api.catalogue import charger_catalogue, vocabulaire
from openfisca_clara_api.exemples import periode_demandee
from openfisca_clara_api.web import creer_application

PERIODE = "2025-06"
EXEMPLES = sorted(p for p in (files("openfisca_clara") / "situation_examples").iterdir() if p.name.endswith(".json"))


@pytest.fixture(scope="session")
def app(systeme):
    return creer_application(systeme)


@pytest.fixture(scope="session")
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def exemple(app):
    return app.config["CLARA_EXEMPLE"]


def situation(individu=None, menage=None):
    return {
        "individus": {"p": individu or {}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
        "menages": {"m": {"personne_de_reference": ["p"], **(menage or {})}},
    }


def fiche_mobilite():
    return charger_catalogue()["aide_mobilite"]["variables"]


# --- Routes standard d'OpenFisca ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "chemin",
    [
        "/spec",
        "/variables",
        "/variable/inscription_france_travail",
        "/variable/age",
        "/parameters",
        "/parameter/clara.france_travail.aide_mobilite.ouvert",
        "/entities",
    ],
)
def test_les_routes_get_d_openfisca_repondent(client, chemin):
    reponse = client.get(chemin)
    assert reponse.status_code == 200, reponse.get_data(as_text=True)[:500]
    assert reponse.is_json


def test_variable_de_l_extension_decrite_comme_par_openfisca(client):
    statut = fiche_mobilite()["statut"]
    corps = client.get(f"/variable/{statut}").get_json()
    assert corps["id"] == statut and corps["definitionPeriod"] == "MONTH"
    assert set(corps["possibleValues"]) == {"non_eligible", "a_verifier", "eligible"}
    assert statut in client.get("/variables").get_json()


@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_calculate_et_trace(client, exemple, route):
    reponse = client.post(route, json=copy.deepcopy(exemple["situation"]))
    assert reponse.status_code == 200, reponse.get_data(as_text=True)[:500]
    corps = reponse.get_json()
    if route == "/calculate":
        statut = corps["individus"]["demandeur"][fiche_mobilite()["statut"]][exemple["periode"]]
        assert statut in {"non_eligible", "a_verifier", "eligible"}
    else:
        assert corps["requestedCalculations"] and corps["trace"]


def test_calculate_garde_la_forme_d_openfisca(client):
    statut = fiche_mobilite()["statut"]
    corps = situation({"inscription_france_travail": {PERIODE: "oui"}, statut: {PERIODE: None}})
    reponse = client.post("/calculate", json=corps)
    assert reponse.status_code == 200
    attendu = copy.deepcopy(corps)
    resultat = reponse.get_json()
    attendu["individus"]["p"][statut][PERIODE] = resultat["individus"]["p"][statut][PERIODE]
    assert resultat == attendu
    assert reponse.headers["Country-Package"] == "openfisca-clara"


# --- Routes Clara -----------------------------------------------------------------------------------


def test_aides_liste_tout_le_catalogue_dans_l_ordre(client):
    corps = client.get("/aides").get_json()
    assert [fiche["id"] for fiche in corps["aides"]] == list(charger_catalogue())
    assert corps["total"] == len(charger_catalogue())


def test_aides_filtres_par_rubrique_et_besoin(client):
    catalogue = charger_catalogue()
    for rubrique in vocabulaire()["rubriques"]:
        ids = [f["id"] for f in client.get(f"/aides?rubrique={rubrique}").get_json()["aides"]]
        assert ids == [i for i, f in catalogue.items() if f["rubrique"] == rubrique]
    besoins = ["se_deplacer", "creer_entreprise"]
    ids = [f["id"] for f in client.get("/aides?besoin=se_deplacer&besoin=creer_entreprise").get_json()["aides"]]
    assert ids == [i for i, f in catalogue.items() if set(besoins) & set(f["besoins"])]
    ids = [f["id"] for f in client.get("/aides?rubrique=mobilite&besoin=se_former").get_json()["aides"]]
    assert ids == [i for i, f in catalogue.items() if f["rubrique"] == "mobilite" and "se_former" in f["besoins"]]


def _ids(client, requete):
    reponse = client.get(requete)
    assert reponse.status_code == 200, reponse.get_data(as_text=True)[:300]
    return {f["id"] for f in reponse.get_json()["aides"]}


def test_aides_filtrees_par_lieu(client):
    """?depcom, ?departement, ?region : les nationales toujours, les locales qui existent dans le lieu (issue 10)."""
    catalogue = charger_catalogue()
    nationales = {i for i, f in catalogue.items() if f["territoire"] == "national"}
    assert "clea_nouvelle_aquitaine" not in nationales
    bordeaux = _ids(client, "/aides?depcom=33063")
    assert nationales <= bordeaux and "clea_nouvelle_aquitaine" in bordeaux
    assert "clea_nouvelle_aquitaine" not in _ids(client, "/aides?depcom=59350")  # Lille
    assert "clea_nouvelle_aquitaine" in _ids(client, "/aides?departement=33")
    assert "clea_nouvelle_aquitaine" in _ids(client, "/aides?region=75")
    assert "clea_nouvelle_aquitaine" not in _ids(client, "/aides?region=32")
    assert _ids(client, "/aides?region=32&rubrique=mobilite") == {i for i in nationales if catalogue[i]["rubrique"] == "mobilite"} | {
        i
        for i, f in catalogue.items()
        if f["rubrique"] == "mobilite" and "hauts_de_france" in (f["territoire"] if isinstance(f["territoire"], dict) else {}).get("regions", ())
    }
    outre_mer = {i for i, f in catalogue.items() if isinstance(f["territoire"], dict) and f["territoire"].get("outre_mer")}
    assert outre_mer <= _ids(client, "/aides?depcom=97411") and not outre_mer & _ids(client, "/aides?depcom=75056")


@pytest.mark.parametrize(
    ("requete", "champ"),
    [
        ("/aides?depcom=99999", "depcom"),
        ("/aides?departement=00", "departement"),
        ("/aides?region=75&depcom=33063", "region"),
        ("/aides?region=75&region=32", "region"),
    ],
)
def test_un_lieu_inconnu_ou_deux_filtres_geographiques_donnent_un_400_qui_nomme_le_champ(client, requete, champ):
    reponse = client.get(requete)
    assert reponse.status_code == 400
    assert reponse.get_json()["erreur"]["champ"] == champ


def test_fiche_d_une_aide(client):
    for identifiant, fiche in charger_catalogue().items():
        reponse = client.get(f"/aides/{identifiant}")
        assert reponse.status_code == 200
        assert reponse.get_json() == fiche


def test_evaluation_repond(client, exemple):
    reponse = client.post("/evaluation", json=copy.deepcopy(exemple))
    assert reponse.status_code == 200, reponse.get_data(as_text=True)[:500]
    assert isinstance(reponse.get_json(), dict)


def _exemple_famille():
    return json.loads((files("openfisca_clara") / "situation_examples" / "mere_isolee_reprise_emploi.json").read_text(encoding="utf-8"))


def test_evaluation_resume_par_defaut_et_complet_sur_demande(client):
    corps = {"situation": _exemple_famille(), "periode": PERIODE}
    resume = _statut_et_json(client.post("/evaluation", json=copy.deepcopy(corps)), 200)
    complet = _statut_et_json(client.post("/evaluation", json={**copy.deepcopy(corps), "detail": "complet"}), 200)
    aides_resume = {a["id"]: a for r in resume["rubriques"] for a in r["aides"]}
    aides_complet = {a["id"]: a for r in complet["rubriques"] for a in r["aides"]}
    assert aides_resume.keys() == aides_complet.keys()
    assert resume["questions"] == complet["questions"]
    for identifiant, aide in aides_resume.items():
        entiere = aides_complet[identifiant]
        assert set(aide) == {"id", "label", "montant_est_maximum", "unite_montant", "statut", "montant", "raisons", "faits_manquants"}
        assert (aide["statut"], aide["montant"], aide["unite_montant"]) == (entiere["statut"], entiere["montant"], entiere["unite_montant"])
        decisive = {"eligible": None, "a_verifier": "inconnu", "non_eligible": "faux"}[aide["statut"]]
        assert aide["raisons"] == [c["label"] for c in entiere["criteres"] if c["valeur"] == decisive]
        assert aide["faits_manquants"] == entiere["faits_manquants"]
        assert aide["statut"] == "eligible" or aide["raisons"], identifiant  # une aide non éligible ou à vérifier dit pourquoi
    print(
        f"\n/evaluation de mere_isolee_reprise_emploi : resume {len(json.dumps(resume, ensure_ascii=False).encode())} o, complet {len(json.dumps(complet, ensure_ascii=False).encode())} o"
    )


def test_evaluation_detail_inconnu(client, exemple):
    erreur = _statut_et_json(client.post("/evaluation", json={**copy.deepcopy(exemple), "detail": "tout"}), 400)["erreur"]
    assert erreur["champ"] == "detail"
    assert erreur["attendu"] == ["resume", "complet"]


def test_evaluation_compressee_si_le_client_l_accepte(client):
    corps = {"situation": _exemple_famille(), "periode": PERIODE}
    brute = client.post("/evaluation", json=copy.deepcopy(corps))
    compressee = client.post("/evaluation", json=copy.deepcopy(corps), headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in brute.headers
    assert compressee.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(compressee.data)) == brute.get_json()
    assert len(compressee.data) < len(brute.data) / 3


def test_evaluation_personne_par_defaut_un_parent(client):
    """Un client peut trier les clés (le client de test de Flask le fait) : la personne par défaut reste la mère."""
    corps = {"situation": _exemple_famille(), "periode": PERIODE}
    assert sorted(corps["situation"]["individus"])[0] != "mere"
    assert _statut_et_json(client.post("/evaluation", json=corps), 200)["personne"] == "mere"


def test_la_spec_documente_les_routes_clara(client):
    spec = client.get("/spec").get_json()
    assert {"/aides", "/aides/{aideID}", "/evaluation"} <= set(spec["paths"])
    for route in ("/calculate", "/trace", "/variables", "/variable/{variableID}", "/parameters", "/parameter/{parameterID}", "/entities", "/spec"):
        assert route in spec["paths"]
    assert spec["paths"]["/evaluation"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/EvaluationInput"}
    # Toutes les références internes pointent vers un schéma défini.
    references = set()

    def parcourir(noeud):
        if isinstance(noeud, dict):
            for cle, valeur in noeud.items():
                if cle == "$ref":
                    references.add(valeur)
                else:
                    parcourir(valeur)
        elif isinstance(noeud, list):
            for valeur in noeud:
                parcourir(valeur)

    parcourir(spec["paths"])
    parcourir(spec["components"])
    for reference in references:
        morceaux = reference.removeprefix("#/").split("/")
        noeud = spec
        for morceau in morceaux:
            assert morceau in noeud, reference
            noeud = noeud[morceau]
    # L'exemple coûteux d'openfisca-france est remplacé par une situation légère qui parle de nos aides.
    exemple = spec["components"]["schemas"]["SituationOutput"]["example"]
    assert fiche_mobilite()["statut"] in exemple["individus"]["demandeur"]


# --- Erreurs : toujours 4xx, toujours JSON, le champ fautif nommé ------------------------------------


def _statut_et_json(reponse, code):
    assert reponse.status_code == code, reponse.get_data(as_text=True)[:500]
    assert reponse.mimetype == "application/json"
    return reponse.get_json()


def test_variable_inconnue(client):
    corps = _statut_et_json(client.post("/calculate", json=situation({"aide_inexistante": {PERIODE: None}})), 404)
    assert "aide_inexistante" in corps["individus"]["p"]


def test_mauvais_type(client):
    corps = _statut_et_json(client.post("/calculate", json=situation({"age": {PERIODE: "trente"}})), 400)
    assert "expected type integer" in corps["individus"]["p"]["age"][PERIODE]


@pytest.mark.parametrize(
    ("variable", "valeur", "entite"),
    [
        ("age_renseigne", "false", "individus"),  # numpy lirait « false » comme vrai
        ("depcom", 33063, "menages"),  # nombre pour un texte
        ("depcom", "330630", "menages"),  # tronqué en silence à 5 caractères
        ("projet_type", 99, "individus"),  # indice d'Enum hors bornes
        ("age", 30.5, "individus"),  # tronqué en silence
        ("age", 1e12, "individus"),  # débordement int32
        ("projet_distance_aller_retour_km", 1e400, "individus"),  # infini
        ("projet_distance_aller_retour_km", [12], "individus"),
    ],
)
def test_types_que_numpy_accepterait_en_silence(client, variable, valeur, entite):
    donnees = {variable: {PERIODE: valeur}}
    corps = situation(donnees) if entite == "individus" else situation(menage=donnees)
    brut = json.dumps(corps).replace("Infinity", "1e400")
    instance = "p" if entite == "individus" else "m"
    erreur = _statut_et_json(client.post("/calculate", data=brut, content_type="application/json"), 400)
    assert PERIODE in erreur[entite][instance][variable]


def test_valeur_d_enum_inconnue(client):
    corps = _statut_et_json(client.post("/calculate", json=situation({"projet_type": {PERIODE: "entretien"}})), 400)
    message = corps["individus"]["p"]["projet_type"][PERIODE]
    assert "'entretien' is not a known value" in message and "entretien_embauche" in message


def test_periode_invalide(client):
    corps = _statut_et_json(client.post("/calculate", json=situation({"age": {"2025-13": 30}})), 400)
    assert "2025-13" in corps["individus"]["p"]["age"]


@pytest.mark.parametrize("route", ["/calculate", "/trace"])
@pytest.mark.parametrize("periode", ["2025", "2025-06-01", "month:2025-01:3", "ETERNITY"])
def test_variable_mensuelle_demandee_pour_une_autre_periode(client, route, periode):
    statut = fiche_mobilite()["statut"]
    corps = _statut_et_json(client.post(route, json=situation({statut: {periode: None}})), 400)
    assert "month" in corps["individus"]["p"][statut][periode]


def test_variable_annuelle_demandee_pour_un_mois(client):
    corps = _statut_et_json(client.post("/calculate", json=situation({"revenu_assimile_salaire": {PERIODE: None}})), 400)
    assert "year" in corps["individus"]["p"]["revenu_assimile_salaire"][PERIODE]
    donnees = situation()
    donnees["foyers_fiscaux"]["ff"]["rfr"] = {PERIODE: None}
    corps = _statut_et_json(client.post("/calculate", json=donnees), 400)
    assert "year" in corps["foyers_fiscaux"]["ff"]["rfr"][PERIODE]


@pytest.mark.parametrize(
    ("brut", "type_contenu", "code"),
    [
        ('{"individus": {"p": {}', "application/json", 400),
        ('{"individus": {"p": {}}, "individus": {}}', "application/json", 400),
        ('{"individus": {"p": {"age": {"2025-06": NaN}}}}', "application/json", 400),
        ("", "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        ('{"individus": {"p": {}}}', "text/plain", 415),
        ('{"individus": {"p": {}}}', None, 415),
        ("null", "application/json", 400),
        ("[1, 2]", "application/json", 400),
    ],
)
@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_corps_invalide(client, route, brut, type_contenu, code):
    corps = _statut_et_json(client.post(route, data=brut, content_type=type_contenu), code)
    assert corps["error"]


def test_json_mal_forme_nomme_la_position(client):
    corps = _statut_et_json(client.post("/calculate", data='{"individus": }', content_type="application/json"), 400)
    assert "Invalid JSON" in corps["error"] and "column" in corps["error"]


@pytest.mark.parametrize(
    ("chemin", "nom"),
    [("/variable/nope", "nope"), ("/parameter/nope.nope", "nope.nope"), ("/nope", "/nope"), ("/aides/nope/fiche", "/aides/nope/fiche")],
)
def test_404_en_json(client, chemin, nom):
    corps = _statut_et_json(client.get(chemin), 404)
    assert nom in json.dumps(corps, ensure_ascii=False)


@pytest.mark.parametrize(("methode", "chemin"), [("get", "/calculate"), ("post", "/spec"), ("get", "/evaluation"), ("post", "/aides")])
def test_405_en_json(client, methode, chemin):
    corps = _statut_et_json(getattr(client, methode)(chemin), 405)
    assert "Method Not Allowed" in json.dumps(corps)


def test_aide_inconnue(client):
    corps = _statut_et_json(client.get("/aides/aide_inconnue"), 404)
    assert corps["erreur"]["champ"] == "id" and "aide_inconnue" in corps["erreur"]["message"]
    assert corps["erreur"]["attendu"] == list(charger_catalogue())


@pytest.mark.parametrize(
    ("requete", "champ"),
    [("/aides?categorie=mobilite", "categorie"), ("/aides?rubrique=mobilte", "rubrique"), ("/aides?besoin=voler", "besoin"), ("/aides?rubrique=", "rubrique")],
)
def test_filtre_inconnu(client, requete, champ):
    corps = _statut_et_json(client.get(requete), 400)
    assert corps["erreur"]["champ"] == champ and corps["erreur"]["attendu"]


def test_evaluation_aide_inconnue(client, exemple):
    corps = _statut_et_json(client.post("/evaluation", json={**copy.deepcopy(exemple), "aides": ["aide_mobilite", "aide_inconnue"]}), 404)
    assert corps["erreur"]["champ"] == "aides" and "aide_inconnue" in corps["erreur"]["message"]


@pytest.mark.parametrize(
    ("corps", "champ"),
    [
        ({"periode": PERIODE}, "situation"),
        ({"situation": situation()}, "periode"),
        ({"situation": situation(), "periode": PERIODE, "region": "x"}, "region"),
        ([1], "(corps)"),
    ],
)
def test_evaluation_champ_manquant_ou_inconnu(client, corps, champ):
    erreur = _statut_et_json(client.post("/evaluation", json=corps), 400)["erreur"]
    assert erreur["champ"] == champ and erreur["message"] and "attendu" in erreur


@pytest.mark.parametrize(
    ("brut", "type_contenu", "code"),
    [("{", "application/json", 400), ('{"situation": {}}', "text/plain", 415), ('{"a": 1, "a": 2}', "application/json", 400)],
)
def test_evaluation_corps_invalide(client, brut, type_contenu, code):
    erreur = _statut_et_json(client.post("/evaluation", data=brut, content_type=type_contenu), code)["erreur"]
    assert erreur["champ"] == "(corps)" and erreur["message"]


@pytest.mark.parametrize(
    ("modification", "fragment"),
    [
        (lambda c: c.update(periode="2025-13"), "periode"),
        (lambda c: c.update(periode="2025"), "periode"),
        (lambda c: c["situation"]["individus"]["demandeur"].update(agee={PERIODE: 30}), "agee"),
        (lambda c: c["situation"]["individus"]["demandeur"].update(projet_type={PERIODE: "entretien"}), "projet_type"),
        (lambda c: c["situation"]["individus"]["demandeur"].update(projet_distance_aller_retour_km={PERIODE: "loin"}), "projet_distance_aller_retour_km"),
    ],
)
def test_evaluation_entree_invalide(client, exemple, modification, fragment):
    corps = copy.deepcopy(exemple)
    modification(corps)
    erreur = _statut_et_json(client.post("/evaluation", json=corps), 400)["erreur"]
    assert fragment in erreur["champ"] and erreur["message"]


# --- Les exemples de situations : /evaluation et /calculate disent la même chose ---------------------


def _statuts_et_montants_evaluation(resultat):
    """{id d'aide: (statut, montant)} depuis la réponse d'/evaluation."""
    return {aide["id"]: (aide["statut"], aide["montant"]) for rubrique in resultat["rubriques"] for aide in rubrique["aides"]}


@pytest.mark.parametrize("fichier", EXEMPLES, ids=[f.name for f in EXEMPLES])
def test_exemple_evaluation_et_calculate_concordent(client, systeme, fichier):
    donnees = json.loads(fichier.read_text(encoding="utf-8"))
    periode = periode_demandee(donnees)
    personne = next(iter(donnees["individus"]))
    corps = {"situation": donnees, "periode": periode, "personne": personne}
    # json.dumps garde l'ordre du fichier (le `json=` du client de test trie les clés).
    evaluation = _statut_et_json(client.post("/evaluation", data=json.dumps(corps), content_type="application/json"), 200)
    assert evaluation["personne"] == personne
    attendus = _statuts_et_montants_evaluation(evaluation)

    situation_calcul = copy.deepcopy(corps["situation"])
    groupes = {}
    for pluriel, instances in situation_calcul.items():
        if pluriel == "individus":
            continue
        for identifiant, instance in instances.items():
            if any(personne in membres for membres in instance.values() if isinstance(membres, list)):
                groupes[pluriel] = identifiant
    place = {}
    for identifiant, fiche in charger_catalogue().items():
        for role in ("statut", "montant"):
            nom = fiche["variables"][role]
            if nom is None:
                continue
            pluriel = systeme.variables[nom].entity.plural
            instance = personne if pluriel == "individus" else groupes.get(pluriel)
            assert instance is not None, (fichier.name, nom)
            situation_calcul[pluriel][instance].setdefault(nom, {})[periode] = None
            place[identifiant, role] = (pluriel, instance, nom)
    calcul = _statut_et_json(client.post("/calculate", json=situation_calcul), 200)
    for identifiant in charger_catalogue():
        statut = calcul[place[identifiant, "statut"][0]][place[identifiant, "statut"][1]][place[identifiant, "statut"][2]][periode]
        montant = None
        if (identifiant, "montant") in place:
            pluriel, instance, nom = place[identifiant, "montant"]
            montant = calcul[pluriel][instance][nom][periode]
        assert identifiant in attendus, (fichier.name, identifiant)
        statut_evaluation, montant_evaluation = attendus[identifiant]
        assert statut_evaluation == statut, (fichier.name, identifiant)
        if montant is not None:
            assert montant_evaluation == pytest.approx(montant, abs=0.005), (fichier.name, identifiant)


# --- Le serveur tel que `openfisca serve` le construit (le vrai serveur : test_serveur.py) -----------


def test_le_systeme_d_openfisca_serve_calcule_nos_variables():
    """`openfisca serve --country-package openfisca_france --extensions openfisca_clara` construit le système ainsi."""
    systeme = build_tax_benefit_system("openfisca_france", ["openfisca_clara"], None)
    statut = fiche_mobilite()["statut"]
    simulation = SimulationBuilder().build_from_entities(systeme, situation({"inscription_france_travail": {PERIODE: "non"}}))
    assert simulation.calculate(statut, PERIODE).decode()[0].name == "non_eligible"


def test_evaluation_signale_les_entrees_d_un_autre_mois(client):
    corps = {"situation": {"individus": {"p": {"percoit_are": {"2025-05": "oui"}, "age_declare": {"2025-06": 40}}}}, "periode": "2025-06"}
    for detail in ("resume", "complet"):
        reponse = _statut_et_json(client.post("/evaluation", json={**copy.deepcopy(corps), "detail": detail}), 200)
        assert [(a["variable"], a["identifiant"], a["periodes"], a["periode_evaluee"]) for a in reponse["avertissements"]] == [
            ("percoit_are", "p", ["2025-05"], "2025-06")
        ]
        assert "2025-05" in reponse["avertissements"][0]["message"]


def test_la_spec_decrit_les_avertissements(client):
    spec = client.get("/spec").get_json()
    sortie = spec["components"]["schemas"]["EvaluationOutput"]["properties"]
    assert "avertissements" in sortie and sortie["avertissements"]["type"] == "array"
