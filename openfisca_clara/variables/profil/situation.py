"""Situations déclarées qui ouvrent ou ferment plusieurs dispositifs : études, mission locale, nationalité, zone rurale."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


class en_etudes(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être élève ou étudiant(e) (formation initiale)"


class suivi_mission_locale(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être suivi(e) par une mission locale"


class Nationalite(Enum):
    __order__ = "non_renseigne francaise ue_eee_suisse autre"
    non_renseigne = "Non renseignée"
    francaise = "Française"
    ue_eee_suisse = "D'un autre pays de l'Union européenne, de l'Espace économique européen ou suisse"
    autre = "D'un autre pays"


class nationalite_declaree(Variable):
    value_type = Enum
    possible_values = Nationalite
    default_value = Nationalite.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nationalité"


class reside_en_zfrr(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Résider (ou implanter son activité) dans une zone France ruralités revitalisation (ZFRR, ex-ZRR)"
    documentation = "Les ZRR sont remplacées par les ZFRR au 1er juillet 2024 (rulebook §2.3) ; réponse déclarée."


class peut_beneficier_retraite_taux_plein(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Pouvoir déjà bénéficier d'une pension de retraite de base de droit propre à taux plein (âge et trimestres "
        "atteints, ou âge du taux plein automatique), hors régimes des marins, de l'Opéra de Paris, des mines et pension militaire"
    )
