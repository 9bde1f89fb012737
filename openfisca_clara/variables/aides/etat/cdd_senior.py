"""CDD senior (art. D.1242-2 du code du travail) : plus de 57 ans, inscrit depuis plus de 3 mois ou en CSP."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    StatutEligibilite,
    ajouter_mois,
    critere,
    critere_ouverture,
    date_renseignee,
    et,
    ou,
    parametre_aux_dates,
    renseigne,
    statut,
)
from openfisca_clara.variables.criteres.inscription import critere_categorie_parmi
from openfisca_clara.variables.profil.inscription import CategorieDemandeurEmploi
from openfisca_clara.variables.projet.embauche import combiner_possibles, dates_conclusion_possibles

P = "clara.etat.cdd_senior"
REFERENCE = "https://www.service-public.fr/particuliers/vosdroits/F15759"


class etat_cdd_senior_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "CDD senior : contrat conclu pendant que le dispositif était ouvert (abrogé pour les contrats conclus à partir du 29 décembre 2025)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Issue 8 classe c : la date de conclusion du contrat ; inconnue, chaque date possible avant son début ; sans
        # date de contrat, la date de la demande (l'embauche envisagée maintenant).
        demande = individu("date_demande", period)
        possibles = [np.where(date_renseignee(d), d, demande) for d in dates_conclusion_possibles(individu, period, parameters, P)]
        return combiner_possibles([critere_ouverture(parameters, d, f"{P}.ouvert") for d in possibles])


class etat_cdd_senior_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir plus de 57 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # « Plus de 57 ans » : dès le lendemain du 57e anniversaire ; l'âge en années révolues suffit ici.
        age = individu("age_declare", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_minimum")
        return critere(renseigne(age), age >= minimum)


class etat_cdd_senior_inscription(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi depuis plus de 3 mois, ou bénéficier d'un contrat de sécurisation professionnelle (CSP)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        mois = parametre_aux_dates(parameters, dates, f"{P}.duree_inscription_mois", defaut=0).astype(int)
        inscription = individu("date_inscription_france_travail", period)
        depuis_plus_de_trois_mois = et(
            individu("critere_inscrit_france_travail", period),
            critere(date_renseignee(inscription), ajouter_mois(inscription, mois) < dates),
        )
        csp = critere_categorie_parmi(individu, period, [CategorieDemandeurEmploi.categorie_4_csp])
        return ou(depuis_plus_de_trois_mois, csp)


CRITERES = (
    "etat_cdd_senior_dispositif_ouvert",
    "etat_cdd_senior_age",
    "etat_cdd_senior_inscription",
)


class etat_cdd_senior_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "CDD senior : statut d'éligibilité"
    documentation = (
        "Statut de « CDD senior (contrat à durée déterminée pour les plus de 57 ans) » (État (code du travail)) pour la personne "
        "et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « cdd_senior » (GET "
        "/aides/cdd_senior)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_cdd_senior_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "CDD senior : éligible"

    def formula(individu, period):
        return individu("etat_cdd_senior_statut", period) == StatutEligibilite.eligible
