"""L'embauche envisagée, côté employeur : faits que la personne ou l'employeur déclarent et que plusieurs aides
à l'embauche exigent (contrat de professionnalisation : rulebook §7.6, §7.7 ; emplois francs §7.3).

Réponses oui / non / non renseignées : une réponse manquante ne vaut jamais « non ».
"""

from datetime import date

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import DATE_NON_RENSEIGNEE, Reponse, date_renseignee


class projet_salarie_employeur_6_mois_precedents(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir fait partie de l'effectif de l'employeur qui recrute au cours des 6 mois précédant le début du contrat"


class employeur_licenciement_economique_poste_6_mois(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'employeur a procédé à un licenciement pour motif économique sur le poste à pourvoir dans les 6 mois précédant l'embauche"


class projet_contrat_date_conclusion(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de conclusion (signature) du contrat de travail, distincte de son début ; 0001-01-01 : non renseignée"
    documentation = (
        "Les barèmes « aux contrats conclus à partir du… » (rulebook §7) se lisent à cette date. Sans elle, ils se lisent à "
        "la date de début du contrat (`projet_date_debut`) : un contrat est conclu au plus tard le jour où il débute."
    )


def date_conclusion_contrat(individu, period):
    """Date de conclusion du contrat ; à défaut, sa date de début (0001-01-01 si aucune des deux n'est connue)."""
    conclusion = individu("projet_contrat_date_conclusion", period)
    return np.where(date_renseignee(conclusion), conclusion, individu("projet_date_debut", period))
