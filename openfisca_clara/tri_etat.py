"""Le modèle à trois états (DESIGN.md §4) et les petits outils que partagent les formules.

Un critère vaut VRAI (+1), INCONNU (0) ou FAUX (−1), tableau numpy par personne.
ET de Kleene = minimum, OU de Kleene = maximum : un critère faux et connu l'emporte sur
les inconnus ; un fait manquant ne devient jamais « éligible » ni « non éligible ».

Ce module ne définit aucune variable : `load_extension` l'exécute comme les autres
fichiers du paquet, il doit rester léger.
"""

from functools import reduce

import numpy as np
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import Parameter, ParameterNode

VRAI, INCONNU, FAUX = 1, 0, -1

# Valeur des entrées numériques non renseignées (montants, durées, distances, nombres).
NON_RENSEIGNE = -1
# Valeur des entrées de type date non renseignées.
DATE_NON_RENSEIGNEE = np.datetime64("0001-01-01", "D")
# Date de naissance par défaut d'openfisca-france : lue comme « non renseignée ».
DATE_NAISSANCE_PAR_DEFAUT = np.datetime64("1970-01-01", "D")


class StatutEligibilite(Enum):
    __order__ = "non_eligible a_verifier eligible"
    non_eligible = "Non éligible"
    a_verifier = "À vérifier"
    eligible = "Éligible"


class Reponse(Enum):
    """Réponse à une question fermée, « non renseigné » par défaut."""

    __order__ = "non_renseigne oui non"
    non_renseigne = "Non renseigné"
    oui = "Oui"
    non = "Non"


def critere(connu, condition):
    """VRAI si la condition tient, FAUX sinon, INCONNU là où le fait manque."""
    return np.where(connu, np.where(condition, VRAI, FAUX), INCONNU).astype(np.int8)


def et(*criteres):
    """ET de Kleene."""
    return reduce(np.minimum, criteres)


def ou(*criteres):
    """OU de Kleene."""
    return reduce(np.maximum, criteres)


def non(valeur_critere):
    return -valeur_critere


def selon(condition, si_vrai, si_faux):
    """Critère qui vaut `si_vrai` là où la condition (booléenne, connue) tient, `si_faux` ailleurs."""
    return np.where(condition, si_vrai, si_faux).astype(np.int8)


def statut(valeur_critere):
    """Du critère global d'une aide (−1/0/+1) à son statut."""
    return np.asarray(valeur_critere, dtype=np.int16) + 1


def reponse_oui(reponse):
    """Critère « la réponse est oui » pour une entrée de type Reponse."""
    return critere(reponse != Reponse.non_renseigne, reponse == Reponse.oui)


def renseigne(valeur):
    """Vrai là où une entrée numérique a été renseignée (convention : −1 = non renseigné)."""
    return valeur >= 0


def centimes(montant_en_euros):
    """Montant arrondi au centime, en entier : les variables OpenFisca sont en float32
    (32,13 y vaut 32,130001...) ; on compare les montants au centime, jamais en flottant brut.
    Un montant inconnu (NaN) vaut 0 ici : `au_plus` et `au_dessus` le traitent à part."""
    return np.round(np.nan_to_num(np.asarray(montant_en_euros, dtype=np.float64)) * 100).astype(np.int64)


def au_plus(montant, seuil):
    """Montant ≤ seuil au centime ; faux là où le seuil est inconnu (NaN)."""
    return ~np.isnan(seuil) & (centimes(montant) <= centimes(np.nan_to_num(seuil)))


def au_dessus(montant, seuil):
    """Montant > seuil au centime ; faux là où le seuil est inconnu (NaN)."""
    return ~np.isnan(seuil) & (centimes(montant) > centimes(np.nan_to_num(seuil)))


def date_renseignee(date):
    return date != DATE_NON_RENSEIGNEE


# Arithmétique des dates en jours entiers (performance-2026-12.md §4 e4) : les conversions datetime64[D] → [M] ou
# [Y] de numpy coûtent ≈ 28 ms par million ; une table jour → (année, mois, jour) et une table mois → premier jour,
# sur 0001-01-01 … 2400-12-31, les remplacent par des lectures d'indice. Hors de la table : le calcul de numpy.
_JOUR_0 = int(np.datetime64("0001-01-01", "D").astype(np.int64))
_JOURS = int(np.datetime64("2401-01-01", "D").astype(np.int64)) - _JOUR_0
_TABLES = []


