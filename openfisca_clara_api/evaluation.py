"""Évaluer une situation : toutes les aides du catalogue, leur statut, leur montant, pourquoi, et quoi demander.

`evaluer(situation, periode)` est la porte d'entrée de la bibliothèque, de la ligne de commande et de l'API web :
il construit une simulation OpenFisca, calcule le statut et le montant de chaque aide pour une personne, explique
chaque statut par ses critères (les dépendances directes de la variable `_statut`, lues dans la trace du calcul)
et classe les faits inconnus en questions, de la plus utile à la moins utile.

La trace : un traceur léger (`_Traceur`) note, pour chaque calcul `nom@période`, les calculs qu'il déclenche
(la carte globale des dépendances) et leur valeur. Il remplace le `FullTracer` d'OpenFisca, qui chronomètre
chaque nœud et trace chaque accès aux paramètres : même information de dépendance, quatre fois moins cher (voir
`docs/evaluation.md`). Un critère déjà calculé pour une autre aide n'est pas recalculé, mais la carte globale
garde les dépendances de son premier calcul.

`evaluer_population` et `comparer_reforme` servent les analystes : vectoriels, une personne par ménage.
"""

import datetime
import math
import numbers
import re
import unicodedata
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

import numpy as np
from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tracers import SimpleTracer

from openfisca_clara_api.catalogue import charger_catalogue, vocabulaire
from openfisca_clara_api.erreurs import ErreurEntree, chemin, depuis_openfisca, message_identifiant, type_attendu
from openfisca_clara_api.faits_openfisca_france import traduire
from openfisca_clara_api.questions import charger_questions, detecteur_inconnu
from openfisca_clara_api.systeme import ConstructeurSimulation, construire_systeme

STATUTS = ("eligible", "a_verifier", "non_eligible")
VALEURS_CRITERE = {1: ("vrai", "✓"), 0: ("inconnu", "?"), -1: ("faux", "✗")}
# Les conditions décisives d'abord (Clara, §2.6) : ce qui manque, puis ce qui est acquis.
ORDRE_CRITERES = {-1: 0, 0: 1, 1: 2}
COMMUNE = "depcom"  # le fait du lieu de résidence : la première question quand il manque
FORME_MOIS = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
PLUS_GRAND_FLOAT32 = float(np.finfo(np.float32).max)
# Les mois évaluables : l'historique des règles et des paramètres (openfisca-france compris) les couvre tous.
PERIODE_MINIMALE, PERIODE_MAXIMALE = "2005-01", "2030-12"


# ---------------------------------------------------------------------------------------------------------------
# Ce qui ne dépend que du système et du catalogue : calculé une fois par système.


def _cle_tri(texte):
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return sans_accents.casefold()


def _texte(valeur):
    return valeur.strip() if isinstance(valeur, str) else valeur


def _copie(valeur):
    """Copie d'une valeur JSON (listes et dictionnaires du catalogue) : la sortie ne partage rien avec le cache."""
    if isinstance(valeur, dict):
        return {cle: _copie(v) for cle, v in valeur.items()}
    if isinstance(valeur, list):
        return [_copie(v) for v in valeur]
    return valeur


_TYPES_QUESTION = {"float": "nombre", "int": "entier", "date": "date", "str": "texte", "bool": "booleen"}


class _Fait:
    """Un fait du registre des questions, prêt à l'emploi : détecteur d'inconnu, variable de réponse, forme."""

    def __init__(self, systeme, nom, entree):
        variable = systeme.variables[nom]
        reponse = systeme.variables.get(entree["renseigne_par"], variable)
        self.nom = nom
        self.entite = variable.entity.key
        self.est_inconnu = detecteur_inconnu(variable)
        self.reponse = reponse.name
        self.entite_reponse = reponse.entity.key
        self.pluriel_reponse = reponse.entity.plural
        self.unite_reponse = str(reponse.definition_period)
        self.question = entree["question"]
        if getattr(reponse, "possible_values", None) is not None:
            self.type = "choix"
            self.choix = [{"valeur": m.name, "libelle": m.value} for m in reponse.possible_values if m.name != "non_renseigne"]
        else:
            self.type = _TYPES_QUESTION.get(reponse.value_type.__name__, reponse.value_type.__name__)
            self.choix = None


