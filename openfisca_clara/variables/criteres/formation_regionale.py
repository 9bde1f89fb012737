"""Rémunération régionale des stagiaires (rulebook-regions §R0) : la formation à temps plein, seul cas dont le montant est modélisé."""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import INCONNU, VRAI, parametre_aux_dates

SEUIL = "clara.regions.remuneration_stagiaires.heures_temps_plein"


class critere_remuneration_stagiaire_temps_plein(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Suivre la formation à temps plein (plus de 30 heures par semaine) ; à temps partiel, la rémunération se calcule "
        "à l'heure (montant à temps plein ÷ 151,67 × heures de formation) et son montant mensuel n'est pas modélisé"
    )
    reference = ["https://formation.centre-valdeloire.fr/financer-ma-formation/dispositifs-et-solutions/remuneration-et-aides-regionales-pour-les-stagiaires"]
    documentation = (
        "Jamais FAUX : un temps partiel ouvre aussi droit à la rémunération, mais son montant mensuel n'est pas établi "
        "(rulebook-regions §R0, part_time UNCERTAIN) ; une durée de 30 heures ou moins, ou inconnue, laisse l'aide à vérifier. "
        "Durée lue : projet_heures_hebdomadaires ; seuil : clara.regions.remuneration_stagiaires.heures_temps_plein."
    )

    def formula(individu, period, parameters):
        heures = individu("projet_heures_hebdomadaires", period)
        seuil = parametre_aux_dates(parameters, individu("date_demande", period), SEUIL)
        return np.where((heures >= 0) & (heures > seuil), VRAI, INCONNU).astype(np.int8)
