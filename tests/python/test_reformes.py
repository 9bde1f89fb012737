"""Les réformes s'appliquent au système et changent ce qu'elles disent changer, et rien avant leur date."""

from openfisca_core.simulations import SimulationBuilder

from openfisca_clara.reforms.aide_mobilite import aide_mobilite_bareme_kilometrique_030

SITUATION = {
    "individus": {
        "demandeur": {
            "inscription_france_travail": {"2027-01": "oui"},
            "categorie_demandeur_emploi": {"2027-01": "categorie_1"},
            "percoit_are": {"2027-01": "non"},
            "percoit_aref": {"2027-01": "non"},
            "percoit_asp": {"2027-01": "non"},
            "percoit_ass": {"2027-01": "non"},
            "projet_type": {"2027-01": "examen_concours"},
            "projet_lieu": {"2027-01": "france_metropolitaine"},
            "projet_date_debut": {"2027-01": "2027-01-05"},
            "projet_distance_aller_retour_km": {"2027-01": 100},
            "projet_nombre_allers_retours": {"2027-01": 1},
            "projet_nombre_repas": {"2027-01": 0},
            "projet_nombre_nuitees": {"2027-01": 0},
            "france_travail_aide_mobilite_montant_percu_12_mois": {"2027-01": 0},
        }
    },
    "menages": {"m": {"personne_de_reference": ["demandeur"], "depcom": {"2027-01": "59350"}}},
}


def _montant(systeme, date_demande):
    situation = {**SITUATION, "individus": {"demandeur": {**SITUATION["individus"]["demandeur"], "date_demande": {"2027-01": date_demande}}}}
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    return float(simulation.calculate("france_travail_aide_mobilite_montant", "2027-01")[0])


def test_la_reforme_change_le_bareme_kilometrique_a_sa_date(systeme):
    reforme = aide_mobilite_bareme_kilometrique_030(systeme)
    assert _montant(systeme, "2027-01-05") == 23.0
    assert _montant(reforme, "2027-01-05") == 30.0


def test_la_reforme_ne_change_rien_avant_sa_date(systeme):
    reforme = aide_mobilite_bareme_kilometrique_030(systeme)
    # Demande du 31 décembre 2026, pour l'examen du 5 janvier 2027 : ancien barème.
    assert _montant(reforme, "2026-12-31") == 23.0