def _tables():
    """(année, mois 0-11, jour 0-30) de chaque jour, et le premier jour de chaque mois (mois depuis 0001-01), en jours."""
    if not _TABLES:
        jours = np.arange(_JOUR_0, _JOUR_0 + _JOURS, dtype=np.int64).astype("datetime64[D]")
        mois = jours.astype("datetime64[M]")
        mois_depuis_0001 = (mois.astype(np.int64) - np.datetime64("0001-01", "M").astype(np.int64)).astype(np.int32)
        jour_du_mois = (jours - mois.astype("datetime64[D]")).astype(np.int8)
        premiers = np.arange(2400 * 12 + 1, dtype=np.int64) + np.datetime64("0001-01", "M").astype(np.int64)
        premiers = premiers.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
        _TABLES.append((mois_depuis_0001, jour_du_mois, premiers))
    return _TABLES[0]


def _dans_la_table(jours):
    rang = jours - _JOUR_0
    return rang, bool(rang.size == 0 or (rang.min() >= 0 and rang.max() < _JOURS))


def ajouter_mois(dates, mois):
    """Ajoute des mois entiers à des dates, jour ramené à la fin du mois si besoin (31/01 + 1 mois = 28/02)."""
    dates = np.asarray(dates, dtype="datetime64[D]")
    rang, dedans = _dans_la_table(dates.astype(np.int64))
    if dedans:
        mois_depuis_0001, jour_du_mois, premiers = _tables()
        cible = mois_depuis_0001[rang] + np.asarray(mois, dtype=np.int64)
        if cible.size == 0 or (cible.min() >= 0 and cible.max() < len(premiers) - 1):
            debut = premiers[cible]
            longueur = premiers[cible + 1] - debut
            return (debut + np.minimum(jour_du_mois[rang], longueur - 1)).astype("datetime64[D]")
    return _ajouter_mois_numpy(dates, mois)


def _ajouter_mois_numpy(dates, mois):
    debut_mois = dates.astype("datetime64[M]")
    jour = (dates - debut_mois.astype("datetime64[D]")).astype(int)
    mois_cible = debut_mois + np.asarray(mois, dtype=int)
    dernier_jour = ((mois_cible + 1).astype("datetime64[D]") - mois_cible.astype("datetime64[D]")).astype(int) - 1
    return mois_cible.astype("datetime64[D]") + np.minimum(jour, dernier_jour)


def annees_revolues(naissance, date):
    """Âge en années révolues à `date` (un anniversaire au 29 février tombe le 28 les autres années)."""
    naissance = np.asarray(naissance, dtype="datetime64[D]")
    date = np.asarray(date, dtype="datetime64[D]")
    rang_naissance, dedans_naissance = _dans_la_table(naissance.astype(np.int64))
    rang_date, dedans_date = _dans_la_table(date.astype(np.int64))
    if dedans_naissance and dedans_date:
        mois_depuis_0001 = _tables()[0]
        annees = mois_depuis_0001[rang_date] // 12 - mois_depuis_0001[rang_naissance] // 12
    else:
        annees = date.astype("datetime64[Y]").astype(int) - naissance.astype("datetime64[Y]").astype(int)
    return np.where(date < ajouter_mois(naissance, annees * 12), annees - 1, annees)


def duree_en_mois(debut, fin_incluse):
    """Durée de début à fin (incluse) en mois : mois entiers, plus la fraction du mois entamé.

    Du 06/01 au 05/04 : 3 mois exactement (le lendemain de la fin tombe 3 mois après le début).
    """
    debut = np.asarray(debut, dtype="datetime64[D]")
    lendemain = np.asarray(fin_incluse, dtype="datetime64[D]") + np.timedelta64(1, "D")
    mois = (lendemain.astype("datetime64[M]") - debut.astype("datetime64[M]")).astype(int)
    mois = np.where(ajouter_mois(debut, mois) > lendemain, mois - 1, mois)
    echeance = ajouter_mois(debut, mois)
    longueur_mois_suivant = (ajouter_mois(debut, mois + 1) - echeance).astype(int)
    return mois + (lendemain - echeance).astype(int) / longueur_mois_suivant


def premier_jour(period):
    return np.datetime64(period.start.date, "D")