class _Index:
    """Structures dérivées du système et du catalogue, construites une fois (et non à chaque évaluation)."""

    def __init__(self, systeme):
        self.systeme = systeme
        self.catalogue = charger_catalogue()
        vocab = vocabulaire()
        self.rubriques = dict(vocab["rubriques"])
        self.besoins = dict(vocab["besoins"])
        self.ordre_rubriques = {r: i for i, r in enumerate(self.rubriques)}
        self.fiches = {}
        for identifiant, fiche in self.catalogue.items():
            self.fiches[identifiant] = {
                "id": identifiant,
                "label": _texte(fiche["label"]),
                "description": _texte(fiche["description"]),
                "porteur": fiche["porteur"],
                "rubrique": fiche["rubrique"],
                "besoins": list(fiche["besoins"]),
                "territoire": fiche["territoire"],
                "periodicite": fiche["periodicite"],
                "montant_est_maximum": fiche["montant_est_maximum"],
                "unite_montant": fiche["unite_montant"],
                "base_jours": fiche["base_jours"],
                "montant_explication": _texte(fiche.get("montant_explication")),
                "conditions_non_modelisees": [_texte(c) for c in fiche["conditions_non_modelisees"]],
                "demarche": _texte(fiche["demarche"]),
                "lien": fiche["lien"],
                "debut": fiche["debut"],
                "fin": fiche["fin"],
            }
        self.tri_labels = {i: _cle_tri(f["label"]) for i, f in self.fiches.items()}
        self.faits = {}
        for ordre, (nom, entree) in enumerate(charger_questions().items()):
            if nom in systeme.variables:  # un fait retiré du modèle n'est plus demandé (un test le signale)
                fait = _Fait(systeme, nom, entree)
                fait.ordre = ordre
                if fait.est_inconnu is not None:
                    self.faits[nom] = fait
        self.ordre_reponses = {}
        for fait in self.faits.values():
            self.ordre_reponses.setdefault(fait.reponse, fait)
        self.labels = {}
        self.criteres = {}

    def est_critere(self, nom):
        """Un critère : une variable entière de la personne (−1/0/+1)."""
        if nom not in self.criteres:
            variable = self.systeme.variables[nom]
            self.criteres[nom] = variable.value_type is int and variable.entity.is_person
        return self.criteres[nom]

    def label(self, nom):
        if nom not in self.labels:
            variable = self.systeme.variables[nom]
            self.labels[nom] = variable.label or nom
        return self.labels[nom]


@lru_cache(maxsize=8)
def _index(systeme):
    return _Index(systeme)


@lru_cache(maxsize=1)
def versions():
    """Versions des paquets qui font les règles : à citer avec chaque résultat."""
    resultat = {}
    for paquet, distribution in (("openfisca_clara", "openfisca-clara"), ("openfisca_france", "openfisca-france"), ("openfisca_core", "openfisca-core")):
        try:
            resultat[paquet] = version(distribution)
        except PackageNotFoundError:  # pragma: no cover - paquet installé autrement
            resultat[paquet] = None
    return resultat


# ---------------------------------------------------------------------------------------------------------------
# Construction de la simulation et trace.


class _Traceur(SimpleTracer):
    """La trace utile à l'explication : dépendances directes de chaque calcul `(nom, période)` et sa valeur."""

    def __init__(self):
        super().__init__()
        self.dependances = {}
        self.valeurs = {}

    def record_calculation_start(self, variable, period):
        cle = (variable, period)
        pile = self._stack
        if pile:
            parent = pile[-1]["cle"]
            enfants = self.dependances.get(parent)
            if enfants is None:
                self.dependances[parent] = {cle: None}
            else:
                enfants[cle] = None
        pile.append({"name": variable, "period": period, "cle": cle})

    def record_calculation_result(self, value):
        self.valeurs[self._stack[-1]["cle"]] = value


