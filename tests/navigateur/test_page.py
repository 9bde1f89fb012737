"""La page de Clara (`GET /`) dans Chromium : personas, « je ne sais pas », retour en arrière, mode conseiller,
export YAML, vie privée, accessibilité (axe-core), écran de 360 px, serveur injoignable, console sans erreur.

Un persona répond à chaque question que la page pose (celle que `/evaluation` classe en premier) : par ses faits
quand il les connaît, « Non » aux questions fermées qui ne le concernent pas, « Je ne sais pas » sinon. Le nombre de
questions posées avant que 80 % des aides soient tranchées (éligible ou non éligible) est écrit dans
`captures/questions_par_persona.json` (docs/page.md le cite).
"""

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from openfisca_core.tools.test_runner import YamlItem, build_test

from openfisca_clara_api.exemples import charger_exemple, lister_exemples, periode_demandee

AXE = Path(__file__).parent / "vendor" / "axe.min.js"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MOIS_LILLE = "2026-12"


def statuts(resultat):
    return {aide["id"]: aide["statut"] for rubrique in resultat["rubriques"] for aide in rubrique["aides"]}


def evaluation(application, situation, periode):
    reponse = application.test_client().post("/evaluation", json={"situation": situation, "periode": periode})
    assert reponse.status_code == 200, reponse.get_json()
    return reponse.get_json()


def statuts_affiches(onglet):
    return onglet.lire()["statuts"]


def cliquer_choix(page, valeur):
    identifiant = page.locator(f"#question input[name=reponse][value='{valeur}']").get_attribute("id")
    page.click(f"#question label[for='{identifiant}']")


def repondre(onglet, valeur, question=None, n=None):
    """Répond à la question affichée (None : « Je ne sais pas ») et attend la nouvelle réponse de la page."""
    page = onglet.page
    if question is None:
        lu = onglet.lire()
        question, n = lu["question"], lu["evaluations"]
    type_ = question["type"]
    if valeur is None:
        page.click("#je-ne-sais-pas")
    elif type_ == "enfants":
        page.select_option("#enfants-nombre", str(len(valeur)))
        for rang, naissance in enumerate(valeur):
            page.fill(f"#enfant-{rang + 1}", naissance or "")
        page.click("#valider")
    elif type_ in ("choix", "booleen"):
        cliquer_choix(page, str(valeur).lower() if isinstance(valeur, bool) else valeur)
        page.click("#valider")
    elif question["variable"] == "depcom":
        page.fill("#reponse", valeur)
        page.wait_for_selector("#reponse-choix input:checked")
        page.click("#valider")
    else:
        page.fill("#reponse", str(valeur))
        page.click("#valider")
    onglet.attendre(n + 1)


def question_affichee(onglet):
    return onglet.lire()["question"]


def parcourir(onglet, politique, maximum=90):
    """Répond aux questions jusqu'à la dernière (ou `maximum`) ; renvoie [(questions posées, aides tranchées, total)]."""
    parcours = []
    posees = 0
    while True:
        lu = onglet.lire()
        affiches, question = lu["statuts"], lu["question"]
        parcours.append((posees, sum(1 for s in affiches.values() if s != "a_verifier"), len(affiches)))
        if question is None or posees >= maximum:
            return parcours
        repondre(onglet, politique(question), question, lu["evaluations"])
        posees += 1


def seuil_80(parcours):
    return next((posees for posees, tranchees, total in parcours if tranchees >= 0.8 * total), None)


def politique_persona(faits, choix_par_defaut="non"):
    """Les faits connus du persona ; « Non » aux questions fermées qui ne le concernent pas ; « je ne sais pas » sinon."""

    def politique(question):
        if question["variable"] in faits:
            return faits[question["variable"]]
        if question["type"] == "choix" and choix_par_defaut in question["choix"]:
            return choix_par_defaut
        return None

    return politique


def politique_exemple(situation):
    """Répond ce que dit la situation d'exemple (ses identifiants, pas ceux de la page), « je ne sais pas » sinon."""
    ids = {
        "individus": next(iter(situation["individus"])),
        **{entite: next(iter(situation.get(entite, {"_": None}))) for entite in ("familles", "foyers_fiscaux", "menages")},
    }
    enfants = [situation["individus"][i].get("date_naissance", {}).get("ETERNITY") for i in list(situation["individus"])[1:]]

    def politique(question):
        if question["type"] == "enfants":
            return enfants or None
        entite, _, variable, periode = question["chemin"].split(".")
        valeurs = situation.get(entite, {}).get(ids.get(entite), {}).get(variable)
        return valeurs.get(periode) if isinstance(valeurs, dict) else None

    return politique


