"""Banc de mesure (`make bench`) : des chiffres imprimés, jamais d'assertion chronométrée (DESIGN.md §7).

(a) construction du système openfisca-france, sans puis avec l'extension : durée et pic mémoire, chacune
    dans un sous-processus neuf (`os.wait4` donne l'usage des ressources de ce seul enfant) ;
(b) coût par personne de toutes les aides de l'extension (statut et montant de chaque fiche du catalogue)
    sur N personnes générées (`build_default_simulation` + `set_input` d'entrées plausibles et tirées au hasard,
    « non renseigné » compris), à côté du `rsa` d'openfisca-france sur les mêmes personnes ;
(d) `clara lot` sur 10⁵ et 10⁶ personnes générées (`population_synthetique`), chaque fois dans un processus neuf :
    durée, pic mémoire, et le `rsa` d'openfisca-france sur les 10⁵ premières des mêmes personnes (rapport par personne) ;
(c) `clara serve` sur un port libre de 127.0.0.1 : démarrage jusqu'au premier /spec 200, PSS totale,
    puis latences p50 / p99 de /calculate et de /evaluation, requêtes séquentielles sur le serveur chaud.

    python -m openfisca_clara_api.bench [--personnes 100000] [--requetes 200] [--sans-rsa] [--lot 100000,1000000]
"""

import argparse
import copy
import datetime
import gc
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
from openfisca_core.indexed_enums import Enum

from openfisca_clara.tri_etat import parametre_aux_dates

CIBLES = {"demarrage_s": 5.0, "pss_mio": 400.0, "p50_ms": 20.0, "p99_ms": 50.0}
HOTE = "127.0.0.1"
DELAI_DEMARRAGE_S = 60.0

# Communes : métropole, Corse (2A/2B), DROM dont Mayotte, et des codes absents ou mal formés.
COMMUNES = ["75056", "33063", "59350", "69123", "13055", "31555", "67482", "2A004", "2B033", "97101", "97209", "97302", "97411", "97611", "", "1234"]


def _verdict(valeur, cible):
    return "sous la cible" if valeur < cible else "AU-DESSUS DE LA CIBLE"


def _mio(octets):
    return octets / 2**20


# --- (a) Construction du système --------------------------------------------------------------------

_CONSTRUCTION = """
import time
t = time.perf_counter()
from openfisca_france import CountryTaxBenefitSystem
systeme = CountryTaxBenefitSystem()
{extension}
import os
rss = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
print(time.perf_counter() - t, len(systeme.variables), rss)
"""


def mesurer_construction(avec_extension, repetitions=3):
    mesures = []
    code = _CONSTRUCTION.format(extension='systeme.load_extension("openfisca_clara")' if avec_extension else "")
    for _ in range(repetitions):
        debut = time.perf_counter()
        enfant = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        sortie = enfant.stdout.read()
        _, statut, usage = os.wait4(enfant.pid, 0)
        enfant.returncode = os.waitstatus_to_exitcode(statut)
        duree_processus = time.perf_counter() - debut
        if enfant.returncode != 0:
            raise RuntimeError(f"la construction a échoué (code {enfant.returncode})")
        duree_construction, nombre, rss_finale = sortie.split()
        mesures.append((duree_processus, float(duree_construction), usage.ru_maxrss / 1024, int(nombre), float(rss_finale)))
    return min(mesures)


def banc_construction():
    print("(a) Construction du système (sous-processus neuf, meilleure de 3 mesures)")
    lignes = {}
    for nom, avec in (("openfisca-france", False), ("openfisca-france + openfisca_clara", True)):
        processus, construction, pic, variables, rss = mesurer_construction(avec)
        lignes[nom] = (construction, pic, rss)
        print(
            f"    {nom:36s} construction {construction:5.2f} s (processus complet {processus:5.2f} s), "
            f"pic RSS {pic:6.1f} Mio, RSS après construction {rss:6.1f} Mio, {variables} variables"
        )
    (c0, m0, r0), (c1, m1, r1) = lignes.values()
    print(f"    coût de l'extension : {c1 - c0:+.2f} s, pic {m1 - m0:+.1f} Mio, RSS après construction {r1 - r0:+.1f} Mio")
    print("    (le pic vient de la lecture des YAML d'openfisca-france ; l'extension se charge après, sous ce pic)")
    print()


# --- (b) Coût par personne ----------------------------------------------------------------------------


def variables_extension(systeme):
    return {
        nom: variable for nom, variable in systeme.variables.items() if variable.introspection_data and "openfisca_clara" in str(variable.introspection_data[0])
    }


