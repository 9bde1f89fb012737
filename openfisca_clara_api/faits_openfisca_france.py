"""Les faits d'openfisca-france, lus comme les nôtres : la correspondance, écrite une fois (issue #11, point 2).

Un client de type mes-aides (aides-jeunes…) décrit une personne dans le vocabulaire d'openfisca-france :
`activite: chomeur`, `date_debut_chomage`, `allocation_retour_emploi_journaliere`, `rsa` donné en entrée… Nos
règles lisent nos propres entrées (`inscription_france_travail`, `are_journaliere_brute`, `percoit_rsa`…), qui savent
dire « inconnu ». `traduire` ajoute à la situation, avant la construction de la simulation, nos entrées déduites
des valeurs **que le client a envoyées** : une valeur par défaut d'openfisca-france que le client n'a pas envoyée
n'est pas un fait, et une valeur `null` (une demande de calcul) non plus.

Chaque correspondance donne, pour une valeur envoyée, ce qu'elle dit de nos entrées : une valeur (`Deduit`), ou
seulement l'ensemble des valeurs compatibles (`Parmi` : `categorie_4` dit « catégorie 4 », sans dire laquelle de nos
quatre). Quand le client donne aussi notre entrée pour la même période, elle doit être compatible ; sinon la requête
est refusée (400) en nommant les deux champs. Deux faits d'openfisca-france incompatibles entre eux aussi.

`CORRESPONDANCES` est la table ; `docs/openfisca-france.md` en est tiré (`make docs`).
"""

import datetime
import math
from dataclasses import dataclass, field

from openfisca_core import periods
from openfisca_core.commons import eval_expression

from openfisca_clara_api.erreurs import ErreurEntree, chemin

# ---------------------------------------------------------------------------------------------------------------
# Ce qu'une valeur d'openfisca-france dit d'une de nos entrées.


@dataclass(frozen=True)
class Deduit:
    """La valeur de notre entrée. `admis` : les valeurs compatibles (par défaut, elle seule)."""

    valeur: object
    admis: frozenset = None

    def compatibles(self):
        return self.admis if self.admis is not None else frozenset([self.valeur])


@dataclass(frozen=True)
class Parmi:
    """Notre entrée est l'une de ces valeurs, sans qu'on sache laquelle : rien n'est ajouté, la valeur du client est vérifiée."""

    admis: frozenset
    valeur = None

    def compatibles(self):
        return self.admis


OUI, NON = "oui", "non"
# Les valeurs « inconnu » de nos entrées : un client qui les envoie ne dit rien, elles ne contredisent aucun fait.
INCONNUES = ("non_renseigne", -1, -1.0, "0001-01-01")


def _nombre(valeur):
    """OpenFisca accepte une expression (« 62 / 2 ») pour un nombre."""
    if isinstance(valeur, str):
        valeur = eval_expression(valeur)
    return float(valeur)


def _date(valeur):
    return valeur.isoformat() if isinstance(valeur, datetime.date) else str(valeur)


def _un_mois(cle):
    periode = periods.period(cle)
    return periode.unit == periods.DateUnit.MONTH and periode.size == 1


def _percu(cible):
    """Un montant perçu (allocation donnée en entrée) : positif → « oui » ; nul → « non ». Pour une période de plusieurs
    mois, un total positif ne dit pas chaque mois : seul un total nul est lu (« non » chaque mois)."""

    def conversion(valeur, cle, _contexte):
        montant = _nombre(valeur)
        if montant > 0:
            return {cible: Deduit(OUI)} if _un_mois(cle) else {}
        return {cible: Deduit(NON)}

    return conversion


def _booleen(cible, si_vrai, si_faux):
    def conversion(valeur, _cle, _contexte):
        resultat = si_vrai if bool(valeur) else si_faux
        return {} if resultat is None else {cible: resultat}

    return conversion


def _enum(cible, table):
    def conversion(valeur, _cle, _contexte):
        resultat = table.get(str(valeur))
        return {} if resultat is None else {cible: resultat}

    return conversion


def _copie_nombre(cible, facteur=1.0, ignorer=()):
    def conversion(valeur, _cle, _contexte):
        nombre = _nombre(valeur)
        if nombre in ignorer:
            return {}
        return {cible: Deduit(round(nombre * facteur, 6))}

    return conversion


def _copie_date(cible, sentinelles):
    def conversion(valeur, _cle, _contexte):
        texte = _date(valeur)
        return {} if texte in sentinelles else {cible: Deduit(texte)}

    return conversion


