"""Le serveur de `clara serve` : waitress, en quelques processus qui partagent un socket.

Pourquoi waitress et pas gunicorn : openfisca-france 176.1.8 exige `openfisca-core[web-api]<45`, qui
plafonne gunicorn sous 22 (CVE-2024-1135 et CVE-2024-6827 y sont corrigées) ; waitress est maintenu,
hors de ce plafond, et il lit chaque requête en entier (corps compris) avant de la confier à un fil :
un client lent ou muet occupe une connexion, jamais un fil de calcul.

* `servir()` : le système est construit et chauffé une fois dans le processus maître, puis `workers`
  processus servent le même socket (le noyau répartit les connexions), chacun avec `threads` fils.
  Un processus qui meurt est remplacé.
* Surcharge : au-delà de `file_max` requêtes en attente d'un fil, la réponse est un 503 immédiat avec
  `Retry-After`, pas une file qui grandit sans fin.
* Les erreurs que waitress produit lui-même (ligne de requête ou en-têtes trop longs, requête mal formée,
  corps trop gros) sont en JSON, de la même forme que celles des routes Clara.
* `proteger(app)` ajoute à l'application Flask (utilisée aussi hors de ce serveur) : profondeur JSON
  bornée, budget de calcul par requête, origines CORS configurables, en-têtes de sécurité.
"""

import contextlib
import ctypes
import gc
import json
import logging
import os
import re
import signal
import socket
import sys
import threading
import time

import numpy as np
from flask import request
from waitress import create_server
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask, ThreadedTaskDispatcher
from waitress.utilities import Error

JOURNAL = logging.getLogger(__name__)

PROFONDEUR_JSON_MAX = 400
# Budget d'une requête de calcul : personnes × variables demandées, chaque variable comptée à son coût.
# Mesuré sur 2 cœurs : 1 000 personnes × 86 variables d'aides ≈ 10 s ; le `rsa` d'une famille ≈ 3 s.
BUDGET_CALCUL = 50_000
COUT_VARIABLE_LOURDE = 2_000  # variables d'openfisca-france qui tirent des centaines de formules
VARIABLES_LOURDES = frozenset(
    {"rsa", "ppa", "aide_logement", "aides_logement", "revenu_disponible", "impot_revenu_restant_a_payer", "af", "prestations_sociales", "minima_sociaux"}
)
INDIVIDUS_EVALUATION_MAX = 100  # une évaluation est celle d'un foyer ; une population passe par `clara lot`
ORIGINES_PAR_DEFAUT = "*"  # API publique sans cookie ni authentification : toute origine, jamais renvoyée en écho
EN_TETES_SECURITE = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
}
CHAINES_JSON = re.compile(rb'"(?:[^"\\]|\\.)*"')


# --- L'application : bornes et en-têtes -------------------------------------------------------------


def profondeur_json(brut):
    """Profondeur d'imbrication d'un texte JSON, sans le décoder (les chaînes sont retirées d'abord)."""
    sans_chaines = CHAINES_JSON.sub(b'""', brut)
    octets = np.frombuffer(sans_chaines, dtype=np.uint8)
    pas = np.zeros(len(octets), dtype=np.int32)
    pas[(octets == ord("{")) | (octets == ord("["))] = 1
    pas[(octets == ord("}")) | (octets == ord("]"))] = -1
    return int(np.cumsum(pas).max(initial=0))


def _variables_demandees(situation):
    """(personnes, coût des variables demandées) d'une situation OpenFisca : une valeur null est une demande."""
    individus = situation.get("individus") if isinstance(situation, dict) else None
    personnes = len(individus) if isinstance(individus, dict) else 0
    demandees = set()
    for entite in situation.values() if isinstance(situation, dict) else ():
        for membre in entite.values() if isinstance(entite, dict) else ():
            for variable, valeurs in membre.items() if isinstance(membre, dict) else ():
                if isinstance(valeurs, dict) and None in valeurs.values():
                    demandees.add(variable)
    return personnes, sum(COUT_VARIABLE_LOURDE if v in VARIABLES_LOURDES else 1 for v in demandees)


def _erreur(statut, champ, message, attendu):
    from openfisca_clara_api.web import erreur_clara

    return erreur_clara(statut, champ, message, attendu)


