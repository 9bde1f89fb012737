"""Contrat de valorisation de l'expérience (CVE, loi n° 2025-989 du 24 octobre 2025) : un CDI expérimental, conclu
du 26 octobre 2025 au 24 octobre 2030, avec une personne qui, au moment de son embauche :

1° a au moins 60 ans, ou au moins 57 ans si une convention ou un accord de branche étendu le prévoit ;
2° est inscrite sur la liste des demandeurs d'emploi ;
3° ne peut pas encore bénéficier d'une pension de retraite de base à taux plein (hors régimes des marins, de l'Opéra,
   des mines et pension militaire) ;
4° n'a pas été employée par l'entreprise, ou une entreprise de son groupe, au cours des 6 mois précédents.

Tout se lit à la date de l'embauche : la date de conclusion du contrat, à défaut son début, à défaut la date de la
demande (un contrat encore à trouver se conclura au plus tôt ce jour-là). Il succède au CDD senior, abrogé le
29 décembre 2025.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import StatutEligibilite, critere_ouverture, date_renseignee, et, non, ou, parametre_aux_dates, reponse_oui, statut
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.projet.embauche import combiner_possibles, date_conclusion_contrat, dates_conclusion_possibles

P = "clara.etat.contrat_valorisation_experience"
REFERENCE = "https://www.francetravail.fr/actualites/a-laffiche/2025/senior-contrat-de-valorisation.html"


def date_embauche(individu, period):
    """Conclusion du contrat, à défaut son début, à défaut la date de la demande."""
    contrat = date_conclusion_contrat(individu, period)
    return np.where(date_renseignee(contrat), contrat, individu("date_demande", period))


class etat_contrat_valorisation_experience_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Contrat de valorisation de l'expérience : contrat conclu pendant l'expérimentation (26 octobre 2025 – 24 octobre 2030)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Date de conclusion inconnue (issue 8, classe c) : ouvert à toutes les dates possibles avant le début, fermé à
        # toutes, ou « à vérifier » ; ni conclusion ni début : la date de la demande.
        demande = individu("date_demande", period)
        possibles = [np.where(date_renseignee(d), d, demande) for d in dates_conclusion_possibles(individu, period, parameters, P)]
        return combiner_possibles([critere_ouverture(parameters, d, f"{P}.ouvert") for d in possibles])


class etat_contrat_valorisation_experience_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au moins 60 ans à l'embauche, ou au moins 57 ans si un accord de branche étendu applicable à l'employeur le prévoit"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Âge à la conclusion ; inconnue, à chaque date de conclusion possible (issue 8, classe c).
        demande = individu("date_demande", period)
        accord = reponse_oui(individu("employeur_accord_branche_cve_57_ans", period))
        resultats = []
        for dates in dates_conclusion_possibles(individu, period, parameters, P):
            dates = np.where(date_renseignee(dates), dates, demande)
            soixante = critere_age(individu, period, dates, au_moins=parametre_aux_dates(parameters, dates, f"{P}.age_minimum"))
            cinquante_sept = critere_age(individu, period, dates, au_moins=parametre_aux_dates(parameters, dates, f"{P}.age_minimum_accord_branche"))
            resultats.append(ou(soixante, et(cinquante_sept, accord)))
        return combiner_possibles(resultats)


class etat_contrat_valorisation_experience_inscription(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) sur la liste des demandeurs d'emploi (France Travail)"
    reference = REFERENCE

    def formula(individu, period):
        return individu("critere_inscrit_france_travail", period)


class etat_contrat_valorisation_experience_sans_taux_plein(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas pouvoir encore bénéficier d'une pension de retraite de base à taux plein"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("peut_beneficier_retraite_taux_plein", period)))


class etat_contrat_valorisation_experience_nouvelle_embauche(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir été employé(e) par l'entreprise (ou une entreprise de son groupe) au cours des 6 mois précédents"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("projet_salarie_employeur_6_mois_precedents", period)))


CRITERES = (
    "etat_contrat_valorisation_experience_dispositif_ouvert",
    "etat_contrat_valorisation_experience_age",
    "etat_contrat_valorisation_experience_inscription",
    "etat_contrat_valorisation_experience_sans_taux_plein",
    "etat_contrat_valorisation_experience_nouvelle_embauche",
)


class etat_contrat_valorisation_experience_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Contrat de valorisation de l'expérience : statut d'éligibilité"
    documentation = (
        "Statut de « Contrat de valorisation de l'expérience (CDI pour les demandeurs d'emploi de 60 ans ou plus) » (État (code "
        "du travail)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "contrat_valorisation_experience » (GET /aides/contrat_valorisation_experience)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_contrat_valorisation_experience_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Contrat de valorisation de l'expérience : éligible"

    def formula(individu, period):
        return individu("etat_contrat_valorisation_experience_statut", period) == StatutEligibilite.eligible
