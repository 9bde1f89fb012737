"""Les faits d'openfisca-france sont lus comme les nôtres (issue #11, point 2).

Pour chaque fait de la correspondance : la même personne, décrite dans le vocabulaire d'openfisca-france ou dans le
nôtre, reçoit les mêmes réponses (statut, montant, critères, questions) ; deux faits qui se contredisent : 400.
"""

import copy
from pathlib import Path

import pytest

from openfisca_clara_api.erreurs import ErreurEntree
from openfisca_clara_api.evaluation import evaluer
from openfisca_clara_api.faits_openfisca_france import CORRESPONDANCES, tableau, traduire

M = "2025-06"


@pytest.fixture(scope="module")
def client(systeme):
    from openfisca_clara_api.web import creer_application

    return creer_application(systeme).test_client()


DOC = Path(__file__).resolve().parents[2] / "docs" / "openfisca-france.md"


def _situation(individu=None, famille=None, enfants=None, personnes=None):
    """Une demandeuse de 27 ans à Bordeaux, dans sa famille, son foyer fiscal et son ménage."""
    individus = {"p": {"date_naissance": {"ETERNITY": "1998-04-10"}, **copy.deepcopy(individu or {})}}
    individus.update(copy.deepcopy(personnes or {}))
    famille_p = {"parents": ["p"], **copy.deepcopy(famille or {})}
    if enfants is not None:
        famille_p["enfants"] = enfants
    return {
        "individus": individus,
        "familles": {"f": famille_p},
        "foyers_fiscaux": {"ff": {"declarants": ["p"], "personnes_a_charge": list(enfants or [])}},
        "menages": {"m": {"personne_de_reference": ["p"], "enfants": list(enfants or []), "depcom": {M: "33063"}}},
    }


def _m(valeur):
    return {M: valeur}


