"""`clara` : la ligne de commande d'openfisca-clara.

    clara evaluer situation.json --periode 2025-06 [--personne ID] [--rubrique R ...] [--besoin B ...] [--json]
    clara catalogue [--rubrique R ...] [--besoin B ...] [--json]
    clara serve [--host 127.0.0.1] [--port 5000] [--workers 2] [--threads 8]
    clara lot population.csv --periode 2025-06 [--aide A ...] [--sortie resultats.parquet] [--reforme R --bilan bilan.json]
    clara rapport population.csv --reforme R --periode 2027-01 [--sortie rapport.html]

Une entrée invalide affiche le champ fautif et sort avec le code 2.
"""

import argparse
import datetime
import json
import sys
import textwrap

from openfisca_clara_api.erreurs import ErreurEntree

LARGEUR = 100
TITRES = {"eligible": "ÉLIGIBLE", "a_verifier": "À VÉRIFIER", "non_eligible": "NON ÉLIGIBLE"}
SYMBOLES = {"eligible": "✓", "a_verifier": "?", "non_eligible": "✗"}
MOIS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def _euros(montant):
    entier, decimales = f"{montant:,.2f}".split(".")
    return f"{entier.replace(',', ' ')},{decimales} €"


def _unite(fiche):
    """« par jour (jours calendaires) », « une fois » : l'unité du montant d'une fiche ; vide sans montant."""
    from openfisca_clara_api.catalogue import BASES_JOURS, UNITES_MONTANT

    if fiche["unite_montant"] is None:
        return ""
    texte = UNITES_MONTANT[fiche["unite_montant"]]
    if fiche["base_jours"] is not None and fiche["unite_montant"] != "par_mois_de_30_jours":
        texte += f" ({BASES_JOURS[fiche['base_jours']]})"
    return texte


def _montant(aide):
    """« 66,05 € (une fois) », « jusqu'à 561,68 € (par mois) » ; vide sans montant ou à 0 pour une aide non éligible."""
    montant = aide["montant"]
    if montant is None or (montant == 0 and aide["statut"] == "non_eligible"):
        return ""
    prefixe = "jusqu'à " if aide["montant_est_maximum"] and aide["statut"] != "non_eligible" else ""
    return f"{prefixe}{_euros(montant)} ({_unite(aide)})"


def _pluriel(nombre, mot):
    return f"{nombre} {mot}{'s' if nombre > 1 else ''}"


def _lignes(texte, retrait):
    return textwrap.fill(texte, LARGEUR, initial_indent=retrait, subsequent_indent=retrait + "  ")


