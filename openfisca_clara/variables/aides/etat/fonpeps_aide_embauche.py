"""Aide unique à l'embauche en CDI ou CDD dans le spectacle (AESP) du FONPEPS, versée à l'employeur (décret n° 2019-1011), lue du côté de la personne embauchée.

Ouverte aux contrats débutant du 1er octobre 2019 au 31 décembre 2028 (décrets n° 2023-21 et n° 2025-1424) ; barème non calculé."""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    Reponse,
    StatutEligibilite,
    critere,
    date_renseignee,
    dispositif_ouvert,
    et,
    non,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeContrat

P = "clara.etat.fonpeps_aide_embauche"
REFERENCE = "https://www.culture.gouv.fr/catalogue-des-demarches-et-subventions/subvention/Fonds-national-pour-l-emploi-perenne-dans-le-spectacle-FONPEPS"


class etat_fonpeps_aesp_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Aide à l'embauche FONPEPS : dispositif ouvert à la date de début du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        date = individu("projet_date_debut", period)
        ouvert = dispositif_ouvert(parameters, date, f"{P}.ouvert")
        return critere(date_renseignee(date), ouvert)


class etat_fonpeps_aesp_spectacle(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être artiste ou technicien(ne) du spectacle"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return reponse_oui(individu("intermittent_ou_artiste_spectacle", period))


class etat_fonpeps_aesp_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en CDI ou en CDD par une entreprise du spectacle"
    reference = REFERENCE

    def formula(individu, period, parameters):
        contrat = individu("projet_contrat_type", period)
        return critere(contrat != TypeContrat.non_renseigne, np.isin(contrat, [TypeContrat.cdi.index, TypeContrat.cdd.index]))


class etat_fonpeps_aesp_autre_aide_etat(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'employeur reçoit déjà une autre aide de l'État à l'emploi pour ce salarié"


class etat_fonpeps_aesp_non_cumul(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'employeur ne reçoit pas d'autre aide de l'État à l'emploi pour ce salarié (non cumulable)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("etat_fonpeps_aesp_autre_aide_etat", period)))


CRITERES = (
    "etat_fonpeps_aesp_dispositif_ouvert",
    "etat_fonpeps_aesp_spectacle",
    "etat_fonpeps_aesp_contrat",
    "etat_fonpeps_aesp_non_cumul",
)


class etat_fonpeps_aesp_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide à l'embauche FONPEPS : statut d'éligibilité"
    documentation = (
        "Statut de « Aide à l'embauche dans le spectacle (FONPEPS, AESP) — aide à l'employeur » (État (ministère de la Culture, "
        "versée par l'ASP)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les "
        "critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les "
        "variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du "
        "catalogue « fonpeps_aide_embauche » (GET /aides/fonpeps_aide_embauche)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_fonpeps_aesp_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide à l'embauche FONPEPS : éligible"

    def formula(individu, period):
        return individu("etat_fonpeps_aesp_statut", period) == StatutEligibilite.eligible
