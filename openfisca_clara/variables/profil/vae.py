"""Les faits d'un projet de validation des acquis de l'expérience (VAE), lus par les aides régionales à la VAE
(rulebook-regions §R21, famille F14 : PACA, Nouvelle-Aquitaine, Bretagne, Bourgogne-Franche-Comté, Hauts-de-France, Normandie)."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


class projet_vae(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Préparer une validation des acquis de l'expérience (VAE) : demande de recevabilité faite ou prévue"


class vae_experience_un_an(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir au moins un an d'expérience (salariée, bénévole ou non salariée) en rapport avec le diplôme visé par la VAE"
