"""`evaluer` : statuts et montants, explications, questions, filtres et erreurs (openfisca_clara_api.evaluation)."""

import copy
import datetime
import json

import numpy as np
import pytest
from openfisca_core.reforms import Reform
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_clara_api import ErreurEntree, charger_catalogue, comparer_reforme, evaluer, evaluer_population
from openfisca_clara_api.catalogue import vocabulaire
from openfisca_clara_api.exemples import charger_exemple, lister_exemples, periode_demandee, variables_demandees
from openfisca_clara_api.faits_openfisca_france import traduire
from openfisca_clara_api.questions import a_un_etat_inconnu, charger_questions

PERIODE = "2025-06"
EXEMPLES = lister_exemples()
PARTIELLE = "partielle_age_et_commune"


@pytest.fixture(scope="module")
def catalogue():
    return charger_catalogue()


@pytest.fixture(scope="module")
def resultats(systeme):
    return {nom: evaluer(charger_exemple(nom), periode_demandee(charger_exemple(nom))) for nom in EXEMPLES}


def _aides(resultat):
    return {aide["id"]: aide for rubrique in resultat["rubriques"] for aide in rubrique["aides"]}


def _situation_simple(**variables):
    """Une personne « demandeur » dans son ménage ; `depcom` va au ménage."""
    depcom = variables.pop("depcom", None)
    situation = {"individus": {"demandeur": {nom: {PERIODE: valeur} for nom, valeur in variables.items()}}}
    if depcom is not None:
        situation["menages"] = {"menage": {"personne_de_reference": ["demandeur"], "depcom": {PERIODE: depcom}}}
    return situation


def _erreur(situation=None, periode=PERIODE, **options):
    with pytest.raises(ErreurEntree) as erreur:
        evaluer(_situation_simple(age=30) if situation is None else situation, periode, **options)
    json.dumps(erreur.value.en_json(), ensure_ascii=False)  # toujours sérialisable
    return erreur.value


# --- Les exemples --------------------------------------------------------------------------------------------


def test_il_y_a_au_moins_trois_exemples_complets_et_un_partiel():
    assert len(EXEMPLES) >= 4 and PARTIELLE in EXEMPLES
    for nom in EXEMPLES:
        situation = charger_exemple(nom)
        assert {"individus", "familles", "foyers_fiscaux", "menages"} <= set(situation), nom


@pytest.mark.parametrize("nom", EXEMPLES)
def test_chaque_exemple_demande_le_statut_et_le_montant_de_chaque_aide(nom):
    situation = charger_exemple(nom)
    periode = periode_demandee(situation)
    premiere = next(iter(situation["individus"].values()))
    demandees = {v for v, valeurs in premiere.items() if valeurs == {periode: None}}
    assert demandees == set(variables_demandees()), "lancez `python -m openfisca_clara_api.exemples` pour mettre les exemples à jour"


@pytest.mark.parametrize("nom", EXEMPLES)
def test_statuts_et_montants_egaux_a_un_calcul_openfisca_direct(nom, resultats, systeme, catalogue):
    situation = charger_exemple(nom)
    periode = periode_demandee(situation)
    # La situation telle que la construit `evaluer` : avec nos entrées déduites des faits d'openfisca-france.
    simulation = SimulationBuilder().build_from_entities(systeme, traduire(situation, systeme, [periode])[0])
    indice = list(situation["individus"]).index(resultats[nom]["personne"])
    aides = _aides(resultats[nom])
    assert set(aides) == set(catalogue)
    for identifiant, aide in aides.items():
        noms = catalogue[identifiant]["variables"]
        assert aide["statut"] == simulation.calculate(noms["statut"], periode).decode_to_str()[indice], identifiant
        if noms["montant"] is None:
            assert aide["montant"] is None
        else:
            attendu = float(simulation.calculate(noms["montant"], periode)[indice])
            assert aide["montant"] == pytest.approx(attendu, abs=0.005), identifiant