def _borner_requete():
    if request.method != "POST" or not request.is_json:
        return None
    brut = request.get_data(cache=True)
    if profondeur_json(brut) > PROFONDEUR_JSON_MAX:
        return _erreur(400, "corps", f"JSON nested deeper than {PROFONDEUR_JSON_MAX} levels.", f"un objet JSON d'au plus {PROFONDEUR_JSON_MAX} niveaux")
    from openfisca_clara_api.web import CorpsInvalide, lire_corps_json

    try:
        corps = lire_corps_json()  # décodé une fois, gardé dans flask.g pour la route
    except CorpsInvalide:
        return None  # la route nomme l'erreur
    if request.path == "/evaluation":
        situation = corps.get("situation") if isinstance(corps, dict) else None
        personnes, _ = _variables_demandees(situation or {})
        if personnes > INDIVIDUS_EVALUATION_MAX:
            return _erreur(
                413,
                "situation.individus",
                f"{personnes} individus: one evaluation is one household, at most {INDIVIDUS_EVALUATION_MAX} individus.",
                "un foyer ; pour une population, `clara lot` (docs/populations.md)",
            )
    elif request.path in ("/calculate", "/trace"):
        personnes, cout = _variables_demandees(corps)
        if personnes * cout > BUDGET_CALCUL:
            return _erreur(
                413,
                "individus",
                f"{personnes} individus × {cout} (weighted requested variables) = {personnes * cout}, over the budget of {BUDGET_CALCUL} per request.",
                "moins de personnes ou de variables par requête ; pour une population, `clara lot` (docs/populations.md)",
            )
    return None


def origines_autorisees():
    """`CLARA_ORIGINES` : « * » (défaut) ou une liste d'origines séparées par des virgules."""
    valeur = os.environ.get("CLARA_ORIGINES", ORIGINES_PAR_DEFAUT).strip()
    return "*" if valeur == "*" else frozenset(o.strip().rstrip("/") for o in valeur.split(",") if o.strip())


def _en_tetes(reponse):
    for nom, valeur in EN_TETES_SECURITE.items():
        reponse.headers.setdefault(nom, valeur)
    if request.method == "POST":
        reponse.headers.setdefault("Cache-Control", "no-store")  # une situation est personnelle
    return reponse


