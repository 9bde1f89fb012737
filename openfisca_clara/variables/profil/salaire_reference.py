"""Le salaire journalier de référence (SJR) de l'assurance chômage, tel qu'il figure sur la notification de
droits : base de l'allocation de sécurisation professionnelle (CSP) et du plafond du cumul de l'ARE avec un
salaire. Fait déclaré, jamais recalculé (openfisca-france a `are_salaire_journalier_reference`, calculé depuis
les salaires : on ne le lit pas).
"""

from openfisca_core.model_api import MONTH, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import NON_RENSEIGNE


class salaire_journalier_reference_declare(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Salaire journalier de référence (SJR) brut de l'assurance chômage, lu sur la notification de droits ; −1 : non renseigné"
    reference = "https://www.unedic.org/indemnisation/fiches-thematiques/cumul-allocation-salaire"
