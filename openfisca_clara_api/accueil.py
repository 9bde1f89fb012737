"""La page de Clara, servie par l'API web elle-même (`make serve`, pas de second serveur) : `GET /`.

La page (`openfisca_clara_api/page/`) est du HTML et des modules JavaScript sans cadriciel ni étape de
construction ; elle appelle `POST /evaluation` du même serveur. Le DSFR y est copié (`page/dsfr/`,
`scripts/vendoriser_dsfr.py`) : rien n'est chargé d'un autre site (CSP `default-src 'self'`).

* `GET /` : la page pour un navigateur (`Accept: text/html`) ; le message d'accueil JSON d'OpenFisca pour
  les autres clients (`curl`, `Accept: application/json` ou `*/*`), comme avant.
* `GET /page/<fichier>` : les fichiers de la page (styles, modules, DSFR, communes). Un nom hors du dossier : 404.
* `GET /exemples`, `GET /exemples/<nom>` : les situations d'exemple (mode conseiller), sans donnée personnelle.

Vie privée : la page garde la situation en mémoire ; aucune réponse ne passe dans une adresse, un cookie ou
un journal (ni waitress ni l'application ne journalisent les corps de requête).
"""

import json
from importlib.resources import files

from flask import Response, request, send_from_directory

from openfisca_clara_api.exemples import charger_exemple, lister_exemples

DOSSIER_PAGE = files("openfisca_clara_api") / "page"
TYPES_ACCUEIL = ["application/json", "text/html"]  # à égalité (« */* »), le JSON d'OpenFisca


def veut_la_page():
    """Le client préfère du HTML (un navigateur) au JSON d'accueil d'OpenFisca."""
    return (
        request.accept_mimetypes.best_match(TYPES_ACCUEIL) == "text/html"
        and request.accept_mimetypes["text/html"] > request.accept_mimetypes["application/json"]
    )


def _page():
    reponse = send_from_directory(str(DOSSIER_PAGE), "index.html", mimetype="text/html", max_age=0)
    reponse.headers["Cache-Control"] = "no-cache"
    reponse.headers["Vary"] = "Accept"
    return reponse


def fichier_page(chemin):
    if chemin.endswith(".json"):  # communes.json : 1,1 Mio, compressé par Flask-Compress (pas un envoi direct de fichier)
        fichier = DOSSIER_PAGE / chemin
        if "/" in chemin or not fichier.is_file():
            return send_from_directory(str(DOSSIER_PAGE), chemin)  # 404 de Flask, en JSON par le gestionnaire d'erreurs
        reponse = Response(fichier.read_bytes(), mimetype="application/json")
        reponse.headers["Cache-Control"] = "public, max-age=86400"
        return reponse
    reponse = send_from_directory(str(DOSSIER_PAGE), chemin, max_age=0)
    # Les fichiers du DSFR changent avec sa version, les nôtres avec le paquet : revalidés (ETag), jamais périmés.
    reponse.headers["Cache-Control"] = "no-cache"
    return reponse


def exemples():
    return Response(json.dumps({"exemples": lister_exemples()}), mimetype="application/json")


def exemple(nom):
    if nom not in lister_exemples():
        from openfisca_clara_api.web import erreur_clara

        return erreur_clara(404, "nom", f"Aucun exemple « {nom} ».", lister_exemples())
    return Response(json.dumps(charger_exemple(nom), ensure_ascii=False), mimetype="application/json")


def brancher_page(app):
    """`/` sert la page aux navigateurs, le message d'accueil d'OpenFisca aux autres ; `/page/…` ses fichiers."""
    accueil_openfisca = app.view_functions.get("get_root")

    def racine():
        if accueil_openfisca is None or veut_la_page():
            return _page()
        reponse = app.make_response(accueil_openfisca())  # (JSON, 300) d'OpenFisca
        reponse.headers["Vary"] = "Accept"
        return reponse

    if accueil_openfisca is None:
        app.add_url_rule("/", "get_root", racine, methods=["GET"])
    else:
        app.view_functions["get_root"] = racine
    app.add_url_rule("/page/<path:chemin>", "fichier_page", fichier_page, methods=["GET"])
    app.add_url_rule("/exemples", "exemples", exemples, methods=["GET"])
    app.add_url_rule("/exemples/<nom>", "exemple", exemple, methods=["GET"])
    return app
