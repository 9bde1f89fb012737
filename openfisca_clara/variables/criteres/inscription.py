"""Critères partagés sur l'inscription à France Travail et les allocations (rulebook §2.1, §3)."""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import critere, et, ou, reponse_oui
from openfisca_clara.variables.profil.inscription import CATEGORIES_INDETERMINEES


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
