"""Le vrai serveur de `clara serve` (waitress, 2 processus) et les bornes de l'application.

Un serveur pour le module, sur un port libre de 127.0.0.1 : clients lents, erreurs du serveur HTTP en JSON,
en-têtes ; les bornes de l'application (profondeur JSON, budget, origines) par le client de test Flask.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import types
import urllib.error
import urllib.request

import pytest

from openfisca_clara_api import serveur as module_serveur
from openfisca_clara_api.web import creer_application


def _port_libre():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as prise:
        prise.bind(("127.0.0.1", 0))
        return prise.getsockname()[1]


@pytest.fixture(scope="module")
def racine():
    port = _port_libre()
    code = f"from openfisca_clara_api.serveur import servir; servir('127.0.0.1', {port}, 2, 4)"
    processus = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        echeance = time.monotonic() + 90  # ≈ 4 s sur une machine calme ; large marge si elle est chargée
        while True:
            assert processus.poll() is None, processus.stderr.read().decode()[-2000:]
            assert time.monotonic() < echeance, "le serveur n'a pas répondu en 90 s"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/spec", timeout=2) as reponse:
                    if reponse.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", port
    finally:
        processus.terminate()
        try:
            processus.wait(15)
        except subprocess.TimeoutExpired:
            processus.kill()
            processus.wait(5)


@pytest.fixture(scope="module")
def app(systeme):
    return creer_application(systeme)


@pytest.fixture(scope="module")
def exemple(app):
    return app.config["CLARA_EXEMPLE"]


def _brut(port, octets, attente=5):
    """Envoie des octets bruts, rend (code HTTP, en-têtes en minuscules, corps)."""
    recu = b""
    with socket.create_connection(("127.0.0.1", port), timeout=attente) as prise:
        # Le serveur répond et ferme dès qu'une limite est franchie, parfois avant d'avoir tout lu.
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            prise.sendall(octets)
        with contextlib.suppress(ConnectionResetError):
            while chunk := prise.recv(65536):
                recu += chunk
    tete, _, corps = recu.partition(b"\r\n\r\n")
    lignes = tete.decode("latin-1").split("\r\n")
    return int(lignes[0].split()[1]), "\n".join(lignes[1:]).lower(), corps


def test_calcul_et_404_en_json(racine, exemple):
    url, _ = racine
    requete = urllib.request.Request(f"{url}/evaluation", data=json.dumps(exemple).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(requete, timeout=30) as reponse:
        assert {a["statut"] for r in json.load(reponse)["rubriques"] for a in r["aides"]} <= {"non_eligible", "a_verifier", "eligible"}
        assert reponse.headers["Server"] == "openfisca-clara"
    with pytest.raises(urllib.error.HTTPError) as erreur:
        urllib.request.urlopen(f"{url}/nope", timeout=10)
    assert erreur.value.code == 404 and json.load(erreur.value)["error"]


def test_vingt_clients_muets_ne_bloquent_pas_une_requete_normale(racine):
    url, port = racine
    muets = []
    try:
        for _ in range(20):  # chacun annonce un corps de 1 000 octets et n'en envoie que 10
            prise = socket.create_connection(("127.0.0.1", port), timeout=5)
            prise.sendall(b'POST /evaluation HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"situati')
            muets.append(prise)
        debut = time.monotonic()
        with urllib.request.urlopen(f"{url}/entities", timeout=1) as reponse:
            assert reponse.status == 200
        print(f"GET /entities avec 20 connexions muettes : {1000 * (time.monotonic() - debut):.1f} ms")
    finally:
        for prise in muets:
            prise.close()


def test_les_erreurs_du_serveur_http_sont_en_json(racine):
    _, port = racine
    code, entetes, corps = _brut(port, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert code == 431 and "content-type: application/json" in entetes
    assert "Request Header Fields Too Large" in json.loads(corps)["erreur"]["message"]
    code, entetes, corps = _brut(port, b"POST /evaluation HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")
    assert code == 413 and json.loads(corps)["erreur"]["message"].startswith("Request Entity Too Large")
    code, entetes, corps = _brut(port, b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
    assert code == 400 and json.loads(corps)["erreur"]


def test_surcharge_503_immediat_avec_retry_after():
    servis = []
    requete = types.SimpleNamespace(error=None)
    canal = types.SimpleNamespace(requests=[requete], service=lambda: servis.append(requete.error))
    repartiteur = module_serveur.RepartiteurBorne(file_max=0)  # aucun fil, aucune place en file : tout est refusé
    repartiteur.add_task(canal)
    assert isinstance(servis[0], module_serveur.Surcharge) and servis[0].code == 503
    assert repartiteur.queue == type(repartiteur.queue)()


def test_creer_serveur_file_max_en_parametre():
    with socket.socket() as prise:
        prise.bind(("127.0.0.1", 0))
        prise.listen()
        serveur = module_serveur.creer_serveur(lambda environ, demarrer: [], prise, threads=1, file_max=3)
        try:
            assert serveur.task_dispatcher.file_max == 3 and serveur.adj.threads == 1
            assert "file_max" not in module_serveur.options_serveur(1)
        finally:
            serveur.task_dispatcher.shutdown()


def test_le_corps_json_est_decode_une_fois(app, exemple, monkeypatch):
    from openfisca_clara_api import web

    appels = []
    decoder = web._decoder_corps
    monkeypatch.setattr(web, "_decoder_corps", lambda: appels.append(1) or decoder())
    for route, corps in (("/evaluation", exemple), ("/calculate", exemple["situation"])):
        appels.clear()
        reponse = app.test_client().post(route, json=corps)
        assert reponse.status_code == 200 and len(appels) == 1, route
    appels.clear()
    reponse = app.test_client().post("/evaluation", data='{"periode": 1, "periode": 2}', content_type="application/json")
    assert reponse.status_code == 400 and "duplicate key" in reponse.json["erreur"]["message"] and len(appels) == 1


def test_profondeur_json_bornee(app):
    corps = '{"situation": ' + "[" * 10_000 + "]" * 10_000 + ', "periode": "2025-06"}'
    for route in ("/evaluation", "/calculate"):
        reponse = app.test_client().post(route, data=corps, content_type="application/json")
        assert reponse.status_code == 400 and reponse.json["erreur"]["champ"] == "corps", route
    assert module_serveur.profondeur_json(b'{"a": "[[[[", "b": [{"c": []}]}') == 4


def test_budget_de_calcul_413_qui_renvoie_a_clara_lot(app, exemple):
    individus = {f"p{i}": {"rsa": {"2025-06": None}} for i in range(30)}
    reponse = app.test_client().post("/calculate", json={"individus": individus})
    assert reponse.status_code == 413 and "clara lot" in reponse.json["erreur"]["attendu"]
    foule = {"situation": {"individus": {f"p{i}": {} for i in range(101)}}, "periode": "2025-06"}
    reponse = app.test_client().post("/evaluation", json=foule)
    assert reponse.status_code == 413 and reponse.json["erreur"]["champ"] == "situation.individus"
    assert app.test_client().post("/calculate", json=exemple["situation"]).status_code == 200


def test_en_tetes_de_securite_et_origines(app, monkeypatch):
    reponse = app.test_client().get("/entities", headers={"Origin": "https://ailleurs.example"})
    assert reponse.headers["Access-Control-Allow-Origin"] == "*"  # jamais l'origine en écho
    assert reponse.headers["X-Content-Type-Options"] == "nosniff" and "frame-ancestors 'none'" in reponse.headers["Content-Security-Policy"]
    monkeypatch.setenv("CLARA_ORIGINES", "https://simulateur.example, https://autre.example/")
    permise = app.test_client().get("/entities", headers={"Origin": "https://simulateur.example"})
    assert permise.headers["Access-Control-Allow-Origin"] == "https://simulateur.example"
    refusee = app.test_client().get("/entities", headers={"Origin": "https://ailleurs.example"})
    assert "Access-Control-Allow-Origin" not in refusee.headers


def test_port_occupe_message_clair():
    with socket.socket() as prise:
        prise.bind(("127.0.0.1", 0))
        prise.listen()
        with pytest.raises(SystemExit, match="PORT=5001"):
            module_serveur.ouvrir_socket("127.0.0.1", prise.getsockname()[1])


def _lente(environ, start_response):
    """Une application qui calcule en Python pendant 10 s (ou jusqu'à son interruption)."""
    fin = time.monotonic() + 10
    while time.monotonic() < fin:
        sum(range(1000))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"fini"]


