"""Aide individuelle à la formation (AIF) de France Travail : frais pédagogiques (rulebook §3.4).

France Travail paie tout ou partie des frais pédagogiques d'une formation validée par le conseiller dans
le projet personnalisé d'accès à l'emploi (PPAE), quand aucun achat collectif (AFC, Région) ni autre
financeur ne convient ; elle abonde souvent le CPF. Ouverte à tout demandeur d'emploi inscrit, quelle que
soit sa catégorie, adhérents au CSP compris (instruction n° 2017-5).

Pas de montant : le montant est le reste à charge des frais pédagogiques, sans plafond national publié
dans les sources lues (UNCERTAIN, rulebook §3.4) — la fiche a `montant: null`.

Validation du projet : l'entrée `projet_formation_validee_ppae` à « non » ne rend pas non éligible, car
la validation par le conseiller fait partie de la demande d'AIF (« pas encore validée ») : le critère reste
« à vérifier ». Seul « oui » le rend vrai.
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
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.france_travail.aif"
REFERENCE = "https://www.francetravail.fr/candidat/en-formation/mes-aides-financieres/laide-individuelle-a-la-formatio.html"


class france_travail_aif_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide individuelle à la formation est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_aif_projet_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir un projet de formation"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        return np.select([projet == TypeProjet.non_renseigne, projet == TypeProjet.formation], [INCONNU, VRAI], FAUX).astype(np.int8)


class france_travail_aif_formation_validee(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Projet de formation validé par votre conseiller France Travail dans votre projet personnalisé d'accès à l'emploi (PPAE)"
    reference = REFERENCE

    def formula(individu, period):
        # « non » = pas encore validée : la validation fait partie de la demande (docstring du module).
        return np.where(reponse_oui(individu("projet_formation_validee_ppae", period)) == VRAI, VRAI, INCONNU).astype(np.int8)


CRITERES = (
    "france_travail_aif_dispositif_ouvert",
    "critere_inscrit_france_travail",
    "france_travail_aif_projet_formation",
    "france_travail_aif_formation_validee",
)


class france_travail_aif_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide individuelle à la formation (AIF) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide individuelle à la formation (AIF) » (France Travail) pour la personne et le mois évalués : éligible, à "
        "vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas "
        "rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : rulebook §3.4 ; fiche du catalogue « aif » (GET /aides/aif)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_aif_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide individuelle à la formation (AIF) : éligible"

    def formula(individu, period):
        return individu("france_travail_aif_statut", period) == StatutEligibilite.eligible