def _activite(valeur, _cle, _contexte):
    return {
        "actif": {"en_emploi": Deduit(OUI)},
        "chomeur": {"inscription_france_travail": Deduit(OUI), "en_etudes": Deduit(NON)},
        "etudiant": {"en_etudes": Deduit(OUI)},
        "retraite": {"en_etudes": Deduit(NON)},
        "inactif": {"inscription_france_travail": Deduit(NON), "en_emploi": Deduit(NON), "en_etudes": Deduit(NON)},
    }.get(str(valeur), {})


_CATEGORIES_4 = frozenset({"categorie_4_formation", "categorie_4_csp", "categorie_4_pap", "categorie_4_autre"})
_CATEGORIES_5 = frozenset({"categorie_5_contrat_aide", "categorie_5_autre"})


def _categorie(valeur, cle, contexte):
    valeur = str(valeur)
    if valeur == "pas_de_categorie":
        return {"inscription_france_travail": Deduit(NON)}
    resultat = {"inscription_france_travail": Deduit(OUI)}
    # Catégories 1 à 4 : « sans emploi » ; 5 : titulaire d'un emploi ; 6 à 8 : plus de 78 h d'activité dans le mois.
    if valeur in {f"categorie_{n}" for n in range(1, 9)}:
        resultat["en_emploi"] = Deduit(NON if valeur <= "categorie_4" else OUI)
    if valeur == "categorie_4":
        stagiaire = contexte.valeur("stagiaire", cle)
        if stagiaire is None:
            resultat["categorie_demandeur_emploi"] = Parmi(_CATEGORIES_4)
        elif stagiaire:
            resultat["categorie_demandeur_emploi"] = Deduit("categorie_4_formation")
        else:
            resultat["categorie_demandeur_emploi"] = Parmi(_CATEGORIES_4 - {"categorie_4_formation"})
    elif valeur == "categorie_5":
        aide = contexte.valeur("contrat_aide", cle)
        if aide is None:
            resultat["categorie_demandeur_emploi"] = Parmi(_CATEGORIES_5)
        else:
            resultat["categorie_demandeur_emploi"] = Deduit("categorie_5_contrat_aide" if aide else "categorie_5_autre")
    elif valeur in {f"categorie_{n}" for n in (1, 2, 3, 6, 7, 8)}:
        resultat["categorie_demandeur_emploi"] = Deduit(valeur)
    return resultat


def _are_journaliere_brute(valeur, _cle, _contexte):
    montant = _nombre(valeur)
    return {"are_journaliere_brute": Deduit(round(montant, 6)), "percoit_are": Deduit(OUI if montant > 0 else NON)}


def _nationalite(valeur, cle, contexte):
    code = str(valeur).strip().upper()
    if len(code) != 2 or not code.isalpha():
        return {}
    if code == "FR":
        return {"nationalite_declaree": Deduit("francaise")}
    eee = contexte.parametre("geopolitique.eee", cle)
    return {"nationalite_declaree": Deduit("ue_eee_suisse" if code in eee or code == "CH" else "autre")}


_RECHERCHE = {
    "entretien_embauche": "entretien_embauche",
    "concours_public": "examen_concours",
    "examen_certifiant": "examen_concours",
    "prestation_accompagnement": "prestation_france_travail",
    "immersion_professionnelle_PMSMP": "immersion_pmsmp",
}


def _contexte_activite(valeur, cle, contexte):
    valeur = str(valeur)
    if valeur in ("reprise_emploi", "formation"):
        return {"projet_type": Deduit(valeur)}
    if valeur == "recherche_emploi":
        activite = contexte.valeur("types_activite_en_recherche_emploi", cle)
        if activite in _RECHERCHE:
            return {"projet_type": Deduit(_RECHERCHE[activite])}
        return {"projet_type": Parmi(frozenset(_RECHERCHE.values()))}
    return {}


_ALTERNANCE = frozenset({"apprentissage", "professionnalisation"})
_CONTRATS = frozenset({"cdi", "cdd", "ctt", "apprentissage", "professionnalisation"})


def _contrat_type(valeur, _cle, _contexte):
    valeur = str(valeur)
    if valeur in ("cdi", "cdd"):  # un contrat d'apprentissage ou de professionnalisation est un CDD ou un CDI
        return {"projet_contrat_type": Deduit(valeur, frozenset({valeur}) | _ALTERNANCE)}
    if valeur == "ctt":
        return {"projet_contrat_type": Deduit("ctt")}
    if valeur == "formation":
        return {"projet_type": Deduit("formation")}
    return {}


def _formation_validee(valeur, cle, contexte):
    """Notre entrée dit « validée dans le PPAE, financée ou cofinancée » : les deux faits d'openfisca-france à la fois."""
    financee = contexte.valeur("formation_financee_ou_cofinancee", cle)
    if not valeur or financee is False:
        return {"projet_formation_validee_ppae": Deduit(NON)}
    return {"projet_formation_validee_ppae": Deduit(OUI)} if financee else {}


