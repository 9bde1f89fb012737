"""Le catalogue, les paramètres et les noms : ce que chaque aide doit respecter (DESIGN.md §3, §4, §5, §7)."""

import datetime
from pathlib import Path

import pytest
import yaml
from openfisca_core.indexed_enums import Enum
from openfisca_france import CountryTaxBenefitSystem

from openfisca_clara.tri_etat import StatutEligibilite
from openfisca_clara_api.catalogue import charger_catalogue

RACINE = Path(__file__).resolve().parents[2]
PARAMETRES = RACINE / "openfisca_clara" / "parameters"
TESTS_AIDES = RACINE / "tests" / "aides"
NOMS_FRANCE_LOCAL = Path(RACINE.parent / "shared" / "reference" / "openfisca-france-local-6.17.11-names.txt")
# Copie versionnée de la liste, pour que le test tourne aussi sans le dossier shared/.
NOMS_FRANCE_LOCAL_COPIE = RACINE / "tests" / "data" / "openfisca-france-local-6.17.11-names.txt"


@pytest.fixture(scope="module")
def catalogue():
    return charger_catalogue()


@pytest.fixture(scope="module")
def variables_extension(systeme):
    return {nom: v for nom, v in systeme.variables.items() if "openfisca_clara" in str(v.introspection_data[0] if v.introspection_data else "")}


def test_le_catalogue_se_charge_et_chaque_fiche_est_valide(catalogue):
    assert "aide_mobilite" in catalogue
    for identifiant, fiche in catalogue.items():
        assert fiche["id"] == identifiant


def test_chaque_fiche_pointe_vers_des_variables_existantes_du_bon_type(catalogue, systeme):
    for identifiant, fiche in catalogue.items():
        noms = fiche["variables"]
        statut = systeme.variables.get(noms["statut"])
        assert statut is not None, f"{identifiant} : variable {noms['statut']} absente"
        assert statut.value_type is Enum and statut.possible_values is StatutEligibilite, identifiant
        assert systeme.variables[noms["eligible"]].value_type is bool, identifiant
        if noms["montant"] is not None:
            assert systeme.variables[noms["montant"]].value_type is float, identifiant
        for nom in noms.values():
            if nom is not None:
                assert systeme.variables[nom].definition_period == "month", nom


def test_chaque_statut_de_l_extension_a_sa_fiche(catalogue, variables_extension):
    statuts_catalogues = {fiche["variables"]["statut"] for fiche in catalogue.values()}
    statuts = {nom for nom in variables_extension if nom.endswith("_statut")}
    assert statuts - statuts_catalogues == set()


def _dates_du_parametre(systeme, chemin):
    """Les valeurs datées d'un paramètre du système (fichiers du paquet ou aides locales)."""
    feuille = systeme.parameters
    for morceau in chemin.split("."):
        feuille = getattr(feuille, morceau)
    return {datetime.date.fromisoformat(v.instant_str): v.value for v in feuille.values_list}


def test_debut_et_fin_du_catalogue_sont_ceux_des_regles(catalogue, systeme):
    """Un dispositif qui finit finit dans les règles : `fin` du catalogue = dernier jour où `ouvert` est vrai."""
    for identifiant, fiche in catalogue.items():
        if "parametre_ouverture" not in fiche:
            assert fiche["debut"] is None and fiche["fin"] is None, f"{identifiant} : dates sans paramètre d'ouverture"
            continue
        valeurs = _dates_du_parametre(systeme, fiche["parametre_ouverture"])
        ouvertures = sorted(d for d, v in valeurs.items() if v is True)
        fermetures = sorted(d for d, v in valeurs.items() if v in (False, None) and d > ouvertures[0])
        assert fiche["debut"] == ouvertures[0].isoformat(), identifiant
        if fermetures:
            assert fiche["fin"] == (fermetures[-1] - datetime.timedelta(days=1)).isoformat(), identifiant
        else:
            assert fiche["fin"] is None, identifiant


def _fichiers_parametres():
    return [f for f in PARAMETRES.rglob("*.yaml") if f.name != "index.yaml"]


@pytest.mark.parametrize("fichier", _fichiers_parametres(), ids=lambda f: str(f.relative_to(PARAMETRES)))
def test_chaque_parametre_a_une_description_une_unite_et_une_reference(fichier):
    contenu = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    assert contenu.get("description"), "description manquante"
    metadata = contenu.get("metadata") or {}
    assert metadata.get("unit"), "metadata.unit manquante"
    references = metadata.get("reference")
    assert references, "metadata.reference manquante"
    liste = [r for valeurs in references.values() for r in valeurs] if isinstance(references, dict) else references
    for reference in liste:
        assert reference.get("title") and str(reference.get("href", "")).startswith("http"), reference


def test_une_seule_cle_de_parametres_a_la_racine():
    assert sorted(p.name for p in PARAMETRES.iterdir()) == ["clara"]


def _noms_france_local():
    source = NOMS_FRANCE_LOCAL if NOMS_FRANCE_LOCAL.exists() else NOMS_FRANCE_LOCAL_COPIE
    noms = {"variable": set(), "parameter_root": set()}
    for ligne in source.read_text(encoding="utf-8").splitlines():
        if ":" in ligne and not ligne.startswith("#"):
            genre, nom = (morceau.strip() for morceau in ligne.split(":", 1))
            noms.setdefault(genre, set()).add(nom)
    return noms


def test_aucun_nom_ne_collisionne_avec_openfisca_france_ni_openfisca_france_local(variables_extension):
    france = set(CountryTaxBenefitSystem().variables)
    local = _noms_france_local()
    assert local["variable"], "liste des noms d'openfisca-france-local vide"
    assert set(variables_extension) & france == set()
    assert set(variables_extension) & local["variable"] == set()
    assert "clara" not in local["parameter_root"]


def test_chaque_aide_a_ses_tests_yaml_pour_les_trois_statuts(catalogue):
    fichiers = {f.name.removesuffix(".yaml"): f for f in TESTS_AIDES.rglob("*.yaml")}
    for identifiant, fiche in catalogue.items():
        assert identifiant in fichiers, f"{identifiant} : pas de fichier tests/aides/**/{identifiant}.yaml"
        cas = yaml.safe_load(fichiers[identifiant].read_text(encoding="utf-8"))
        statut = fiche["variables"]["statut"]
        attendus = set()
        for cas_test in cas:
            sortie = cas_test.get("output") or {}
            # Avec plusieurs personnes, le statut se lit par personne : `individu: {statut: [...]}`.
            for valeur in (sortie.get(statut), (sortie.get("individu") or {}).get(statut)):
                attendus.update(valeur if isinstance(valeur, list) else [valeur])
        attendus.discard(None)
        assert {"eligible", "a_verifier", "non_eligible"} <= attendus, f"{identifiant} : statuts testés {attendus}"


@pytest.mark.parametrize("identifiant", ["clea_nouvelle_aquitaine", "arce"])
def test_montant_affiche_au_maximum_quand_un_fait_manque(catalogue, identifiant):
    """docs/ecrire-une-aide.md : un montant qui dépend d'un fait inconnu est affiché au maximum, et la fiche le dit
    (`montant_est_maximum: true`). CléA Nouvelle-Aquitaine : forfait le plus élevé si le certificat ou le type
    d'évaluation est inconnu ; ARCE : taux de 60 % si la date de fin du contrat est inconnue."""
    assert catalogue[identifiant]["montant_est_maximum"] is True