def _plage(variable):
    """Une plage plausible (min, max) pour une entrée numérique de l'extension, d'après son unité et son nom."""
    nom, unite = variable.name, getattr(variable, "unit", None)
    if "journalier" in nom or "journaliere" in nom:
        return 0, 90
    if unite == "currency":
        return 0, 3000
    if unite == "km":
        return 0, 400
    if unite == "minute":
        return 0, 300
    if unite == "hour":
        return (0, 40) if "hebdo" in nom else (0, 1500)
    if unite == "day":
        return 0, 730
    if unite == "month":
        return 0, 36
    if "effectif" in nom:
        return 0, 500
    return 0, 30


def _tirer(variable, n, alea, periode):
    """n valeurs plausibles ; environ une sur cinq « non renseignée » quand la variable sait le dire."""
    inconnu = alea.random(n) < 0.2
    type_valeur = variable.value_type
    if type_valeur is Enum:
        return alea.integers(0, len(variable.possible_values), n).astype(np.int16)
    if type_valeur is bool:
        return alea.random(n) < 0.5
    if type_valeur in (int, float):
        bas, haut = _plage(variable)
        valeurs = alea.uniform(bas, haut, n)
        if type_valeur is int:
            valeurs = np.round(valeurs)
        defaut = variable.default_value
        return np.where(inconnu & (defaut < 0), defaut, valeurs).astype(variable.dtype)
    if type_valeur is datetime.date:
        # Le 1er et le 15 de chaque mois, de 24 mois avant à 3 mois après : 54 dates distinctes (voir _cout_d_une_date).
        mois = np.datetime64(periode.start.date, "M") + alea.integers(-24, 3, n).astype("timedelta64[M]")
        dates = mois.astype("datetime64[D]") + np.where(alea.random(n) < 0.5, 0, 14).astype("timedelta64[D]")
        return np.where(inconnu, np.datetime64("0001-01-01", "D"), dates)
    return None


def simulation_generee(systeme, n, periode, graine=2026):
    """n personnes, chacune seule dans sa famille, son foyer et son ménage, entrées tirées au hasard."""
    from openfisca_core.simulations import SimulationBuilder

    alea = np.random.default_rng(graine)
    simulation = SimulationBuilder().build_default_simulation(systeme, n)
    entrees = 0
    for nom, variable in variables_extension(systeme).items():
        if not variable.is_input_variable():
            continue
        population = simulation.get_population(variable.entity.plural)
        valeurs = _tirer(variable, population.count, alea, periode)
        if valeurs is not None:
            simulation.set_input(nom, periode, valeurs)
            entrees += 1
    naissances = np.datetime64("1955-01-01", "D") + alea.integers(0, 365 * 53, n).astype("timedelta64[D]")
    simulation.set_input("date_naissance", periode, naissances)
    menages = simulation.get_population("menages").count
    simulation.set_input("depcom", periode, np.array(COMMUNES)[alea.integers(0, len(COMMUNES), menages)])
    return simulation, entrees + 2


def variables_des_aides(systeme, roles=("statut", "montant")):
    """Les variables statut et montant de chaque fiche du catalogue."""
    from openfisca_clara_api.catalogue import charger_catalogue

    noms = []
    for fiche in charger_catalogue().values():
        for role in roles:
            nom = fiche["variables"][role]
            if nom and nom in systeme.variables:
                noms.append(nom)
    return noms


def _cout_des_dates(systeme, n):
    """Lire un barème à la date propre de chaque personne : `parametre_aux_dates` (une recherche vectorielle
    dans l'historique de la feuille) pour n dates distinctes, contre `get_parameters_at_instant` d'OpenFisca,
    qui reconstruit tout l'arbre à chaque date nouvelle (cache LRU de 128 dates)."""
    dates = np.datetime64("2018-01-01") + (np.arange(n) % 3000).astype("timedelta64[D]")
    debut = time.perf_counter()
    parametre_aux_dates(systeme.get_parameters_at_instant, dates, "clara.references.are_minimale.hors_mayotte")
    vectoriel = time.perf_counter() - debut
    debut = time.perf_counter()
    for jour in range(5):
        systeme.get_parameters_at_instant(f"2018-02-{jour + 3:02d}")
    par_arbre = (time.perf_counter() - debut) / 5
    return vectoriel, par_arbre


def _calculer(simulation, noms, periode):
    debut = time.perf_counter()
    for nom in noms:
        simulation.calculate(nom, periode)
    return time.perf_counter() - debut


