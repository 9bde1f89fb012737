"""Action de formation préalable au recrutement (AFPR) de France Travail : formation avant une embauche en CDD de 6 à moins de 12 mois ou en intérim.

Supprimée par la délibération n° 2024-30 à l'entrée en vigueur du décret n° 2024-561 (21 juin 2024) : la POEI élargie la remplace."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    parametre_aux_dates,
    renseigne,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeContrat

P = "clara.france_travail.afpr"
REFERENCE = "http://www.bo-pole-emploi.org/bulletinsofficiels/deliberation-n-2024-30-du-24-avril-2024-bo-n-2024-23.html?type=dossiers/2024/bo-n-2024-23-du-30-avril-2024"


class france_travail_afpr_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "AFPR : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_afpr_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Se voir proposer un CDD ou un contrat de professionnalisation de 6 à moins de 12 mois, ou des missions d'intérim d'au moins 6 mois"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        contrat = individu("projet_contrat_type", period)
        duree = individu("projet_contrat_duree_mois", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_mois")
        plafond = parametre_aux_dates(parameters, dates, f"{P}.duree_contrat_pour_poei_mois")
        cdd = np.isin(contrat, [TypeContrat.cdd.index, TypeContrat.professionnalisation.index])
        duree_cdd = critere(renseigne(duree), (duree >= minimum) & (duree < plafond))
        # Intérim : des missions plus courtes peuvent s'additionner sur 9 mois.
        duree_interim = np.where(renseigne(duree) & (duree >= minimum), VRAI, INCONNU).astype(np.int8)
        return np.select(
            [contrat == TypeContrat.non_renseigne, cdd, contrat == TypeContrat.ctt],
            [INCONNU, duree_cdd, duree_interim],
            FAUX,  # CDI et apprentissage : POEI
        ).astype(np.int8)


CRITERES = (
    "france_travail_afpr_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "france_travail_afpr_contrat",
)


class france_travail_afpr_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "AFPR : statut d'éligibilité"
    documentation = (
        "Statut de « Action de formation préalable au recrutement (AFPR) — supprimée » (France Travail) pour la personne et le "
        "mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible "
        "(un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de "
        "Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « afpr » (GET /aides/afpr)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_afpr_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "AFPR : éligible"

    def formula(individu, period):
        return individu("france_travail_afpr_statut", period) == StatutEligibilite.eligible