def _formation_financee(valeur, cle, contexte):
    if not valeur:
        return {"projet_formation_validee_ppae": Deduit(NON)}
    return {}  # vraie : dit avec formation_validee_pole_emploi


@dataclass(frozen=True)
class Correspondance:
    """Une variable d'openfisca-france, ce qu'elle dit de nos entrées (`conversion`) et en quels mots (`regle`)."""

    source: str
    cibles: tuple
    regle: str
    conversion: object = field(repr=False)
    portee: str = "individu"  # « individu » : la même personne ; « parents » : les parents de la famille (source de famille)
    eternelle: bool = False  # source ETERNITY : nos entrées (mensuelles) reçoivent sa valeur à chaque période de la situation


_TOUTES_ETUDES = {"maternelle", "primaire", "college", "lycee", "enseignement_superieur", "grande_ecole_du_numerique"}

CORRESPONDANCES = (
    Correspondance(
        "activite",
        ("inscription_france_travail", "en_emploi", "en_etudes"),
        "`chomeur` → inscrit(e) à France Travail, pas en études ; `actif` → en emploi ; `etudiant` → en études ; "
        "`retraite` → pas en études ; `inactif` (« autre ») → ni inscrit(e), ni en emploi, ni en études",
        _activite,
    ),
    Correspondance(
        "date_debut_chomage",
        ("date_inscription_france_travail",),
        "la date (début de l'inscription à France Travail, comme la demande aides-jeunes), à chaque mois de la situation ; "
        "9999-12-31 (valeur par défaut) n'est pas lue",
        _copie_date("date_inscription_france_travail", {"9999-12-31"}),
        eternelle=True,
    ),
    Correspondance(
        "pole_emploi_categorie_demandeur_emploi",
        ("inscription_france_travail", "categorie_demandeur_emploi", "en_emploi"),
        "`pas_de_categorie` → pas inscrit(e) ; une catégorie → inscrit(e), et la même catégorie ; 1 à 4 (« sans emploi ») → "
        "pas en emploi, 5 à 8 (titulaire d'un emploi, ou plus de 78 h dans le mois) → en emploi ; `categorie_4` avec "
        "`stagiaire` vrai → `categorie_4_formation` (faux : l'une des trois autres, inconnue) ; `categorie_5` avec "
        "`contrat_aide` vrai → `categorie_5_contrat_aide`, faux → `categorie_5_autre` ; sans eux, l'une des sous-catégories",
        _categorie,
    ),
    Correspondance(
        "allocation_retour_emploi_journaliere",
        ("are_journaliere_brute", "percoit_are"),
        "montant journalier **brut** de l'ARE → `are_journaliere_brute` (même montant) ; positif → perçoit l'ARE, nul → ne la perçoit pas",
        _are_journaliere_brute,
    ),
    Correspondance(
        "chomage_net",
        ("percoit_are",),
        "allocation chômage du mois donnée en entrée : positive → perçoit l'ARE, nulle → ne la perçoit pas ; le montant "
        "mensuel ne donne pas le montant journalier (`allocation_chomage_journaliere`), qui n'est pas déduit",
        _percu("percoit_are"),
    ),
    Correspondance("chomage_brut", ("percoit_are",), "comme `chomage_net`", _percu("percoit_are")),
    Correspondance("ass", ("percoit_ass",), "ASS du mois donnée en entrée : positive → perçue, nulle → non perçue", _percu("percoit_ass")),
    Correspondance("aah", ("percoit_aah",), "AAH du mois donnée en entrée : positive → perçue, nulle → non perçue", _percu("percoit_aah")),
    Correspondance(
        "rsa",
        ("percoit_rsa",),
        "RSA de la famille donné en entrée : positif → chaque parent de la famille le perçoit (comme allocataire ou "
        "conjoint), nul → aucun ; les enfants de la famille ne sont pas concernés",
        _percu("percoit_rsa"),
        portee="parents",
    ),
    Correspondance(
        "ppa",
        ("percoit_prime_activite",),
        "prime d'activité de la famille donnée en entrée : comme `rsa`, pour chaque parent",
        _percu("percoit_prime_activite"),
        portee="parents",
    ),
    Correspondance(
        "handicap",
        ("rqth",),
        "faux → pas de RQTH ; vrai ne dit pas la reconnaissance administrative (RQTH ou obligation d'emploi), qui reste à demander",
        _booleen("rqth", None, Deduit(NON)),
    ),
    Correspondance(
        "nationalite",
        ("nationalite_declaree",),
        "code ISO : `FR` → française ; un État de l'EEE à la date de la période (paramètre `geopolitique.eee` "
        "d'openfisca-france) ou `CH` → `ue_eee_suisse` ; un autre code → `autre`",
        _nationalite,
    ),
    Correspondance(
        "distance_activite_domicile",
        ("projet_distance_aller_retour_km",),
        "distance **aller** domicile – lieu de l'activité (openfisca-france la double pour le seuil de l'aide à la mobilité) → × 2 : notre distance est un aller-retour",
        _copie_nombre("projet_distance_aller_retour_km", facteur=2),
    ),
    Correspondance(
        "aide_mobilite_duree_trajet",
        ("projet_duree_trajet_aller_retour_minutes",),
        "durée du trajet en minutes, comparée par openfisca-france aux 2 h **aller-retour** → même valeur",
        _copie_nombre("projet_duree_trajet_aller_retour_minutes"),
    ),
    Correspondance("nombre_allers_retours", ("projet_nombre_allers_retours",), "même nombre", _copie_nombre("projet_nombre_allers_retours")),
    Correspondance("nuitees", ("projet_nombre_nuitees",), "même nombre de nuitées", _copie_nombre("projet_nombre_nuitees")),
    Correspondance(
        "repas",
        ("projet_nombre_repas",),
        "même nombre (openfisca-france paie ses repas par jour, comme nos jours de repas)",
        _copie_nombre("projet_nombre_repas"),
    ),
    Correspondance(
        "contexte_activite_pole_emploi",
        ("projet_type",),
        "`reprise_emploi` → reprise d'emploi ; `formation` → formation ; `recherche_emploi` avec "
        "`types_activite_en_recherche_emploi` : `entretien_embauche` → entretien, `concours_public` ou "
        "`examen_certifiant` → concours ou examen, `prestation_accompagnement` → prestation, `immersion_professionnelle_PMSMP` → PMSMP",
        _contexte_activite,
    ),
    Correspondance(
        "contrat_de_travail_type",
        ("projet_contrat_type", "projet_type"),
        "`cdi`, `cdd`, `ctt` → même type de contrat (un contrat d'apprentissage ou de professionnalisation, CDD ou CDI, "
        "reste compatible) ; `formation` → projet de formation ; `aucun` n'est pas lu",
        _contrat_type,
    ),
    Correspondance(
        "apprenti",
        ("projet_contrat_type",),
        "vrai → contrat d'apprentissage ; faux → un autre contrat",
        _booleen("projet_contrat_type", Deduit("apprentissage"), Parmi(_CONTRATS - {"apprentissage"})),
    ),
    Correspondance(
        "professionnalisation",
        ("projet_contrat_type",),
        "vrai → contrat de professionnalisation ; faux → un autre contrat",
        _booleen("projet_contrat_type", Deduit("professionnalisation"), Parmi(_CONTRATS - {"professionnalisation"})),
    ),
    Correspondance(
        "alternant",
        ("projet_contrat_type",),
        "vrai → apprentissage ou professionnalisation (lequel reste à dire) ; faux → ni l'un ni l'autre",
        _booleen("projet_contrat_type", Parmi(_ALTERNANCE), Parmi(_CONTRATS - _ALTERNANCE)),
    ),
    Correspondance(
        "contrat_de_travail_debut",
        ("projet_date_debut",),
        "la date (début du contrat ou de la formation) ; 1870-01-01 (valeur par défaut) n'est pas lue",
        _copie_date("projet_date_debut", {"1870-01-01"}),
    ),
    Correspondance(
        "date_debut_recherche_emploi",
        ("projet_date_debut",),
        "la date (entretien, concours, examen) ; 0001-01-01 n'est pas lue",
        _copie_date("projet_date_debut", {"0001-01-01"}),
    ),
    Correspondance(
        "contrat_de_travail_fin",
        ("projet_contrat_date_fin",),
        "la date ; 2099-12-31 (valeur par défaut) n'est pas lue",
        _copie_date("projet_contrat_date_fin", {"2099-12-31"}),
    ),
    Correspondance(
        "contrat_de_travail_duree",
        ("projet_contrat_duree_mois",),
        "même durée en mois ; 0 (valeur par défaut, « sans objet » pour un CDI) n'est pas lu",
        _copie_nombre("projet_contrat_duree_mois", ignorer=(0.0,)),
    ),
    Correspondance(
        "duree_formation",
        ("projet_formation_heures",),
        "même durée en heures ; 0 n'est pas lu",
        _copie_nombre("projet_formation_heures", ignorer=(0.0,)),
    ),
    Correspondance(
        "lieu_emploi_ou_formation",
        ("projet_lieu",),
        "`metropole_hors_corse`, `corse` → France métropolitaine ; un département ou une collectivité d'outre-mer → outre-mer ; `non_renseigne` n'est pas lu",
        _enum(
            "projet_lieu",
            {
                "metropole_hors_corse": Deduit("france_metropolitaine"),
                "corse": Deduit("france_metropolitaine"),
                **{
                    lieu: Deduit("outre_mer")
                    for lieu in ("guadeloupe", "martinique", "guyane", "la_reunion", "saint_pierre_et_miquelon", "mayotte", "saint_bartelemy", "saint_martin")
                },
            },
        ),
    ),
    Correspondance(
        "formation_validee_pole_emploi",
        ("projet_formation_validee_ppae",),
        "vraie avec `formation_financee_ou_cofinancee` vraie → validée et financée ; l'une des deux fausse → non",
        _formation_validee,
    ),
    Correspondance(
        "formation_financee_ou_cofinancee",
        ("projet_formation_validee_ppae",),
        "fausse → non (notre entrée dit « validée, financée ou cofinancée ») ; vraie : lue avec `formation_validee_pole_emploi`",
        _formation_financee,
    ),
    Correspondance(
        "dispositifs_formation",
        ("projet_formation_nature",),
        "`bilan_competences`, `permis_conduire_b`, `accompagnement_creation_entreprise`, `accompagnement_validation_acquis` "
        "→ même nature ; `autre` → une formation qualifiante ou non (laquelle reste à dire)",
        _enum(
            "projet_formation_nature",
            {
                "bilan_competences": Deduit("bilan_competences"),
                "permis_conduire_b": Deduit("permis_conduire"),
                "accompagnement_creation_entreprise": Deduit("accompagnement_creation"),
                "accompagnement_validation_acquis": Deduit("accompagnement_vae"),
                "autre": Parmi(frozenset({"qualifiante", "non_qualifiante"})),
            },
        ),
    ),
    Correspondance("agepi_date_demande", ("date_demande",), "la date de la demande ; 0001-01-01 n'est pas lue", _copie_date("date_demande", {"0001-01-01"})),
    Correspondance(
        "aide_mobilite_date_demande",
        ("date_demande",),
        "la date de la demande ; 0001-01-01 n'est pas lue",
        _copie_date("date_demande", {"0001-01-01"}),
    ),
    Correspondance("etudiant", ("en_etudes",), "vrai → en études ; faux → pas en études", _booleen("en_etudes", Deduit(OUI), Deduit(NON))),
    Correspondance(
        "scolarite",
        ("en_etudes",),
        "une scolarité (de la maternelle à l'enseignement supérieur) → en études ; `inconnue` n'est pas lue",
        _enum("en_etudes", {s: Deduit(OUI) for s in _TOUTES_ETUDES}),
    ),
    Correspondance(
        "service_civique",
        ("etat_cej_allocation_indemnite_volontariat",),
        "vrai → perçoit une indemnité de service civique ; faux ne dit rien des autres volontariats",
        _booleen("etat_cej_allocation_indemnite_volontariat", Deduit(OUI), None),
    ),
    Correspondance(
        "indemnites_volontariat",
        ("etat_cej_allocation_indemnite_volontariat",),
        "positive → perçoit une indemnité de volontariat ; nulle → n'en perçoit pas",
        _percu("etat_cej_allocation_indemnite_volontariat"),
    ),
)

