"""Situations sociales déclarées qui ouvrent l'insertion par l'activité économique (IAE) et d'autres dispositifs
d'insertion : sortie de l'aide sociale à l'enfance, hébergement, protection internationale, justice, langue,
mobilité (arrêté du 1er septembre 2021, annexe 2 ; rulebook §7.8).

Chaque fait est une réponse oui / non / non renseignée : une réponse manquante ne vaut jamais « non ».
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse

ARRETE_IAE_2021 = "https://www.legifrance.gouv.fr/eli/arrete/2021/9/1/MTRD2124285A/jo/texte"


class sortant_aide_sociale_enfance(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être sortant(e) de l'aide sociale à l'enfance (ASE)"
    documentation = "Avoir été pris(e) en charge par l'ASE et en être sorti(e) ; l'attestation ASE doit dater de moins de 12 mois pour l'IAE."
    reference = ARRETE_IAE_2021


class sans_hebergement_ou_heberge(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être sans hébergement, hébergé(e) (chez un tiers, en centre, en foyer) ou avoir un parcours de rue"
    reference = ARRETE_IAE_2021


class refugie_protege_ou_demandeur_asile(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être réfugié(e) statutaire, bénéficiaire de la protection subsidiaire ou d'une protection temporaire, ou demandeur(se) d'asile"
    reference = ARRETE_IAE_2021


class sous_main_justice_ou_sortant_detention(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être détenu(e), sortant(e) de détention ou placé(e) sous main de justice (aménagement de peine, contrôle judiciaire, sursis probatoire...)"
    reference = ARRETE_IAE_2021


class maitrise_francais_insuffisante(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir une maîtrise de la langue française inférieure au niveau A1 (évaluation en français langue étrangère)"
    reference = ARRETE_IAE_2021


class probleme_mobilite(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir des difficultés de mobilité qui freinent l'accès à l'emploi (pas de permis, pas de véhicule, pas de transport en commun...)"
    documentation = "Pour l'IAE, la difficulté est attestée par un diagnostic mobilité d'un prescripteur habilité."
    reference = ARRETE_IAE_2021
