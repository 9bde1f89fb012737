"""Allocations perçues : plusieurs peuvent l'être à la fois, chacune oui / non / non renseignée.

Ce sont des faits déclarés : calculer `rsa`, `ass` ou `aah` d'openfisca-france coûte 0,5 à 1,3 s par
situation (DESIGN.md §4), quand une aide légère coûte quelques millisecondes.
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import NON_RENSEIGNE, Reponse


class percoit_are(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir l'allocation d'aide au retour à l'emploi (ARE)"


class percoit_aref(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir l'ARE-formation (AREF)"


class percoit_asp(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir l'allocation de sécurisation professionnelle (ASP, contrat de sécurisation professionnelle)"


class percoit_ass(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir l'allocation de solidarité spécifique (ASS)"


class percoit_rsa(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir le revenu de solidarité active (RSA), comme allocataire ou conjoint"


class percoit_aah(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir l'allocation aux adultes handicapés (AAH)"


class percoit_allocation_cej(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Percevoir l'allocation du contrat d'engagement jeune (CEJ)"


class allocation_chomage_journaliere(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Montant journalier net de l'allocation chômage perçue (ARE, AREF, ASP ou ASS), avant prélèvement à la source ; −1 : non renseigné"
    documentation = (
        "France Travail compare ce montant net journalier, avant prélèvement à la source, "
        "à l'ARE minimale publiée par l'Unédic (rulebook §1.1 et §14, « Net or gross »)."
    )


class are_journaliere_brute(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Montant journalier brut de l'ARE (notification de droits) ; −1 : non renseigné"


class are_droits_restants_jours(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "day"
    label = "Nombre de jours d'ARE restant à percevoir (reliquat de droits) ; −1 : non renseigné"