# La composition des familles, quand le client la donne explicitement (une liste `parents` ou `enfants`).
COMPOSITION = (
    (
        "familles.enfants = []",
        "enfants_a_charge",
        "liste vide donnée → la famille n'a pas d'enfant à charge ; non vide : nos règles lisent les enfants eux-mêmes",
    ),
    (
        "familles.parents",
        "parent_isole, etat_ass_en_couple",
        "un parent et au moins un enfant → ce parent élève seul(e) ses enfants, pas en couple ; deux parents → aucun n'est "
        "isolé, les deux sont en couple ; un parent, `enfants` vide → ni isolé(e) avec enfants, ni en couple",
    ),
    ("enfant_a_charge", "enfants_a_charge", "vrai pour un enfant de la famille → la famille a un enfant à charge (année → chacun de ses mois)"),
)

# Les faits d'openfisca-france que nous ne lisons pas, et pourquoi.
NON_LUS = (
    ("rfr, nbptr", "aucune de nos règles n'a de condition de quotient familial (rfr / 12 / nbptr) : rien à déduire"),
    ("ir_tranche", "la tranche calculée sur N-2 ne dit pas l'imposition du dernier avis (`tranche_imposition_declaree`, décote comprise)"),
    ("residence, residence_mayotte", "notre territoire se déduit de la commune (`depcom`) ; donnez `depcom`"),
    ("stagiaire, contrat_aide", "lus seulement avec `pole_emploi_categorie_demandeur_emploi` (catégories 4 et 5)"),
    ("ass_precondition_remplie", "un booléen « faux » par défaut ; nous demandons le nombre d'années d'activité (`etat_ass_annees_activite_salariee`)"),
    (
        "agepi, aide_mobilite (montants déjà perçus)",
        "le montant déjà perçu sur 12 mois se donne par nos entrées (`france_travail_aide_mobilite_montant_percu_12_mois`…)",
    ),
    (
        "contrat_de_travail, heures_remunerees_volume",
        "temps plein ou partiel, heures du mois : nos règles lisent la durée hebdomadaire du projet en heures "
        "(`projet_heures_hebdomadaires`), qu'un temps plein ne donne pas (35 h ou la durée conventionnelle)",
    ),
    (
        "garde_alternee",
        "nos règles ne distinguent pas un enfant en garde alternée ; les frais de garde se disent par `france_travail_aide_garde_enfants_frais_de_garde`",
    ),
    ("taux_incapacite", "la reconnaissance qui ouvre nos aides est la RQTH ou l'obligation d'emploi (`rqth`), pas un taux"),
    ("age, date_naissance, depcom, plus_haut_diplome_niveau, region", "déjà les nôtres : nos règles les lisent directement (âge des enfants compris)"),
)