# (identifiant, individu dans le vocabulaire d'openfisca-france, le même dans le nôtre, options de situation)
CAS = [
    ("activite_chomeur", {"activite": _m("chomeur")}, {"inscription_france_travail": _m("oui"), "en_etudes": _m("non")}, {}),
    ("activite_actif", {"activite": _m("actif")}, {"en_emploi": _m("oui")}, {}),
    ("activite_etudiant", {"activite": _m("etudiant")}, {"en_etudes": _m("oui")}, {}),
    ("activite_retraite", {"activite": _m("retraite")}, {"en_etudes": _m("non")}, {}),
    (
        "activite_inactif",
        {"activite": _m("inactif")},
        {"inscription_france_travail": _m("non"), "en_emploi": _m("non"), "en_etudes": _m("non")},
        {},
    ),
    (
        "date_debut_chomage",
        {"activite": _m("chomeur"), "date_debut_chomage": {"ETERNITY": "2024-09-01"}},
        {"inscription_france_travail": _m("oui"), "en_etudes": _m("non"), "date_inscription_france_travail": _m("2024-09-01")},
        {},
    ),
    (
        "categorie_1",
        {"pole_emploi_categorie_demandeur_emploi": _m("categorie_1")},
        {"inscription_france_travail": _m("oui"), "categorie_demandeur_emploi": _m("categorie_1"), "en_emploi": _m("non")},
        {},
    ),
    (
        "categorie_4_stagiaire",
        {"pole_emploi_categorie_demandeur_emploi": _m("categorie_4"), "stagiaire": _m(True)},
        {"inscription_france_travail": _m("oui"), "categorie_demandeur_emploi": _m("categorie_4_formation"), "en_emploi": _m("non")},
        {},
    ),
    (
        "categorie_5_sans_contrat_aide",
        {"pole_emploi_categorie_demandeur_emploi": _m("categorie_5"), "contrat_aide": _m(False)},
        {"inscription_france_travail": _m("oui"), "categorie_demandeur_emploi": _m("categorie_5_autre"), "en_emploi": _m("oui")},
        {},
    ),
    ("pas_de_categorie", {"pole_emploi_categorie_demandeur_emploi": _m("pas_de_categorie")}, {"inscription_france_travail": _m("non")}, {}),
    (
        "are_brute_journaliere",
        {"allocation_retour_emploi_journaliere": _m(35.2)},
        {"are_journaliere_brute": _m(35.2), "percoit_are": _m("oui")},
        {},
    ),
    ("are_nulle", {"allocation_retour_emploi_journaliere": _m(0)}, {"are_journaliere_brute": _m(0), "percoit_are": _m("non")}, {}),
    ("chomage_net", {"chomage_net": _m(950)}, {"percoit_are": _m("oui")}, {}),
    ("chomage_brut_nul", {"chomage_brut": _m(0)}, {"percoit_are": _m("non")}, {}),
    ("ass", {"ass": _m(540)}, {"percoit_ass": _m("oui")}, {}),
    ("aah_nulle", {"aah": _m(0)}, {"percoit_aah": _m("non")}, {}),
    ("rsa_de_la_famille", {}, {"percoit_rsa": _m("oui")}, {"famille": {"rsa": _m(635.71)}}),
    ("ppa_nulle", {}, {"percoit_prime_activite": _m("non")}, {"famille": {"ppa": _m(0)}}),
    ("handicap_faux", {"handicap": _m(False)}, {"rqth": _m("non")}, {}),
    ("nationalite_fr", {"nationalite": _m("FR")}, {"nationalite_declaree": _m("francaise")}, {}),
    ("nationalite_de", {"nationalite": _m("DE")}, {"nationalite_declaree": _m("ue_eee_suisse")}, {}),
    ("nationalite_ch", {"nationalite": _m("CH")}, {"nationalite_declaree": _m("ue_eee_suisse")}, {}),
    ("nationalite_ma", {"nationalite": _m("MA")}, {"nationalite_declaree": _m("autre")}, {}),
    ("distance_aller", {"distance_activite_domicile": _m(65)}, {"projet_distance_aller_retour_km": _m(130)}, {}),
    ("duree_trajet", {"aide_mobilite_duree_trajet": _m(150)}, {"projet_duree_trajet_aller_retour_minutes": _m(150)}, {}),
    (
        "trajets_repas_nuitees",
        {"distance_activite_domicile": _m(65), "nombre_allers_retours": _m(2), "repas": _m(2), "nuitees": _m(1), "projet_cout_nuitee": _m(40)},
        {
            "projet_distance_aller_retour_km": _m(130),
            "projet_nombre_allers_retours": _m(2),
            "projet_nombre_repas": _m(2),
            "projet_nombre_nuitees": _m(1),
            "projet_cout_nuitee": _m(40),
        },
        {},
    ),
    ("contexte_reprise", {"contexte_activite_pole_emploi": _m("reprise_emploi")}, {"projet_type": _m("reprise_emploi")}, {}),
    (
        "contexte_entretien",
        {"contexte_activite_pole_emploi": _m("recherche_emploi"), "types_activite_en_recherche_emploi": _m("entretien_embauche")},
        {"projet_type": _m("entretien_embauche")},
        {},
    ),
    (
        "contexte_concours",
        {"contexte_activite_pole_emploi": _m("recherche_emploi"), "types_activite_en_recherche_emploi": _m("concours_public")},
        {"projet_type": _m("examen_concours")},
        {},
    ),
    ("contrat_cdd", {"contrat_de_travail_type": _m("cdd")}, {"projet_contrat_type": _m("cdd")}, {}),
    ("contrat_formation", {"contrat_de_travail_type": _m("formation")}, {"projet_type": _m("formation")}, {}),
    ("apprenti", {"apprenti": _m(True)}, {"projet_contrat_type": _m("apprentissage")}, {}),
    ("apprenti_en_cdd", {"apprenti": _m(True), "contrat_de_travail_type": _m("cdd")}, {"projet_contrat_type": _m("apprentissage")}, {}),
    ("professionnalisation", {"professionnalisation": _m(True)}, {"projet_contrat_type": _m("professionnalisation")}, {}),
    (
        "dates_et_duree_du_contrat",
        {"contrat_de_travail_debut": _m("2025-06-16"), "contrat_de_travail_fin": _m("2025-12-15"), "contrat_de_travail_duree": _m(6)},
        {"projet_date_debut": _m("2025-06-16"), "projet_contrat_date_fin": _m("2025-12-15"), "projet_contrat_duree_mois": _m(6)},
        {},
    ),
    ("date_entretien", {"date_debut_recherche_emploi": _m("2025-06-20")}, {"projet_date_debut": _m("2025-06-20")}, {}),
    ("duree_formation", {"duree_formation": _m(120)}, {"projet_formation_heures": _m(120)}, {}),
    ("lieu_mayotte", {"lieu_emploi_ou_formation": _m("mayotte")}, {"projet_lieu": _m("outre_mer")}, {}),
    ("lieu_corse", {"lieu_emploi_ou_formation": _m("corse")}, {"projet_lieu": _m("france_metropolitaine")}, {}),
    (
        "formation_validee_et_financee",
        {"formation_validee_pole_emploi": _m(True), "formation_financee_ou_cofinancee": _m(True)},
        {"projet_formation_validee_ppae": _m("oui")},
        {},
    ),
    ("formation_non_financee", {"formation_financee_ou_cofinancee": _m(False)}, {"projet_formation_validee_ppae": _m("non")}, {}),
    ("dispositif_bilan", {"dispositifs_formation": _m("bilan_competences")}, {"projet_formation_nature": _m("bilan_competences")}, {}),
    ("dispositif_permis", {"dispositifs_formation": _m("permis_conduire_b")}, {"projet_formation_nature": _m("permis_conduire")}, {}),
    ("date_demande_agepi", {"agepi_date_demande": _m("2024-04-15")}, {"date_demande": _m("2024-04-15")}, {}),
    ("date_demande_amob", {"aide_mobilite_date_demande": _m("2024-04-15")}, {"date_demande": _m("2024-04-15")}, {}),
    ("etudiant_faux", {"etudiant": _m(False)}, {"en_etudes": _m("non")}, {}),
    ("scolarite_lycee", {"scolarite": _m("lycee")}, {"en_etudes": _m("oui")}, {}),
    ("service_civique", {"service_civique": _m(True)}, {"etat_cej_allocation_indemnite_volontariat": _m("oui")}, {}),
    ("indemnites_volontariat_nulles", {"indemnites_volontariat": _m(0)}, {"etat_cej_allocation_indemnite_volontariat": _m("non")}, {}),
]

