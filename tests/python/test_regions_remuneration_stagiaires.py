"""Barème partagé de la rémunération des stagiaires des Régions (rulebook-regions.md §R0)."""

import numpy as np
import pytest

from openfisca_clara.tri_etat import parametre_aux_dates

P = "clara.regions.remuneration_stagiaires"


@pytest.mark.parametrize(
    ("jour", "moins_18", "de_18_a_25", "taux_plein"),
    [
        ("2021-05-01", 200.0, 500.0, 685.0),
        ("2022-06-30", 200.0, 500.0, 685.0),
        ("2022-07-01", 208.0, 520.0, 712.4),  # loi n° 2022-1158, art. 9 : + 4 %
        ("2023-04-01", 211.2, 528.0, 723.36),
        ("2024-03-31", 211.2, 528.0, 723.36),
        ("2024-04-01", 220.92, 552.29, 756.63),  # imprimés par la Région Centre-Val de Loire
        ("2025-03-31", 220.92, 552.29, 756.63),
        ("2025-04-01", 224.68, 561.68, 769.49),
    ],
)
def test_montants_aux_dates(systeme, jour, moins_18, de_18_a_25, taux_plein):
    dates = np.array([jour], dtype="datetime64[D]")
    for nom, attendu in (("moins_18_ans", moins_18), ("de_18_a_25_ans", de_18_a_25), ("taux_plein", taux_plein)):
        assert parametre_aux_dates(systeme.get_parameters_at_instant, dates, f"{P}.montant.{nom}")[0] == pytest.approx(attendu, abs=0.001)


def test_bareme_non_lu_a_partir_d_avril_2026(systeme):
    avant, apres = np.array(["2026-03-31", "2026-04-01"], dtype="datetime64[D]")
    assert parametre_aux_dates(systeme.get_parameters_at_instant, np.array([avant]), f"{P}.bareme_publie")[0] == 1
    assert np.isnan(parametre_aux_dates(systeme.get_parameters_at_instant, np.array([apres]), f"{P}.bareme_publie")[0])


def test_avant_mai_2021_non_code(systeme):
    dates = np.array(["2021-04-30"], dtype="datetime64[D]")
    assert np.isnan(parametre_aux_dates(systeme.get_parameters_at_instant, dates, f"{P}.montant.taux_plein")[0])
