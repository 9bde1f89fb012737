"""Aide à la garde d'enfants pour les artistes et techniciens intermittents du spectacle (AGEDATI), mesure du FONPEPS gérée par Audiens depuis le 1er février 2018,
reconduite à l'identique avec le FONPEPS (décret n° 2025-1424). Conditions de ressources et montant (50 % des frais, 3 000 / 6 000 € par an) non calculés."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    non,
    reponse_oui,
    statut,
)

P = "clara.etat.agedati"
REFERENCE = "https://www.audiens.org/"


class etat_agedati_indemnise_annexes_8_10(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir été indemnisé(e) par France Travail au titre des annexes 8 ou 10 (intermittents) au cours des 24 mois précédant l'année de la demande"


class etat_agedati_enfant_moins_4_ans(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Faire garder un enfant de moins de 4 ans"


class etat_agedati_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "AGEDATI : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_agedati_spectacle(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être artiste ou technicien(ne) du spectacle"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("intermittent_ou_artiste_spectacle", period))


class etat_agedati_indemnisation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir été indemnisé(e) au titre des annexes 8 ou 10 dans les 24 mois précédant l'année de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("etat_agedati_indemnise_annexes_8_10", period))


class etat_agedati_enfant(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Faire garder un enfant de moins de 4 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("etat_agedati_enfant_moins_4_ans", period))


class etat_agedati_cdd_spectacle_pendant_garde(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Travailler en CDD ou CDD d'usage dans une entreprise du spectacle pendant la période de garde"


class etat_agedati_autre_aide_garde_foyer(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Le foyer reçoit déjà l'AGEDATI, ou une autre aide à la garde pour la même prestation (hors complément de libre choix du mode de garde et crédit d'impôt)"


class etat_agedati_contrat_spectacle(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Travailler en CDD ou CDD d'usage dans une entreprise du spectacle pendant la période de garde"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("etat_agedati_cdd_spectacle_pendant_garde", period))


class etat_agedati_non_cumul(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Une seule aide par foyer, non cumulable avec une autre aide à la garde pour la même prestation (sauf CMG et crédit d'impôt)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("etat_agedati_autre_aide_garde_foyer", period)))


CRITERES = (
    "etat_agedati_dispositif_ouvert",
    "etat_agedati_spectacle",
    "etat_agedati_indemnisation",
    "etat_agedati_enfant",
    "etat_agedati_contrat_spectacle",
    "etat_agedati_non_cumul",
)


class etat_agedati_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "AGEDATI : statut d'éligibilité"
    documentation = (
        "Statut de « Aide à la garde d'enfants pour les artistes et techniciens intermittents du spectacle (AGEDATI) » (État "
        "(FONPEPS), gérée par Audiens) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est "
        "inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères,"
        " les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche "
        "du catalogue « agedati » (GET /aides/agedati)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_agedati_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "AGEDATI : éligible"

    def formula(individu, period):
        return individu("etat_agedati_statut", period) == StatutEligibilite.eligible