class OriginesAutorisees:
    """openfisca-web-api renvoie en écho toute origine (flask-cors, origins="*") ; ce filtre WSGI applique
    `CLARA_ORIGINES` aux en-têtes qu'il a posés : « * » littéral, ou seulement les origines listées."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        origines, origine = origines_autorisees(), environ.get("HTTP_ORIGIN")

        def demarrer(statut, entetes, exc_info=None):
            if origines == "*":
                entetes = [(n, "*" if n.lower() == "access-control-allow-origin" else v) for n, v in entetes]
            elif origine not in origines:
                entetes = [(n, v) for n, v in entetes if not n.lower().startswith("access-control-")]
            return start_response(statut, entetes, exc_info)

        return self.wsgi_app(environ, demarrer)


# --- Temps limite et clients partis ---------------------------------------------------------------------

DELAI_REQUETE_S = 20.0  # au-delà, 503 ; `CLARA_DELAI_REQUETE` (secondes) le change
PERIODE_SURVEILLANCE_S = 0.1


class Interruption(BaseException):  # noqa: N818 - pas une « Error » : une interruption voulue
    """Levée dans le fil d'une requête trop longue ou dont le client est parti. BaseException : les `except
    Exception` d'OpenFisca et de Flask ne l'attrapent pas, elle remonte jusqu'à `Surveillance`."""

    raison = "interrompue"


class DelaiDepasse(Interruption):
    raison = "délai dépassé"


class ClientParti(Interruption):
    raison = "client parti"


def _lever_dans(fil, exception):
    """Lève `exception` dans le fil `fil` à sa prochaine instruction Python (None : annule une levée en attente)."""
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(fil), ctypes.py_object(exception) if exception else None)


class Surveillance:
    """Intergiciel WSGI : une requête qui dépasse `delai` secondes est arrêtée et reçoit un 503 JSON ; une requête dont
    le client a fermé la connexion (waitress : `waitress.client_disconnected`, avec `channel_request_lookahead`) est
    abandonnée au lieu de calculer pour personne. Un fil de surveillance par processus (lancé à la première requête,
    donc après le fork) regarde les requêtes en cours toutes les `periode` secondes et lève l'interruption dans le fil
    de la requête : le calcul s'arrête entre deux instructions Python (une opération numpy en cours se termine)."""

    def __init__(self, application, delai=None, periode=PERIODE_SURVEILLANCE_S):
        self.application = application
        self.delai = delai
        self.periode = periode
        self.en_cours = {}  # fil -> [échéance, client_parti, levée]
        self.verrou = threading.Lock()
        self.surveillant = None
        self.pid = None

    def _delai(self):
        return self.delai if self.delai is not None else float(os.environ.get("CLARA_DELAI_REQUETE", DELAI_REQUETE_S))

    def _demarrer(self):
        if self.surveillant is None or self.pid != os.getpid() or not self.surveillant.is_alive():
            self.pid = os.getpid()
            self.surveillant = threading.Thread(target=self._surveiller, name="clara-surveillance", daemon=True)
            self.surveillant.start()

    def _surveiller(self):
        while True:
            time.sleep(self.periode)
            maintenant = time.monotonic()
            with self.verrou:
                for fil, etat in self.en_cours.items():
                    echeance, client_parti, levee = etat
                    if levee is not None:
                        continue
                    if client_parti is not None and client_parti():
                        etat[2] = ClientParti
                    elif maintenant > echeance:
                        etat[2] = DelaiDepasse
                    if etat[2] is not None:
                        _lever_dans(fil, etat[2])

    def __call__(self, environ, start_response):
        fil = threading.get_ident()
        delai = self._delai()
        etat = [time.monotonic() + delai, environ.get("waitress.client_disconnected"), None]
        with self.verrou:
            self.en_cours[fil] = etat
            self._demarrer()
        demarree = []

        def demarrer(statut, entetes, exc_info=None):
            demarree.append(True)
            return start_response(statut, entetes, exc_info)

        try:
            try:
                # Le corps est produit ici (les réponses Flask sont des listes) : rien ne calcule après.
                return list(self.application(environ, demarrer))
            finally:
                with self.verrou:
                    del self.en_cours[fil]
                    if etat[2] is not None:
                        _lever_dans(fil, None)  # une levée pas encore arrivée ne doit pas tomber ailleurs
        except Interruption as interruption:
            with self.verrou:
                self.en_cours.pop(fil, None)
            JOURNAL.warning("%s %s : %s", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"), interruption.raison)
            if isinstance(interruption, ClientParti):
                start_response("499 Client Closed Request", [("Content-Type", "text/plain")], sys.exc_info() if demarree else None)
                return [b""]
            corps = json.dumps(
                {
                    "erreur": {
                        "champ": None,
                        "message": f"the request took more than {delai:g} s and was stopped.",
                        "attendu": "une requête plus petite ; pour une population, `clara lot` (docs/populations.md)",
                    }
                },
                ensure_ascii=False,
            ).encode()
            entetes = [("Content-Type", "application/json"), ("Retry-After", "1"), ("Content-Length", str(len(corps)))]
            start_response("503 Service Unavailable", entetes, sys.exc_info() if demarree else None)
            return [corps]


def proteger(app):
    """Bornes des requêtes et en-têtes de réponse, par les crochets publics de Flask ; temps limite et clients
    partis par l'intergiciel `Surveillance`."""
    app.before_request(_borner_requete)
    app.after_request(_en_tetes)
    app.wsgi_app = Surveillance(OriginesAutorisees(app.wsgi_app))
    return app


# --- Le serveur -------------------------------------------------------------------------------------


class Surcharge(Error):
    code = 503
    reason = "Service Unavailable"


class ErreurJson(ErrorTask):
    """Les erreurs de waitress (avant l'application) en JSON, de la forme des erreurs Clara."""

    def execute(self):
        erreur = self.request.error
        corps = json.dumps(
            {
                "erreur": {
                    "champ": None,
                    "message": f"{erreur.reason}: {erreur.body}",
                    "attendu": "une requête HTTP/1.1 bien formée, dans les limites du serveur",
                }
            },
            ensure_ascii=False,
        ).encode()
        self.status = f"{erreur.code} {erreur.reason}"
        self.response_headers.extend([("Content-Type", "application/json"), ("Connection", "close")])
        if erreur.code == 503:
            self.response_headers.append(("Retry-After", "1"))
        self.set_close_on_finish()
        self.content_length = len(corps)
        self.write(corps)


class CanalClara(HTTPChannel):
    error_task_class = ErreurJson


class RepartiteurBorne(ThreadedTaskDispatcher):
    """La file de waitress, bornée : au-delà de `file_max` requêtes en attente, un 503 immédiat."""

    def __init__(self, file_max):
        super().__init__()
        self.file_max = file_max

    def add_task(self, channel):
        # waitress met en file des canaux : celui-ci sert sa première requête, ici une erreur.
        with self.lock:
            en_attente = len(self.queue) - (len(self.threads) - self.stop_count - self.active_count)
        requete = channel.requests[0] if channel.requests else None
        if en_attente >= self.file_max and requete is not None and requete.error is None:
            requete.error = Surcharge("the server is busy; retry in a second.")
            channel.service()  # une réponse d'erreur, écrite tout de suite par le fil principal
            return
        super().add_task(channel)


def options_serveur(threads=8):
    """Les réglages de waitress (`create_server`) ; la file bornée est celle de `creer_serveur`."""
    return {
        "threads": int(threads),
        "connection_limit": 1000,  # connexions ouvertes (lentes comprises) ; chacune ne coûte qu'un tampon
        "channel_timeout": 30,  # une connexion muette est fermée après 30 s
        "max_request_body_size": 20 * 2**20,  # 413 au-delà (≈ 10 000 ménages)
        "max_request_header_size": 64 * 2**10,
        "channel_request_lookahead": 4,  # waitress lit la socket pendant le calcul : un client parti est vu (Surveillance)
        "ident": "openfisca-clara",
        "expose_tracebacks": False,
        "clear_untrusted_proxy_headers": True,
    }


def creer_serveur(app, sock, threads=8, file_max=64):
    """Un serveur waitress sur un socket déjà ouvert : canal aux erreurs JSON, file bornée à `file_max`
    requêtes en attente d'un fil (au-delà : 503 immédiat)."""
    options = options_serveur(threads)
    repartiteur = RepartiteurBorne(int(file_max))
    repartiteur.set_thread_count(options["threads"])
    serveur = create_server(app, sockets=[sock], _dispatcher=repartiteur, **options)
    serveur.channel_class = CanalClara  # la classe de canal n'est pas un réglage de create_server
    return serveur


def ouvrir_socket(host, port):
    famille = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host.strip("[]"), int(port)), family=famille, backlog=1024)
    except OSError as erreur:
        raise SystemExit(
            f"clara serve : impossible d'écouter sur {host}:{port} ({erreur.strerror}). Le port est-il déjà pris ? Choisissez-en un autre : PORT=5001 make serve, ou clara serve --port 5001."
        ) from None


def servir(host="127.0.0.1", port=5000, workers=2, threads=8, extensions=None):
    """`clara serve` : système construit et chauffé une fois, puis `workers` processus waitress sur un socket.
    `extensions` : d'autres extensions OpenFisca servies avec la nôtre (`openfisca_france_local`…)."""
    from openfisca_clara_api.systeme import construire_systeme
    from openfisca_clara_api.web import creer_application, rechauffer

    sock = ouvrir_socket(host, port)
    app = creer_application(construire_systeme(extensions))
    rechauffer(app)
    gc.collect()
    gc.freeze()  # les objets du maître ne sont plus visités par le GC des enfants : moins de pages copiées
    print(f"openfisca-clara : http://{host}:{port}/ ({workers} processus × {threads} fils)", flush=True)
    if workers <= 1:
        creer_serveur(app, sock, threads).run()
        return
    enfants = set()

    def lancer():
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            creer_serveur(app, sock, threads).run()
            os._exit(0)
        enfants.add(pid)

    def arreter(*_):
        for pid in enfants:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        sys.exit(0)

    signal.signal(signal.SIGTERM, arreter)
    signal.signal(signal.SIGINT, arreter)
    for _ in range(workers):
        lancer()
    while True:
        pid, statut = os.wait()
        enfants.discard(pid)
        JOURNAL.warning("processus %s arrêté (statut %s) : remplacé", pid, statut)
        lancer()