def afficher_evaluation(resultat, sortie):
    """Le résultat d'`evaluer` en tableau lisible, sans couleur : éligible, à vérifier, non éligible, questions."""
    annee, mois = resultat["periode"].split("-")
    resume = resultat["resume"]
    total = sum(resume.values())
    print(f"Aides pour « {resultat['personne']} » en {MOIS[int(mois) - 1]} {annee} : {_pluriel(total, 'aide')} évaluée{'s' if total > 1 else ''}", file=sortie)
    print(f"  {resume['eligible']} éligible(s) · {resume['a_verifier']} à vérifier · {resume['non_eligible']} non éligible(s)", file=sortie)
    avertissements = resultat.get("avertissements") or []
    if avertissements:
        print(f"\nATTENTION : {_pluriel(len(avertissements), 'entrée')} pour un autre mois que {MOIS[int(mois) - 1]} {annee}, non lue(s)", file=sortie)
        for avertissement in avertissements:
            texte = f"- {avertissement['chemin'].rsplit('.', 1)[0]} : donné pour {', '.join(avertissement['periodes'])}"
            print(_lignes(texte, "  "), file=sortie)
        print(_lignes(f"Évaluez le mois voulu avec --periode AAAA-MM, ou donnez ces entrées pour {resultat['periode']}.", "  "), file=sortie)
    aides = [aide for rubrique in resultat["rubriques"] for aide in rubrique["aides"]]
    libelles_rubriques = {r["id"]: r["label"] for r in resultat["rubriques"]}
    for statut in ("eligible", "a_verifier", "non_eligible"):
        liste = [a for a in aides if a["statut"] == statut]
        if not liste:
            continue
        print(f"\n{TITRES[statut]} ({len(liste)})", file=sortie)
        for aide in liste:
            montant = _montant(aide)
            print(f"  [{SYMBOLES[statut]}] {aide['label']}" + (f" — {montant}" if montant else ""), file=sortie)
            print(f"      {aide['porteur']} · {libelles_rubriques[aide['rubrique']]} · {aide['id']}", file=sortie)
            for critere in aide["criteres"]:
                if critere["valeur"] == "faux" or (critere["valeur"] == "inconnu" and statut == "a_verifier"):
                    texte = f"{critere['symbole']} {critere['label']}"
                    if critere.get("faits_manquants"):
                        texte += f" (à renseigner : {', '.join(critere['faits_manquants'])})"
                    print(_lignes(texte, "      "), file=sortie)
    questions = resultat["questions"]
    if questions:
        print(f"\nQUESTIONS À POSER ({len(questions)}), de la plus utile à la moins utile", file=sortie)
        for rang, question in enumerate(questions, 1):
            print(_lignes(f"{rang}. {question['question']}", "  "), file=sortie)
            print(_lignes(f"réponse : {question['chemin']} ; aides concernées : {', '.join(question['aides'])}", "     "), file=sortie)


def afficher_catalogue(fiches, sortie):
    from openfisca_clara_api.catalogue import vocabulaire

    vocab = vocabulaire()
    print(f"Catalogue : {_pluriel(len(fiches), 'aide')}", file=sortie)
    rubrique = None
    for fiche in fiches:
        if fiche["rubrique"] != rubrique:
            rubrique = fiche["rubrique"]
            print(f"\n{vocab['rubriques'][rubrique]} ({rubrique})", file=sortie)
        print(f"  {fiche['id']} — {fiche['label']}", file=sortie)
        territoire = fiche["territoire"] if isinstance(fiche["territoire"], str) else json.dumps(fiche["territoire"], ensure_ascii=False)
        unite = f" · montant : {_unite(fiche)}" if fiche["unite_montant"] else ""
        print(_lignes(f"{fiche['porteur']} · {territoire} · besoins : {', '.join(fiche['besoins'])}{unite}", "      "), file=sortie)


# --- Commandes ------------------------------------------------------------------------------------------------


def _lire_json(fichier):
    try:
        with open(fichier, encoding="utf-8") as flux:
            return json.load(flux)
    except OSError as erreur:
        raise ErreurEntree(fichier, f"Fichier illisible : {erreur.strerror}.") from None
    except json.JSONDecodeError as erreur:
        raise ErreurEntree(fichier, f"JSON invalide, ligne {erreur.lineno} colonne {erreur.colno} : {erreur.msg}.") from None


def _mois_courant():
    return datetime.date.today().strftime("%Y-%m")


def commande_evaluer(args, sortie):
    from openfisca_clara_api.evaluation import evaluer

    situation = _lire_json(args.fichier)
    resultat = evaluer(situation, args.periode, personne=args.personne, rubriques=args.rubrique, besoins=args.besoin, aides=args.aide)
    if args.json:
        json.dump(resultat, sortie, ensure_ascii=False, indent=2)
        print(file=sortie)
    else:
        afficher_evaluation(resultat, sortie)
    return 0


def commande_catalogue(args, sortie):
    from openfisca_clara_api.catalogue import charger_catalogue
    from openfisca_clara_api.evaluation import filtrer_catalogue

    catalogue = charger_catalogue()
    fiches = [catalogue[i] for i in filtrer_catalogue(args.rubrique, args.besoin, catalogue=catalogue)]
    if args.json:
        json.dump(fiches, sortie, ensure_ascii=False, indent=2)
        print(file=sortie)
    else:
        afficher_catalogue(fiches, sortie)
    return 0


