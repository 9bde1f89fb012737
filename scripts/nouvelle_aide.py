"""Le squelette d'une aide locale et de ses tests, à compléter (docs/aides-locales.md).

    make nouvelle-aide ID=d44_aide_permis TERRITOIRE=departement_loire_atlantique DEPARTEMENTS=44 PORTEUR="Département de Loire-Atlantique"
    python scripts/nouvelle_aide.py --id … --territoire … (--regions 52 | --departements 44 | --communes 44109 | --epci 244400404) --porteur …

Écrit `openfisca_clara/aides_locales/<territoire>/<id>.yaml` et `tests/aides/<territoire>/<id>.yaml` (sans rien
écraser). Le fichier d'aide se lit tel quel (le compilateur le valide) : chaque valeur `null` ou « À compléter »
est à remplacer depuis la source, avec sa référence exacte.
"""

import argparse
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]

AIDE = """\
# {porteur} — {id}. Source : À COMPLÉTER (la page ou le texte exact).
id: {id}
territoire:
  {niveau}: [{codes}]
  label: Résider dans le territoire de l'aide (À COMPLÉTER, « Résider en … »)

fiche:
  label: À COMPLÉTER (nom de l'aide)
  description: À COMPLÉTER (ce que l'aide finance, pour qui, en une ou deux phrases)
  porteur: {porteur}
  rubrique: aides_regionales
  besoins: [trouver_emploi]
  periodicite: ponctuelle
  montant_est_maximum: true
  unite_montant: ponctuel
  base_jours: null
  montant_explication: À COMPLÉTER (comment se calcule le montant, et ce qui est affiché quand un fait manque)
  conditions_non_modelisees:
    - L'aide est accordée après instruction du dossier, dans la limite des crédits disponibles.
  demarche: À COMPLÉTER (où et comment déposer la demande)
  lien: https://example.org/a-completer
  debut: null
  fin: null
  rulebook: null
  references:
    - title: À COMPLÉTER (titre de la page ou du texte)
      href: https://example.org/a-completer

parametres:
  ouvert:
    description: Le dispositif est ouvert aux demandes
    metadata:
      unit: /1
      reference: &source
        - title: À COMPLÉTER
          href: https://example.org/a-completer
      documentation: À COMPLÉTER (date de création ; si elle n'est pas connue, avant_historique inconnu)
    values:
      2026-01-01: true
  montant:
    description: Montant de l'aide
    metadata: {{unit: currency, reference: *source}}
    values:
      2026-01-01: null

conditions:
  - ouverture: {{parametre: ouvert, avant_historique: inconnu}}
  - inscrit_france_travail: true

montant:
  parametre: montant
"""

TESTS = """\
# {id} : les trois statuts, les deux côtés de chaque borne, la veille et le jour de chaque date, dans et hors du
# territoire, les montants au centime (docs/aides-locales.md, « Les tests »).

- name: À COMPLÉTER — éligible dans le territoire
  period: 2026-06
  input:
    depcom: "{commune}"
    inscription_france_travail: oui
  output:
    {prefixe}_residence: 1
"""


def main(arguments=None):
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--id", required=True)
    analyseur.add_argument("--territoire", required=True, help="dossier : region_<nom>, departement_<nom>, metropole_<nom> ou commune_<nom>")
    analyseur.add_argument("--porteur", required=True)
    analyseur.add_argument("--racine", type=Path, default=RACINE, help="racine du dépôt (les tests écrivent ailleurs)")
    niveaux = analyseur.add_mutually_exclusive_group(required=True)
    for niveau in ("regions", "departements", "communes", "epci"):
        niveaux.add_argument(f"--{niveau}", help="codes séparés par des virgules")
    args = analyseur.parse_args(arguments)
    niveau = next(n for n in ("regions", "departements", "communes", "epci") if getattr(args, n))
    codes = [c.strip() for c in getattr(args, niveau).split(",") if c.strip()]
    valeurs = {"id": args.id, "porteur": args.porteur, "niveau": niveau, "codes": ", ".join(f'"{c}"' for c in codes), "prefixe": args.id}
    valeurs["commune"] = codes[0] if niveau == "communes" else "À COMPLÉTER (code INSEE d'une commune du territoire)"
    racine = args.racine
    fichiers = {
        racine / "openfisca_clara" / "aides_locales" / args.territoire / f"{args.id}.yaml": AIDE.format(**valeurs),
        racine / "tests" / "aides" / args.territoire / f"{args.id}.yaml": TESTS.format(**valeurs),
    }
    for chemin in fichiers:
        if chemin.exists():
            sys.exit(f"{chemin.relative_to(racine)} existe déjà : rien n'est écrit")
    for chemin, texte in fichiers.items():
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(texte, encoding="utf-8")
        print(f"écrit : {chemin.relative_to(racine)}")
    print("Ensuite : compléter depuis la source (docs/aides-locales.md), écrire les tests, `make test`, une ligne au CHANGELOG.")


if __name__ == "__main__":
    main()
