"""Chaque mois de 2005-01 à 2030-12 reçoit une réponse, pour chaque situation d'exemple ; hors de cette plage,
une erreur claire qui nomme le champ. Une aide fermée à la date de la demande est non éligible, et le dit.

Le contrôle exhaustif calcule, mois par mois, le statut et le montant de chaque aide pour les exemples réunis
dans une seule simulation (leurs faits redatés au mois évalué) ; un échantillon de mois passe par /evaluation.
"""

import calendar
import re

import numpy as np
import pytest

from openfisca_clara_api.catalogue import charger_catalogue
from openfisca_clara_api.erreurs import ErreurEntree
from openfisca_clara_api.evaluation import PERIODE_MAXIMALE, PERIODE_MINIMALE, construire_simulation, evaluer
from openfisca_clara_api.exemples import charger_exemple, lister_exemples, periode_demandee

MOIS = [f"{annee}-{mois:02d}" for annee in range(2005, 2031) for mois in range(1, 13)]
# Les bornes, les changements de régime les plus connus (régions 2016, AGE 2024...) et quelques mois ordinaires.
ECHANTILLON = ["2005-01", "2009-06", "2015-12", "2016-01", "2019-12", "2024-05", "2026-04", "2030-12"]


def _decaler_date(texte, mois):
    annee, mois_, jour = (int(x) for x in texte.split("-"))
    rang = annee * 12 + mois_ - 1 + mois
    annee, mois_ = divmod(rang, 12)
    dernier = calendar.monthrange(annee, mois_ + 1)[1]
    return f"{annee:04d}-{mois_ + 1:02d}-{min(jour, dernier):02d}"


def _redatee(situation, mois):
    """La même situation décalée dans le temps jusqu'au mois évalué : périodes et dates avancent ensemble
    (la personne a le même âge, son contrat commence autant de jours après sa demande). Les dates sentinelles
    « non renseignée » (0001-01-01) restent telles quelles."""
    depart = periode_demandee(situation)
    ecart = (int(mois[:4]) - int(depart[:4])) * 12 + int(mois[5:]) - int(depart[5:])

    def decaler(valeur):
        if isinstance(valeur, dict):
            return {decaler(cle): decaler(v) for cle, v in valeur.items()}
        if isinstance(valeur, list):
            return [decaler(v) for v in valeur]
        if isinstance(valeur, str) and re.fullmatch(r"\d{4}-\d{2}", valeur):
            return _decaler_date(f"{valeur}-01", ecart)[:7]
        if isinstance(valeur, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", valeur) and valeur >= "1900":
            return _decaler_date(valeur, ecart)
        return valeur

    return decaler(situation)


def _groupes_d_exemples(systeme):
    """Les exemples réunis par jeu d'entrées calculables données (date de la demande, âge...) : dans une
    simulation commune, une personne sans l'entrée qu'une autre donne recevrait sa valeur par défaut au lieu
    de sa formule ; deux exemples de même jeu se réunissent sans rien changer à leurs résultats."""
    groupes = {}
    for nom in lister_exemples():
        calculables = frozenset(
            variable
            for instances in charger_exemple(nom).values()
            for instance in instances.values()
            for variable, valeurs in instance.items()
            if isinstance(valeurs, dict) and None not in valeurs.values() and systeme.variables[variable].formulas
        )
        groupes.setdefault(calculables, []).append(nom)
    return list(groupes.values())


def _exemples_reunis(noms, mois):
    """Des exemples dans une seule situation, chaque identifiant préfixé par le nom de son exemple."""
    reunie = {}
    for nom in noms:
        situation = _redatee(charger_exemple(nom), mois)
        for pluriel, instances in situation.items():
            for identifiant, instance in instances.items():
                instance = {cle: ([f"{nom}.{m}" for m in v] if isinstance(v, list) else v) for cle, v in instance.items()}
                reunie.setdefault(pluriel, {})[f"{nom}.{identifiant}"] = instance
    return reunie


def test_la_plage_des_mois_est_2005_01_a_2030_12():
    assert (PERIODE_MINIMALE, PERIODE_MAXIMALE) == ("2005-01", "2030-12")


def test_chaque_mois_de_2005_a_2030_repond_pour_chaque_exemple(systeme):
    catalogue = charger_catalogue()
    groupes = _groupes_d_exemples(systeme)
    assert sum(map(len, groupes)) == len(lister_exemples()) and len(groupes) < len(lister_exemples())
    for mois, exemples in ((mois, exemples) for mois in MOIS for exemples in groupes):
        simulation = construire_simulation(_exemples_reunis(exemples, mois), systeme)
        for identifiant, fiche in catalogue.items():
            noms = fiche["variables"]
            statut = np.asarray(simulation.calculate(noms["statut"], mois))
            if noms["montant"] is not None:
                montant = simulation.calculate(noms["montant"], mois)
                assert np.isfinite(montant).all() and (montant[statut == 0] == 0).all(), (identifiant, mois)


def test_une_aide_qui_n_existait_pas_est_non_eligible_avec_cette_raison():
    resultat = evaluer(_redatee(charger_exemple("mere_isolee_reprise_emploi"), "2015-06"), "2015-06")
    aides = {a["id"]: a for r in resultat["rubriques"] for a in r["aides"]}
    # L'AGE remplace l'AGEPI le 1er mai 2024 ; le service lui-même (AGEPI) date de 2014 : il est ouvert en 2015.
    garde = aides["aide_garde_enfants"]
    assert any(c["variable"].endswith("_dispositif_ouvert") and c["valeur"] == "vrai" for c in garde["criteres"])
    # La Région Nouvelle-Aquitaine n'existe qu'à partir du 1er janvier 2016 : son aide CléA n'est pas éligible.
    clea = aides["clea_nouvelle_aquitaine"]
    assert clea["statut"] != "eligible"
    fermees = [a for a in aides.values() if a["fin"] is not None and a["fin"] < "2015-06-01"]
    for aide in fermees:
        assert aide["statut"] == "non_eligible", aide["id"]
        assert any(c["variable"].endswith("_dispositif_ouvert") and c["valeur"] == "faux" for c in aide["criteres"]), aide["id"]


@pytest.fixture(scope="module")
def client(systeme):
    from openfisca_clara_api.web import creer_application

    return creer_application(systeme).test_client()


@pytest.mark.parametrize("nom", lister_exemples())
def test_evaluation_web_repond_200_sur_un_echantillon_de_mois(nom, client):
    for mois in ECHANTILLON:
        for situation in (charger_exemple(nom), _redatee(charger_exemple(nom), mois)):
            reponse = client.post("/evaluation", json={"situation": situation, "periode": mois})
            assert reponse.status_code == 200, (nom, mois, reponse.get_json())
            assert reponse.get_json()["periode"] == mois


@pytest.mark.parametrize("periode", ["2004-12", "1990-01", "2031-01", "2099-12"])
def test_un_mois_hors_de_la_plage_est_une_erreur_qui_nomme_le_champ(periode, client):
    with pytest.raises(ErreurEntree) as erreur:
        evaluer(charger_exemple("mere_isolee_reprise_emploi"), periode)
    assert erreur.value.champ == "periode"
    assert "2005-01" in erreur.value.message and "2030-12" in erreur.value.message
    reponse = client.post("/evaluation", json={"situation": charger_exemple("mere_isolee_reprise_emploi"), "periode": periode})
    assert reponse.status_code == 400
    assert reponse.get_json()["erreur"]["champ"] == "periode"