def _verifier_periode(periode):
    if not isinstance(periode, str) or not FORME_MOIS.match(periode):
        if isinstance(periode, str) and re.match(r"^\d{4}$", periode):
            message = f"La période « {periode} » est une année : les aides s'évaluent pour un mois."
        else:
            message = f"Période invalide « {periode} » : un mois est attendu."
        raise ErreurEntree("periode", message, "AAAA-MM")
    if not PERIODE_MINIMALE <= periode <= PERIODE_MAXIMALE:
        raise ErreurEntree(
            "periode",
            f"Période « {periode} » hors de la plage évaluable ({PERIODE_MINIMALE} à {PERIODE_MAXIMALE}).",
            f"AAAA-MM de {PERIODE_MINIMALE} à {PERIODE_MAXIMALE}",
        )
    return periods.period(periode)


def _verifier_valeur(variable, valeur, champ):
    """Types JSON stricts : OpenFisca accepte silencieusement 30.5 pour un entier, [1] ou true pour un nombre..."""
    type_ = variable.value_type.__name__
    if type_ == "date":
        correct = isinstance(valeur, str | datetime.date)
    elif getattr(variable, "possible_values", None) is not None or type_ == "str":
        correct = isinstance(valeur, str)
        if correct and type_ == "str" and getattr(variable, "max_length", None) and len(valeur) > variable.max_length:
            raise ErreurEntree(champ, f"Texte trop long pour « {variable.name} » ({variable.max_length} caractères au plus).", "texte")
    elif type_ == "bool":
        correct = isinstance(valeur, bool)
    elif type_ == "int":
        correct = not isinstance(valeur, bool) and (isinstance(valeur, numbers.Integral) or (isinstance(valeur, float) and valeur.is_integer()))
    elif type_ == "float":
        correct = not isinstance(valeur, bool) and isinstance(valeur, numbers.Real)
        if correct and not (math.isfinite(valeur) and abs(valeur) <= PLUS_GRAND_FLOAT32):
            raise ErreurEntree(champ, f"Nombre invalide pour « {variable.name} » : {valeur!r}.", "nombre")
    else:
        correct = True
    if not correct:
        raise ErreurEntree(champ, f"Type invalide pour « {variable.name} » : {valeur!r}.", type_attendu(variable))


PERIODE_SIMPLE = re.compile(r"^(\d{4}(-(0[1-9]|1[0-2]))?|ETERNITY)$")


def _preparer(systeme, situation):
    """Vérifie le type des valeurs données et retire les demandes de calcul (valeurs `null`), inutiles ici.

    La structure (entités, rôles, noms, périodes) est laissée à OpenFisca, qui la vérifie en construisant.
    """
    preparee = {}
    for pluriel, instances in situation.items():
        if not isinstance(instances, dict):
            preparee[pluriel] = instances
            continue
        preparee[pluriel] = {}
        for identifiant, instance in instances.items():
            message = message_identifiant(identifiant)
            if message:
                raise ErreurEntree(chemin(pluriel, identifiant), message, "un identifiant non vide, sans « / »")
            if not isinstance(instance, dict):
                preparee[pluriel][identifiant] = instance
                continue
            gardees = {}
            for nom, valeurs in instance.items():
                variable = systeme.variables.get(nom)
                if variable is not None and variable.entity.plural == pluriel and isinstance(valeurs, dict):
                    if valeurs and all(v is None and isinstance(p, str) and PERIODE_SIMPLE.match(p) for p, v in valeurs.items()):
                        continue  # demande de calcul au format de l'API web : rien à lire
                    for periode, valeur in valeurs.items():
                        if valeur is not None:
                            _verifier_valeur(variable, valeur, chemin(pluriel, identifiant, nom, periode))
                gardees[nom] = valeurs
            preparee[pluriel][identifiant] = gardees
    return preparee


