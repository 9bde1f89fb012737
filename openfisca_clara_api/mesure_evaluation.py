"""Temps d'une évaluation complète (`evaluer` : toutes les aides, explications, questions), à chaud.

    python -m openfisca_clara_api.mesure_evaluation [--repetitions 100]

Pour chaque situation d'exemple : médiane et p90 du temps écoulé et du temps CPU (le second résiste mieux à une
machine chargée), à côté du calcul OpenFisca nu des mêmes statuts et montants (construction + calcul, sans
trace) : l'écart est le coût de l'explication et des questions. Des chiffres imprimés, pas de test chronométré.
"""

import argparse
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


def main(arguments=None):
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--repetitions", type=int, default=100)
    args = analyseur.parse_args(arguments)

    from openfisca_clara_api.catalogue import charger_catalogue
    from openfisca_clara_api.evaluation import evaluer
    from openfisca_clara_api.exemples import charger_exemple, lister_exemples, periode_demandee
    from openfisca_clara_api.systeme import construire_systeme

    systeme = construire_systeme()
    catalogue = charger_catalogue()
    noms = [n for f in catalogue.values() for c, n in f["variables"].items() if c in ("statut", "montant") and n]
    print(f"{len(catalogue)} aides ; cible : moins de {CIBLE_MS:.0f} ms par évaluation, à chaud")
    for nom in lister_exemples():
        situation = charger_exemple(nom)
        periode = periode_demandee(situation)
        mois = periods.period(periode)

        def nu(situation=situation, mois=mois):
            simulation = SimulationBuilder().build_from_entities(systeme, situation)
            for variable in noms:
                simulation.calculate(variable, mois)

        mediane, p90, cpu = _mesurer(lambda situation=situation, periode=periode: evaluer(situation, periode), args.repetitions)
        mediane_nu, _, cpu_nu = _mesurer(nu, args.repetitions)
        verdict = "OK" if mediane < CIBLE_MS else "au-dessus de la cible"
        print(
            f"{nom:32s} evaluer : médiane {mediane:5.1f} ms, p90 {p90:5.1f} ms, CPU {cpu:5.1f} ms ({verdict}) ; "
            f"calcul nu : médiane {mediane_nu:5.1f} ms, CPU {cpu_nu:5.1f} ms"
        )


if __name__ == "__main__":  # pragma: no cover
    main()
