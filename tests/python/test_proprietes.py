"""Propriétés du modèle sur une population générée (toutes les entrées tirées, inconnues comprises).

Pour chaque aide : le montant est nul quand le statut est « non éligible », jamais négatif ni NaN ;
`_eligible` vaut exactement « statut = éligible » ; chaque critère vaut −1, 0 ou +1.
"""

import numpy as np
import pytest
from openfisca_core import periods

from openfisca_clara_api.bench import simulation_generee
from openfisca_clara_api.catalogue import charger_catalogue

PERIODES = ["2021-06", "2024-04", "2024-05", "2025-06", "2026-04", "2026-07"]


@pytest.fixture(scope="module", params=PERIODES)
def population(request, systeme):
    simulation, _ = simulation_generee(systeme, 2000, periods.period(request.param))
    return simulation, request.param


def test_montant_nul_si_non_eligible_et_eligible_coherent(population):
    simulation, periode = population
    for identifiant, fiche in charger_catalogue().items():
        noms = fiche["variables"]
        statut = np.asarray(simulation.calculate(noms["statut"], periode))
        eligible = simulation.calculate(noms["eligible"], periode)
        assert (eligible == (statut == 2)).all(), identifiant
        if noms["montant"] is not None:
            montant = simulation.calculate(noms["montant"], periode)
            assert not np.isnan(montant).any(), identifiant
            assert (montant >= 0).all(), identifiant
            assert (montant[statut == 0] == 0).all(), identifiant


def _criteres_des_aides(systeme):
    """Les critères de chaque aide : le tuple CRITERES que lit la formule de son statut."""
    criteres = set()
    for fiche in charger_catalogue().values():
        for formule in systeme.variables[fiche["variables"]["statut"]].formulas.values():
            criteres.update(formule.__globals__.get("CRITERES", ()))
    return sorted(criteres)


def test_chaque_critere_vaut_moins_un_zero_ou_un(population, systeme):
    simulation, periode = population
    criteres = _criteres_des_aides(systeme)
    assert len(criteres) > 100
    for nom in criteres:
        assert np.isin(simulation.calculate(nom, periode), (-1, 0, 1)).all(), nom


def test_jamais_eligible_a_zero_euro(population):
    """Issue 8, classe e : une aide qui a un montant (fiche `variables.montant`) n'est jamais « éligible, 0 € ».

    Un montant qui ne peut pas être établi rend l'aide « à vérifier » (critère `…_base_montant` ou équivalent) ;
    seules les aides sans montant (fiche `variables.montant: null`) n'en ont pas.
    """
    simulation, periode = population
    fautives = {}
    for identifiant, fiche in charger_catalogue().items():
        noms = fiche["variables"]
        if noms["montant"] is None:
            continue
        statut = np.asarray(simulation.calculate(noms["statut"], periode))
        montant = simulation.calculate(noms["montant"], periode)
        nombre = int(((statut == 2) & (montant <= 0)).sum())
        if nombre:
            fautives[identifiant] = nombre
    assert not fautives, fautives