def capturer(page, captures, nom):
    page.screenshot(path=str(captures / f"{nom}.png"), full_page=True)


def bilan_persona(captures, nom, parcours):
    fichier = captures / "questions_par_persona.json"
    bilan = json.loads(fichier.read_text()) if fichier.exists() else {}
    posees, tranchees, total = parcours[-1]
    huit = parcours[min(8, len(parcours) - 1)]
    bilan[nom] = {
        "questions_pour_80_pourcent": seuil_80(parcours),
        "questions_posees": posees,
        "tranchees_a_la_fin": f"{tranchees}/{total}",
        "tranchees_apres_8_questions": f"{huit[1]}/{huit[2]}",
        "tranchees_au_depart": f"{parcours[0][1]}/{parcours[0][2]}",
    }
    fichier.write_text(json.dumps(bilan, ensure_ascii=False, indent=2) + "\n")
    print(nom, bilan[nom])


# --- La page ----------------------------------------------------------------------------------------------


def test_la_premiere_question_s_affiche_vite_sans_ressource_tierce(onglet, serveur, captures):
    page = onglet.page
    debut = time.monotonic()
    page.goto(serveur + "/")
    page.wait_for_selector("#demarrage legend", state="visible")
    delai = time.monotonic() - debut
    page.wait_for_selector("html[data-pret=oui]")
    assert delai < 3, f"première question affichée en {delai:.2f} s"
    assert page.get_attribute("html", "lang") == "fr"
    origines = {urlsplit(r.url).netloc for r in onglet.requetes}
    assert origines == {urlsplit(serveur).netloc}, origines
    reponse = page.request.get(serveur + "/", headers={"Accept": "text/html"})
    csp = reponse.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert page.request.get(serveur + "/", headers={"Accept": "application/json"}).json()["welcome"]
    capturer(page, captures, "accueil-1280")


def test_jeune_demandeur_a_lille(onglet, captures, application):
    """22 ans, Lille, inscrit(e) depuis septembre, CAP, suivi(e) par la mission locale, un projet de formation."""
    page = onglet.ouvrir("2026-12-08")
    page.fill("#depart-commune", "Lille")
    page.wait_for_selector("#depart-commune-choix input:checked")
    page.fill("#depart-age", "22")
    page.click("#commencer")
    onglet.attendre(1)
    faits = {
        "nationalite_declaree": "francaise",
        "inscription_france_travail": "oui",
        "categorie_demandeur_emploi": "categorie_1",
        "plus_haut_diplome_niveau": "niveau_3",
        "date_inscription_france_travail": "2026-09-01",
        "projet_type": "formation",
        "suivi_mission_locale": "oui",
        "caisse_des_depots_cpf_droits_euros": 0,
    }
    parcours = parcourir(onglet, politique_persona(faits), maximum=54)
    bilan_persona(captures, "jeune_lille", parcours)
    affiches = statuts_affiches(onglet)
    for aide in ("pacea", "service_civique", "epide", "contrat_apprentissage", "cep"):
        assert affiches[aide] == "eligible", (aide, affiches[aide])
    # La page montre ce que /evaluation répond pour la même situation.
    situation = page.evaluate("() => window.claraSituation()")
    assert statuts(evaluation(application, situation, MOIS_LILLE)) == affiches
    assert "59350" in json.dumps(situation) and page.inner_text("#liste-reponses").count("Modifier") == parcours[-1][0] + 2
    # Une aide éligible : montant, unité, conditions ✓, démarche et lien officiel.
    carte = page.locator("details.clara-aide[data-aide='service_civique']")
    carte.locator("summary").click()
    texte = carte.inner_text()
    assert "par mois" in texte and "€" in texte and "✓" in texte and "Comment faire la demande" in texte
    assert carte.locator("a[href^='https://']").count() == 1
    capturer(page, captures, "jeune-lille-1280")