# ---------------------------------------------------------------------------------------------------------------
# Application à une situation.


class _Contexte:
    """Les autres valeurs envoyées pour la même personne (lues par certaines conversions) et les paramètres."""

    def __init__(self, systeme, instance):
        self.systeme = systeme
        self.instance = instance

    def valeur(self, nom, cle):
        valeurs = self.instance.get(nom)
        if not isinstance(valeurs, dict):
            return None
        valeur = valeurs.get(cle)
        if valeur is None and cle not in valeurs:
            # Une valeur donnée pour l'année ou la période entière compte pour le mois.
            mois = periods.period(cle)
            for autre, v in valeurs.items():
                if v is not None and autre != "ETERNITY" and periods.period(autre).contains(mois):
                    return v
        return valeur

    def parametre(self, nom, cle):
        instant = periods.period(cle).start
        noeud = self.systeme.parameters(instant)
        for morceau in nom.split("."):
            noeud = noeud[morceau]
        return set(noeud)


def _egales(a, b):
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    return _date(a) == _date(b) if isinstance(a, datetime.date) or isinstance(b, datetime.date) else a == b


def _compatible(valeur, admis):
    return any(_egales(valeur, a) for a in admis)


def _montrer(valeur):
    return f"« {valeur} »"


def _periodes_de(situation):
    """Les clés de période (mois ou années) données dans la situation, valeurs et demandes `null` comprises."""
    cles = set()
    for instances in situation.values():
        if not isinstance(instances, dict):
            continue
        for instance in instances.values():
            if not isinstance(instance, dict):
                continue
            for valeurs in instance.values():
                if isinstance(valeurs, dict):
                    cles.update(str(cle) for cle in valeurs if str(cle) != "ETERNITY")
    return cles


