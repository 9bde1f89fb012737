"""Critères partagés sur l'inscription à France Travail et les allocations (rulebook §2.1, §3)."""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    au_dessus,
    au_plus,
    critere,
    et,
    lire,
    ou,
    par_date,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
)
from openfisca_clara.variables.profil.inscription import CATEGORIES_INDETERMINEES, CategorieDemandeurEmploi

ARE_MINIMALE = "clara.references.are_minimale"
CATEGORIES_SANS_EMPLOI = (
    CategorieDemandeurEmploi.categorie_1,
    CategorieDemandeurEmploi.categorie_2,
    CategorieDemandeurEmploi.categorie_3,
    CategorieDemandeurEmploi.categorie_4_formation,
)


class critere_inscrit_france_travail(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi à France Travail"

    def formula(individu, period):
        return reponse_oui(individu("inscription_france_travail", period))


def critere_categorie_parmi(individu, period, categories):
    """Inscrit(e) dans l'une des catégories listées ; inconnu si la catégorie est inconnue (ou F, G)."""
    categorie = individu("categorie_demandeur_emploi", period)
    connue = ~np.isin(categorie, [c.index for c in CATEGORIES_INDETERMINEES])
    return et(
        individu("critere_inscrit_france_travail", period),
        critere(connue, np.isin(categorie, [c.index for c in categories])),
    )


class critere_non_indemnise_chomage(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne percevoir aucune allocation chômage (ARE, AREF, ASP, ASS)"

    def formula(individu, period):
        return et(*(-reponse_oui(individu(nom, period)) for nom in ("percoit_are", "percoit_aref", "percoit_asp", "percoit_ass")))


class critere_indemnise_chomage(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Percevoir une allocation chômage (ARE, AREF, ASP ou ASS)"

    def formula(individu, period):
        return ou(*(reponse_oui(individu(nom, period)) for nom in ("percoit_are", "percoit_aref", "percoit_asp", "percoit_ass")))


class critere_beneficiaire_minimum_social(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Percevoir un minimum social (RSA, ASS ou AAH)"

    def formula(individu, period):
        return ou(*(reponse_oui(individu(nom, period)) for nom in ("percoit_rsa", "percoit_ass", "percoit_aah")))


def categories_du_bareme(p, chemin):
    """Indices des catégories listées par un paramètre (liste de noms) à une date ; None avant son historique."""
    noms = lire(p, chemin)
    return None if noms is None else [CategorieDemandeurEmploi[nom].index for nom in noms]


def critere_categorie_au_bareme(individu, period, parameters, chemin_eligibles, chemin_incertaines=None):
    """Inscrit(e) dans une catégorie couverte à la date de la demande, selon deux listes datées.

    `chemin_incertaines` : catégories dont la couverture n'est pas établie par le texte (INCONNU).
    Catégorie inconnue (ou F, G), ou date antérieure à l'historique du paramètre : INCONNU.
    """
    categorie = individu("categorie_demandeur_emploi", period)
    resultat = np.full(individu.count, INCONNU, dtype=np.int8)
    for masque, p in par_date(parameters, individu("date_demande", period)):
        eligibles = categories_du_bareme(p, chemin_eligibles)
        if eligibles is None:
            continue
        incertaines = (categories_du_bareme(p, chemin_incertaines) or []) if chemin_incertaines else []
        inconnue = np.isin(categorie, [c.index for c in CATEGORIES_INDETERMINEES] + incertaines)
        resultat[masque] = critere(~inconnue, np.isin(categorie, eligibles))[masque]
    return et(individu("critere_inscrit_france_travail", period), resultat)


def critere_allocation_sous_are_minimale(individu, period, parameters):
    """Allocation chômage journalière ≤ ARE minimale (celle de Mayotte pour ses résidents), au centime.

    Commune inconnue : on ne sait pas quel seuil appliquer, sauf sous les deux ou au-dessus des deux.
    Un seuil inconnu (NaN : revalorisation non publiée) ne tranche rien.
    """
    dates = individu("date_demande", period)
    seuil_mayotte = parametre_aux_dates(parameters, dates, f"{ARE_MINIMALE}.mayotte")
    seuil_hors_mayotte = parametre_aux_dates(parameters, dates, f"{ARE_MINIMALE}.hors_mayotte")
    seuil = np.where(individu.menage("reside_a_mayotte", period), seuil_mayotte, seuil_hors_mayotte)
    montant = individu("allocation_chomage_journaliere", period)
    connu = renseigne(montant)
    return np.where(
        individu.menage("commune_renseignee", period),
        critere(connu & ~np.isnan(seuil), au_plus(montant, seuil)),
        np.select(
            [
                connu & au_plus(montant, seuil_mayotte) & au_plus(montant, seuil_hors_mayotte),
                connu & au_dessus(montant, seuil_mayotte) & au_dessus(montant, seuil_hors_mayotte),
            ],
            [VRAI, FAUX],
            INCONNU,
        ),
    ).astype(np.int8)


class critere_sans_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sans emploi (inscrit(e) ou non à France Travail)"

    def formula(individu, period):
        # Sans réponse sur l'emploi, les catégories 1 à 3 (« sans emploi ») et 4 stagiaire suffisent à l'établir.
        en_emploi = individu("en_emploi", period)
        sans_emploi_par_categorie = np.isin(individu("categorie_demandeur_emploi", period), [c.index for c in CATEGORIES_SANS_EMPLOI])
        return np.select([en_emploi == Reponse.non, en_emploi == Reponse.oui, sans_emploi_par_categorie], [VRAI, FAUX, VRAI], INCONNU).astype(np.int8)
