"""Parcours d'accès aux carrières de la fonction publique territoriale, hospitalière et de l'État (PACTE), ordonnance n° 2005-901.

Depuis la loi du 27 janvier 2017 : jeunes de 16 à 28 ans sous le niveau du bac, et 45 ans et plus au chômage de longue durée avec le RSA, l'ASS ou l'AAH."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    VRAI,
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
from openfisca_clara.variables.profil.situation import Nationalite

P = "clara.etat.pacte"
REFERENCE = "https://www.onisep.fr/vers-l-emploi/decouvrir-le-monde-professionnel/les-contrats-en-faveur-des-jeunes/le-pacte-integrer-la-fonction-publique-et-obtenir-une-qualification"


class etat_pacte_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "PACTE : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_pacte_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir de 16 à 28 ans sans diplôme ou avec un niveau inférieur au bac, ou 45 ans et plus au chômage de longue durée avec le RSA, l'ASS ou l'AAH"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        dates = individu("date_demande", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        maximum = parametre_aux_dates(parameters, dates, f"{P}.age_maximum")
        minimum_senior = parametre_aux_dates(parameters, dates, f"{P}.age_minimum_senior")
        niveau_maximum = parametre_aux_dates(parameters, dates, f"{P}.niveau_diplome_maximum")
        mois_longue_duree = parametre_aux_dates(parameters, dates, f"{P}.duree_chomage_longue_duree_mois", defaut=0).astype(int)
        # Indice de l'énumération = niveau de la nomenclature 2019 ; 0 : non renseigné.
        niveau = np.asarray(individu("plus_haut_diplome_niveau", period)).astype(int)
        jeune = et(critere(renseigne(age), (age >= minimum) & (age <= maximum)), critere(niveau > 0, niveau <= niveau_maximum))
        inscription = individu("date_inscription_france_travail", period)
        longue_duree = et(
            individu("critere_inscrit_france_travail", period),
            critere(date_renseignee(inscription), ajouter_mois(inscription, mois_longue_duree) <= dates),
        )
        senior = et(
            critere(renseigne(age), age >= minimum_senior),  # faux avant 2017 : seuil inexistant (NaN)
            longue_duree,
            individu("critere_beneficiaire_minimum_social", period),
        )
        return ou(jeune, senior)


class etat_pacte_nationalite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être de nationalité française ou ressortissant(e) de l'Union européenne ou de l'EEE (ou en cours de naturalisation)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        nationalite = individu("nationalite_declaree", period)
        # Autre nationalité : recrutement possible en cours de naturalisation, à vérifier.
        return np.where(np.isin(nationalite, [Nationalite.francaise.index, Nationalite.ue_eee_suisse.index]), VRAI, INCONNU).astype(np.int8)


CRITERES = (
    "etat_pacte_dispositif_ouvert",
    "etat_pacte_public",
    "etat_pacte_nationalite",
)


class etat_pacte_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "PACTE : statut d'éligibilité"
    documentation = (
        "Statut de « Parcours d'accès aux carrières de la fonction publique (PACTE) » (État et employeurs publics) pour la "
        "personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou"
        " non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il "
        "dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « pacte » (GET "
        "/aides/pacte)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_pacte_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "PACTE : éligible"

    def formula(individu, period):
        return individu("etat_pacte_statut", period) == StatutEligibilite.eligible
