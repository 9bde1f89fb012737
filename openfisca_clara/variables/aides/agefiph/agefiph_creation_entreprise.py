"""Aide de l'Agefiph à la création ou à la reprise d'entreprise par une personne handicapée.

Montant non calculé : 3 000 € publiés fin 2025 (ajustement temporaire), 6 300 € auparavant, sans date d'effet publiée."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    Reponse,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    non,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.agefiph.agefiph_creation_entreprise"
REFERENCE = "https://www.agefiph.fr/aides-handicap/aide-la-creation-ou-la-reprise-dune-entreprise-par-des-personnes-handicapees"


class agefiph_creation_entreprise_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Aide Agefiph à la création d'entreprise : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class agefiph_creation_entreprise_handicap(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir une reconnaissance de la qualité de travailleur handicapé (RQTH) ou être bénéficiaire de l'obligation d'emploi"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("rqth", period))


class agefiph_creation_entreprise_projet(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Créer ou reprendre une entreprise"
    reference = REFERENCE

    def formula(individu, period, parameters):
        projet = individu("projet_type", period)
        return critere(projet != TypeProjet.non_renseigne, projet == TypeProjet.creation_entreprise)


class agefiph_creation_entreprise_deja_recue(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà reçu l'aide de l'Agefiph à la création ou à la reprise d'entreprise"


class agefiph_creation_entreprise_premiere_fois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir déjà reçu l'aide de l'Agefiph à la création ou à la reprise (non renouvelable)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("agefiph_creation_entreprise_deja_recue", period)))


class agefiph_creation_entreprise_pouvoir_decision(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Détenir le pouvoir de décision dans l'entreprise créée ou reprise"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("creation_controle_effectif", period))


CRITERES = (
    "agefiph_creation_entreprise_dispositif_ouvert",
    "agefiph_creation_entreprise_handicap",
    "agefiph_creation_entreprise_projet",
    "agefiph_creation_entreprise_premiere_fois",
    "agefiph_creation_entreprise_pouvoir_decision",
)


class agefiph_creation_entreprise_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide Agefiph à la création d'entreprise : statut d'éligibilité"
    documentation = (
        "Statut de « Aide de l'Agefiph à la création ou à la reprise d'entreprise » (Agefiph) pour la personne et le mois évalués"
        " : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : hors rulebook ; fiche du catalogue « agefiph_creation_entreprise » (GET "
        "/aides/agefiph_creation_entreprise)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class agefiph_creation_entreprise_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide Agefiph à la création d'entreprise : éligible"

    def formula(individu, period):
        return individu("agefiph_creation_entreprise_statut", period) == StatutEligibilite.eligible
