"""Préparation opérationnelle à l'emploi individuelle (POEI, art. L.6326-1 du code du travail) : formation préalable à une embauche.

Le décret n° 2024-561 (en vigueur le 21 juin 2024) abaisse la durée minimale du contrat de 12 à 6 mois, ouvre l'intérim et les emplois saisonniers (4 mois) ;
l'AFPR disparaît le même jour (`afpr`). Durée appréciée sur `projet_contrat_duree_mois`, à la date de la demande."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    ou,
    parametre_aux_dates,
    renseigne,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeContrat

P = "clara.france_travail.poei"
REFERENCE = "https://www.francetravail.fr/"


class france_travail_poei_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "POEI : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_poei_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi, ou salarié(e) en contrat aidé (CUI), en structure d'insertion ou en entreprise adaptée"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Demandeur d'emploi inscrit, ou salarié en CUI, en structure d'insertion ou en entreprise adaptée (L.6326-1 et L.6326-3) :
        # non inscrit mais en emploi, c'est possible ; ni inscrit ni en emploi, non.
        en_emploi = individu("en_emploi", period)
        salarie_possible = np.select([en_emploi == Reponse.non, en_emploi == Reponse.oui], [FAUX, INCONNU], INCONNU).astype(np.int8)
        return ou(individu("critere_inscrit_france_travail", period), salarie_possible)


class france_travail_poei_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Se voir proposer à l'issue de la formation un CDI, ou un CDD, un contrat d'alternance ou des missions d'intérim d'au moins 6 mois (12 mois avant le 21 juin 2024 ; 4 mois pour un emploi saisonnier)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        contrat = individu("projet_contrat_type", period)
        duree = individu("projet_contrat_duree_mois", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_mois")
        saisonnier = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_emploi_saisonnier_mois")
        interim = parametre_aux_dates(parameters, dates, f"{P}.interim_couvert", defaut=0) == 1
        apprentissage_libre = parametre_aux_dates(parameters, dates, f"{P}.apprentissage_sans_duree_minimale", defaut=0) == 1
        # Durée connue : assez longue, oui ; entre le seuil saisonnier et le seuil général, emploi saisonnier possible (à vérifier).
        par_duree = np.select(
            [~renseigne(duree), duree >= minimum, ~np.isnan(saisonnier) & (duree >= saisonnier)],
            [INCONNU, VRAI, INCONNU],
            FAUX,
        ).astype(np.int8)
        # Intérim : plusieurs missions peuvent s'additionner sur 9 mois, une mission courte reste à vérifier.
        par_missions = np.where(renseigne(duree) & (duree >= minimum), VRAI, INCONNU).astype(np.int8)
        return np.select(
            [
                contrat == TypeContrat.non_renseigne,
                contrat == TypeContrat.volontariat_international,  # pas un contrat de travail
                contrat == TypeContrat.cdi,
                (contrat == TypeContrat.apprentissage) & apprentissage_libre,
                contrat == TypeContrat.ctt,
            ],
            [INCONNU, FAUX, VRAI, VRAI, np.where(interim, par_missions, FAUX)],
            par_duree,
        ).astype(np.int8)


CRITERES = (
    "france_travail_poei_dispositif_ouvert",
    "france_travail_poei_public",
    "france_travail_poei_contrat",
)


class france_travail_poei_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "POEI : statut d'éligibilité"
    documentation = (
        "Statut de « Préparation opérationnelle à l'emploi individuelle (POEI) » (France Travail) pour la personne et le mois "
        "évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « poei » (GET /aides/poei)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_poei_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "POEI : éligible"

    def formula(individu, period):
        return individu("france_travail_poei_statut", period) == StatutEligibilite.eligible
