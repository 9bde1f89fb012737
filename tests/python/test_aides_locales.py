"""Le compilateur des aides locales (openfisca_clara_api/aides_locales.py) : validation et coût hors territoire."""

import textwrap

import numpy as np
import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_clara_api.aides_locales import ErreurAideLocale, charger_aides_locales, lire_fichier

MINIMAL = """\
id: essai_aide
territoire:
  departements: ["44"]
  label: Résider en Loire-Atlantique
fiche: {}
parametres:
  ouvert:
    description: Le dispositif est ouvert
    metadata:
      unit: /1
      reference:
        - title: Règlement
          href: https://example.org/reglement
    values:
      2024-01-01: true
conditions:
  - ouverture: {parametre: ouvert, avant_historique: faux}
"""


def _lire(texte):
    return lire_fichier(textwrap.dedent(texte), "departement_essai/essai_aide.yaml", "departement_essai")


def test_un_fichier_minimal_se_lit():
    aide = _lire(MINIMAL)
    assert aide.chemin_parametres == "clara.departement_essai.essai_aide"


@pytest.mark.parametrize(
    ("remplacer", "par", "attendu"),
    [
        ("  - ouverture: {parametre: ouvert, avant_historique: faux}", "  - habiter: loin", "ligne 17 : champ « conditions.0 »"),
        (
            "{parametre: ouvert, avant_historique: faux}",
            "{parametre: ferme, avant_historique: faux}",
            "ligne 17 : champ « conditions.0.ouverture.parametre » : le paramètre 'ferme'",
        ),
        ("avant_historique: faux}", "avant_historique: peut_etre}", "champ « conditions.0.ouverture.avant_historique »"),
        (
            "        - title: Règlement\n          href: https://example.org/reglement\n",
            "        - title: Règlement\n",
            "champ « parametres.ouvert.metadata.reference »",
        ),
        ('departements: ["44"]', "departements: 44", "ligne 3 : champ « territoire.departements »"),
        ("id: essai_aide", "id: autre_nom", "ligne 1 : champ « id » : 'autre_nom' doit être le nom du fichier"),
    ],
)
def test_une_erreur_nomme_le_fichier_la_ligne_et_le_champ(remplacer, par, attendu):
    assert remplacer in MINIMAL
    with pytest.raises(ErreurAideLocale) as erreur:
        _lire(MINIMAL.replace(remplacer, par))
    assert str(erreur.value).startswith("departement_essai/essai_aide.yaml, ligne ")
    assert attendu in str(erreur.value)


def test_un_yaml_illisible_nomme_sa_ligne():
    with pytest.raises(ErreurAideLocale, match=r"essai_aide.yaml, ligne 5 : YAML illisible"):
        _lire(MINIMAL.replace("fiche: {}", "fiche: {: :"))


def test_chaque_aide_locale_a_son_fichier_de_tests():
    from pathlib import Path

    racine = Path(__file__).parents[1] / "aides"
    for aide in charger_aides_locales().values():
        assert (racine / aide.territoire_dossier / f"{aide.id}.yaml").exists(), aide.fichier