def _appeler(application, environ=None):
    reponse = {}

    def demarrer(statut, entetes, exc_info=None):
        reponse["statut"], reponse["entetes"] = statut, dict(entetes)

    corps = b"".join(application({"REQUEST_METHOD": "POST", "PATH_INFO": "/calculate", **(environ or {})}, demarrer))
    return reponse["statut"], reponse["entetes"], corps


def test_temps_limite_503_json():
    debut = time.monotonic()
    statut, entetes, corps = _appeler(module_serveur.Surveillance(_lente, delai=0.3))
    assert statut.startswith("503") and entetes["Retry-After"] == "1" and time.monotonic() - debut < 3
    assert "0.3 s" in json.loads(corps)["erreur"]["message"]


def test_client_parti_calcul_abandonne():
    parti_a = time.monotonic() + 0.3
    debut = time.monotonic()
    statut, _, _ = _appeler(module_serveur.Surveillance(_lente, delai=30), {"waitress.client_disconnected": lambda: time.monotonic() > parti_a})
    assert statut.startswith("499") and time.monotonic() - debut < 3


def test_requete_normale_non_touchee():
    surveillance = module_serveur.Surveillance(lambda environ, demarrer: demarrer("200 OK", []) or [b"ok"], delai=0.05, periode=0.01)
    for _ in range(200):
        assert _appeler(surveillance)[2] == b"ok"
    time.sleep(0.1)  # aucune interruption en attente ne tombe hors de la requête
    assert not surveillance.en_cours


def test_temps_limite_arrete_un_calcul_openfisca(app, monkeypatch):
    monkeypatch.setenv("CLARA_DELAI_REQUETE", "0.5")
    exemple = app.config["CLARA_EXEMPLE"]["situation"]["individus"]["demandeur"]
    demandes = {nom: valeurs for nom, valeurs in exemple.items() if None in valeurs.values()}  # les statuts et montants
    # Les 100 premiers : 400 personnes restent sous le budget de calcul (BUDGET_CALCUL) quand le catalogue grandit.
    demandes = dict(list(demandes.items())[:100])
    individus = {f"p{i}": {"date_naissance": {"ETERNITY": f"19{50 + i % 40}-01-0{1 + i % 9}"}, **demandes} for i in range(400)}
    debut = time.monotonic()
    reponse = app.test_client().post("/calculate", json={"individus": individus})  # ≈ 5 s sans limite
    assert reponse.status_code == 503 and "stopped" in reponse.json["erreur"]["message"], reponse.data[:300]
    assert reponse.headers["Retry-After"] == "1" and time.monotonic() - debut < 5
    monkeypatch.delenv("CLARA_DELAI_REQUETE")
    assert app.test_client().post("/calculate", json=app.config["CLARA_EXEMPLE"]["situation"]).status_code == 200