@pytest.mark.parametrize("nom", EXEMPLES)
def test_le_statut_est_le_et_de_ses_criteres_avec_leurs_libelles(nom, resultats, systeme):
    """Explication = critères (dépendances directes du statut) : libellé, valeur, symbole ; Kleene ET."""
    for identifiant, aide in _aides(resultats[nom]).items():
        assert aide["criteres"], f"{identifiant} : aucun critère lu dans la trace"
        valeurs = set()
        for critere in aide["criteres"]:
            assert critere["label"] == systeme.variables[critere["variable"]].label and critere["label"], critere
            assert (critere["valeur"], critere["symbole"]) in {("vrai", "✓"), ("inconnu", "?"), ("faux", "✗")}
            valeurs.add(critere["valeur"])
        attendu = "non_eligible" if "faux" in valeurs else "a_verifier" if "inconnu" in valeurs else "eligible"
        assert aide["statut"] == attendu, identifiant
        assert (aide["faits_manquants"] != []) <= (aide["statut"] == "a_verifier")


def test_forme_de_la_reponse(resultats, catalogue):
    resultat = resultats["entretien_embauche_130_km"]
    json.dumps(resultat, ensure_ascii=False)
    assert resultat["periode"] == PERIODE and resultat["personne"] == "demandeur"
    assert set(resultat["versions"]) == {"openfisca_clara", "openfisca_france", "openfisca_core"}
    assert sum(resultat["resume"].values()) == len(catalogue)
    ordre = list(vocabulaire()["rubriques"])
    ids = [r["id"] for r in resultat["rubriques"]]
    assert ids == sorted(ids, key=ordre.index)
    rang = {"eligible": 0, "a_verifier": 1, "non_eligible": 2}
    for rubrique in resultat["rubriques"]:
        assert rubrique["label"] == vocabulaire()["rubriques"][rubrique["id"]]
        statuts = [rang[a["statut"]] for a in rubrique["aides"]]
        assert statuts == sorted(statuts)
        for aide in rubrique["aides"]:
            fiche = catalogue[aide["id"]]
            for cle in ("label", "porteur", "rubrique", "besoins", "territoire", "periodicite", "montant_est_maximum", "lien", "debut", "fin"):
                assert aide[cle] == fiche[cle], cle
            for cle in ("description", "montant_explication", "conditions_non_modelisees", "demarche"):
                assert cle in aide


def test_entretien_a_130_km_aide_a_la_mobilite_eligible_avec_son_montant(resultats):
    aide = _aides(resultats["entretien_embauche_130_km"])["aide_mobilite"]
    assert aide["statut"] == "eligible"
    assert aide["montant"] == pytest.approx(round(0.23 * 260 + 6.25, 2))  # barème de 2024 : 0,23 €/km A/R, 6,25 € le repas
    assert all(c["symbole"] == "✓" for c in aide["criteres"])


def test_la_sortie_ne_partage_rien_avec_le_cache():
    premiere = evaluer(charger_exemple(PARTIELLE), PERIODE)
    premiere["rubriques"][0]["aides"][0]["besoins"].append("modifie")
    seconde = evaluer(charger_exemple(PARTIELLE), PERIODE)
    assert "modifie" not in seconde["rubriques"][0]["aides"][0]["besoins"]


# --- La situation partielle et les questions --------------------------------------------------------------------


def _repondre(situation, question, valeur):
    pluriel, identifiant, variable, periode = question["chemin"].split(".")
    situation = copy.deepcopy(situation)
    situation[pluriel][identifiant].setdefault(variable, {})[periode] = valeur
    return situation


def _une_reponse(question):
    if question["type"] == "choix":
        return question["choix"][0]["valeur"]
    return {"date": "1990-01-01", "texte": "75056", "booleen": True}.get(question["type"], 0)


def test_situation_partielle_toutes_les_aides_sans_eligible_par_accident(resultats, catalogue):
    resultat = resultats[PARTIELLE]
    aides = _aides(resultat)
    assert set(aides) == set(catalogue)
    assert resultat["resume"]["a_verifier"] > 0
    for aide in aides.values():
        if aide["statut"] == "eligible":
            assert all(c["valeur"] == "vrai" for c in aide["criteres"]), aide["id"]