def test_hors_territoire_une_aide_locale_ne_calcule_que_son_critere_de_residence(systeme):
    """Une aide d'un autre territoire ne coûte qu'un critère connu faux (issue 9, point 3)."""
    situation = {
        "individus": {"p": {"en_emploi": {"2025-06": "non"}}},
        "menages": {"m": {"personne_de_reference": ["p"], "depcom": {"2025-06": "59350"}}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
    }
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    simulation.trace = True
    statut = simulation.calculate("region_nouvelle_aquitaine_clea_statut", "2025-06")
    assert statut.decode_to_str().tolist() == ["non_eligible"]
    calcules = {noeud.name for noeud in simulation.tracer.browse_trace()}
    criteres = {nom for nom in calcules if nom.startswith("region_nouvelle_aquitaine_clea_") and nom != "region_nouvelle_aquitaine_clea_statut"}
    assert criteres == {"region_nouvelle_aquitaine_clea_residence"}
    assert np.all(simulation.calculate("region_nouvelle_aquitaine_clea_montant", "2025-06") == 0)


def test_un_bareme_avec_une_tranche_nulle_a_des_valeurs_nulles():
    """Un barème à montants dont un seuil ou un montant vaut null à une date ajoute le critère « montant publié »."""
    from openfisca_clara_api.aides_locales import _a_des_valeurs_nulles

    bareme = {"brackets": [{"threshold": {"2022-01-01": 0}, "amount": {"2022-01-01": 500, "2024-01-01": None}}, {"threshold": {"2022-01-01": 600}}]}
    assert _a_des_valeurs_nulles({"b": bareme})
    assert not _a_des_valeurs_nulles({"b": {"brackets": [{"threshold": {"2022-01-01": 0}, "amount": {"2022-01-01": {"value": 500}}}]}})
    assert _a_des_valeurs_nulles({"b": {"brackets": [{"threshold": {"2022-01-01": 0}, "amount": {"2024-01-01": {"value": None}}}]}})


def test_loire_atlantique_bareme_nul_en_2024_montant_a_verifier(systeme):
    """Loire-Atlantique (§11.14) : bareme 2022 publié en décembre 2023, tranche nulle au 1er janvier 2024 (sources contradictoires)."""
    situation = {
        "individus": {
            "p": {
                "date_naissance": {"ETERNITY": "2003-03-15"},
                "loire_atlantique_permis_categorie_permis": {"2023-12": "b", "2024-01": "b"},
                "revenu_fiscal_reference_n_2": {"2023-12": 12000, "2024-01": 12000},
                "nombre_parts_fiscales": {"2023-12": 2, "2024-01": 2},
            }
        },
        "menages": {"m": {"personne_de_reference": ["p"], "depcom": {"2023-12": "44109", "2024-01": "44109"}}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
    }
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    assert simulation.calculate("loire_atlantique_permis_montant_publie", "2023-12").tolist() == [1]
    assert simulation.calculate("loire_atlantique_permis_montant_publie", "2024-01").tolist() == [0]


PAR_AGE = """\
montant:
  parametre: clara.regions.remuneration_stagiaires.montant
  par_age:
    a_la_date: debut_projet
    tranches:
      - {moins_de: clara.regions.remuneration_stagiaires.age_majorite, montant: moins_18_ans}
      - {moins_de: clara.regions.remuneration_stagiaires.age_taux_plein, montant: de_18_a_25_ans}
      - {montant: taux_plein}
"""


def test_un_montant_par_tranche_d_age_lit_un_bareme_partage():
    """`montant.par_age` (barème par âge) et les noms absolus `clara.…` de paramètres passent la validation."""
    aide = _lire(MINIMAL + PAR_AGE)
    assert aide.donnees["montant"]["par_age"]["tranches"][2] == {"montant": "taux_plein"}
    texte = MINIMAL.replace("{parametre: ouvert,", "{parametre: clara.regions.remuneration_stagiaires.bareme_publie,")
    assert _lire(texte).donnees["conditions"][0]["ouverture"]["parametre"].startswith("clara.")


@pytest.mark.parametrize(
    ("remplacer", "par", "attendu"),
    [
        ("      - {montant: taux_plein}\n", "", "montant.par_age.tranches.1 » : chaque tranche sauf la dernière a sa borne"),
        ("{montant: taux_plein}", "{moins_de: clara.x, montant: taux_plein}", "montant.par_age.tranches.2 » : chaque tranche sauf la dernière"),
        ("a_la_date: debut_projet", "a_la_date: naissance", "montant.par_age.a_la_date"),
    ],
)
def test_un_montant_par_age_mal_forme_est_refuse(remplacer, par, attendu):
    with pytest.raises(ErreurAideLocale, match=attendu.replace(".", r"\.").replace("(", r"\(")):
        _lire(MINIMAL + PAR_AGE.replace(remplacer, par))


def test_un_montant_nul_rend_l_aide_non_eligible(systeme):
    """`montant.nul_non_eligible` : une tranche à 0 € est un critère connu faux, jamais « éligible, 0 € » (aide au permis NA)."""
    situation = {
        "individus": {
            "p": {
                "date_naissance": {"ETERNITY": "2005-03-15"},
                "suivi_mission_locale": {"2025-06": "oui"},
                "na_aide_permis_alternance": {"2025-06": "non"},
                "revenu_fiscal_reference_n_2": {"2025-06": 30002},
                "nombre_parts_fiscales": {"2025-06": 2},
            }
        },
        "menages": {"m": {"personne_de_reference": ["p"], "depcom": {"2025-06": "33063"}}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
    }
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    assert systeme.variables["na_aide_permis_montant_positif"].label.startswith("Avoir un quotient familial")
    assert simulation.calculate("na_aide_permis_montant_positif", "2025-06").tolist() == [-1]
    assert simulation.calculate("na_aide_permis_statut", "2025-06").decode_to_str().tolist() == ["non_eligible"]


def test_nul_non_eligible_est_un_libelle():
    texte = MINIMAL + textwrap.dedent("""\
        montant:
          parametre: ouvert
          nul_non_eligible: 12
        """)
    with pytest.raises(ErreurAideLocale, match=r"montant.nul_non_eligible"):
        _lire(texte)


def _residence(systeme, menage):
    situation = {
        "individus": {"p": {}},
        "menages": {"m": {"personne_de_reference": ["p"], **menage}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
    }
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    return int(simulation.calculate("region_nouvelle_aquitaine_clea_residence", "2025-06")[0])


def test_le_departement_seul_tranche_une_aide_regionale(systeme):
    assert _residence(systeme, {"departement_residence": {"2025-06": "33"}}) == 1
    assert _residence(systeme, {"departement_residence": {"2025-06": "59"}}) == -1
    assert _residence(systeme, {"depcom": {"2025-06": "33063"}}) == 1
    assert _residence(systeme, {}) == 0


def test_le_squelette_de_make_nouvelle_aide_se_lit(tmp_path):
    """`make nouvelle-aide` écrit un fichier que le compilateur accepte, et son fichier de tests (issue 9, point 5)."""
    import importlib.util
    from pathlib import Path

    chemin = Path(__file__).parents[2] / "scripts" / "nouvelle_aide.py"
    spec = importlib.util.spec_from_file_location("nouvelle_aide", chemin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(
        ["--id", "d44_essai", "--territoire", "departement_loire_atlantique", "--porteur", "Département", "--departements", "44", "--racine", str(tmp_path)]
    )
    texte = (tmp_path / "openfisca_clara" / "aides_locales" / "departement_loire_atlantique" / "d44_essai.yaml").read_text(encoding="utf-8")
    aide = lire_fichier(texte, "departement_loire_atlantique/d44_essai.yaml", "departement_loire_atlantique")
    assert aide.donnees["territoire"]["departements"] == ["44"]
    assert (tmp_path / "tests" / "aides" / "departement_loire_atlantique" / "d44_essai.yaml").exists()
