"""Aide au financement du permis de conduire B pour les apprentis : 500 €, une seule fois (rulebook §7.9).

Conditions (décret n° 2019-1) : au moins 18 ans, contrat d'apprentissage en cours à la date de la demande,
préparation du permis B engagée (devis ou facture d'une auto-école de moins de 12 mois), aide jamais reçue.
Demande au CFA, lue à la date de la demande (`date_demande`).

Fin : la loi de finances pour 2026 supprime l'aide. Écart voulu avec `aide_financement_permis_apprenti`
d'openfisca-france, qui met le montant à 0 dès le 1er janvier 2026 (date du projet de loi) : le texte définitif
n'a été publié que le 20 février 2026, une source syndicale dit l'aide accordée jusque-là et des demandes étaient
déjà refusées en novembre 2025 (rulebook §7.9, §14). Les demandes du 1er novembre 2025 au 20 février 2026 sont
donc « à vérifier » ; à partir du 21 février 2026 le dispositif est fermé. openfisca-france lit aussi `apprenti`
(booléen, « faux » par défaut) : ici, le type de contrat du projet, inconnu par défaut.

Le contrat doit être en cours à la date de la demande : ni pas encore commencé (date de début connue postérieure à
la demande), ni déjà terminé (date de fin connue antérieure à la demande).
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
    critere,
    date_renseignee,
    dispositif_ouvert,
    et,
    non,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.projet.projet import TypeContrat

P = "clara.etat.aide_permis_apprenti"
REFERENCE = "https://www.legifrance.gouv.fr/eli/decret/2019/1/3/MTRD1835610D/jo/texte"


class etat_aide_permis_apprenti_prepare_permis_b(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être engagé(e) dans la préparation du permis B (devis ou facture d'une auto-école de moins de 12 mois)"
    reference = REFERENCE


class etat_aide_permis_apprenti_deja_percue(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà reçu l'aide de 500 € au permis de conduire des apprentis"
    reference = REFERENCE


class etat_aide_permis_apprenti_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide au permis des apprentis est ouverte à la date de la demande (supprimée par la loi de finances pour 2026)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        ouvert = dispositif_ouvert(parameters, dates, f"{P}.ouvert")
        incertain = parametre_aux_dates(parameters, dates, f"{P}.fin_incertaine", defaut=0) == 1
        return np.select([ouvert & incertain, ouvert], [INCONNU, VRAI], FAUX).astype(np.int8)


class etat_aide_permis_apprenti_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être titulaire d'un contrat d'apprentissage en cours à la date de la demande"
    reference = REFERENCE

    def formula(individu, period):
        contrat = individu("projet_contrat_type", period)
        demande = individu("date_demande", period)
        debut = individu("projet_date_debut", period)
        fin = individu("projet_contrat_date_fin", period)
        # En cours à la date de la demande : commencé et pas terminé. Une date inconnue laisse « à vérifier » (un fait de
        # plus ne doit pas changer une réponse connue) ; un autre contrat, ou une date connue hors du contrat, exclut.
        apprentissage = critere(contrat != TypeContrat.non_renseigne, contrat == TypeContrat.apprentissage)
        commence = critere(date_renseignee(debut), debut <= demande)
        pas_termine = critere(date_renseignee(fin), demande <= fin)
        return et(apprentissage, commence, pas_termine)


class etat_aide_permis_apprenti_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au moins 18 ans à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Âge à la date de la demande : exact avec la date de naissance ; sans elle, encadré depuis l'âge au 1er du mois.
        dates = individu("date_demande", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum", defaut=18)
        return critere_age(individu, period, dates, au_moins=minimum)


class etat_aide_permis_apprenti_preparation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être engagé(e) dans la préparation du permis B (devis ou facture d'une auto-école de moins de 12 mois)"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("etat_aide_permis_apprenti_prepare_permis_b", period))


class etat_aide_permis_apprenti_premiere_fois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne jamais avoir reçu l'aide au permis des apprentis (versée une seule fois)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("etat_aide_permis_apprenti_deja_percue", period)))


CRITERES = (
    "etat_aide_permis_apprenti_dispositif_ouvert",
    "etat_aide_permis_apprenti_contrat",
    "etat_aide_permis_apprenti_age",
    "etat_aide_permis_apprenti_preparation",
    "etat_aide_permis_apprenti_premiere_fois",
)


class etat_aide_permis_apprenti_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide au permis de conduire des apprentis : statut d'éligibilité"
    documentation = (
        "Statut de « Aide de 500 € au permis de conduire pour les apprentis (supprimée en 2026) » (État (Agence de services et de"
        " paiement, par le CFA)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les "
        "critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les "
        "variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §7.9 ; fiche du "
        "catalogue « aide_permis_apprenti » (GET /aides/aide_permis_apprenti)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_aide_permis_apprenti_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide au permis de conduire des apprentis : éligible"

    def formula(individu, period):
        return individu("etat_aide_permis_apprenti_statut", period) == StatutEligibilite.eligible


class etat_aide_permis_apprenti_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide au permis de conduire des apprentis : montant (500 €, une fois)"
    documentation = (
        "Montant de « Aide de 500 € au permis de conduire pour les apprentis (supprimée en 2026) », en euros, une fois ; 0 quand "
        "l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier,"
        " ou que le montant dépend d'un fait inconnu, la fiche « aide_permis_apprenti » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        montant = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.montant", defaut=0)
        eligible_ou_a_verifier = individu("etat_aide_permis_apprenti_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, montant, 0)
