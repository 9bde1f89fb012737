"""Règles communes aux deux formes du contrat unique d'insertion (CUI) : le contrat d'accompagnement dans
l'emploi (PEC, secteur non marchand, rulebook §7.1) et le contrat initiative-emploi (secteur marchand, §7.2).

Code du travail : CDI ou CDD d'au moins six mois (trois mois pour une personne condamnée bénéficiant d'un
aménagement de peine), articles L. 5134-25 et L. 5134-69 ; au moins vingt heures par semaine sauf dérogation
de la décision d'attribution de l'aide, articles L. 5134-26 et L. 5134-69-1.

Ce module ne définit aucune variable : les deux aides lisent chacune leurs propres paramètres.
"""

import numpy as np

from openfisca_clara.tri_etat import (
    DATE_NON_RENSEIGNEE,
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    parametre_aux_dates,
    renseigne,
)
from openfisca_clara.variables.projet.embauche import date_conclusion_contrat
from openfisca_clara.variables.projet.projet import TypeContrat


def date_du_contrat(individu, period):
    """Date de début du contrat, ou à défaut la date de la demande (l'embauche envisagée maintenant).

    Pour les règles qui se lisent au début du contrat (âge au début de l'apprentissage, du contrat de
    professionnalisation…). Les CUI se lisent à leur conclusion : `date_conclusion_cui`.
    """
    debut = individu("projet_date_debut", period)
    return np.where(debut != DATE_NON_RENSEIGNEE, debut, individu("date_demande", period))


def date_conclusion_cui(individu, period):
    """Date de conclusion du CUI, à défaut son début, à défaut la date de la demande.

    Le CUI est conclu après la décision d'aide du prescripteur : les règles et la programmation applicables sont celles
    du jour où il est conclu (issue 8, classe c), pas du jour où il débute.
    """
    conclusion = date_conclusion_contrat(individu, period)
    return np.where(conclusion != DATE_NON_RENSEIGNEE, conclusion, individu("date_demande", period))


def critere_contrat_cui(individu, period, parameters, chemin):
    """CDI, ou CDD d'au moins 6 mois ; entre 3 et 6 mois, possible seulement après une condamnation avec
    aménagement de peine (« à vérifier » si la personne est ou a été sous main de justice, ou si on l'ignore)."""
    dates = date_conclusion_cui(individu, period)
    contrat = individu("projet_contrat_type", period)
    duree = individu("projet_contrat_duree_mois", period)
    minimum = parametre_aux_dates(parameters, dates, f"{chemin}.duree_minimale_cdd_mois")
    minimum_amenagement = parametre_aux_dates(parameters, dates, f"{chemin}.duree_minimale_cdd_amenagement_peine_mois")
    justice = individu("sous_main_justice_ou_sortant_detention", period)
    exception = np.where(justice == Reponse.non, FAUX, INCONNU)
    cdd = np.select(
        [~renseigne(duree) | np.isnan(minimum), duree >= minimum, duree >= minimum_amenagement],
        [INCONNU, VRAI, exception],
        FAUX,
    )
    return np.select(
        [contrat == TypeContrat.non_renseigne, contrat == TypeContrat.cdi, contrat == TypeContrat.cdd],
        [INCONNU, VRAI, cdd],
        FAUX,  # intérim, apprentissage, professionnalisation : pas un CUI
    ).astype(np.int8)


def critere_duree_hebdomadaire_cui(individu, period, parameters, chemin):
    """Au moins 20 h par semaine ; en deçà, dérogation possible (difficultés particulièrement importantes) : « à vérifier »."""
    dates = date_conclusion_cui(individu, period)
    heures = individu("projet_heures_hebdomadaires", period)
    minimum = parametre_aux_dates(parameters, dates, f"{chemin}.duree_hebdomadaire_minimale_heures")
    return np.where(renseigne(heures) & ~np.isnan(minimum) & (heures >= np.nan_to_num(minimum)), VRAI, INCONNU).astype(np.int8)
