"""Aides locales des Départements, métropoles et communes : le territoire `sauf_epci` (un département moins sa métropole)."""

from openfisca_core.simulations import SimulationBuilder


def test_sauf_epci_retire_une_metropole_du_territoire(systeme):
    """`territoire.sauf_epci` : la Haute-Garonne moins Toulouse Métropole (FAJ d31) ; commune inconnue : inconnu."""
    communes = {"muret": "31395", "toulouse": "31555", "blagnac": "31069", "montauban": "82121", "inconnue": ""}
    situation = {
        "individus": {nom: {} for nom in communes},
        "menages": {f"m_{nom}": {"personne_de_reference": [nom], "depcom": {"2025-06": code}} for nom, code in communes.items()},
        "familles": {f"f_{nom}": {"parents": [nom]} for nom in communes},
        "foyers_fiscaux": {f"ff_{nom}": {"declarants": [nom]} for nom in communes},
    }
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    assert simulation.calculate("haute_garonne_faj_residence", "2025-06").tolist() == [1, -1, -1, -1, 0]