class _Deductions:
    """Les déductions rassemblées par (entité, identifiant, variable, période), avec le champ d'où chacune vient."""

    def __init__(self):
        self.par_cible = {}

    def ajouter(self, pluriel, identifiant, cible, cle, deduction, champ, valeur_source):
        self.par_cible.setdefault((pluriel, identifiant, cible, cle), []).append((deduction, champ, valeur_source))


def _index_roles(situation):
    """Pour chaque famille : ses parents et ses enfants, quand le client les donne (listes), sinon None."""
    familles = situation.get("familles")
    resultat = {}
    if isinstance(familles, dict):
        for identifiant, famille in familles.items():
            if isinstance(famille, dict):
                parents, enfants = famille.get("parents"), famille.get("enfants")
                resultat[str(identifiant)] = (
                    [str(p) for p in parents] if isinstance(parents, list) else [str(parents)] if isinstance(parents, str) else None,
                    [str(e) for e in enfants] if isinstance(enfants, list) else [str(e) for e in [enfants]] if isinstance(enfants, str) else None,
                )
    return resultat


def traduire(situation, systeme, periodes=()):
    """La situation, avec nos entrées déduites des faits d'openfisca-france envoyés (voir le module).

    Renvoie `(situation, ajouts)` : une nouvelle situation (l'originale n'est pas modifiée) et la liste des chemins
    `(entité, identifiant, variable, période)` ajoutés là où le client n'avait rien mis. Lève `ErreurEntree` (400) quand
    deux faits se contredisent. `periodes` : des mois à couvrir en plus de ceux de la situation (le mois évalué).
    """
    if not isinstance(situation, dict):
        return situation, []
    try:
        return _traduire(situation, systeme, periodes)
    except ErreurEntree:
        raise
    except Exception:  # situation mal formée : OpenFisca la refuse en la lisant, avec le chemin du champ fautif
        return situation, []