# Les faits de composition de la famille : (identifiant, situation openfisca-france, la même avec nos entrées).
ENFANT = {"e": {"date_naissance": {"ETERNITY": "2019-02-01"}}}
COMPOSITIONS = [
    ("sans_enfant", _situation(enfants=[]), _situation(enfants=[], famille={"enfants_a_charge": _m("non")})),
    (
        "parent_seul_avec_enfant",
        _situation(enfants=["e"], personnes=ENFANT),
        _situation(
            enfants=["e"],
            personnes=ENFANT,
            individu={"parent_isole": _m("oui"), "etat_ass_en_couple": _m("non")},
        ),
    ),
    (
        "enfant_a_charge",
        _situation(enfants=["e"], personnes={"e": {**ENFANT["e"], "enfant_a_charge": {"2025": True}}}),
        _situation(
            enfants=["e"],
            personnes={"e": {**ENFANT["e"], "enfant_a_charge": {"2025": True}}},
            individu={"parent_isole": _m("oui"), "etat_ass_en_couple": _m("non")},
            famille={"enfants_a_charge": _m("oui")},
        ),
    ),
]


def _reponses(situation):
    resultat = evaluer(situation, M, personne="p")
    aides = {
        a["id"]: (a["statut"], a["montant"], [c["variable"] + ":" + c["valeur"] for c in a["criteres"]]) for r in resultat["rubriques"] for a in r["aides"]
    }
    return aides, [q["variable"] for q in resultat["questions"]]


def test_chaque_correspondance_a_au_moins_un_cas():
    """Le test couvre la table : chaque variable d'openfisca-france lue a un cas (seule ou avec une autre)."""
    couvertes = {nom for _, france, _, options in CAS for nom in [*france, *options.get("famille", {})]}
    couvertes |= {nom for individu, famille, _, _ in CONFLITS for nom in [*individu, *famille]}
    assert {c.source for c in CORRESPONDANCES} <= couvertes


