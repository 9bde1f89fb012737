"""Contrat de professionnalisation, vu de la personne : puis-je être embauché(e) en contrat de professionnalisation ?
(Clara, rubrique « Contrat en alternance » ; hors rulebook).

Code du travail, art. L. 6325-1 : le contrat est ouvert
1° aux personnes de 16 à 25 ans révolus (pour compléter leur formation initiale) ;
2° aux demandeurs d'emploi de 26 ans et plus (inscrits à France Travail) ;
3° aux bénéficiaires du RSA, de l'ASS ou de l'AAH, et aux personnes ayant bénéficié d'un contrat unique d'insertion
   (CUI : PEC ou CIE, art. L. 5134-19-1), sans condition d'âge dans le texte.

L'âge se lit à la date de début du contrat (`projet_date_debut`, à défaut la date de la demande). Les aides à
l'employeur (AFE 26 ans et plus, aide de l'État 45 ans et plus) sont des fiches distinctes (rulebook §7.6, §7.7) ;
ici, ni condition d'employeur (l'État et les collectivités n'en concluent pas : condition non modélisée) ni montant
(la rémunération en pourcentage du SMIC n'est pas modélisée).
Historique : rédaction de L. 6325-1 lue en 2026, appliquée aux contrats conclus à partir du 1er janvier 2019 ; les
versions antérieures n'ont pas été relues une à une (avant : « à vérifier »).
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    ou,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.criteres.contrat_unique_insertion import date_du_contrat

P = "clara.etat.contrat_professionnalisation"
REFERENCE = "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=%22L6325-1%22"


class etat_contrat_professionnalisation_ancien_cui(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir été embauché(e) en contrat unique d'insertion (CUI : parcours emploi compétences ou contrat initiative emploi)"
    reference = REFERENCE


class etat_contrat_professionnalisation_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Les publics du contrat de professionnalisation modélisés s'appliquent à la date du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Contrat créé en 2004 ; versions antérieures à 2019 non relues : « à vérifier ».
        return critere_ouverture(parameters, date_du_contrat(individu, period), f"{P}.ouvert", avant_historique=INCONNU)


class etat_contrat_professionnalisation_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Avoir entre 16 et 25 ans au début du contrat, ou être demandeur(se) d'emploi inscrit(e) de 26 ans ou plus, "
        "ou percevoir le RSA, l'ASS ou l'AAH, ou avoir été en contrat unique d'insertion (CUI)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = date_du_contrat(individu, period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        maximum_jeunes = parametre_aux_dates(parameters, dates, f"{P}.age_maximum_jeunes")
        minimum_demandeurs = parametre_aux_dates(parameters, dates, f"{P}.age_minimum_demandeurs_emploi")
        jeune = critere_age(individu, period, dates, au_moins=minimum, moins_de=maximum_jeunes + 1)
        demandeur_emploi = et(
            critere_age(individu, period, dates, au_moins=minimum_demandeurs),
            individu("critere_inscrit_france_travail", period),
        )
        return ou(
            jeune,
            demandeur_emploi,
            individu("critere_beneficiaire_minimum_social", period),
            reponse_oui(individu("etat_contrat_professionnalisation_ancien_cui", period)),
        )


CRITERES = (
    "etat_contrat_professionnalisation_dispositif_ouvert",
    "etat_contrat_professionnalisation_public",
)


class etat_contrat_professionnalisation_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Contrat de professionnalisation : statut d'éligibilité (public de la personne)"
    documentation = (
        "Statut de « Contrat de professionnalisation » (État (code du travail)) pour la personne et le mois évalués : éligible, à"
        " vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas"
        " rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : hors rulebook ; fiche du catalogue « contrat_professionnalisation » (GET "
        "/aides/contrat_professionnalisation)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_contrat_professionnalisation_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Contrat de professionnalisation : éligible"

    def formula(individu, period):
        return individu("etat_contrat_professionnalisation_statut", period) == StatutEligibilite.eligible