@pytest.mark.parametrize("nom", ["mere_isolee_reprise_emploi", "jeune_createur_avec_are"])
def test_le_questionnaire_retrouve_les_statuts_de_l_exemple(onglet, captures, application, nom):
    """Les questions classées, répondues par un exemple (une mère isolée qui reprend un CDD, deux enfants ; un jeune
    créateur d'entreprise indemnisé), jusqu'à la dernière : les mêmes statuts que POST /evaluation sur l'exemple."""
    exemple = charger_exemple(nom)
    periode = periode_demandee(exemple)
    # La page date la demande du jour où l'on répond : l'horloge du navigateur au jour de la demande de l'exemple.
    demande = next(iter(exemple["individus"].values())).get("date_demande", {}).get(periode, f"{periode}-01")
    page = onglet.ouvrir(demande)
    page.click("#commencer")
    onglet.attendre(1)
    parcours = parcourir(onglet, politique_exemple(exemple), maximum=120)
    bilan_persona(captures, nom, parcours)
    assert question_affichee(onglet) is None and page.is_visible("#fin-questions")
    attendu = statuts(evaluation(application, exemple, periode))
    assert statuts_affiches(onglet) == attendu
    if nom == "mere_isolee_reprise_emploi":
        assert attendu["aide_garde_enfants"] == "eligible"
        assert "2 (" in page.inner_text("#liste-reponses")  # les deux enfants, avec leurs dates de naissance
    else:
        assert attendu["activ_crea"] == "eligible"
    capturer(page, captures, f"{nom}-1280")


def test_je_ne_sais_pas_laisse_le_fait_inconnu_et_passe_a_la_suivante(onglet):
    page = onglet.ouvrir()
    page.click("#commencer")
    onglet.attendre(1)
    avant = statuts_affiches(onglet)
    vues = []
    for _ in range(4):
        vues.append(question_affichee(onglet)["variable"])
        repondre(onglet, None)
    assert len(set(vues)) == 4
    assert statuts_affiches(onglet) == avant  # rien d'inventé : les mêmes statuts
    assert page.inner_text("#liste-reponses").count("Je ne sais pas") == 4
    assert set(page.evaluate("() => window.claraSituation()")["individus"]["moi"]) == {"date_demande"}  # le jour de la demande, rien d'autre


def test_revenir_et_changer_une_reponse(onglet):
    page = onglet.ouvrir()
    page.click("#commencer")
    onglet.attendre(1)
    while question_affichee(onglet)["variable"] != "inscription_france_travail":
        repondre(onglet, None)
    repondre(onglet, "non")
    inscrit_non = statuts_affiches(onglet)
    assert inscrit_non["aide_mobilite"] == "non_eligible"
    page.click("#precedente")  # la même question revient, pré-remplie
    assert question_affichee(onglet)["variable"] == "inscription_france_travail"
    assert page.is_checked("#question input[value=non]")
    repondre(onglet, "oui")
    assert statuts_affiches(onglet)["aide_mobilite"] != "non_eligible"
    rang = page.locator("#liste-reponses li[data-variable='inscription_france_travail'] button").get_attribute("data-rang")
    page.click(f"#liste-reponses button[data-rang='{rang}']")  # « Modifier » dans le récapitulatif
    repondre(onglet, "non")
    assert statuts_affiches(onglet)["aide_mobilite"] == "non_eligible"
    page.click("#arreter")  # s'arrêter : les aides restent, la question disparaît
    assert page.is_hidden("#bloc-question") and page.is_visible("#resultats") and page.is_visible("#reprendre")


# --- Le mode conseiller -------------------------------------------------------------------------------------


@pytest.mark.parametrize("nom", lister_exemples())
def test_mode_conseiller_sur_chaque_exemple(onglet, application, nom):
    exemple = charger_exemple(nom)
    periode = periode_demandee(exemple)
    page = onglet.ouvrir()
    page.click("#mode-conseiller")
    page.fill("#conseiller-json", json.dumps(exemple))
    page.fill("#conseiller-mois", periode)
    page.click("#conseiller-evaluer")
    onglet.attendre(1)
    reponse = evaluation(application, exemple, periode)
    assert statuts_affiches(onglet) == statuts(reponse)
    if reponse["questions"]:  # le conseiller voit ce qu'il reste à demander, dans l'ordre de /evaluation
        premiere = page.locator("#liste-questions-ouvertes li").first.get_attribute("data-variable")
        assert premiere == reponse["questions"][0]["variable"]