def test_les_sources_et_les_cibles_existent_avec_leur_entite(systeme):
    for c in CORRESPONDANCES:
        source = systeme.variables[c.source]
        assert source.entity.key == ("famille" if c.portee == "parents" else "individu"), c.source
        for cible in c.cibles:
            assert cible in systeme.variables, cible
            assert cible not in {v.source for v in CORRESPONDANCES}


@pytest.mark.parametrize("cas", CAS, ids=[c[0] for c in CAS])
def test_meme_reponse_dans_les_deux_vocabulaires(cas, systeme):
    _, france, nous, options = cas
    famille_france = options.get("famille", {})
    sit_france = _situation(france, famille=famille_france)
    sit_nous = _situation(nous)
    # La traduction donne exactement nos entrées au mois évalué (en plus des faits d'openfisca-france, gardés).
    traduite = traduire(sit_france, systeme, [M])[0]["individus"]["p"]
    for nom, valeurs in nous.items():
        assert (
            traduite.get(nom, {}).get(M) == pytest.approx(valeurs[M]) if isinstance(valeurs[M], float | int) else traduite.get(nom, {}).get(M) == valeurs[M]
        ), nom
    assert _reponses(sit_france) == _reponses(sit_nous)
    assert _reponses(sit_france) != _reponses(_situation()), "le fait ne change aucune réponse : cas inutile"


@pytest.mark.parametrize("cas", COMPOSITIONS, ids=[c[0] for c in COMPOSITIONS])
def test_composition_de_la_famille_dans_les_deux_vocabulaires(cas):
    _, france, nous = cas
    assert _reponses(france) == _reponses(nous)


def test_un_fait_donne_deux_fois_en_accord_est_accepte():
    deux_fois = _situation({"activite": _m("chomeur"), "inscription_france_travail": _m("oui"), "pole_emploi_categorie_demandeur_emploi": _m("categorie_1")})
    assert _reponses(deux_fois) == _reponses(
        _situation({"inscription_france_travail": _m("oui"), "en_etudes": _m("non"), "categorie_demandeur_emploi": _m("categorie_1"), "en_emploi": _m("non")})
    )


def test_une_valeur_inconnue_de_notre_vocabulaire_ne_contredit_rien():
    assert _reponses(_situation({"activite": _m("chomeur"), "inscription_france_travail": _m("non_renseigne")})) == _reponses(
        _situation({"activite": _m("chomeur")})
    )


def test_une_valeur_par_defaut_non_envoyee_n_est_pas_un_fait(systeme):
    """Rien n'est déduit de ce que le client n'a pas envoyé, ni d'une demande de calcul (null)."""
    situation = _situation({"activite": _m(None), "handicap": _m(None)})
    assert traduire(situation, systeme, [M]) == (situation, [])


CONFLITS = [
    # (individu, famille, champ attendu, noms cités dans le message)
    ({"activite": _m("chomeur"), "inscription_france_travail": _m("non")}, {}, f"individus.p.inscription_france_travail.{M}", ["activite"]),
    ({"handicap": _m(False), "rqth": _m("oui")}, {}, f"individus.p.rqth.{M}", ["handicap"]),
    (
        {"distance_activite_domicile": _m(30), "projet_distance_aller_retour_km": _m(30)},
        {},
        f"individus.p.projet_distance_aller_retour_km.{M}",
        ["distance_activite_domicile"],
    ),
    ({"allocation_retour_emploi_journaliere": _m(40), "percoit_are": _m("non")}, {}, f"individus.p.percoit_are.{M}", ["allocation_retour_emploi_journaliere"]),
    (
        {"pole_emploi_categorie_demandeur_emploi": _m("categorie_4"), "categorie_demandeur_emploi": _m("categorie_1")},
        {},
        f"individus.p.categorie_demandeur_emploi.{M}",
        ["pole_emploi_categorie_demandeur_emploi"],
    ),
    ({"percoit_rsa": _m("non")}, {"rsa": _m(500)}, f"individus.p.percoit_rsa.{M}", ["rsa"]),
    ({"activite": _m("etudiant"), "etudiant": _m(False)}, {}, f"individus.p.etudiant.{M}", ["activite"]),
    ({"alternant": _m(True), "projet_contrat_type": _m("cdi")}, {}, f"individus.p.projet_contrat_type.{M}", ["alternant"]),
    ({"apprenti": _m(True), "contrat_de_travail_type": _m("ctt")}, {}, f"individus.p.contrat_de_travail_type.{M}", ["apprenti"]),
]


