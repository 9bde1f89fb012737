"""L'employeur du projet d'embauche : les aides versées à l'employeur se lisent aussi du côté de la
personne (« mon embauche ouvrirait-elle cette aide ? »), avec ces faits sur l'employeur."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import NON_RENSEIGNE, Reponse


class employeur_effectif(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Effectif salarié de l'employeur ; −1 : non renseigné"


class TypeEmployeur(Enum):
    __order__ = "non_renseigne entreprise_privee association collectivite_ou_etablissement_public etat particulier structure_insertion"
    non_renseigne = "Non renseigné"
    entreprise_privee = "Entreprise privée (secteur marchand, y compris EPIC et entreprise de travail temporaire)"
    association = "Association ou fondation (secteur non marchand)"
    collectivite_ou_etablissement_public = "Collectivité territoriale ou établissement public administratif"
    etat = "État (services de l'État)"
    particulier = "Particulier employeur"
    structure_insertion = "Structure d'insertion par l'activité économique (ACI, EI, AI, ETTI)"


class employeur_type(Variable):
    value_type = Enum
    possible_values = TypeEmployeur
    default_value = TypeEmployeur.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Type de l'employeur qui recrute"


class employeur_accord_branche_cve_57_ans(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Une convention ou un accord de branche étendu applicable à l'employeur ouvre le contrat de valorisation de " "l'expérience dès 57 ans"


class employeur_a_jour_cotisations(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'employeur qui recrute est à jour de ses cotisations et contributions sociales (et d'assurance chômage)"
