"""Permis à un euro par jour : prêt sans intérêt (intérêts payés par l'État) pour financer la formation au permis de
conduire B, A1 ou A2 (décret n° 2005-1225 du 29 septembre 2005 ; hors rulebook).

Conditions (décret, art. 2) : avoir de 15 ans (16 ans avant le 6 mars 2015) à 25 ans révolus à la date de signature
du contrat de formation avec une école de conduite ou une association partenaire (`projet_date_debut`, à défaut la
date de la demande) ; prêt pour une formation initiale, une seule fois, ou — depuis le 1er juillet 2016 — prêt
complémentaire de 300 € après un échec à l'épreuve pratique, pour qui a déjà eu un premier prêt. Sans condition de
ressources ; la banque reste libre d'accorder le prêt (condition non modélisable).
Montant : le prêt maximal, 1 200 € (tranches de 600, 800, 1 000 ou 1 200 € fixées par les conventions types, sans
dépasser le devis), ou 300 € pour le prêt complémentaire. C'est un crédit à rembourser (30 € par mois au plus).

Écart voulu avec `pret_formation_permis_eligibilite` d'openfisca-france (docs/ecarts-openfisca-france.md) : celle-ci
lit `age` au mois évalué ; le décret fixe l'âge « à la date de la signature du contrat de formation », lu ici à
cette date (au jour près avec la date de naissance) ; une date de naissance inconnue (défaut 1970-01-01) rend le cas
« à vérifier » au lieu de « non éligible » ; le prêt déjà obtenu et le prêt complémentaire de 300 € (décret
n° 2016-891) sont vérifiés, openfisca-france ne les modélise pas ; ses bornes (16 puis 15 ans le 6 mars 2015, 25 ans)
sont les mêmes, mais son historique commence le 30 septembre 2005 (ici le 3 octobre 2005, date d'ouverture lue dans
ASH ; avant : « à vérifier »).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    non,
    ou,
    parametre_aux_dates,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.criteres.contrat_unique_insertion import date_du_contrat

P = "clara.etat.permis_un_euro_par_jour"
REFERENCE = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000451962"


class etat_permis_un_euro_par_jour_deja_beneficie(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà obtenu un prêt « permis à un euro par jour » pour une première formation au permis"
    reference = REFERENCE


class etat_permis_un_euro_par_jour_echec_epreuve_pratique(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir échoué à l'épreuve pratique (conduite) du permis après la formation financée par ce premier prêt"
    reference = REFERENCE


class etat_permis_un_euro_par_jour_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le prêt « permis à un euro par jour » existe à la date du contrat de formation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Ouverture datée par une source secondaire : avant, « à vérifier ».
        return critere_ouverture(parameters, date_du_contrat(individu, period), f"{P}.ouvert", avant_historique=INCONNU)


class etat_permis_un_euro_par_jour_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 15 et 25 ans à la signature du contrat de formation avec l'école de conduite (16 ans avant le 6 mars 2015)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = date_du_contrat(individu, period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        maximum = parametre_aux_dates(parameters, dates, f"{P}.age_maximum")
        return critere_age(individu, period, dates, au_moins=minimum, moins_de=maximum + 1)


class etat_permis_un_euro_par_jour_pret_disponible(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Ne pas avoir déjà eu ce prêt pour une première formation, ou, après un échec à l'épreuve pratique, "
        "demander le prêt complémentaire (depuis le 1er juillet 2016)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        deja = reponse_oui(individu("etat_permis_un_euro_par_jour_deja_beneficie", period))
        echec = reponse_oui(individu("etat_permis_un_euro_par_jour_echec_epreuve_pratique", period))
        complementaire_existe = ~np.isnan(parametre_aux_dates(parameters, date_du_contrat(individu, period), f"{P}.montant_formation_complementaire"))
        return ou(non(deja), et(deja, echec, selon(complementaire_existe, VRAI, FAUX)))


CRITERES = (
    "etat_permis_un_euro_par_jour_dispositif_ouvert",
    "etat_permis_un_euro_par_jour_age",
    "etat_permis_un_euro_par_jour_pret_disponible",
)


class etat_permis_un_euro_par_jour_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Permis à un euro par jour : statut d'éligibilité"
    documentation = (
        "Statut de « Permis à un euro par jour » (État (Sécurité routière), avec les banques et écoles de conduite partenaires) "
        "pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le "
        "nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 "
        "dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "permis_un_euro_par_jour » (GET /aides/permis_un_euro_par_jour)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_permis_un_euro_par_jour_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Permis à un euro par jour : éligible"

    def formula(individu, period):
        return individu("etat_permis_un_euro_par_jour_statut", period) == StatutEligibilite.eligible


class etat_permis_un_euro_par_jour_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Permis à un euro par jour : montant maximal du prêt (1 200 € pour une première formation, 300 € pour le prêt complémentaire), à rembourser"
    documentation = (
        "Montant de « Permis à un euro par jour », en euros, une fois ; 0 quand l'aide est non éligible. Les taux, plafonds et "
        "barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu, la"
        " fiche « permis_un_euro_par_jour » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule "
        "(montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = date_du_contrat(individu, period)
        initial = parametre_aux_dates(parameters, dates, f"{P}.montant_maximum_formation_initiale", defaut=0)
        complementaire = parametre_aux_dates(parameters, dates, f"{P}.montant_formation_complementaire", defaut=0)
        deja = individu("etat_permis_un_euro_par_jour_deja_beneficie", period) == Reponse.oui
        eligible_ou_a_verifier = individu("etat_permis_un_euro_par_jour_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.where(deja, complementaire, initial), 0)