def construire_simulation(situation, systeme=None, index=None, periode=None):
    """Simulation OpenFisca d'une situation au format d'openfisca-france (entités de groupe facultatives).

    Les faits donnés dans le vocabulaire d'openfisca-france deviennent nos entrées (`faits_openfisca_france.traduire`) ;
    `periode` : le mois évalué, couvert par les faits permanents (`date_debut_chomage`…).
    Lève `ErreurEntree`, et rien d'autre, pour une situation invalide.
    """
    systeme = systeme or construire_systeme()
    index = index or _index(systeme)
    if not isinstance(situation, dict):
        raise ErreurEntree("situation", "La situation doit être un objet JSON (individus, familles, foyers_fiscaux, menages).", "objet")
    if "axes" in situation:
        raise ErreurEntree("axes", "Les axes ne sont pas pris en charge : évaluez une situation à la fois, ou utilisez evaluer_population.")
    preparee, _ = traduire(_preparer(systeme, situation), systeme, [periode] if periode is not None else ())
    try:
        simulation = ConstructeurSimulation().build_from_entities(systeme, preparee)
    except SituationParsingError as erreur:
        raise depuis_openfisca(erreur, systeme, situation) from None
    except ErreurEntree:
        raise
    except Exception as erreur:  # OpenFisca ne signale pas tout par SituationParsingError
        raise ErreurEntree("situation", f"Situation invalide : {erreur}") from None
    _verifier_groupes(simulation)
    return simulation


def _verifier_groupes(simulation):
    """Un groupe sans membre passe la construction mais fait échouer les formules (projections) : on le refuse."""
    for population in simulation.populations.values():
        if population.entity.is_person:
            continue
        membres = np.bincount(np.asarray(population.members_entity_id, dtype=int), minlength=population.count)
        if (membres == 0).any():
            identifiant = str(population.ids[int(np.argmin(membres))])
            roles = [role.plural or role.key for role in population.entity.roles]
            raise ErreurEntree(chemin(population.entity.plural, identifiant), f"Le groupe « {identifiant} » n'a aucun membre.", roles)


# ---------------------------------------------------------------------------------------------------------------
# Filtres.


def _liste(valeurs, champ):
    if valeurs is None:
        return None
    if isinstance(valeurs, str) or not isinstance(valeurs, list | tuple):
        raise ErreurEntree(champ, "Une liste est attendue.", "liste")
    return list(valeurs)


def filtrer_catalogue(rubriques=None, besoins=None, aides=None, catalogue=None):
    """Identifiants des aides retenues par les filtres, dans l'ordre du catalogue (sans construire le système).

    `rubriques` : l'une d'elles ; `besoins` : au moins l'un d'eux (comme Clara) ; `aides` : ces identifiants.
    Les filtres se cumulent ; None ou liste vide : pas de filtre. Valeur inconnue : `ErreurEntree` (« besoins[1] »).
    """
    catalogue = charger_catalogue() if catalogue is None else catalogue
    vocab = vocabulaire()
    rubriques, besoins, aides = _liste(rubriques, "rubriques"), _liste(besoins, "besoins"), _liste(aides, "aides")
    for champ, genre, demandes, connus in (
        ("rubriques", "Rubrique inconnue", rubriques, vocab["rubriques"]),
        ("besoins", "Besoin inconnu", besoins, vocab["besoins"]),
        ("aides", "Aide inconnue", aides, catalogue),
    ):
        for i, valeur in enumerate(demandes or ()):
            if not isinstance(valeur, str) or valeur not in connus:
                raise ErreurEntree(f"{champ}[{i}]", f"{genre} : « {valeur} ».", list(connus))
    retenues = []
    for identifiant, fiche in catalogue.items():
        if rubriques and fiche["rubrique"] not in rubriques:
            continue
        if besoins and not any(b in besoins for b in fiche["besoins"]):
            continue
        if aides and identifiant not in aides:
            continue
        retenues.append(identifiant)
    return retenues


# ---------------------------------------------------------------------------------------------------------------
# Évaluation d'une situation.


