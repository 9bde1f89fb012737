"""Ce qu'openfisca-clara lit ou change dans openfisca-core et openfisca_web_api hors de leur interface publique.

Tout est ici, et seulement pour les versions vérifiées (`VERSIONS_VERIFIEES`) : une autre version arrête le
démarrage avec un message, au lieu d'un comportement faux en silence.

* `creer_application_openfisca` : `create_app` avec les fiches /variable construites à la demande et les liens
  `source` corrigés (jamais un chemin local : openfisca_web_api colle le chemin absolu d'une extension après
  l'URL du dépôt d'openfisca-france, ce qui donne une page 404 et montre le chemin du serveur) ;
* `donnees_openfisca` : le dictionnaire `data` de `create_app` (spécification, paramètres) ;
* `brancher_constructeur` : le SimulationBuilder de `handlers.calculate` et `handlers.trace`.

L'identité du paquet (nom et version dans /spec et dans les en-têtes) passe par des surfaces publiques :
le dictionnaire de la spécification et un intergiciel WSGI (`IdentiteWSGI`).
"""

import inspect
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version

from openfisca_web_api import handlers
from openfisca_web_api import loader as chargeur
from openfisca_web_api.app import create_app
from openfisca_web_api.loader.variables import build_variable

NOM = "openfisca-clara"
VERSIONS_VERIFIEES = {"openfisca-core": ("44.7.1",)}  # openfisca_web_api est livré avec openfisca-core


def version_paquet(distribution=NOM):
    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover - lancé depuis les sources sans installation
        return None


def verifier_versions():
    for distribution, verifiees in VERSIONS_VERIFIEES.items():
        installee = version_paquet(distribution)
        if installee not in verifiees:
            raise RuntimeError(
                f"openfisca_clara_api.compat n'a été vérifié qu'avec {distribution} {', '.join(verifiees)} (installé : {installee}) : "
                "relire create_app, build_variables, build_parameters et handlers avant d'ajouter cette version."
            )


def source_publique(url, metadonnees):
    """L'URL `source` d'openfisca_web_api si elle désigne un fichier du paquet de pays dans son dépôt, sinon None.

    openfisca_web_api construit « {dépôt}/blob/{version}{chemin} », où chemin est relatif au dossier du paquet
    de pays : pour une extension installée ailleurs, c'est le chemin absolu du serveur ; installée à côté,
    un chemin qui n'existe pas dans le dépôt d'openfisca-france. Les deux sont retirés.
    """
    dossier = metadonnees["name"].replace("-", "_")
    prefixe = f"{metadonnees['repository_url']}/blob/{metadonnees['version']}/{dossier}/"
    return url if isinstance(url, str) and url.startswith(prefixe) else None


def _sans_source_locale(fiche, metadonnees):
    if "source" in fiche and source_publique(fiche["source"], metadonnees) is None:
        del fiche["source"]
    for formule in (fiche.get("formulas") or {}).values():
        if formule and "source" in formule and source_publique(formule["source"], metadonnees) is None:
            del formule["source"]
    return fiche


class VariablesALaDemande(Mapping):
    """Les fiches /variable d'openfisca_web_api, construites à la première lecture plutôt qu'au démarrage :
    lire le code source des 3 200 formules coûte ≈ 0,7 s, un septième du démarrage. Même contenu, liens
    `source` locaux retirés."""

    def __init__(self, systeme, metadonnees):
        self._systeme, self._metadonnees, self._fiches = systeme, metadonnees, {}

    def __getitem__(self, nom):
        if nom not in self._fiches:
            self._fiches[nom] = _sans_source_locale(build_variable(self._systeme.variables[nom], self._metadonnees), self._metadonnees)
        return self._fiches[nom]

    def __iter__(self):
        return iter(self._systeme.variables)

    def __len__(self):
        return len(self._systeme.variables)


def creer_application_openfisca(systeme, **options):
    """`openfisca_web_api.app.create_app`, fiches de variables à la demande, sources locales retirées."""
    verifier_versions()
    construire_variables = chargeur.build_variables
    chargeur.build_variables = VariablesALaDemande
    try:
        app = create_app(systeme, **options)
    finally:
        chargeur.build_variables = construire_variables
    donnees = donnees_openfisca(app)
    for fiche in donnees["parameters"].values():
        _sans_source_locale(fiche, donnees["country_package_metadata"])
    return app


def donnees_openfisca(app):
    """Le dictionnaire `data` d'openfisca_web_api.app.create_app (spécification, paramètres, variables...)."""
    return inspect.getclosurevars(app.view_functions["get_spec"]).nonlocals["data"]


def brancher_constructeur(constructeur):
    """Le SimulationBuilder utilisé par handlers.calculate et handlers.trace."""
    handlers.SimulationBuilder = constructeur


# --- Identité du paquet : surfaces publiques -----------------------------------------------------------


def identite():
    """Nom et version d'openfisca-clara, et ceux des paquets dont il dépend."""
    return {
        "nom": NOM,
        "version": version_paquet(NOM),
        "openfisca-france": version_paquet("openfisca-france"),
        "openfisca-core": version_paquet("openfisca-core"),
    }


def info_spec(info):
    """Le bloc `info` de /spec au nom d'openfisca-clara, en gardant licence et contact d'OpenFisca."""
    ident = identite()
    return {
        **info,
        "title": "openfisca-clara Web API",
        "version": ident["version"] or "0.0.0",
        "description": (
            "Les aides au retour à l'emploi (Clara), extension de openfisca-france "
            f"{ident['openfisca-france']} (openfisca-core {ident['openfisca-core']}) : les routes d'OpenFisca "
            "(/calculate, /trace, /variables, /parameters...) et celles de Clara (/aides, /evaluation)."
        ),
        "x-openfisca-country-package": {"name": "openfisca-france", "version": ident["openfisca-france"]},
    }


class IdentiteWSGI:
    """Intergiciel WSGI : les en-têtes `Country-Package` et `Country-Package-Version` d'openfisca_web_api
    nomment openfisca-clara ; ceux du paquet de pays restent lisibles dans `Base-Country-Package(-Version)`."""

    def __init__(self, application, extensions=()):
        self.application = application
        ident = identite()
        self.en_tetes = [("Country-Package", ident["nom"]), ("Country-Package-Version", ident["version"] or "0.0.0")]
        self.base = [("Base-Country-Package", "openfisca-france"), ("Base-Country-Package-Version", ident["openfisca-france"] or "")]

    def __call__(self, environ, start_response):
        def commencer(statut, en_tetes, exc_info=None):
            gardes = [(k, v) for k, v in en_tetes if k.lower() not in ("country-package", "country-package-version")]
            return start_response(statut, gardes + self.en_tetes + self.base, exc_info)

        return self.application(environ, commencer)