def _valide(cle):
    try:
        periods.period(cle)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _traduire(situation, systeme, periodes):
    par_source = {c.source: c for c in CORRESPONDANCES}
    deductions = _Deductions()
    toutes_periodes = sorted(cle for cle in _periodes_de(situation) | {str(p) for p in periodes} if _valide(cle))
    roles = _index_roles(situation)

    for pluriel, instances in situation.items():
        if not isinstance(instances, dict):
            continue
        for identifiant, instance in instances.items():
            if not isinstance(instance, dict):
                continue
            contexte = _Contexte(systeme, instance)
            for nom, valeurs in instance.items():
                correspondance = par_source.get(nom)
                variable = systeme.variables.get(nom)
                if correspondance is None or variable is None or variable.entity.plural != pluriel or not isinstance(valeurs, dict):
                    continue
                for cle, valeur in valeurs.items():
                    if valeur is None:
                        continue
                    cle = str(cle)
                    cles_cibles = toutes_periodes if correspondance.eternelle else [cle]
                    if cle == "ETERNITY" and not correspondance.eternelle:
                        continue
                    try:
                        cibles = correspondance.conversion(valeur, cle if cle != "ETERNITY" else (toutes_periodes or ["2000-01"])[0], contexte)
                    except (ValueError, TypeError, SyntaxError, NameError, KeyError):
                        continue  # valeur mal formée : OpenFisca la refusera en la lisant
                    champ = chemin(pluriel, identifiant, nom, cle)
                    if correspondance.portee == "parents":
                        personnes = (roles.get(str(identifiant)) or (None, None))[0] or []
                        cible_pluriel = "individus"
                    else:
                        personnes, cible_pluriel = [str(identifiant)], pluriel
                    for personne in personnes:
                        for cible, deduction in cibles.items():
                            for cle_cible in cles_cibles:
                                deductions.ajouter(cible_pluriel, personne, cible, cle_cible, deduction, champ, valeur)

    _composition(situation, roles, toutes_periodes, deductions)
    return _appliquer(situation, systeme, deductions)


def _composition(situation, roles, toutes_periodes, deductions):
    individus = situation.get("individus") if isinstance(situation.get("individus"), dict) else {}
    for famille, (parents, enfants) in roles.items():
        champ_enfants = chemin("familles", famille, "enfants")
        champ_parents = chemin("familles", famille, "parents")
        for cle in toutes_periodes:
            if enfants is not None and not enfants:
                deductions.ajouter("familles", famille, "enfants_a_charge", cle, Deduit(NON), champ_enfants, [])
            if parents is not None and enfants is not None:
                if len(parents) == 1:
                    isole = Deduit(OUI) if enfants else Deduit(NON)
                    deductions.ajouter("individus", parents[0], "parent_isole", cle, isole, champ_parents, parents)
                    deductions.ajouter("individus", parents[0], "etat_ass_en_couple", cle, Deduit(NON), champ_parents, parents)
                elif len(parents) == 2:
                    for parent in parents:
                        deductions.ajouter("individus", parent, "parent_isole", cle, Deduit(NON), champ_parents, parents)
                        deductions.ajouter("individus", parent, "etat_ass_en_couple", cle, Deduit(OUI), champ_parents, parents)
        for enfant in enfants or ():
            valeurs = individus.get(enfant, {}).get("enfant_a_charge") if isinstance(individus.get(enfant), dict) else None
            if not isinstance(valeurs, dict):
                continue
            for cle_annee, valeur in valeurs.items():
                if valeur is not True:
                    continue
                annee = periods.period(str(cle_annee))
                for cle in toutes_periodes:
                    if annee.contains(periods.period(cle)):
                        champ = chemin("individus", enfant, "enfant_a_charge", cle_annee)
                        deductions.ajouter("familles", famille, "enfants_a_charge", cle, Deduit(OUI), champ, True)