class _Explication:
    """Lecture de la trace pour une personne : valeurs, critères, faits inconnus sous un critère."""

    def __init__(self, simulation, traceur, index, indice):
        self.simulation = simulation
        self.traceur = traceur
        self.index = index
        self.indice = indice
        self.indices_entites = {simulation.persons.entity.key: indice}
        self.memo = {}

    def indice_dans(self, entite):
        if entite not in self.indices_entites:
            population = self.simulation.populations[entite]
            self.indices_entites[entite] = int(population.members_entity_id[self.indice])
        return self.indices_entites[entite]

    def valeur(self, cle, entite):
        tableau = self.traceur.valeurs.get(cle)
        if tableau is None:
            tableau = self.simulation.calculate(*cle)
        return tableau[self.indice_dans(entite)]

    def faits_inconnus(self, cle):
        """Faits inconnus (variables de réponse) sous un calcul : on descend jusqu'au premier fait du registre."""
        trouve = self.memo.get(cle)
        if trouve is not None:
            return trouve
        self.memo[cle] = ()  # garde contre un cycle
        fait = self.index.faits.get(cle[0])
        if fait is not None:
            resultat = (fait.reponse,) if fait.est_inconnu(self.valeur(cle, fait.entite)) else ()
        else:
            reunion = {}
            for enfant in self.traceur.dependances.get(cle, ()):
                reunion.update(dict.fromkeys(self.faits_inconnus(enfant)))
            resultat = tuple(reunion)
        self.memo[cle] = resultat
        return resultat

    def criteres(self, cle_statut, a_verifier):
        """Les critères d'une aide : dépendances directes entières de son statut, avec leur valeur (−1/0/+1)."""
        personne = self.simulation.persons.entity.key
        criteres = []
        for cle in self.traceur.dependances.get(cle_statut, ()):
            if not self.index.est_critere(cle[0]):
                continue
            valeur = int(self.valeur(cle, personne))
            if valeur not in VALEURS_CRITERE:
                continue
            texte, symbole = VALEURS_CRITERE[valeur]
            critere = {"variable": cle[0], "label": self.index.label(cle[0]), "valeur": texte, "symbole": symbole}
            if a_verifier and valeur == 0:
                critere["faits_manquants"] = list(self.faits_inconnus(cle))
            criteres.append((ORDRE_CRITERES[valeur], len(criteres), critere))
        return [c for _, _, c in sorted(criteres, key=lambda t: t[:2])]


def _question(fait, aides, simulation, explication, periode):
    entite = simulation.populations[fait.entite_reponse]
    identifiant = str(entite.ids[explication.indice_dans(fait.entite_reponse)])
    unite = fait.unite_reponse
    cle_periode = "ETERNITY" if unite == "eternity" else str(periode.this_year) if unite == "year" else str(periode)
    question = {
        "variable": fait.reponse,
        "entite": fait.pluriel_reponse,
        "question": fait.question,
        "aides": aides,
        "chemin": chemin(fait.pluriel_reponse, identifiant, fait.reponse, cle_periode),
        "type": fait.type,
    }
    if fait.choix is not None:
        question["choix"] = [dict(choix) for choix in fait.choix]
    return question


# La réponse « resume » : ce qu'un client affiche (statut, montant et son unité, raisons, questions).
# La fiche entière (démarche, lien, références) est à `/aides/<id>` ou avec `detail: complet`.
CHAMPS_AIDE_RESUME = ("id", "label", "montant_est_maximum", "unite_montant")
DETAILS = ("resume", "complet")


def _raisons(criteres, statut):
    """Les libellés des critères qui décident : non remplis (✗) pour une aide non éligible, encore inconnus (?)
    pour une aide à vérifier (ses faits manquants sont dans `faits_manquants`) ; aucun pour une aide éligible."""
    decisive = "faux" if statut == "non_eligible" else "inconnu"
    return [c["label"] for c in criteres if c["valeur"] == decisive]


