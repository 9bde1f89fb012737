"""Engagement de service civique (loi n° 2010-241 du 10 mars 2010) : mission indemnisée de 6 à 12 mois pour les 16-25 ans (30 ans en situation de handicap).

`service_civique` d'openfisca-france est un fait d'entrée (« est en contrat de service civique ») : on ne le lit pas."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere_montant_calculable,
    critere_ouverture,
    et,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.profil.situation import Nationalite

P = "clara.etat.service_civique"
REFERENCE = "https://www.service-civique.gouv.fr/"


class etat_service_civique_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Service civique : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_service_civique_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 16 et 25 ans, ou jusqu'à 30 ans pour une personne en situation de handicap (RQTH)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        dates = individu("date_demande", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        maximum = parametre_aux_dates(parameters, dates, f"{P}.age_maximum")
        maximum_handicap = parametre_aux_dates(parameters, dates, f"{P}.age_maximum_handicap")
        handicap = reponse_oui(individu("rqth", period))
        return np.select(
            [~renseigne(age), (age >= minimum) & (age <= maximum), (age > maximum) & (age <= maximum_handicap)],
            [INCONNU, VRAI, handicap],
            FAUX,
        ).astype(np.int8)


class etat_service_civique_nationalite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être de nationalité française, d'un pays de l'Union européenne ou de l'EEE, ou résider régulièrement en France depuis plus d'un an"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Autre nationalité ou nationalité inconnue : condition de séjour à vérifier.
        nationalite = individu("nationalite_declaree", period)
        return np.where(np.isin(nationalite, [Nationalite.francaise.index, Nationalite.ue_eee_suisse.index]), VRAI, INCONNU).astype(np.int8)


class etat_service_civique_montant_connu(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Montant de l'indemnité connu à la date de la demande (montants antérieurs au 1er juillet 2023 non repris)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        etat = parametre_aux_dates(parameters, dates, f"{P}.indemnite_etat")
        organisme = parametre_aux_dates(parameters, dates, f"{P}.prestation_organisme")
        return critere_montant_calculable(~np.isnan(etat) & ~np.isnan(organisme))


CRITERES = (
    "etat_service_civique_dispositif_ouvert",
    "etat_service_civique_age",
    "etat_service_civique_nationalite",
    "etat_service_civique_montant_connu",
)


class etat_service_civique_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Service civique : statut d'éligibilité"
    documentation = (
        "Statut de « Engagement de service civique » (État (Agence du service civique)) pour la personne et le mois évalués : "
        "éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : hors rulebook ; fiche du catalogue « service_civique » (GET /aides/service_civique)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_service_civique_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Service civique : éligible"

    def formula(individu, period):
        return individu("etat_service_civique_statut", period) == StatutEligibilite.eligible


class etat_service_civique_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Service civique : indemnité mensuelle (part de l'État et prestation minimale de l'organisme d'accueil), hors majoration sur critères sociaux"
    documentation = (
        "Montant de « Engagement de service civique », en euros, par mois ; 0 quand l'aide est non éligible. Les taux, plafonds "
        "et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu,"
        " la fiche « service_civique » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule "
        "(montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        etat = parametre_aux_dates(parameters, dates, f"{P}.indemnite_etat", defaut=0)
        organisme = parametre_aux_dates(parameters, dates, f"{P}.prestation_organisme", defaut=0)
        ouvert_ou_possible = individu("etat_service_civique_statut", period) != StatutEligibilite.non_eligible
        return np.where(ouvert_ou_possible, np.round(etat + organisme, 2), 0)