def _racine(parameters):
    """Racine de l'arbre des paramètres derrière l'argument `parameters` d'une formule.

    OpenFisca passe aux formules une méthode liée au système (d'une réforme, le cas échéant) ou, sous
    trace, à la simulation : `parameters(date)` reconstruit tout l'arbre à cette date (≈ 20 ms, 128 dates en
    cache). On lit plutôt chaque feuille à la demande, ce qui coûte quelques microsecondes.
    """
    proprietaire = parameters.__self__
    # Sous trace (`simulation.trace = True`), la méthode est liée à la simulation, pas au système.
    systeme = getattr(proprietaire, "tax_benefit_system", proprietaire)
    return systeme.parameters


class _ParametresALaDate:
    """Vue paresseuse de l'arbre des paramètres à une date : chaque feuille n'est lue que si on la demande.

    Une feuille sans valeur à cette date (avant sa première valeur, après une valeur nulle) vaut None.
    """

    __slots__ = ("_noeud", "_date")

    def __init__(self, noeud, date):
        self._noeud = noeud
        self._date = date

    def __getattr__(self, nom):
        enfant = getattr(self._noeud, nom)
        if isinstance(enfant, ParameterNode):
            return _ParametresALaDate(enfant, self._date)
        if isinstance(enfant, Parameter):
            # Comme `get_at_instant`, sans analyser la date à chaque lecture (coûteux, appelé souvent).
            for valeur in enfant.values_list:  # du plus récent au plus ancien
                if valeur.instant_str <= self._date:
                    return valeur.value
            return None
        return enfant.get_at_instant(self._date)

    __getitem__ = __getattr__


def par_date(parameters, dates):
    """Pour chaque date distincte : (masque des personnes à cette date, paramètres à cette date).

    Les barèmes s'appliquent à la date propre de chaque personne (demande, signature du contrat...).
    """
    dates = np.asarray(dates, dtype="datetime64[D]")
    racine = _racine(parameters)
    if dates.size and (dates == dates[0]).all():  # cas courant : une seule date
        yield np.ones(dates.shape, dtype=bool), _ParametresALaDate(racine, str(dates[0]))
        return
    # Entre deux dates de changement de l'arbre des paramètres, toutes les vues sont identiques : une vue par
    # intervalle de dates où au moins une personne se trouve, plutôt qu'une par date distincte (§4 e5).
    changements = _dates_de_changement(racine)
    intervalles = np.searchsorted(changements, dates, side="right")
    for intervalle in np.unique(intervalles):
        masque = intervalles == intervalle
        yield masque, _ParametresALaDate(racine, str(dates[masque].min()))


_CHANGEMENTS = {}


def _dates_de_changement(racine):
    """Les dates (triées) où une feuille au moins de l'arbre change de valeur ; en cache par arbre (une réforme a le sien)."""
    cle = id(racine)
    if cle not in _CHANGEMENTS or _CHANGEMENTS[cle][0] is not racine:
        dates = set()
        pile = [racine]
        while pile:
            noeud = pile.pop()
            if isinstance(noeud, ParameterNode):
                pile.extend(noeud.children.values())
            elif isinstance(noeud, Parameter):
                dates.update(valeur.instant_str for valeur in noeud.values_list)
            else:  # barème : ses tranches sont des nœuds de paramètres datés
                pile.extend(getattr(noeud, "brackets", []))
        _CHANGEMENTS[cle] = (racine, np.array(sorted(dates), dtype="datetime64[D]"))
    return _CHANGEMENTS[cle][1]


def lire(noeud, chemin, defaut=None):
    """Paramètre au chemin pointé, ou `defaut` avant sa première valeur ou après une valeur nulle."""
    try:
        for morceau in chemin.split("."):
            noeud = getattr(noeud, morceau)
            if noeud is None:
                return defaut
    except ParameterNotFoundError:
        return defaut
    return noeud


def parametre_aux_dates(parameters, dates, chemin, defaut=np.nan):
    """Valeur numérique d'une feuille de paramètre à la date de chaque personne ; `defaut` là où elle n'existe pas.

    Vectoriel : une recherche dichotomique des dates dans l'historique de la feuille, quelle que soit la
    diversité des dates d'une population.
    """
    dates = np.asarray(dates, dtype="datetime64[D]")
    feuille = _racine(parameters)
    for morceau in chemin.split("."):
        feuille = getattr(feuille, morceau)
    debuts, valeurs = _historique(feuille)
    rang = np.searchsorted(debuts, dates, side="right") - 1
    resultat = np.where(rang >= 0, valeurs[np.maximum(rang, 0)], np.nan)
    return np.where(np.isnan(resultat), defaut, resultat)