def banc_population(systeme, n, avec_rsa=True):
    from openfisca_core import periods

    periode = periods.period(datetime.date.today().strftime("%Y-%m"))
    noms = variables_des_aides(systeme)
    print(f"(b) Coût par personne, {n} personnes générées, mois {periode}")
    # Les premiers calculs d'un processus paient des coûts uniques (paramètres, formules) : chauffe sur 1 000.
    petite, _ = simulation_generee(systeme, 1000, periode, graine=1)
    _calculer(petite, noms, periode)
    if avec_rsa:
        _calculer(petite, ["rsa"], periode)
    del petite

    debut = time.perf_counter()
    simulation, entrees = simulation_generee(systeme, n, periode)
    construction = time.perf_counter() - debut
    print(f"    construction + set_input ({entrees} entrées) : {construction:.2f} s")
    aides = _calculer(simulation, noms, periode)
    statuts = variables_des_aides(systeme, roles=("statut",))
    print(
        f"    toutes les aides de l'extension ({len(statuts)} aides, {len(noms)} variables statut et montant) : {aides:.2f} s, {aides * 1000 / n:.4f} ms/personne"
    )
    if statuts:
        repartition = np.zeros(3, dtype=int)
        for nom in statuts:
            repartition += np.bincount(np.asarray(simulation.calculate(nom, periode)), minlength=3)[:3]
        total = repartition.sum()
        print(f"    statuts tirés : non éligible {repartition[0] / total:.0%}, à vérifier {repartition[1] / total:.0%}, éligible {repartition[2] / total:.0%}")
    if avec_rsa:
        rsa = _calculer(simulation, ["rsa"], periode)
        print(f"    rsa d'openfisca-france, mêmes personnes : {rsa:.2f} s, {rsa * 1000 / n:.4f} ms/personne")
        print(f"    rapport rsa / toutes nos aides : {rsa / aides:.1f}")
    print(f"    pic RSS du processus : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} Mio")
    vectoriel, par_arbre = _cout_des_dates(systeme, n)
    print(
        f"    barème lu à la date de chacune des {n} personnes (dates distinctes) : {vectoriel * 1000:.1f} ms en tout ; "
        f"l'arbre d'OpenFisca à une date nouvelle : {par_arbre * 1000:.0f} ms par date"
    )
    print()
    del simulation
    gc.collect()


# --- (d) clara lot sur une population générée --------------------------------------------------------

# Avant les raccourcis de performance-2026-12.md, mesurés sur la même machine (§2, §4) : une simulation de toutes
# les aides sur 1 000 000 de personnes (générateur du banc) ; `clara lot` sur 100 000 lignes CSV.
AVANT = {"1e6_s": 39.7, "1e6_mio": 2078, "lot_1e5_s": 13.4, "lot_1e5_mio": 796, "rsa_1e5_s": 43.2}

_LOT = """
import json, sys, time
from openfisca_clara_api.systeme import construire_systeme
construire_systeme()
from openfisca_clara_api.population import executer
debut = time.perf_counter()
bilan = executer(sys.argv[1], sys.argv[2], sys.argv[3])
print(json.dumps({"secondes": time.perf_counter() - debut, "lues": bilan.lues, "evaluees": bilan.evaluees}))
"""

_RSA = """
import json, sys, time
import numpy as np
from openfisca_clara_api.systeme import construire_systeme
from openfisca_clara_api.population import _entrees, _simuler, lire_lots
systeme = construire_systeme()
lot = next(lire_lots(sys.argv[1], systeme, int(sys.argv[2])))
entrees, _ = _entrees(systeme, lot, sys.argv[1])
simulation = _simuler(systeme, entrees, np.ones(len(lot.lignes), dtype=bool), sys.argv[3])
debut = time.perf_counter()
simulation.calculate("rsa", sys.argv[3])
print(json.dumps({"secondes": time.perf_counter() - debut, "personnes": len(lot.lignes)}))
"""


def _sous_processus(code, *arguments):
    """(résultat JSON imprimé, durée du processus, pic RSS en Mio) d'un processus Python neuf."""
    debut = time.perf_counter()
    enfant = subprocess.Popen([sys.executable, "-c", code, *map(str, arguments)], stdout=subprocess.PIPE, text=True)
    sortie = enfant.stdout.read()
    _, statut, usage = os.wait4(enfant.pid, 0)
    if os.waitstatus_to_exitcode(statut) != 0:
        raise RuntimeError(f"sous-processus en échec ({os.waitstatus_to_exitcode(statut)})")
    return json.loads(sortie.strip().splitlines()[-1]), time.perf_counter() - debut, usage.ru_maxrss / 1024