def avertissements_periode(systeme, situation, periode):
    """Les entrées données seulement pour d'autres périodes que le mois évalué : OpenFisca ne les lit pas (la variable
    garde sa valeur par défaut, souvent « inconnue »). Une valeur pour une période qui contient le mois (l'année,
    pour une variable annuelle ou mensuelle répartie) est lue ; une variable permanente (ETERNITY) aussi.

    Une entrée par variable et par entité : ses périodes non lues, le chemin où la donner pour le mois évalué.
    """
    periode = periods.period(periode) if isinstance(periode, str) else periode
    resultat = []
    for pluriel, instances in situation.items() if isinstance(situation, dict) else ():
        if not isinstance(instances, dict):
            continue
        for identifiant, instance in instances.items():
            if not isinstance(instance, dict):
                continue
            for nom, valeurs in instance.items():
                variable = systeme.variables.get(nom)
                if variable is None or variable.entity.plural != pluriel or not isinstance(valeurs, dict):
                    continue
                if variable.definition_period == periods.DateUnit.ETERNITY:
                    continue
                lue, autres = False, []
                for cle, valeur in valeurs.items():
                    if valeur is None or cle == "ETERNITY":
                        continue
                    donnee = periods.period(cle)
                    if donnee.start <= periode.start and periode.stop <= donnee.stop:
                        lue = True
                    else:
                        autres.append(str(donnee))
                if autres and not lue:
                    mois = str(periode)
                    resultat.append(
                        {
                            "code": "periode_non_evaluee",
                            "variable": nom,
                            "entite": pluriel,
                            "identifiant": str(identifiant),
                            "periodes": autres,
                            "periode_evaluee": mois,
                            "chemin": chemin(pluriel, identifiant, nom, mois),
                            "message": (
                                f"« {nom} » est donné pour {', '.join(autres)}, pas pour le mois évalué {mois} : cette valeur "
                                f"n'est pas lue. Donnez-la pour {mois}, ou évaluez le mois où elle est donnée."
                            ),
                        }
                    )
    return resultat


def _personne_par_defaut(situation, identifiants):
    """Le premier parent de la première famille, sinon le premier individu : l'ordre des clés JSON n'est pas
    garanti (un client peut les trier) et, dans une famille, la personne qui cherche une aide est un parent."""
    familles = situation.get("familles") if isinstance(situation, dict) else None
    for famille in (familles or {}).values():
        parents = famille.get("parents") if isinstance(famille, dict) else None
        if isinstance(parents, list) and parents and str(parents[0]) in identifiants:
            return str(parents[0])
    return identifiants[0]