def derniere_valeur_publiee(parameters, dates, chemin):
    """Dernière valeur non nulle d'une feuille à la date de chaque personne, ou à une date antérieure (NaN s'il n'y en a pas).

    Sert à savoir qu'un seuil non publié à une date (valeur nulle) est au moins franchi ou non par un montant connu ;
    jamais à remplacer la valeur inconnue (issue 8, classe f).
    """
    dates = np.asarray(dates, dtype="datetime64[D]")
    feuille = _racine(parameters)
    for morceau in chemin.split("."):
        feuille = getattr(feuille, morceau)
    debuts, valeurs = _historique(feuille)
    rang_publie = np.maximum.accumulate(np.where(np.isnan(valeurs), -1, np.arange(len(valeurs))))
    rang = np.searchsorted(debuts, dates, side="right") - 1
    publie = np.where(rang >= 0, rang_publie[np.maximum(rang, 0)], -1)
    return np.where(publie >= 0, valeurs[np.maximum(publie, 0)], np.nan)


def premiere_date(parameters, chemin):
    """Date de la première valeur d'une feuille de paramètre (début de son historique)."""
    feuille = _racine(parameters)
    for morceau in chemin.split("."):
        feuille = getattr(feuille, morceau)
    return _historique(feuille)[0][0]


_HISTORIQUES = {}


def _historique(feuille):
    """(dates de début, valeurs) d'une feuille, du plus ancien au plus récent ; valeur nulle → NaN.

    Mis en cache par feuille ; la clé suit les objets valeurs, qu'une réforme (`update`) remplace.
    """
    cle = (id(feuille), tuple(id(valeur) for valeur in feuille.values_list))
    if cle not in _HISTORIQUES:
        historique = feuille.values_list[::-1]
        _HISTORIQUES[cle] = (
            np.array([valeur.instant_str for valeur in historique], dtype="datetime64[D]"),
            np.array([np.nan if valeur.value is None else float(valeur.value) for valeur in historique], dtype=float),
        )
    return _HISTORIQUES[cle]


def dispositif_ouvert(parameters, dates, chemin):
    """Vrai là où le paramètre booléen `ouvert` du dispositif vaut vrai à la date donnée."""
    return parametre_aux_dates(parameters, dates, chemin, defaut=0) == 1


def critere_ouverture(parameters, dates, chemin, avant_historique=FAUX):
    """Critère « dispositif ouvert à la date de la demande » lu dans le paramètre booléen `ouvert`.

    Avant la première valeur du paramètre : FAUX quand elle est la date de création du dispositif,
    INCONNU (`avant_historique=INCONNU`) quand la création n'est pas datée et que l'historique modélisé
    commence plus tard — on ne dit pas « fermé » sans le savoir.
    """
    valeur = parametre_aux_dates(parameters, dates, chemin)
    return np.select([np.isnan(valeur), valeur == 1], [avant_historique, VRAI], FAUX).astype(np.int8)


def critere_montant_calculable(connu):
    """Critère « le montant peut être établi » : VRAI là où la base du montant est connue, INCONNU ailleurs, jamais FAUX.

    Un montant qui ne peut pas être établi (base inconnue, barème non publié à la date) ne s'affiche ni « éligible,
    0 € » ni à un plancher : l'aide est « à vérifier » et le fait manquant est nommé (issue 8, classe e).
    """
    return np.where(connu, VRAI, INCONNU).astype(np.int8)


def fait_oui_non(classe):
    """Décorateur des variables d'entrée oui / non : Reponse, « non renseigné » par défaut, individu, mois.

    OpenFisca 44 ne lit que les attributs écrits dans la classe elle-même (pas d'héritage) : le décorateur les y
    écrit, et la classe ne garde que son libellé (et sa documentation).
    """
    from openfisca_core.model_api import MONTH, set_input_dispatch_by_period
    from openfisca_france.model.base import Individu

    for nom, valeur in (
        ("value_type", Enum),
        ("possible_values", Reponse),
        ("default_value", Reponse.non_renseigne),
        ("entity", Individu),
        ("definition_period", MONTH),
        ("set_input", set_input_dispatch_by_period),
    ):
        setattr(classe, nom, valeur)
    return classe
