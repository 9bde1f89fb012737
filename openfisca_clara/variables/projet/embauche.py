"""L'embauche envisagée, côté employeur : faits que la personne ou l'employeur déclarent et que plusieurs aides
à l'embauche exigent (contrat de professionnalisation : rulebook §7.6, §7.7 ; emplois francs §7.3).

Réponses oui / non / non renseignées : une réponse manquante ne vaut jamais « non ».
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


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