def commande_serve(args, sortie):
    from openfisca_clara_api.serveur import servir

    options = {"extensions": args.extensions} if args.extensions else {}  # sinon : CLARA_EXTENSIONS
    servir(args.host, args.port, args.workers, args.threads, **options)
    return 0


def commande_lot(args, sortie):
    from openfisca_clara_api.population import executer

    bilan = executer(
        args.fichier,
        args.sortie,
        args.periode,
        aides=args.aide,
        reforme=args.reforme,
        taille_lot=args.taille_lot,
        progression=args.sortie is not None,
        flux=sortie,
    )
    for message in bilan.erreurs:
        print(f"Ligne marquée : {message}", file=sys.stderr)
    print(f"clara lot : {bilan.resume()}.", file=sys.stderr)
    if args.bilan and bilan.comparaison is not None:
        with open(args.bilan, "w", encoding="utf-8") as flux:
            json.dump(bilan.comparaison.en_json(), flux, ensure_ascii=False, indent=1)
    return 0


def commande_generer(args, sortie):
    from openfisca_clara_api.population_synthetique import ecrire_population

    ecrire_population(args.sortie, args.personnes, args.periode, args.graine, avec_projet=args.avec_projet)
    print(f"clara generer : {args.personnes} personnes écrites dans {args.sortie} (sources des marges : docs/populations.md).", file=sys.stderr)
    return 0


def commande_rapport(args, sortie):
    from openfisca_clara_api.rapport import ecrire_rapport

    bilan = ecrire_rapport(args.fichier, args.reforme, args.periode, args.sortie, aides=args.aide, taille_lot=args.taille_lot)
    print(f"clara rapport : {bilan.resume()} ; rapport écrit dans {args.sortie}.", file=sys.stderr)
    return 0


# --- Analyse des arguments ------------------------------------------------------------------------------------