def test_mode_conseiller_charge_un_exemple_imprime_et_exporte_un_test_yaml(onglet, captures, tmp_path, systeme):
    page = onglet.ouvrir()
    page.click("#mode-conseiller")
    page.wait_for_selector("#conseiller-exemple option[value='entretien_embauche_130_km']", state="attached")
    page.select_option("#conseiller-exemple", "entretien_embauche_130_km")
    page.wait_for_function("() => document.querySelector('#conseiller-json').value.length > 0")
    assert page.input_value("#conseiller-mois") == "2025-06"
    page.click("#conseiller-evaluer")
    onglet.attendre(1)
    assert statuts_affiches(onglet)["aide_mobilite"] == "eligible"
    mobilite = page.locator("details.clara-aide[data-aide='aide_mobilite'] summary")
    assert "€" in mobilite.inner_text() and mobilite.locator(".fr-badge--info").inner_text().lower() == "maximum"
    capturer(page, captures, "conseiller-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    capturer(page, captures, "conseiller-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    # Impression : les aides dépliées (même fermées), sans en-tête ni formulaire ; le PDF est gardé avec les captures.
    page.emulate_media(media="print")
    assert page.is_hidden("#formulaire-conseiller") and page.is_hidden(".fr-header")
    assert page.is_visible("#groupe-non_eligible details.clara-aide .clara-aide__corps")
    page.pdf(path=str(captures / "conseiller.pdf"))
    page.emulate_media(media="screen")
    # Export : un test YAML d'OpenFisca qui passe tel quel.
    with page.expect_download() as telechargement:
        page.click("#exporter-yaml")
    fichier = tmp_path / "cas.yaml"
    telechargement.value.save_as(fichier)
    texte = fichier.read_text(encoding="utf-8")
    assert "france_travail_aide_mobilite_statut" in texte and 'period: "2025-06"' in texte
    # Exécuté comme `openfisca test` le fait (YamlItem d'openfisca-core), dans ce processus : pas de second système.
    for cas in yaml.safe_load(texte):
        item = YamlItem.__new__(YamlItem)  # sans nœud pytest : seulement ce que runtest() lit
        item.baseline_tax_benefit_system, item.options, item.test = systeme, {}, build_test(cas)
        item.simulation = item.tax_benefit_system = None
        item.runtest()  # AssertionError si une valeur attendue diffère


def test_situation_invalide_dit_quel_champ(onglet, tmp_path):
    page = onglet.ouvrir()
    page.click("#mode-conseiller")
    # Un fichier chargé remplit la situation, le mois et la liste des personnes.
    fichier = tmp_path / "situation.json"
    fichier.write_text(json.dumps(charger_exemple("mere_isolee_reprise_emploi")), encoding="utf-8")
    page.set_input_files("#conseiller-fichier", str(fichier))
    page.wait_for_selector("#conseiller-personne option[value='enfant_2']", state="attached")
    assert page.input_value("#conseiller-mois") == "2025-06" and "mere" in page.input_value("#conseiller-json")
    page.fill("#conseiller-json", "{pas du json")
    page.click("#conseiller-evaluer")
    assert "pas du JSON valide" in page.inner_text("#conseiller-erreur")
    page.fill("#conseiller-json", json.dumps({"individus": {"p": {"age": {"2025-06": "trente"}}}}))
    page.fill("#conseiller-mois", "2025-06")
    onglet.erreurs_attendues = ("400",)
    page.click("#conseiller-evaluer")
    page.wait_for_selector("#conseiller-erreur:not([hidden])")
    assert "individus.p.age.2025-06" in page.inner_text("#conseiller-erreur")


# --- Vie privée, accessibilité, résilience ----------------------------------------------------------------------


def test_aucun_fait_personnel_dans_une_adresse_un_cookie_ou_un_stockage(onglet):
    page = onglet.ouvrir()
    page.fill("#depart-commune", "59350")
    page.wait_for_selector("#depart-commune-choix input:checked")
    page.fill("#depart-age", "47")
    page.click("#commencer")
    onglet.attendre(1)
    while question_affichee(onglet)["type"] != "date":
        repondre(onglet, None)
    repondre(onglet, "2026-03-17")
    for requete in onglet.requetes:
        adresse = requete.url
        assert not urlsplit(adresse).query and "#" not in adresse, adresse
        assert not any(fait in adresse for fait in ("59350", "59000", "47", "2026-03-17", "Lille")), adresse
        if requete.method == "POST":
            assert urlsplit(adresse).path == "/evaluation"
    assert page.url.rstrip("/") == onglet.serveur
    assert onglet.contexte.cookies() == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


def test_le_serveur_ne_journalise_aucun_corps(application, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    situation = {
        "individus": {"p": {"age": {"2025-06": 47}, "date_naissance": {"ETERNITY": "1978-03-17"}}},
        "menages": {"m": {"personne_de_reference": ["p"], "depcom": {"2025-06": "59350"}}},
    }
    application.test_client().post("/evaluation", json={"situation": situation, "periode": "2025-06"})
    application.test_client().post("/evaluation", json={"situation": {"individus": {"p": {"age": {"2025-06": "1978-03-17"}}}}, "periode": "2025-06"})
    journal = caplog.text
    assert "1978-03-17" not in journal and "59350" not in journal


def axe(page):
    page.evaluate(AXE.read_text(encoding="utf-8"))
    resultat = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in resultat["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("largeur", [360, 1280])
def test_accessibilite_axe_et_largeur(navigateur, serveur, captures, largeur):
    """axe-core : aucune violation grave ou critique ; à 360 px, rien ne déborde ; clavier : tout se fait au clavier."""
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": largeur, "height": 800}, bypass_csp=True)
    page = contexte.new_page()
    erreurs = []
    page.on("console", lambda m: m.type == "error" and erreurs.append(m.text))
    page.on("pageerror", lambda e: erreurs.append(str(e)))
    try:
        page.goto(serveur + "/")
        page.wait_for_selector("html[data-pret=oui]")
        deborde = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert axe(page) == []
        assert page.evaluate(deborde) <= 0
        capturer(page, captures, f"accueil-{largeur}")
        # Au clavier : commune, âge, « Commencer », puis une réponse à la première question.
        page.focus("#depart-commune")
        page.keyboard.type("Roubaix")
        page.wait_for_selector("#depart-commune-choix input:checked")
        page.focus("#depart-age")
        page.keyboard.type("30")
        page.keyboard.press("Enter")
        page.wait_for_selector("html[data-evaluations='1']")
        assert page.evaluate("() => document.activeElement.id") == "question-legende"
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # la première réponse proposée
        page.keyboard.press("Enter")  # valider
        page.wait_for_selector("html[data-evaluations='2']")
        page.click("#groupe-a_verifier details.clara-aide summary")
        page.click("#groupe-non_eligible > summary")
        assert axe(page) == []
        assert page.evaluate(deborde) <= 0
        capturer(page, captures, f"questionnaire-{largeur}")
        page.click("#mode-conseiller")
        assert axe(page) == []
        assert page.evaluate(deborde) <= 0
    finally:
        contexte.close()
    assert not erreurs, erreurs


def test_serveur_injoignable_sans_perdre_les_reponses(onglet, captures):
    page = onglet.ouvrir()
    page.click("#commencer")
    onglet.attendre(1)
    repondre(onglet, None)
    premiere = page.inner_text("#liste-reponses")
    page.route("**/evaluation", lambda route: route.abort("connectionrefused"))
    onglet.erreurs_attendues = ("ERR_CONNECTION_REFUSED", "Failed to load resource")
    page.click("#je-ne-sais-pas")
    page.wait_for_selector("#erreur:not([hidden])")
    assert "ne répond pas" in page.inner_text("#erreur") and "gardées" in page.inner_text("#erreur")
    capturer(page, captures, "serveur-injoignable-1280")
    page.unroute("**/evaluation")
    page.click("#reessayer")
    onglet.attendre(2)
    assert page.is_hidden("#erreur")
    recapitulatif = page.inner_text("#liste-reponses")
    assert recapitulatif.startswith(premiere.split("\n")[0]) and recapitulatif.count("Je ne sais pas") == 2


def test_reponse_refusee_par_le_serveur_n_est_pas_gardee(onglet):
    page = onglet.ouvrir()
    page.click("#commencer")
    onglet.attendre(1)
    question = question_affichee(onglet)["variable"]
    refus = {"erreur": {"champ": "individus.moi.x.2026-12", "message": "Valeur refusée", "attendu": "texte"}}
    page.route("**/evaluation", lambda route: route.fulfill(status=400, content_type="application/json", body=json.dumps(refus)))
    onglet.erreurs_attendues = ("400",)
    page.click("#je-ne-sais-pas")
    page.wait_for_selector("#erreur:not([hidden])")
    assert "Réponse refusée" in page.inner_text("#erreur") and "individus.moi.x.2026-12" in page.inner_text("#erreur")
    assert question_affichee(onglet)["variable"] == question and "Je ne sais pas" not in page.inner_text("#liste-reponses")
