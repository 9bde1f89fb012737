"""La page de Clara dans un vrai navigateur : Playwright (Python) et le Chromium de Debian (`/usr/bin/chromium`).

`make test` installe l'un et l'autre (`playwright` par les dépendances de développement, `chromium` par apt s'il
manque) : ces tests ne sont jamais sautés. Le serveur est celui de `clara serve` (waitress, l'application complète),
dans un fil de ce processus, sur un port libre. Les captures d'écran (360 et 1280 px) et le PDF vont dans
`tests/navigateur/captures/` (ignoré par git ; `CLARA_CAPTURES` pour un autre dossier).
"""

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from openfisca_clara_api.serveur import creer_serveur
from openfisca_clara_api.web import creer_application

CHROMIUM = os.environ.get("CLARA_CHROMIUM", "/usr/bin/chromium")
CAPTURES = Path(os.environ.get("CLARA_CAPTURES", Path(__file__).parent / "captures"))
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="session")
def application(systeme):
    return creer_application(systeme)


@pytest.fixture(scope="session")
def serveur(application):
    """L'adresse d'un serveur waitress qui sert l'application (la page et l'API), le temps de la session."""
    prise = socket.create_server(("127.0.0.1", 0))
    port = prise.getsockname()[1]
    serveur = creer_serveur(application, prise, threads=4)
    fil = threading.Thread(target=serveur.run, daemon=True)
    fil.start()
    yield f"http://127.0.0.1:{port}"
    serveur.close()


@pytest.fixture(scope="session")
def navigateur():
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    assert executable, f"Chromium absent ({CHROMIUM}) : `make test` l'installe (apt-get install chromium)."
    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield navigateur
        navigateur.close()


@pytest.fixture(scope="session")
def captures():
    CAPTURES.mkdir(parents=True, exist_ok=True)
    return CAPTURES


LIRE = """() => {
  const formulaire = document.querySelector('#question');
  const bloc = document.querySelector('#bloc-question');
  const question = bloc.hidden ? null : {
    variable: formulaire.dataset.variable, type: formulaire.dataset.type, chemin: formulaire.dataset.chemin,
    choix: [...formulaire.querySelectorAll('input[name=reponse]')].map(n => n.value),
  };
  const statuts = Object.fromEntries([...document.querySelectorAll('#groupes details.clara-aide')].map(n => [n.dataset.aide, n.dataset.statut]));
  return {question, statuts, evaluations: Number(document.documentElement.dataset.evaluations || 0)};
}"""


class Onglet:
    """Une page du navigateur et ce qu'elle a fait : requêtes, erreurs de console, erreurs JavaScript."""

    def __init__(self, contexte, serveur):
        self.contexte = contexte
        self.page = contexte.new_page()
        self.serveur = serveur
        self.requetes = []
        self.erreurs = []
        self.erreurs_attendues = ()  # fragments des erreurs qu'un test provoque (serveur coupé, requête refusée)
        self.page.on("request", lambda requete: self.requetes.append(requete))
        self.page.on("console", lambda message: message.type == "error" and self.erreurs.append(message.text))
        self.page.on("pageerror", lambda erreur: self.erreurs.append(str(erreur)))

    def ouvrir(self, jour=None):
        """Ouvre la page ; `jour` (AAAA-MM-JJ) fixe l'horloge du navigateur, donc le mois évalué du questionnaire."""
        if jour:
            self.page.clock.set_fixed_time(f"{jour}T10:00:00")
        self.page.goto(self.serveur + "/")
        self.page.wait_for_selector("html[data-pret=oui]")
        return self.page

    def evaluations(self):
        return int(self.page.get_attribute("html", "data-evaluations") or 0)

    def lire(self):
        """En un aller-retour : la question affichée (ou None) et les statuts affichés {aide: statut}."""
        return self.page.evaluate(LIRE)

    def attendre(self, n):
        """Attend la n-ième réponse affichée (l'attribut data-evaluations de <html>)."""
        self.page.wait_for_selector(f"html[data-evaluations='{n}']", timeout=30_000)


@pytest.fixture
def onglet(navigateur, serveur):
    """Un onglet neuf (contexte isolé, en français), qui échoue si la console a montré une erreur."""
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    ouvert = Onglet(contexte, serveur)
    yield ouvert
    erreurs = [e for e in ouvert.erreurs if not any(fragment in e for fragment in ouvert.erreurs_attendues)]
    contexte.close()
    assert not erreurs, f"erreurs dans la console : {erreurs}"