def _appliquer(situation, systeme, deductions):
    nouvelle = {pluriel: dict(instances) if isinstance(instances, dict) else instances for pluriel, instances in situation.items()}
    ajouts = []
    for (pluriel, identifiant, cible, cle), liste in deductions.par_cible.items():
        variable = systeme.variables.get(cible)
        instances = nouvelle.get(pluriel)
        if variable is None or not isinstance(instances, dict) or identifiant not in instances or not isinstance(instances[identifiant], dict):
            continue  # personne ou famille absente : OpenFisca signale la situation mal formée
        # Les faits d'openfisca-france entre eux : une valeur compatible avec tous.
        admis = None
        premier = liste[0]
        for deduction, champ, valeur_source in liste:
            compatibles = deduction.compatibles()
            nouveaux = compatibles if admis is None else frozenset(a for a in admis if _compatible(a, compatibles))
            if not nouveaux:
                raise ErreurEntree(
                    champ,
                    f"{_montrer(valeur_source)} pour « {champ.split('.')[2]} » contredit {_montrer(premier[2])} pour "
                    f"« {premier[1].split('.')[2]} » ({premier[1]}) : l'un dit « {cible} » = {' ou '.join(sorted(map(str, compatibles)))}, "
                    f"l'autre {' ou '.join(sorted(map(str, admis)))}. Corrigez l'un des deux.",
                    sorted(map(str, admis)),
                )
            admis = nouveaux
        instance = dict(instances[identifiant])
        instances[identifiant] = instance
        valeurs_client = instance.get(cible)
        donnee = valeurs_client.get(cle) if isinstance(valeurs_client, dict) else None
        if donnee is not None and donnee not in INCONNUES:
            if not _compatible(donnee, admis):
                deduction, champ, valeur_source = next((d for d in liste if not _compatible(donnee, d[0].compatibles())), liste[0])
                raise ErreurEntree(
                    chemin(pluriel, identifiant, cible, cle),
                    f"« {cible} » = {_montrer(donnee)} contredit « {champ.split('.')[2]} » = {_montrer(valeur_source)} ({champ}, "
                    f"vocabulaire d'openfisca-france), qui dit « {cible} » = {' ou '.join(sorted(map(str, admis)))}. "
                    "Donnez ce fait une seule fois, ou deux valeurs qui s'accordent.",
                    sorted(map(str, admis)),
                )
            continue  # le client l'a dit, dans notre vocabulaire : sa valeur reste
        valeur = next((d.valeur for d, _, _ in liste if d.valeur is not None and _compatible(d.valeur, admis)), None)
        if valeur is None:
            continue
        copie = dict(valeurs_client) if isinstance(valeurs_client, dict) else {}
        if cle not in copie:
            ajouts.append((pluriel, identifiant, cible, cle))
        copie[cle] = valeur
        instance[cible] = copie
    return nouvelle, ajouts


def retirer_ajouts(resultat, ajouts):
    """La réponse de /calculate sans nos entrées déduites (le client ne les a ni données ni demandées)."""
    for pluriel, identifiant, cible, cle in ajouts:
        valeurs = resultat.get(pluriel, {}).get(identifiant, {}).get(cible)
        if isinstance(valeurs, dict):
            valeurs.pop(cle, None)
            if not valeurs:
                resultat[pluriel][identifiant].pop(cible, None)
    return resultat


# ---------------------------------------------------------------------------------------------------------------
# La table de docs/openfisca-france.md.


def _decrire(systeme, nom):
    variable = systeme.variables[nom]
    return f"{variable.entity.key}, {variable.definition_period}"


def tableau(systeme):
    lignes = [
        "# openfisca-france → openfisca-clara",
        "",
        "Les faits qu'un client décrit dans le vocabulaire d'openfisca-france (aides-jeunes et les autres simulateurs de type",
        "mes-aides) sont lus comme les nôtres : avant la simulation, `openfisca_clara_api.faits_openfisca_france.traduire`",
        "ajoute nos entrées déduites des valeurs **envoyées** (une valeur par défaut d'openfisca-france non envoyée n'est pas",
        "un fait). Un fait donné dans les deux vocabulaires doit s'accorder : sinon `400`, qui nomme les deux champs",
        '(`/evaluation` : `{"erreur": {"champ", "message", "attendu"}}` ; `/calculate` : l\'arbre d\'OpenFisca).',
        "S'applique à `evaluer`, `POST /evaluation`, `POST /calculate`, `POST /trace` et `clara evaluer`.",
        "",
        "Généré depuis `CORRESPONDANCES` : `python -m openfisca_clara_api.documentation openfisca-france > docs/openfisca-france.md`.",
        "",
        "| openfisca-france | entité, période | openfisca-clara | correspondance |",
        "|---|---|---|---|",
    ]
    for c in CORRESPONDANCES:
        cibles = ", ".join(f"`{nom}`" for nom in c.cibles)
        lignes.append(f"| `{c.source}` | {_decrire(systeme, c.source)} | {cibles} | {c.regle} |")
    lignes += ["", "## Composition de la famille", "", "| openfisca-france | openfisca-clara | correspondance |", "|---|---|---|"]
    for source, cibles, regle in COMPOSITION:
        lignes.append(f"| `{source}` | `{cibles}` | {regle} |")
    lignes += ["", "## Non lus", "", "| openfisca-france | pourquoi |", "|---|---|"]
    for source, raison in NON_LUS:
        lignes.append(f"| `{source}` | {raison} |")
    return "\n".join(lignes) + "\n"
