"""Période de mise en situation en milieu professionnel (PMSMP, immersion) : art. L.5135-1 du code du travail ; ouverte à toute personne accompagnée vers l'emploi ou l'insertion."""

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

P = "clara.etat.pmsmp"
REFERENCE = "https://immersion-facile.beta.gouv.fr/"


class etat_pmsmp_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "PMSMP : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_pmsmp_accompagnement(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être accompagné(e) vers l'emploi ou l'insertion (France Travail, mission locale, Cap emploi, structure d'insertion, Département...)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return ou(
            individu("critere_inscrit_france_travail", period),
            reponse_oui(individu("suivi_mission_locale", period)),
            reponse_oui(individu("accompagnement_social_ou_professionnel", period)),
        )


CRITERES = (
    "etat_pmsmp_dispositif_ouvert",
    "etat_pmsmp_accompagnement",
)


class etat_pmsmp_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Immersion professionnelle (PMSMP) : statut d'éligibilité"
    documentation = (
        "Statut de « Immersion professionnelle (période de mise en situation en milieu professionnel, PMSMP) » (État (France "
        "Travail, missions locales, Cap emploi et autres prescripteurs)) pour la personne et le mois évalués : éligible, à "
        "vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas "
        "rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : hors rulebook ; fiche du catalogue « pmsmp » (GET /aides/pmsmp)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_pmsmp_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Immersion professionnelle (PMSMP) : éligible"

    def formula(individu, period):
        return individu("etat_pmsmp_statut", period) == StatutEligibilite.eligible