def test_questions_classees_par_nombre_d_aides_tranchees(resultats):
    resultat = resultats[PARTIELLE]
    questions = resultat["questions"]
    assert questions
    aides = _aides(resultat)
    a_verifier = {i for i, a in aides.items() if a["statut"] == "a_verifier"}
    cles = []
    for question in questions:
        assert question["question"].endswith("?") and question["entite"] in {"individus", "familles", "foyers_fiscaux", "menages"}
        assert set(question["aides"]) <= a_verifier
        for identifiant in question["aides"]:
            assert question["variable"] in aides[identifiant]["faits_manquants"]
        seules = sum(aides[i]["faits_manquants"] == [question["variable"]] for i in question["aides"])
        cles.append((seules, len(question["aides"])))
    assert cles == sorted(cles, reverse=True)
    manquants = {f for i in a_verifier for f in aides[i]["faits_manquants"]}
    assert manquants == {q["variable"] for q in questions}


def test_sans_commune_la_commune_est_la_premiere_question():
    """Issue 10 : la commune tranche toutes les aides locales, elle est demandée d'abord quand elle manque."""
    situation = {
        "individus": {"p": {"age_a_la_date_demande": {PERIODE: 30}, "en_emploi": {PERIODE: "non"}}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
        "menages": {"m": {"personne_de_reference": ["p"]}},
    }
    questions = evaluer(situation, PERIODE)["questions"]
    assert questions[0]["variable"] == "depcom"
    assert "clea_nouvelle_aquitaine" in questions[0]["aides"]


def test_repondre_a_la_premiere_question_tranche_au_moins_une_aide(resultats):
    situation = charger_exemple(PARTIELLE)
    question = resultats[PARTIELLE]["questions"][0]
    apres = _aides(evaluer(_repondre(situation, question, _une_reponse(question)), PERIODE))
    tranchees = [i for i in question["aides"] if apres[i]["statut"] != "a_verifier"]
    assert tranchees, question


def test_un_critere_deja_calcule_pour_une_autre_aide_garde_ses_faits_manquants(resultats):
    """Carte globale des dépendances : évaluée seule ou après les autres, une aide a les mêmes critères et faits."""
    situation = charger_exemple(PARTIELLE)
    for identifiant, aide in _aides(resultats[PARTIELLE]).items():
        seule = _aides(evaluer(situation, PERIODE, aides=[identifiant]))[identifiant]
        assert seule["criteres"] == aide["criteres"], identifiant
        assert seule["faits_manquants"] == aide["faits_manquants"], identifiant


def test_l_age_se_renseigne_par_la_date_de_naissance():
    resultat = evaluer({"individus": {"moi": {}}, "menages": {"m": {"personne_de_reference": ["moi"], "depcom": {PERIODE: "75056"}}}}, PERIODE)
    questions = {q["variable"]: q for q in resultat["questions"]}
    assert "age_declare" not in questions
    assert questions["date_naissance"]["chemin"] == "individus.moi.date_naissance.ETERNITY"
    assert questions["date_naissance"]["type"] == "date"


def test_commune_inconnue_posee_au_menage_implicite():
    resultat = evaluer({"individus": {"moi": {"age": {PERIODE: 30}}}}, PERIODE)
    questions = {q["variable"]: q for q in resultat["questions"]}
    assert questions["depcom"]["entite"] == "menages"
    assert questions["depcom"]["chemin"] == f"menages.moi.depcom.{PERIODE}"
    assert questions["depcom"]["type"] == "texte"


def test_registre_des_questions_couvre_chaque_fait_qui_peut_etre_inconnu(systeme):
    """Une aide qui ajoute un fait d'entrée « inconnu possible » ajoute sa question dans catalogue/_questions.yaml."""
    registre = charger_questions()
    requis = {"depcom", "age_declare"}
    for nom, variable in systeme.variables.items():
        source = str(variable.introspection_data[0]) if variable.introspection_data else ""
        if "openfisca_clara" in source and not variable.formulas and a_un_etat_inconnu(variable):
            requis.add(nom)
    manquants = sorted(requis - set(registre))
    assert not manquants, f"questions manquantes dans openfisca_clara/catalogue/_questions.yaml : {manquants}"
    assert registre["age_declare"]["renseigne_par"] == "date_naissance"
    for nom, entree in registre.items():
        assert nom in systeme.variables, f"_questions.yaml : variable inconnue {nom}"
        assert entree["renseigne_par"] in systeme.variables, f"_questions.yaml : {nom} : renseigne_par inconnu"


# --- Filtres -----------------------------------------------------------------------------------------------------


def _ids(resultat):
    return [aide["id"] for rubrique in resultat["rubriques"] for aide in rubrique["aides"]]


def test_filtre_par_rubrique(catalogue):
    resultat = evaluer(charger_exemple(PARTIELLE), PERIODE, rubriques=["mobilite"])
    assert set(_ids(resultat)) == {i for i, f in catalogue.items() if f["rubrique"] == "mobilite"}
    assert [r["id"] for r in resultat["rubriques"]] == ["mobilite"]
    assert sum(resultat["resume"].values()) == len(_ids(resultat))


def test_filtre_par_besoins_garde_les_aides_ayant_l_un_d_eux(catalogue):
    besoins = ["se_deplacer", "faire_garder_enfant"]
    resultat = evaluer(charger_exemple(PARTIELLE), PERIODE, besoins=besoins)
    assert set(_ids(resultat)) == {i for i, f in catalogue.items() if set(f["besoins"]) & set(besoins)}
    for question in resultat["questions"]:
        assert set(question["aides"]) <= set(_ids(resultat))


def test_filtre_par_aides_et_cumul_des_filtres():
    assert _ids(evaluer(charger_exemple(PARTIELLE), PERIODE, aides=["aide_mobilite"])) == ["aide_mobilite"]
    assert _ids(evaluer(charger_exemple(PARTIELLE), PERIODE, aides=["aide_mobilite"], rubriques=["formation"])) == []
    assert len(_ids(evaluer(charger_exemple(PARTIELLE), PERIODE, besoins=[]))) == len(charger_catalogue())


def test_personne_choisie(resultats):
    situation = charger_exemple("mere_isolee_reprise_emploi")
    resultat = evaluer(situation, PERIODE, personne="enfant_1")
    assert resultat["personne"] == "enfant_1"
    assert resultat["resume"] != resultats["mere_isolee_reprise_emploi"]["resume"]


# --- Erreurs -----------------------------------------------------------------------------------------------------


def test_variable_inconnue():
    erreur = _erreur(_situation_simple(agee=30))
    assert erreur.champ == "individus.demandeur.agee"
    assert "age" in erreur.attendu


def test_mauvais_type():
    assert _erreur(_situation_simple(age="trente")).champ == f"individus.demandeur.age.{PERIODE}"
    assert _erreur(_situation_simple(age=30.5)).champ == f"individus.demandeur.age.{PERIODE}"
    assert _erreur(_situation_simple(projet_distance_aller_retour_km=[1])).champ == f"individus.demandeur.projet_distance_aller_retour_km.{PERIODE}"
    assert _erreur(_situation_simple(projet_distance_aller_retour_km=True)).champ == f"individus.demandeur.projet_distance_aller_retour_km.{PERIODE}"
    assert _erreur(_situation_simple(projet_date_debut="2025-13-01")).champ == f"individus.demandeur.projet_date_debut.{PERIODE}"
    assert _erreur(_situation_simple(depcom=75056)).champ == f"menages.menage.depcom.{PERIODE}"
    assert _erreur({"individus": {"demandeur": {"age": 30}}}).champ == "individus.demandeur.age"


def test_valeur_d_enum_inconnue():
    erreur = _erreur(_situation_simple(percoit_are="peut-etre"))
    assert erreur.champ == f"individus.demandeur.percoit_are.{PERIODE}"
    assert erreur.attendu == ["non_renseigne", "oui", "non"]
    assert _erreur(_situation_simple(percoit_are=1)).champ == f"individus.demandeur.percoit_are.{PERIODE}"


def test_periode_invalide():
    for periode in ("2025", "2025-13", "juin 2025", None, 202506):
        erreur = _erreur(periode=periode)
        assert erreur.champ == "periode" and erreur.attendu == "AAAA-MM"
    erreur = _erreur({"individus": {"demandeur": {"age": {"2025-13": 30}}}})
    assert erreur.champ == "individus.demandeur.age.2025-13"


def test_variable_mensuelle_donnee_pour_une_annee(systeme):
    erreur = _erreur({"individus": {"demandeur": {}}, "menages": {"menage": {"personne_de_reference": ["demandeur"], "commune_renseignee": {"2025": True}}}})
    assert erreur.champ == "menages.menage.commune_renseignee.2025"
    # Entité de groupe qui n'est pas la dernière : OpenFisca perd le chemin, on le retrouve.
    nom = next(
        n
        for n, v in systeme.variables.items()
        if v.entity.key == "famille" and str(v.definition_period) == "month" and v.set_input is None and v.value_type is float
    )
    situation = {
        "individus": {"demandeur": {}},
        "familles": {"famille": {"parents": ["demandeur"], nom: {"2025": 1.0}}},
        "menages": {"menage": {"personne_de_reference": ["demandeur"]}},
    }
    assert _erreur(situation).champ == f"familles.famille.{nom}.2025"


def test_variable_dans_la_mauvaise_entite():
    erreur = _erreur({"individus": {"demandeur": {"depcom": {PERIODE: "75056"}}}})
    assert erreur.champ == "individus.demandeur.depcom" and erreur.attendu == "menages"


def test_personne_inconnue():
    erreur = _erreur(personne="inconnu")
    assert erreur.champ == "personne" and erreur.attendu == ["demandeur"]


def test_entite_inconnue_et_situation_mal_formee():
    assert _erreur({"personnes": {"p": {}}}).champ == "personnes"
    assert _erreur([]).champ == "situation"
    assert _erreur({}).champ == "individus"
    assert _erreur({"individus": {}}).champ == "individus"
    assert _erreur({"individus": []}).champ == "individus"
    assert _erreur({"individus": {"p": 3}}).champ == "individus.p"
    assert _erreur({"individus": {"p": {}}, "menages": {"m": {"personne_de_reference": ["q"]}}}).champ == "menages.m.personne_de_reference"
    assert _erreur({"individus": {"p": {}}, "menages": {"m": {"parentz": ["p"]}}}).champ == "menages.m.parentz"
    assert _erreur({"individus": {"p": {}}, "familles": {"f": {"parents": ["p"]}, "vide": {}}}).champ == "familles.vide"
    assert _erreur({"individus": {"p": {}}, "axes": [[{"count": 2, "name": "age", "min": 1, "max": 2}]]}).champ == "axes"


def test_filtres_inconnus():
    assert _erreur(rubriques=["mobilite", "nope"]).champ == "rubriques[1]"
    erreur = _erreur(besoins=["se_deplacer", "nope"])
    assert erreur.champ == "besoins[1]" and "se_deplacer" in erreur.attendu
    assert _erreur(aides=["aide_inexistante"]).champ == "aides[0]"
    assert _erreur(besoins="se_deplacer").champ == "besoins"


def test_erreur_en_json():
    erreur = _erreur(_situation_simple(percoit_are="peut-etre"))
    assert erreur.en_json() == {"erreur": {"champ": erreur.champ, "message": erreur.message, "attendu": erreur.attendu}}
    assert "percoit_are" in erreur.message


@pytest.mark.parametrize(
    "valeur",
    [{"2025-06": float("nan")}, {"2025-06": 1e300}, {"2025-06": {"a": 1}}, {"ETERNITY": 3}, {"": 3}, "x", None, [], {"2025-06": None}],
)
def test_aucune_entree_invalide_ne_leve_autre_chose(valeur):
    for nom in ("projet_distance_aller_retour_km", "age", "percoit_are", "projet_date_debut", "inexistante"):
        try:
            evaluer({"individus": {"p": {nom: valeur}}}, PERIODE)
        except ErreurEntree as erreur:
            assert erreur.champ.startswith("individus.p")


# --- Populations et réformes ----------------------------------------------------------------------------------


POPULATION = {
    "age": np.array([20, 35, 58]),
    "inscription_france_travail": np.array(["oui", "non", "non_renseigne"]),
    "percoit_are": np.array(["non", "oui", "non_renseigne"]),
    "depcom": np.array(["75056", "97411", ""]),
    "projet_date_debut": np.array(["2025-06-12", "0001-01-01", "2025-07-01"], dtype="datetime64[D]"),
}


def test_evaluer_population_egale_evaluer_personne_par_personne(catalogue):
    population = evaluer_population(POPULATION, PERIODE)
    assert set(population) == set(catalogue)
    for rang in range(3):
        individu = {
            nom: {PERIODE: (str(v[rang]) if v.dtype.kind in "UM" else v[rang].item())} for nom, v in POPULATION.items() if nom != "depcom" and nom != "age"
        }
        individu["age"] = {PERIODE: int(POPULATION["age"][rang])}
        situation = {"individus": {"p": individu}, "menages": {"m": {"personne_de_reference": ["p"], "depcom": {PERIODE: str(POPULATION["depcom"][rang])}}}}
        aides = _aides(evaluer(situation, PERIODE))
        for identifiant, valeurs in population.items():
            assert valeurs["statut"][rang] == aides[identifiant]["statut"], (rang, identifiant)
            if valeurs["montant"] is not None:
                assert valeurs["montant"][rang] == pytest.approx(aides[identifiant]["montant"], abs=0.005)


def test_evaluer_population_erreurs():
    with pytest.raises(ErreurEntree) as erreur:
        evaluer_population({"agee": np.array([1])}, PERIODE)
    assert erreur.value.champ == "variables.agee"
    with pytest.raises(ErreurEntree) as erreur:
        evaluer_population({"age": np.array([1, 2]), "percoit_are": np.array(["oui"])}, PERIODE)
    assert erreur.value.champ == "variables.percoit_are"
    with pytest.raises(ErreurEntree) as erreur:
        evaluer_population({"percoit_are": np.array(["peut-etre"])}, PERIODE)
    assert erreur.value.champ == "variables.percoit_are"


class sans_aide_mobilite(Reform):
    name = "Sans montant d'aide à la mobilité"

    def apply(self):
        self.neutralize_variable("france_travail_aide_mobilite_montant")


def test_comparer_reforme():
    population = {"projet_type": np.array(["entretien_embauche", "formation"]), "inscription_france_travail": np.array(["oui", "oui"])}
    comparaison = comparer_reforme(sans_aide_mobilite, population, PERIODE, aides=["aide_mobilite"])
    assert set(comparaison) == {"reference", "reforme", "ecarts"}
    avant, apres = comparaison["ecarts"]["aide_mobilite"]["montant_total"]
    assert avant > 0 and apres == 0
    assert comparaison["ecarts"]["aide_mobilite"]["statuts_changes"] == 0


def test_periode_des_exemples_est_un_mois():
    for nom in EXEMPLES:
        datetime.date.fromisoformat(periode_demandee(charger_exemple(nom)) + "-01")


# --- Entrées données pour un autre mois que le mois évalué (issue #8, point 4) -------------------------------


def test_une_entree_d_un_autre_mois_est_signalee_et_non_lue():
    situation = {
        "individus": {
            "demandeur": {
                "age_declare": {"2025-05": 30},  # un autre mois : non lu en 2025-06
                "inscription_france_travail": {"2025": "oui"},  # l'année contient le mois évalué : lue
                "percoit_are": {PERIODE: "oui", "2025-05": "non"},  # le mois évalué est donné : lu
                "date_naissance": {"ETERNITY": "1995-01-01"},
            }
        }
    }
    resultat = evaluer(situation, PERIODE)
    assert resultat["avertissements"] == [
        {
            "code": "periode_non_evaluee",
            "variable": "age_declare",
            "entite": "individus",
            "identifiant": "demandeur",
            "periodes": ["2025-05"],
            "periode_evaluee": PERIODE,
            "chemin": f"individus.demandeur.age_declare.{PERIODE}",
            "message": (
                f"« age_declare » est donné pour 2025-05, pas pour le mois évalué {PERIODE} : cette valeur n'est pas lue. "
                f"Donnez-la pour {PERIODE}, ou évaluez le mois où elle est donnée."
            ),
        }
    ]
    assert evaluer(situation, "2025-05")["avertissements"] == []  # chaque entrée couvre mai 2025


def test_sans_entree_d_un_autre_mois_la_liste_est_vide(resultats):
    for nom, resultat in resultats.items():
        assert resultat["avertissements"] == [], nom


def test_les_avertissements_figurent_aussi_dans_le_resume():
    situation = {"individus": {"demandeur": {"percoit_are": {"2024-12": "oui"}, "rqth": {"2026-01": "non"}}}}
    avertissements = evaluer(situation, PERIODE, detail="resume")["avertissements"]
    assert [(a["variable"], a["periodes"]) for a in avertissements] == [("percoit_are", ["2024-12"]), ("rqth", ["2026-01"])]
