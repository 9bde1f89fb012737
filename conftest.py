"""Un seul système de calcul pour toute la session : tests YAML et tests Python.

Les fichiers YAML de tests/ sont collectés par le greffon d'openfisca-core, avec le système déjà
construit (openfisca-france + openfisca_clara) : une seule construction (≈ 2,5 s) par session.
"""

import pytest
from openfisca_core.tools.test_runner import OpenFiscaPlugin

from openfisca_clara_api.systeme import construire_systeme


def pytest_configure(config):
    # Sous `openfisca test`, le greffon est déjà là : ne pas collecter chaque fichier YAML deux fois.
    if not any(isinstance(greffon, OpenFiscaPlugin) for greffon in config.pluginmanager.get_plugins()):
        config.pluginmanager.register(OpenFiscaPlugin(construire_systeme(), {}), "openfisca-yaml")


@pytest.fixture(scope="session")
def systeme():
    return construire_systeme()
