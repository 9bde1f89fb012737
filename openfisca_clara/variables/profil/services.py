"""Situations déclarées qui ouvrent des services nationaux : cadre, spectacle, accompagnement en cours.

Chacune est une réponse oui / non / non renseignée (`Reponse`) : un fait inconnu laisse le service « à vérifier ».
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


class cadre_ou_recherche_poste_cadre(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être cadre (en poste ou en recherche d'emploi) ou rechercher un poste de cadre"
    documentation = "Question : « Êtes-vous cadre, ou cherchez-vous un poste de cadre ? » (public de l'Apec)."


class intermittent_ou_artiste_spectacle(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être artiste ou technicien(ne) du spectacle (intermittent(e) ou non)"
    documentation = "Question : « Êtes-vous artiste ou technicien(ne) du spectacle vivant ou enregistré ? » " "(public des aides du FONPEPS et de l'AGEDATI)."


class accompagnement_social_ou_professionnel(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Être accompagné(e) par une structure d'emploi ou d'insertion (France Travail, mission locale, Cap emploi, "
        "structure d'insertion, Département, PLIE...)"
    )
    documentation = (
        "Question : « Êtes-vous suivi(e) par une structure qui vous accompagne vers l'emploi ou l'insertion "
        "(France Travail, mission locale, Cap emploi, structure d'insertion, Département...) ? » "
        "(art. L.5135-1 du code du travail : public des périodes de mise en situation en milieu professionnel)."
    )