def evaluer(situation, periode, personne=None, rubriques=None, besoins=None, aides=None, detail="complet", systeme=None):
    """Évalue toutes les aides du catalogue (ou celles retenues par les filtres) pour une personne et un mois.

    `situation` : situation au format d'openfisca-france (`individus` suffit ; familles, foyers fiscaux et ménages
    sont alors créés, un par personne, comme le fait l'API web). `periode` : « AAAA-MM ». `personne` : identifiant
    d'un individu, le premier par défaut. Filtres : `rubriques` (l'une d'elles), `besoins` (au moins l'un d'eux,
    comme Clara), `aides` (identifiants). `detail` : « complet » (la fiche entière et tous les critères) ou
    « resume » (statut, montant et unité, `raisons` : les critères non remplis ou inconnus). `avertissements` nomme
    les entrées données seulement pour d'autres périodes que le mois évalué (non lues). Renvoie un dictionnaire
    sérialisable en JSON ; lève `ErreurEntree`. `systeme` : un système construit par `construire_systeme(extensions)`
    (par défaut, `construire_systeme()`).
    """
    if detail not in DETAILS:
        raise ErreurEntree("detail", f"Détail inconnu : {detail!r}.", list(DETAILS))
    systeme = systeme or construire_systeme()
    index = _index(systeme)
    periode_ = _verifier_periode(periode)
    retenues = filtrer_catalogue(rubriques, besoins, aides, index.catalogue)
    simulation = construire_simulation(situation, systeme, index, periode_)
    identifiants = [str(i) for i in simulation.persons.ids]
    if personne is None:
        personne = _personne_par_defaut(situation, identifiants)
    if not isinstance(personne, str) or personne not in identifiants:
        raise ErreurEntree("personne", f"Personne inconnue : « {personne} ».", identifiants)
    indice = identifiants.index(personne)

    traceur = _Traceur()
    simulation.tracer = traceur  # trace légère : `simulation.trace` reste faux (pas de traçage des paramètres)
    explication = _Explication(simulation, traceur, index, indice)

    resultats = []
    for identifiant in retenues:
        noms = index.catalogue[identifiant]["variables"]
        statut_variable = index.systeme.variables[noms["statut"]]
        valeur_statut = simulation.calculate(noms["statut"], periode_)[indice]
        statut = statut_variable.possible_values._member_names_[int(valeur_statut)]
        montant = None
        if noms["montant"] is not None:
            # Non éligible : montant nul par construction (tests/python/test_proprietes.py), inutile de le calculer.
            montant = 0.0 if statut == "non_eligible" else round(float(simulation.calculate(noms["montant"], periode_)[indice]), 2)
        resultats.append((identifiant, statut, montant, (noms["statut"], periode_)))

    aides_sortie = {}
    questions = {}
    for identifiant, statut, montant, cle_statut in resultats:
        criteres = explication.criteres(cle_statut, statut == "a_verifier")
        manquants = list(dict.fromkeys(f for c in criteres for f in c.get("faits_manquants", ())))
        fiche = index.fiches[identifiant]
        if detail == "resume":
            aide = {
                **{k: fiche[k] for k in CHAMPS_AIDE_RESUME},
                "statut": statut,
                "montant": montant,
                "raisons": _raisons(criteres, statut),
                "faits_manquants": manquants,
            }
        else:
            aide = {
                **fiche,
                "besoins": list(fiche["besoins"]),
                "territoire": _copie(fiche["territoire"]),
                "conditions_non_modelisees": list(fiche["conditions_non_modelisees"]),
                "statut": statut,
                "montant": montant,
                "criteres": criteres,
                "faits_manquants": manquants,
            }
        aides_sortie[identifiant] = aide
        for fait in manquants:
            compte = questions.setdefault(fait, {"seul": 0, "aides": []})
            compte["aides"].append(identifiant)
            compte["seul"] += len(manquants) == 1

    ordre = {s: i for i, s in enumerate(STATUTS)}
    rubriques_sortie = []
    par_rubrique = {}
    for aide in aides_sortie.values():
        par_rubrique.setdefault(index.fiches[aide["id"]]["rubrique"], []).append(aide)
    for rubrique in sorted(par_rubrique, key=lambda r: index.ordre_rubriques[r]):
        liste = sorted(par_rubrique[rubrique], key=lambda a: (ordre[a["statut"]], index.tri_labels[a["id"]], a["id"]))
        rubriques_sortie.append({"id": rubrique, "label": index.rubriques[rubrique], "aides": liste})

    # La commune d'abord quand elle manque : cette seule réponse tranche toutes les aides locales (issue 10).
    classees = sorted(
        questions.items(),
        key=lambda item: (item[0] != COMMUNE, -item[1]["seul"], -len(item[1]["aides"]), index.ordre_reponses[item[0]].ordre, item[0]),
    )
    questions_sortie = [_question(index.ordre_reponses[fait], compte["aides"], simulation, explication, periode_) for fait, compte in classees]

    comptes = {s: 0 for s in STATUTS}
    for aide in aides_sortie.values():
        comptes[aide["statut"]] += 1
    return {
        "periode": str(periode_),
        "personne": personne,
        "versions": dict(versions()),
        "resume": comptes,
        "avertissements": avertissements_periode(systeme, situation, periode_),
        "rubriques": rubriques_sortie,
        "questions": questions_sortie,
    }


# ---------------------------------------------------------------------------------------------------------------
# Populations (analystes).


