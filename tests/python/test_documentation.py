"""La documentation générée suit le code."""

from pathlib import Path

from openfisca_clara_api.documentation import tableau

VOCABULAIRE = Path(__file__).resolve().parents[2] / "docs" / "vocabulaire.md"


def test_le_vocabulaire_documente_est_a_jour(systeme):
    assert VOCABULAIRE.read_text(encoding="utf-8") == tableau(), "régénérer : python -m openfisca_clara_api.documentation > docs/vocabulaire.md"


def test_statut_et_montant_de_chaque_aide_sont_documentes(systeme):
    """Chaque aide : sa variable statut et sa variable montant ont une `documentation` (servie par /variable/<id>),
    qui nomme sa fiche ; celle du montant dit l'unité de la fiche (elle ne peut pas la contredire sans que ce test échoue)."""
    from openfisca_clara_api.catalogue import UNITES_MONTANT, charger_catalogue

    manquantes, fausses = [], []
    for fiche in charger_catalogue().values():
        for role in ("statut", "montant"):
            nom = fiche["variables"][role]
            if nom is None:
                continue
            texte = " ".join((systeme.variables[nom].documentation or "").split())
            if len(texte) < 80:
                manquantes.append(nom)
            elif f"« {fiche['id']} »" not in texte or (role == "montant" and f", {UNITES_MONTANT[fiche['unite_montant']]} ;" not in texte):
                fausses.append(nom)
    assert not manquantes, f"sans documentation : {manquantes}"
    assert not fausses, f"documentation qui ne nomme pas sa fiche ou contredit son unité : {fausses}"


def test_la_couverture_documentee_est_a_jour():
    """docs/couverture.md suit le catalogue (issue 10) ; le train d'intégration la régénère à chaque lot."""
    from openfisca_clara_api.couverture import tableau as couverture

    fichier = VOCABULAIRE.with_name("couverture.md")
    assert fichier.read_text(encoding="utf-8") == couverture(), "régénérer : python -m openfisca_clara_api.couverture > docs/couverture.md"
