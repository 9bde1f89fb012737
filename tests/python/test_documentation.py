"""La documentation générée suit le code."""

from pathlib import Path

from openfisca_clara_api.documentation import tableau

VOCABULAIRE = Path(__file__).resolve().parents[2] / "docs" / "vocabulaire.md"


def test_le_vocabulaire_documente_est_a_jour(systeme):
    assert VOCABULAIRE.read_text(encoding="utf-8") == tableau(), "régénérer : python -m openfisca_clara_api.documentation > docs/vocabulaire.md"