def _analyseur():
    analyseur = argparse.ArgumentParser(prog="clara", description="openfisca-clara : les aides au retour à l'emploi, en règles-code.")
    commandes = analyseur.add_subparsers(dest="commande", required=True, metavar="COMMANDE")

    evaluer = commandes.add_parser("evaluer", help="évaluer une situation (fichier JSON au format d'openfisca-france)")
    evaluer.add_argument("fichier", help="situation JSON (individus, familles, foyers_fiscaux, menages)")
    evaluer.add_argument("--periode", default=_mois_courant(), help="mois évalué, AAAA-MM (par défaut : le mois courant)")
    evaluer.add_argument("--personne", help="identifiant de l'individu évalué (par défaut : le premier)")
    evaluer.add_argument("--rubrique", action="extend", nargs="+", metavar="RUBRIQUE", help="garder les aides de ces rubriques")
    evaluer.add_argument("--besoin", action="extend", nargs="+", metavar="BESOIN", help="garder les aides répondant à l'un de ces besoins")
    evaluer.add_argument("--aide", action="extend", nargs="+", metavar="AIDE", help="garder ces aides (identifiants)")
    evaluer.add_argument("--json", action="store_true", help="afficher le résultat complet d'evaluer() en JSON")
    evaluer.set_defaults(executer=commande_evaluer)

    catalogue = commandes.add_parser("catalogue", help="lister les aides du catalogue")
    catalogue.add_argument("--rubrique", action="extend", nargs="+", metavar="RUBRIQUE")
    catalogue.add_argument("--besoin", action="extend", nargs="+", metavar="BESOIN")
    catalogue.add_argument("--json", action="store_true", help="les fiches complètes en JSON")
    catalogue.set_defaults(executer=commande_catalogue)

    serve = commandes.add_parser("serve", help="servir l'API web (OpenFisca + routes Clara)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    serve.add_argument("--workers", type=int, default=2, help="processus (un par cœur)")
    serve.add_argument("--threads", type=int, default=8, help="fils de calcul par processus")
    serve.add_argument(
        "--extensions",
        nargs="+",
        metavar="EXTENSION",
        help="autres extensions OpenFisca servies avec openfisca_clara, par exemple openfisca_france_local "
        "(pip install 'openfisca-clara[local]') ; par défaut, celles de CLARA_EXTENSIONS",
    )
    serve.set_defaults(executer=commande_serve)

    lot = commandes.add_parser("lot", help="évaluer une population (CSV ou Parquet : une ligne par personne, une colonne par variable d'entrée)")
    lot.add_argument("fichier", help="CSV (séparateur , ; tabulation ou |) ou Parquet ; une colonne « id » facultative est recopiée")
    lot.add_argument("--periode", default=_mois_courant(), help="mois évalué, AAAA-MM (par défaut : le mois courant)")
    lot.add_argument("--aide", action="extend", nargs="+", metavar="AIDE", help="seulement ces aides")
    lot.add_argument("--sortie", help="résultats, .parquet ou .csv (par défaut : CSV sur la sortie standard)")
    lot.add_argument("--reforme", help="réforme comparée à la référence : nom (openfisca_clara.reforms), module:Classe, ou YAML")
    lot.add_argument("--bilan", help="avec --reforme : la comparaison (JSON) écrite dans ce fichier")
    lot.add_argument("--taille-lot", type=int, default=100_000, help="personnes évaluées à la fois (mémoire bornée)")
    lot.set_defaults(executer=commande_lot)

    generer = commandes.add_parser("generer", help="une population synthétique de demandeurs d'emploi (marges publiées), pour clara lot")
    generer.add_argument("personnes", type=int, help="nombre de personnes")
    generer.add_argument("sortie", help="fichier écrit, .parquet ou .csv")
    generer.add_argument("--periode", default=_mois_courant(), help="mois de référence des âges et anciennetés, AAAA-MM")
    generer.add_argument("--graine", type=int, default=2026, help="graine du tirage (même graine, même population)")
    generer.add_argument("--avec-projet", action="store_true", help="ajouter un projet tiré sans source (inventé)")
    generer.set_defaults(executer=commande_generer)

    rapport = commandes.add_parser("rapport", help="rapport HTML : une réforme contre la référence, sur une population")
    rapport.add_argument("fichier", help="population, CSV ou Parquet")
    rapport.add_argument("--reforme", required=True, help="nom, module:Classe, ou YAML de modifications datées")
    rapport.add_argument("--periode", default=_mois_courant(), help="mois évalué, AAAA-MM")
    rapport.add_argument("--aide", action="extend", nargs="+", metavar="AIDE", help="seulement ces aides")
    rapport.add_argument("--sortie", default="rapport.html", help="fichier HTML écrit")
    rapport.add_argument("--taille-lot", type=int, default=100_000)
    rapport.set_defaults(executer=commande_rapport)
    return analyseur


def main(argv=None):
    """Point d'entrée de `clara` ; renvoie le code de sortie (0, ou 2 pour une entrée invalide)."""
    try:
        args = _analyseur().parse_args(argv)
    except SystemExit as sortie:  # --help (0) ou arguments invalides (2) : argparse a déjà écrit son message
        return sortie.code if isinstance(sortie.code, int) else 2
    try:
        return args.executer(args, sys.stdout)
    except ErreurEntree as erreur:
        message = f"Erreur : champ « {erreur.champ} » : {erreur.message}"
        if erreur.attendu is not None:
            attendu = ", ".join(map(str, erreur.attendu)) if isinstance(erreur.attendu, list) else str(erreur.attendu)
            message += f"\n  attendu : {attendu}"
        print(message, file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
