"""Écoles de la deuxième chance (E2C) : parcours de formation personnalisé, en alternance avec des stages en
entreprise, pour les jeunes sortis de l'école sans diplôme ni qualification (code de l'éducation, article L. 214-14 ;
label du réseau E2C France). Service sans montant : les stagiaires sont rémunérés comme stagiaires de la formation
professionnelle (barème non calculé ici). Hors rulebook.

Modélisé : de 16 à 25 ans révolus (18 ans avant le 26 novembre 2009 : date du passage à 16 ans À CONFIRMER, voir le
paramètre `age_minimum`) ; ne plus être élève ou étudiant(e) ; diplôme : sans diplôme qualifiant (niveau 2 ou moins)
éligible, CAP, BEP ou bac « à vérifier » (accueil selon l'absence de qualification professionnelle), au-delà exclu.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere_ouverture,
    et,
    non,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre

P = "clara.etat.ecole_deuxieme_chance"
REFERENCE = "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=L.+214-14+%C3%A9coles+de+la+deuxi%C3%A8me+chance"


class etat_ecole_deuxieme_chance_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Les écoles de la deuxième chance ont une base légale à la date de la demande (article L. 214-14 du code de l'éducation)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Des E2C existaient avant la loi de 2007 : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class etat_ecole_deuxieme_chance_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 16 et 25 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


class etat_ecole_deuxieme_chance_hors_etudes(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sorti(e) du système scolaire (ne plus être élève ou étudiant(e))"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("en_etudes", period)))


class etat_ecole_deuxieme_chance_diplome(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sans diplôme ni qualification professionnelle (un CAP, un BEP ou un bac sans qualification : à vérifier)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Indice de l'énumération d'openfisca-france = niveau de la nomenclature 2019 ; 0 : non renseigné.
        niveau = np.asarray(individu("plus_haut_diplome_niveau", period)).astype(int)
        dates = individu("date_demande", period)
        sans_qualification = parametre_aux_dates(parameters, dates, f"{P}.niveau_diplome_sans_qualification_maximum")
        maximum_possible = parametre_aux_dates(parameters, dates, f"{P}.niveau_diplome_maximum_possible")
        return np.select(
            [(niveau == 0) | np.isnan(sans_qualification) | np.isnan(maximum_possible), niveau <= sans_qualification, niveau <= maximum_possible],
            [INCONNU, VRAI, INCONNU],
            FAUX,
        ).astype(np.int8)


CRITERES = (
    "etat_ecole_deuxieme_chance_dispositif_ouvert",
    "etat_ecole_deuxieme_chance_age",
    "etat_ecole_deuxieme_chance_hors_etudes",
    "etat_ecole_deuxieme_chance_diplome",
)


class etat_ecole_deuxieme_chance_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "École de la deuxième chance (E2C) : statut d'éligibilité"
    documentation = (
        "Statut de « École de la deuxième chance (E2C) » (Réseau E2C France (écoles labellisées, financées par les Régions et "
        "l'État)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "ecole_deuxieme_chance » (GET /aides/ecole_deuxieme_chance)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_ecole_deuxieme_chance_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "École de la deuxième chance (E2C) : éligible"

    def formula(individu, period):
        return individu("etat_ecole_deuxieme_chance_statut", period) == StatutEligibilite.eligible
