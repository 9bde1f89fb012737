"""L'alternance envisagée : le niveau du diplôme ou du titre que prépare le contrat d'apprentissage ou de
professionnalisation (aides à l'embauche d'un alternant, rulebook §7.4, §7.5).

Niveaux de la nomenclature de 2019 (décret n° 2019-14, rulebook §2.2), avec l'Enum d'openfisca-france
`TypesNiveauDiplome` : `non_renseigne` par défaut.
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu, TypesNiveauDiplome


class projet_niveau_diplome_prepare(Variable):
    value_type = Enum
    possible_values = TypesNiveauDiplome
    default_value = TypesNiveauDiplome.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Niveau du diplôme ou du titre préparé par le contrat d'alternance (nomenclature 2019 : 3 = CAP, 4 = bac, 5 = bac + 2, 6 = licence, 7 = master)"
    reference = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037964754/"