def _tableau(systeme, nom, valeurs, nombre):
    variable = systeme.variables.get(nom)
    champ = f"variables.{nom}"
    if variable is None:
        raise ErreurEntree(champ, f"Variable inconnue : « {nom} ».")
    tableau = np.asarray(valeurs)
    if tableau.ndim != 1 or len(tableau) != nombre:
        raise ErreurEntree(champ, f"Tableau de longueur {len(tableau) if tableau.ndim == 1 else '?'} ; {nombre} attendu (une valeur par personne).")
    try:
        if getattr(variable, "possible_values", None) is not None and tableau.dtype.kind in "UO":
            return variable.possible_values.encode(tableau.astype(str))
        if variable.value_type.__name__ == "date":
            return tableau.astype("datetime64[D]")
        return tableau.astype(variable.dtype)
    except (ValueError, TypeError, LookupError) as erreur:
        raise ErreurEntree(champ, f"Valeurs invalides pour « {nom} » : {erreur}", type_attendu(variable)) from None


def _population(systeme, variables, periode, aides=None):
    index = _index(systeme)
    periode_ = _verifier_periode(periode)
    retenues = filtrer_catalogue(aides=aides, catalogue=index.catalogue)
    if not isinstance(variables, dict) or not variables:
        raise ErreurEntree("variables", "Au moins une variable d'entrée (nom → tableau) est attendue.", "objet")
    nombre = len(np.asarray(next(iter(variables.values()))))
    simulation = SimulationBuilder.build_default_simulation(systeme, nombre)
    for nom, valeurs in variables.items():
        tableau = _tableau(systeme, nom, valeurs, nombre)
        unite = str(systeme.variables[nom].definition_period)
        periode_entree = periode_.this_year if unite == "year" else periode_
        try:
            simulation.set_input(nom, periode_entree, tableau)
        except Exception as erreur:
            raise ErreurEntree(f"variables.{nom}", f"Valeurs invalides pour « {nom} » : {erreur}", type_attendu(systeme.variables[nom])) from None
    resultats = {}
    for identifiant in retenues:
        noms = index.catalogue[identifiant]["variables"]
        montant = None if noms["montant"] is None else simulation.calculate(noms["montant"], periode_).astype(float)
        resultats[identifiant] = {"statut": simulation.calculate(noms["statut"], periode_).decode_to_str(), "montant": montant}
    return resultats


def evaluer_population(variables, periode, aides=None):
    """Statut (tableau de textes) et montant (tableau, ou None) de chaque aide, pour N personnes à la fois.

    `variables` : {nom d'une variable d'entrée: tableau de N valeurs} ; chaque personne forme seule sa famille,
    son foyer et son ménage (les variables de groupe, comme `depcom`, se donnent donc aussi par personne).
    """
    return _population(construire_systeme(), variables, periode, aides)


@lru_cache(maxsize=4)
def _systeme_reforme(reforme_classe):
    return reforme_classe(construire_systeme())


def comparer_reforme(reforme_classe, variables, periode, aides=None):
    """Référence et réforme sur la même population, et ce qui change aide par aide.

    `reforme_classe` : une sous-classe d'`openfisca_core.reforms.Reform` (appliquée une fois par processus).
    """
    reference = _population(construire_systeme(), variables, periode, aides)
    reforme = _population(_systeme_reforme(reforme_classe), variables, periode, aides)
    ecarts = {}
    for identifiant, avant in reference.items():
        apres = reforme[identifiant]
        ecart = {"statuts_changes": int(np.sum(avant["statut"] != apres["statut"]))}
        for statut in STATUTS:
            ecart[statut] = [int(np.sum(avant["statut"] == statut)), int(np.sum(apres["statut"] == statut))]
        if avant["montant"] is not None:
            ecart["montant_total"] = [round(float(avant["montant"].sum()), 2), round(float(apres["montant"].sum()), 2)]
        ecarts[identifiant] = ecart
    return {"reference": reference, "reforme": reforme, "ecarts": ecarts}
