"""Temps d'une évaluation complète (`evaluer` : toutes les aides, explications, questions), à chaud.

    python -m openfisca_clara_api.mesure_evaluation [--repetitions 100] [--json] [--comparer-aides-locales]

Pour chaque situation d'exemple : médiane et p90 du temps écoulé et du temps CPU (le second résiste mieux à une
machine chargée), à côté du calcul OpenFisca nu des mêmes statuts et montants (construction + calcul, sans
trace) : l'écart est le coût de l'explication et des questions. Des chiffres imprimés, pas de test chronométré.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder

CIBLE_MS = 20.0


def _mesurer(fonction, repetitions):
    for _ in range(10):
        fonction()
    ecoule, cpu = [], []
    for _ in range(repetitions):
        debut, debut_cpu = time.perf_counter(), time.process_time()
        fonction()
        ecoule.append((time.perf_counter() - debut) * 1000)
        cpu.append((time.process_time() - debut_cpu) * 1000)
    ecoule.sort()
    cpu.sort()
    return ecoule[len(ecoule) // 2], ecoule[int(len(ecoule) * 0.9)], cpu[len(cpu) // 2]


def comparer_aides_locales(repetitions=30, tours=3):
    """`evaluer` avec et sans les aides locales (CLARA_SANS_AIDES_LOCALES=1), dans des processus alternés du même
    banc : la médiane des médianes CPU de chaque exemple, et le rapport (issue 9, point 3 : pas plus cher avec elles)."""
    from openfisca_clara_api.aides_locales import DESACTIVER, charger_aides_locales

    mesures = {"avec": [], "sans": []}
    for _ in range(tours):
        for cas in ("avec", "sans"):
            environnement = {**os.environ, DESACTIVER: "1" if cas == "sans" else "0"}
            commande = [sys.executable, "-m", "openfisca_clara_api.mesure_evaluation", "--repetitions", str(repetitions), "--json"]
            sortie = subprocess.run(commande, env=environnement, capture_output=True, text=True, check=True).stdout
            mesures[cas].append(json.loads(sortie.strip().splitlines()[-1]))
    exemples = sorted(mesures["avec"][0])
    print(
        f"    evaluer, CPU médian par exemple, avec les {len(charger_aides_locales())} aides locales et sans (CLARA_SANS_AIDES_LOCALES=1), {tours} tours alternés :"
    )
    rapports = []
    for exemple in exemples:
        avec = statistics.median(m[exemple] for m in mesures["avec"])
        sans = statistics.median(m[exemple] for m in mesures["sans"])
        rapports.append(avec / sans)
        print(f"      {exemple:32s} avec {avec:5.1f} ms, sans {sans:5.1f} ms, rapport {avec / sans:.2f}")
    print(f"    rapport médian avec / sans : {statistics.median(rapports):.2f}")


def main(arguments=None):
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--repetitions", type=int, default=100)
    analyseur.add_argument("--json", action="store_true", help="une ligne JSON : {exemple: CPU médian en ms} (pour le banc)")
    analyseur.add_argument("--comparer-aides-locales", action="store_true", help="avec et sans les aides locales, en sous-processus alternés")
    args = analyseur.parse_args(arguments)
    if args.comparer_aides_locales:
        comparer_aides_locales(repetitions=args.repetitions)
        return

    from openfisca_clara_api.catalogue import charger_catalogue
    from openfisca_clara_api.evaluation import evaluer
    from openfisca_clara_api.exemples import charger_exemple, lister_exemples, periode_demandee
    from openfisca_clara_api.systeme import construire_systeme

    systeme = construire_systeme()
    catalogue = charger_catalogue()
    noms = [n for f in catalogue.values() for c, n in f["variables"].items() if c in ("statut", "montant") and n]
    if not args.json:
        print(f"{len(catalogue)} aides ; cible : moins de {CIBLE_MS:.0f} ms par évaluation, à chaud")
    cpu_par_exemple = {}
    for nom in lister_exemples():
        # Sans les aides locales (CLARA_SANS_AIDES_LOCALES=1), leurs variables n'existent pas : on les retire.
        situation = {
            entite: {
                i: {v: valeur for v, valeur in instance.items() if v in systeme.variables or isinstance(valeur, list)} for i, instance in instances.items()
            }
            for entite, instances in charger_exemple(nom).items()
        }
        periode = periode_demandee(situation)
        mois = periods.period(periode)

        def nu(situation=situation, mois=mois):
            simulation = SimulationBuilder().build_from_entities(systeme, situation)
            for variable in noms:
                simulation.calculate(variable, mois)

        mediane, p90, cpu = _mesurer(lambda situation=situation, periode=periode: evaluer(situation, periode), args.repetitions)
        if args.json:
            cpu_par_exemple[nom] = cpu
            continue
        mediane_nu, _, cpu_nu = _mesurer(nu, args.repetitions)
        verdict = "OK" if mediane < CIBLE_MS else "au-dessus de la cible"
        print(
            f"{nom:32s} evaluer : médiane {mediane:5.1f} ms, p90 {p90:5.1f} ms, CPU {cpu:5.1f} ms ({verdict}) ; "
            f"calcul nu : médiane {mediane_nu:5.1f} ms, CPU {cpu_nu:5.1f} ms"
        )
    if args.json:
        print(json.dumps(cpu_par_exemple))


if __name__ == "__main__":  # pragma: no cover
    main()
