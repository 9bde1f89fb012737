"""Ressources du foyer déclarées : imposition du foyer fiscal, prime d'activité (rulebook §8.1, §9.3).

Faits déclarés, jamais calculés : `ir_tranche` ou `ppa` d'openfisca-france demandent tout le foyer fiscal
ou social et coûtent cher (DESIGN.md §4).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


class TrancheImposition(Enum):
    __order__ = "non_renseigne non_imposable premiere_tranche au_dela"
    non_renseigne = "Non renseignée"
    non_imposable = "Foyer fiscal non imposable"
    premiere_tranche = "Foyer fiscal imposé dans la première tranche du barème (11 %)"
    au_dela = "Foyer fiscal imposé au-delà de la première tranche"


class tranche_imposition_declaree(Variable):
    value_type = Enum
    possible_values = TrancheImposition
    default_value = TrancheImposition.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Imposition du foyer fiscal auquel la personne appartient ou est rattachée (dernier avis d'impôt)"
    documentation = (
        "Pour un(e) jeune rattaché(e) au foyer fiscal de ses parents, c'est l'imposition de ce foyer. "
        "La première tranche est celle taxée à 11 % (ligne « taux marginal » de l'avis d'impôt)."
    )


class percoit_prime_activite(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir la prime d'activité, comme allocataire ou conjoint (pas comme enfant à charge)"


# Les ressources fiscales et familiales des aides locales (rulebook-regions §R21, familles F2 et F3) : quatre formes
# incompatibles (revenu fiscal, quotient fiscal, quotient CAF, revenu mensuel), chacune son fait.


class revenu_fiscal_reference_n_2(Variable):
    value_type = float
    default_value = -1
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Revenu fiscal de référence de l'année N-2 du foyer fiscal auquel la personne appartient ou est rattachée, en euros ; −1 : non renseigné"


class nombre_parts_fiscales(Variable):
    value_type = float
    default_value = -1
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre de parts fiscales du même foyer fiscal (avis d'impôt) ; −1 : non renseigné"


class quotient_familial_fiscal_mensuel(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Quotient familial fiscal mensuel : revenu fiscal de référence N-2 / 12 / nombre de parts, en euros ; −1 : non renseigné"

    def formula(individu, period):
        revenu = individu("revenu_fiscal_reference_n_2", period)
        parts = individu("nombre_parts_fiscales", period)
        connu = (revenu >= 0) & (parts > 0)
        return np.where(connu, np.maximum(revenu, 0) / 12 / np.where(connu, parts, 1), -1)


class quotient_familial_fiscal_annuel(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Quotient familial fiscal annuel : revenu fiscal de référence N-2 / nombre de parts, en euros ; −1 : non renseigné"
    documentation = (
        "La forme annuelle du quotient fiscal (aide au permis de Nouvelle-Aquitaine, Prima Strada en Corse : « RFR N-2 / nombre de "
        "parts ») ; calculée des mêmes faits que quotient_familial_fiscal_mensuel, sans division par 12 (pas d'arrondi aux seuils)."
    )

    def formula(individu, period):
        revenu = individu("revenu_fiscal_reference_n_2", period)
        parts = individu("nombre_parts_fiscales", period)
        connu = (revenu >= 0) & (parts > 0)
        return np.where(connu, np.maximum(revenu, 0) / np.where(connu, parts, 1), -1)


class quotient_familial_caf_declare(Variable):
    value_type = float
    default_value = -1
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Quotient familial mensuel de la CAF (ou de la MSA) de la famille, en euros ; −1 : non renseigné"
