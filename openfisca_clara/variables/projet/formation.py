"""La formation visée : sa nature (qualifiante ou non, ou l'une des actions que les rémunérations
excluent), son financement par le CPF et sa date de fin. Utilisées par les rémunérations de formation et les aides à la formation
(rulebook §4.1, §4.2, §4.3, §10.3).

Convention des entrées inconnues : Enum à `non_renseigne`, dates à 0001-01-01.
"""

from datetime import date

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import DATE_NON_RENSEIGNEE, Reponse


class NatureFormation(Enum):
    __order__ = "non_renseigne qualifiante non_qualifiante bilan_competences permis_conduire accompagnement_creation accompagnement_vae"
    non_renseigne = "Non renseignée"
    qualifiante = (
        "Formation qualifiante ou certifiante : diplôme ou titre du RNCP (du CAP au bac + 5), qualification reconnue par une branche, certification reconnue"
    )
    non_qualifiante = "Autre formation professionnelle (remise à niveau, adaptation au poste, préqualification…)"
    bilan_competences = "Bilan de compétences"
    permis_conduire = "Permis de conduire (code ou conduite)"
    accompagnement_creation = "Accompagnement à la création ou à la reprise d'entreprise"
    accompagnement_vae = "Accompagnement à la validation des acquis de l'expérience (VAE)"


class projet_formation_nature(Variable):
    value_type = Enum
    possible_values = NatureFormation
    default_value = NatureFormation.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nature de la formation visée"


class projet_formation_date_fin(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de fin prévue de la formation ; 0001-01-01 : non renseignée"


class projet_formation_financee_cpf(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Formation financée, en tout ou partie, par le compte personnel de formation (CPF)"
