"""L'âge à la date d'entrée dans le projet (entrée en formation, début du contrat).

Plusieurs barèmes se lisent à l'âge « à la date d'entrée en stage » (rulebook §4.3) ; `age_declare`
donne l'âge au premier jour du mois évalué. Ne lit jamais `age` d'openfisca-france directement.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import DATE_NAISSANCE_PAR_DEFAUT, NON_RENSEIGNE, annees_revolues, date_renseignee


class age_au_debut_du_projet(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = "Âge à la date de début du projet (entrée en formation, début du contrat) ; −1 : non renseigné"
    documentation = (
        "Calculé depuis `date_naissance` quand elle est donnée avec `projet_date_debut`. Sinon, l'âge au premier "
        "jour du mois évalué (`age_declare`) : évaluez alors le mois de l'entrée en formation."
    )

    def formula(individu, period):
        age_mois = individu("age_declare", period)
        if not individu.get_holder("date_naissance").get_known_periods():
            return age_mois
        naissance = individu("date_naissance", period).astype("datetime64[D]")
        debut = individu("projet_date_debut", period)
        connu = (naissance != DATE_NAISSANCE_PAR_DEFAUT) & date_renseignee(debut) & (debut >= naissance)
        exact = annees_revolues(naissance, np.where(connu, debut, naissance))
        return np.where(connu, exact, age_mois)