def banc_lot(tailles, avec_rsa=True, periode=None):
    """`clara lot` (toutes les aides, Parquet → Parquet, lots de 100 000) sur des personnes générées
    (`population_synthetique`, marges publiées), chaque taille dans un processus neuf ; le `rsa` d'openfisca-france
    sur les 100 000 premières des mêmes personnes, dans le même banc."""
    from openfisca_clara_api.population_synthetique import ecrire_population
    from openfisca_clara_api.web import mois_courant

    periode = periode or mois_courant()
    print(f"(d) clara lot sur une population générée (population_synthetique), mois {periode}, processus neufs")
    dossier = Path(tempfile.mkdtemp(prefix="clara-banc-"))
    mesures = {}
    try:
        for n in tailles:
            entree = dossier / f"population-{n}.parquet"
            debut = time.perf_counter()
            ecrire_population(entree, n, periode)
            generation = time.perf_counter() - debut
            resultat, processus, pic = _sous_processus(_LOT, entree, dossier / f"sortie-{n}.parquet", periode)
            mesures[n] = resultat["secondes"]
            print(
                f"    {n:>9} personnes : {resultat['secondes']:6.1f} s ({resultat['secondes'] * 1e6 / n:5.1f} µs/personne, "
                f"lecture, calcul et écriture ; processus {processus:5.1f} s), pic RSS {pic:5.0f} Mio (génération {generation:.1f} s)"
            )
            (dossier / f"sortie-{n}.parquet").unlink(missing_ok=True)
        print(
            f"    avant (performance-2026-12.md) : 1 000 000 personnes {AVANT['1e6_s']} s de calcul et {AVANT['1e6_mio']} Mio en une simulation ; "
            f"clara lot 100 000 lignes CSV {AVANT['lot_1e5_s']} s, {AVANT['lot_1e5_mio']} Mio"
        )
        if avec_rsa:
            n = min(100_000, min(tailles))
            resultat, processus, pic = _sous_processus(_RSA, dossier / f"population-{min(tailles)}.parquet", n, periode)
            par_personne = resultat["secondes"] / resultat["personnes"]
            print(f"    rsa d'openfisca-france, les {resultat['personnes']} premières personnes : {resultat['secondes']:.1f} s, pic RSS {pic:.0f} Mio")
            if min(tailles) in mesures:
                notre = mesures[min(tailles)] / min(tailles)
                print(f"    rapport rsa / toutes nos aides (par personne, même population, même banc) : {par_personne / notre:.1f}")
    finally:
        shutil.rmtree(dossier, ignore_errors=True)
    print()


# --- (c) Le serveur ----------------------------------------------------------------------------------


def port_libre():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as prise:
        prise.bind((HOTE, 0))
        return prise.getsockname()[1]


def commande_serveur(port):
    clara = Path(sys.executable).with_name("clara")
    if clara.exists() or shutil.which("clara"):
        return [str(clara) if clara.exists() else shutil.which("clara"), "serve", "--host", HOTE, "--port", str(port)]
    code = f"from openfisca_clara_api.serveur import servir; servir({HOTE!r}, {port})"
    return [sys.executable, "-c", code]


def _requete(url, corps=None, delai=30):
    donnees = None if corps is None else json.dumps(corps).encode("utf-8")
    requete = urllib.request.Request(url, data=donnees, headers={"Content-Type": "application/json"} if donnees else {})
    with urllib.request.urlopen(requete, timeout=delai) as reponse:
        return reponse.status, reponse.read()


def pss_totale(pid):
    import psutil

    racine = psutil.Process(pid)
    processus = [racine, *racine.children(recursive=True)]
    return sum(p.memory_full_info().pss for p in processus), len(processus)


def attendre_serveur(url, processus, delai=DELAI_DEMARRAGE_S):
    debut = time.perf_counter()
    while time.perf_counter() - debut < delai:
        if processus.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté (code {processus.returncode})")
        try:
            if _requete(url, delai=2)[0] == 200:
                return time.perf_counter() - debut
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.02)
    raise RuntimeError(f"pas de réponse de {url} en {delai} s")


def _latences(url, corps, n, varier=None):
    durees = []
    for i in range(n):
        donnees = copy.deepcopy(corps)
        if varier:
            varier(donnees, i)
        debut = time.perf_counter()
        statut, _ = _requete(url, donnees)
        durees.append((time.perf_counter() - debut) * 1000)
        if statut != 200:
            raise RuntimeError(f"{url} : HTTP {statut}")
    durees.sort()
    return statistics.median(durees), durees[min(len(durees) - 1, int(round(0.99 * len(durees))) - 1)], max(durees)