@pytest.mark.parametrize("individu, famille, champ, cites", CONFLITS, ids=[c[2].split(".")[2] for c in CONFLITS])
def test_deux_faits_qui_se_contredisent_sont_refuses(individu, famille, champ, cites):
    with pytest.raises(ErreurEntree) as erreur:
        evaluer(_situation(individu, famille=famille), M)
    assert erreur.value.champ == champ
    nom_du_champ = champ.split(".")[2]
    for nom in [nom_du_champ, *cites]:
        assert f"« {nom} »" in erreur.value.message, erreur.value.message


def test_conflit_en_400_sur_evaluation_et_calculate(client):
    situation = _situation({"activite": _m("chomeur"), "inscription_france_travail": _m("non")})
    reponse = client.post("/evaluation", json={"situation": situation, "periode": M})
    assert reponse.status_code == 400
    erreur = reponse.get_json()["erreur"]
    assert erreur["champ"] == f"individus.p.inscription_france_travail.{M}" and "« activite »" in erreur["message"]
    assert erreur["attendu"] == ["oui"]
    demande = copy.deepcopy(situation)
    demande["individus"]["p"]["france_travail_aide_mobilite_statut"] = {M: None}
    reponse = client.post("/calculate", json=demande)
    assert reponse.status_code == 400
    assert "« activite »" in reponse.get_json()["individus"]["p"]["inscription_france_travail"][M]


def test_calculate_lit_les_faits_d_openfisca_france_sans_les_renvoyer(client):
    """/calculate : le statut tient compte de `activite`, et la réponse ne montre pas nos entrées déduites."""
    demande = _situation({"activite": _m("inactif"), "france_travail_aide_mobilite_statut": _m(None)})
    reponse = client.post("/calculate", json=demande)
    assert reponse.status_code == 200, reponse.get_json()
    personne = reponse.get_json()["individus"]["p"]
    assert personne["france_travail_aide_mobilite_statut"][M] == "non_eligible"  # pas inscrit(e) à France Travail
    assert "inscription_france_travail" not in personne and personne["activite"] == {M: "inactif"}


def test_la_table_documentee_est_a_jour(systeme):
    assert DOC.read_text(encoding="utf-8") == tableau(systeme), "régénérer : make docs"


def test_l_exemple_aides_jeunes_repond_a_chaque_aide_sans_fait_en_double(systeme):
    """Une requête comme celles d'aides-jeunes (reference/aides-jeunes-study.md §1.6), dans le seul vocabulaire
    d'openfisca-france : chaque aide répond, et aucune question ne redemande un fait déjà donné."""
    import inspect

    from openfisca_clara_api.catalogue import charger_catalogue
    from openfisca_clara_api.exemples import charger_exemple, periode_demandee

    situation = charger_exemple("aides_jeunes_demandeur_emploi")
    periode = periode_demandee(situation)
    donnees = {
        nom
        for instances in situation.values()
        for instance in instances.values()
        for nom, valeurs in instance.items()
        if isinstance(valeurs, dict) and any(v is not None for v in valeurs.values())
    }
    nos_entrees = {nom for nom in donnees if "openfisca_clara" in (inspect.getsourcefile(type(systeme.variables[nom])) or "")}
    assert not nos_entrees, f"l'exemple doit parler le seul vocabulaire d'openfisca-france : {nos_entrees}"
    resultat = evaluer(situation, periode)
    assert {a["id"] for r in resultat["rubriques"] for a in r["aides"]} == set(charger_catalogue())
    deja_dits = {cible for c in CORRESPONDANCES if c.source in donnees for cible in c.cibles}
    deja_dits |= {"enfants_a_charge", "parent_isole", "etat_ass_en_couple"}  # la composition de la famille est donnée
    redemandes = [q["variable"] for q in resultat["questions"] if q["variable"] in deja_dits]
    assert not redemandes, f"questions sur des faits déjà donnés : {redemandes}"
    assert resultat["resume"]["eligible"] >= 10, resultat["resume"]
