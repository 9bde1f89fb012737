"""Le parcours de la personne : formations, accompagnements et statuts que lisent plusieurs aides, nationales ou
locales (rulebook-regions §R21, familles F1, F8, F9, F10, F15). Faits déclarés, inconnus par défaut."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


class titulaire_permis_b(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être déjà titulaire du permis B (permis valide)"


class stagiaire_formation_financee_region(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Suivre, ou entrer dans, une formation financée ou agréée par la Région (stagiaire de la formation professionnelle)"


class formation_sanitaire_sociale(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Suivre une formation sanitaire ou sociale agréée par la Région (IFSI, IFAS, école de travail social…)"


class accompagne_pacea(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être accompagné(e) par une mission locale dans un parcours contractualisé (PACEA)"


class signataire_cej(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir signé un contrat d'engagement jeune (CEJ), avec France Travail ou une mission locale"


class apprenti_declare(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être apprenti(e) (contrat d'apprentissage en cours, ou en CFA sans employeur)"


class en_service_civique(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Effectuer un service civique"
