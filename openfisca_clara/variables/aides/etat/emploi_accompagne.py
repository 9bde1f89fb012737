"""Dispositif d'emploi accompagné : accompagnement médico-social et soutien à l'insertion professionnelle d'un
travailleur handicapé, et appui à son employeur, sans limite de durée (code du travail, article L. 5213-2-1, créé
par la loi n° 2016-1088 du 8 août 2016, art. 52 ; décrets n° 2016-1899 et 2017-473). Service sans montant, hors
rulebook.

Modélisé : être reconnu(e) travailleur handicapé (RQTH, ou bénéficiaire de l'obligation d'emploi : équivalence
depuis la loi « plein emploi », art. L. 5212-13-1) ; avoir au moins 16 ans.
Non modélisé (fiche) : un projet d'insertion en milieu ordinaire (en recherche d'emploi, en ESAT) ou un emploi en
milieu ordinaire difficile à sécuriser ; l'entrée sur décision de la CDAPH, ou sur prescription directe du service
public de l'emploi (France Travail, Cap emploi, mission locale). Cette prescription directe sans décision de la CDAPH
est présentée comme ouverte en 2022 (circulaire du 3 mars 2022, Gazette des communes) : le texte qui l'a ouverte et
sa date n'ont pas été relus (la loi « plein emploi » de 2023, citée dans la demande, n'est pas confirmée par les
sources lues — la MDPH du Gers liste encore en 2024 l'emploi accompagné parmi les orientations de la CDAPH). Ce point
ne change pas l'éligibilité de la personne : il n'est pas codé.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)

P = "clara.etat.emploi_accompagne"
REFERENCE = "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=L.+5213-2-1+emploi+accompagn%C3%A9"


class etat_emploi_accompagne_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le dispositif d'emploi accompagné est ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Des expérimentations existaient avant 2017 (2013-2016) : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class etat_emploi_accompagne_travailleur_handicape(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être reconnu(e) travailleur handicapé (RQTH) ou bénéficiaire de l'obligation d'emploi"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("rqth", period))


class etat_emploi_accompagne_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au moins 16 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_minimum")
        return critere(renseigne(age) & ~np.isnan(minimum), age >= np.nan_to_num(minimum))


CRITERES = (
    "etat_emploi_accompagne_dispositif_ouvert",
    "etat_emploi_accompagne_travailleur_handicape",
    "etat_emploi_accompagne_age",
)


class etat_emploi_accompagne_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Dispositif d'emploi accompagné : statut d'éligibilité"
    documentation = (
        "Statut de « Dispositif d'emploi accompagné (travailleurs handicapés) » (État (ARS et DREETS), avec les plateformes "
        "départementales d'emploi accompagné) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est "
        "inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères,"
        " les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche "
        "du catalogue « emploi_accompagne » (GET /aides/emploi_accompagne)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_emploi_accompagne_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Dispositif d'emploi accompagné : éligible"

    def formula(individu, period):
        return individu("etat_emploi_accompagne_statut", period) == StatutEligibilite.eligible