def banc_serveur(systeme, requetes):
    from openfisca_clara_api.web import mois_courant, situation_exemple

    port = port_libre()
    commande = commande_serveur(port)
    print(f"(c) Serveur : {Path(commande[0]).name} {' '.join(commande[1:])}")
    journal = tempfile.TemporaryFile()  # noqa: SIM115 (fermé dans finally)
    processus = subprocess.Popen(commande, stdout=journal, stderr=journal)
    try:
        racine = f"http://{HOTE}:{port}"
        try:
            demarrage = attendre_serveur(f"{racine}/spec", processus)
        except RuntimeError:
            journal.seek(0)
            print(journal.read().decode(errors="replace")[-3000:])
            raise
        time.sleep(0.5)  # les workers finissent de démarrer
        pss, nombre = pss_totale(processus.pid)
        print(f"    démarrage jusqu'au premier /spec 200 : {demarrage:.2f} s ({_verdict(demarrage, CIBLES['demarrage_s'])} de {CIBLES['demarrage_s']:.0f} s)")
        print(
            f"    PSS totale au repos : {_mio(pss):.0f} Mio pour {nombre} processus ({_verdict(_mio(pss), CIBLES['pss_mio'])} de {CIBLES['pss_mio']:.0f} Mio)"
        )
        periode = mois_courant()
        situation = situation_exemple(systeme, periode)
        demandes = sum(1 for v in situation["individus"]["demandeur"].values() if None in v.values())
        for route, corps in (("/calculate", situation), ("/evaluation", {"situation": situation, "periode": periode})):
            for _ in range(3):  # une requête par worker au moins, hors mesure
                _requete(racine + route, copy.deepcopy(corps))
            p50, p99, pire = _latences(racine + route, corps, requetes)
            print(
                f"    {route:12s} {requetes} requêtes séquentielles ({demandes} variables demandées) : p50 {p50:.1f} ms "
                f"({_verdict(p50, CIBLES['p50_ms'])} de {CIBLES['p50_ms']:.0f}), p99 {p99:.1f} ms ({_verdict(p99, CIBLES['p99_ms'])} de {CIBLES['p99_ms']:.0f}), max {pire:.1f} ms"
            )
        debut_mois = datetime.date.fromisoformat(f"{periode}-01")

        def nouvelle_date(donnees, i):
            date = debut_mois - datetime.timedelta(days=40 + i)
            donnees["individus"]["demandeur"]["projet_date_debut"] = {periode: date.isoformat()}

        n = min(40, requetes)
        p50, p99, pire = _latences(racine + "/calculate", situation, n, varier=nouvelle_date)
        print(
            f"    /calculate   {n} requêtes, une date de projet jamais vue à chaque fois : p50 {p50:.1f} ms, max {pire:.1f} ms "
            "(paramètres lus à cette date : voir (b))"
        )
        pss, nombre = pss_totale(processus.pid)
        print(f"    PSS totale après les requêtes : {_mio(pss):.0f} Mio")
    finally:
        processus.terminate()
        try:
            processus.wait(15)
        except subprocess.TimeoutExpired:
            processus.kill()
            processus.wait(5)
        journal.close()
    print()


def main(arguments=None):
    parseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parseur.add_argument("--personnes", type=int, default=100_000)
    parseur.add_argument("--requetes", type=int, default=200)
    parseur.add_argument("--sans-rsa", action="store_true", help="ne pas calculer le rsa d'openfisca-france (≈ 40 s et 4 Gio à 100 000 personnes)")
    parseur.add_argument(
        "--lot", default="100000,1000000", help="tailles des populations générées pour clara lot, séparées par des virgules ; vide : pas de (d)"
    )
    options = parseur.parse_args(arguments)
    debut = time.perf_counter()
    print(f"openfisca-clara, banc du {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cœurs, Python {sys.version.split()[0]}")
    print()
    banc_construction()
    from openfisca_clara_api.systeme import construire_systeme

    systeme = construire_systeme()
    banc_population(systeme, options.personnes, avec_rsa=not options.sans_rsa)
    if options.lot.strip():
        banc_lot([int(t) for t in options.lot.split(",")], avec_rsa=not options.sans_rsa)
    banc_serveur(systeme, options.requetes)
    print("(d) Le coût des aides locales")
    from openfisca_clara_api.mesure_evaluation import comparer_aides_locales

    comparer_aides_locales()
    print()
    print(f"Banc complet en {time.perf_counter() - debut:.0f} s.")


if __name__ == "__main__":
    main()
