"""Aide de l'Agefiph au parcours vers l'emploi : frais de déplacement, d'hébergement, de repas... prescrits par France Travail, Cap emploi ou la mission locale.

Montant non calculé : au plus 530 € selon les frais réels (plafond publié sans date d'effet)."""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    critere_ouverture,
    et,
    ou,
    reponse_oui,
    statut,
)

P = "clara.agefiph.agefiph_parcours_emploi"
REFERENCE = "https://agefiph.fr/aides-handicap/aide-au-parcours-vers-lemploi-des-personnes-handicapees"


class agefiph_parcours_emploi_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Aide Agefiph au parcours vers l'emploi : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class agefiph_parcours_emploi_handicap(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir une reconnaissance de la qualité de travailleur handicapé (RQTH) ou être bénéficiaire de l'obligation d'emploi"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("rqth", period))


class agefiph_parcours_emploi_prescripteur(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être suivi(e) par France Travail, Cap emploi ou une mission locale, qui prescrit l'aide"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return ou(
            individu("critere_inscrit_france_travail", period),
            reponse_oui(individu("suivi_mission_locale", period)),
            reponse_oui(individu("accompagnement_social_ou_professionnel", period)),
        )


CRITERES = (
    "agefiph_parcours_emploi_dispositif_ouvert",
    "agefiph_parcours_emploi_handicap",
    "agefiph_parcours_emploi_prescripteur",
)


class agefiph_parcours_emploi_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide Agefiph au parcours vers l'emploi : statut d'éligibilité"
    documentation = (
        "Statut de « Aide de l'Agefiph au parcours vers l'emploi » (Agefiph) pour la personne et le mois évalués : éligible, à "
        "vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas "
        "rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : hors rulebook ; fiche du catalogue « agefiph_parcours_emploi » (GET "
        "/aides/agefiph_parcours_emploi)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class agefiph_parcours_emploi_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide Agefiph au parcours vers l'emploi : éligible"

    def formula(individu, period):
        return individu("agefiph_parcours_emploi_statut", period) == StatutEligibilite.eligible
