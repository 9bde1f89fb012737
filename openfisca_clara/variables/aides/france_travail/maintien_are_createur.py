"""Maintien de l'ARE pour un créateur ou repreneur d'entreprise : cumul de l'allocation avec les revenus de
l'activité non salariée, versé par France Travail pour l'Unédic (rulebook §6.1, « Alternative (not cumulable) »).

C'est l'autre option que l'ARCE (§6.1) : on ne cumule pas les deux. Conditions modélisées : avoir des droits à
l'ARE (ou à l'AREF) avec un reliquat, créer ou reprendre une entreprise, et avoir choisi ce maintien plutôt que le
capital (`creation_choix_indemnisation`).
Depuis le 1er avril 2025 (convention d'assurance chômage du 15 novembre 2024), le total d'ARE versé pendant le cumul
est plafonné à 60 % du reliquat de droits au jour de la création ou de la reprise ; au-delà, poursuite seulement sur
décision de l'instance paritaire régionale. Le plafond est lu dans des sources secondaires ; son champ d'application
(créations à partir du 1er avril 2025, ou fins de contrat à partir de cette date ?) est incertain : la variable
`france_travail_maintien_are_createur_plafond_cumul` le calcule pour une création à partir du 1er avril 2025, à titre
indicatif, et la fiche n'affiche pas de montant. Le montant mensuel (ARE mensuelle moins 70 % des revenus non
salariés, 70 % de l'ARE à titre provisoire quand les revenus ne sont pas connus) n'est pas modélisé.
Historique : le cumul existait sous les règlements antérieurs ; avant le 1er avril 2025, « à vérifier ».
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
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.creation import ChoixIndemnisationCreateur
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.france_travail.maintien_are_createur"
REFERENCE = "https://horizon-63.cerfrance.fr/actualites/createur-ou-repreneur-dentreprise-durcissement-de-la-modalite-de-cumul-de-lare-avec-des-revenus-dactivites-non-salariees-depuis-le-1er-avril-2025"


class france_travail_maintien_are_createur_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le cumul de l'ARE et des revenus d'une entreprise créée ou reprise est ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Le cumul existait sous les conventions antérieures : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class france_travail_maintien_are_createur_droits_are(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir des droits ouverts à l'allocation d'aide au retour à l'emploi (ARE ou ARE-formation)"
    reference = REFERENCE

    def formula(individu, period):
        return ou(reponse_oui(individu("percoit_are", period)), reponse_oui(individu("percoit_aref", period)))


class france_travail_maintien_are_createur_reliquat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir encore des jours d'ARE à percevoir"
    reference = REFERENCE

    def formula(individu, period):
        jours = individu("are_droits_restants_jours", period)
        return critere(renseigne(jours), jours > 0)


class france_travail_maintien_are_createur_projet_creation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Créer ou reprendre une entreprise (activité non salariée)"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        return critere(projet != TypeProjet.non_renseigne, projet == TypeProjet.creation_entreprise)


class france_travail_maintien_are_createur_choix_maintien(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Choisir le maintien de l'ARE en cumul plutôt que le versement en capital (ARCE) : les deux ne se cumulent pas"
    reference = REFERENCE

    def formula(individu, period):
        choix = individu("creation_choix_indemnisation", period)
        return critere(choix != ChoixIndemnisationCreateur.non_renseigne, choix == ChoixIndemnisationCreateur.maintien_are)


CRITERES = (
    "france_travail_maintien_are_createur_dispositif_ouvert",
    "france_travail_maintien_are_createur_droits_are",
    "france_travail_maintien_are_createur_reliquat",
    "france_travail_maintien_are_createur_projet_creation",
    "france_travail_maintien_are_createur_choix_maintien",
)


class france_travail_maintien_are_createur_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Maintien de l'ARE pour un créateur ou repreneur d'entreprise : statut d'éligibilité"
    documentation = (
        "Statut de « Maintien de l'allocation chômage (ARE) pour créer ou reprendre une entreprise » (France Travail (pour "
        "l'Unédic)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §6.1 ; fiche du catalogue « "
        "maintien_are_createur » (GET /aides/maintien_are_createur)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_maintien_are_createur_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Maintien de l'ARE pour un créateur ou repreneur d'entreprise : éligible"

    def formula(individu, period):
        return individu("france_travail_maintien_are_createur_statut", period) == StatutEligibilite.eligible


class france_travail_maintien_are_createur_plafond_cumul(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = (
        "Maintien de l'ARE (création) : total d'ARE versable pendant le cumul, 60 % du reliquat au jour de la création "
        "(ARE journalière brute × jours restants), pour une création à partir du 1er avril 2025 ; 0 si un fait manque "
        "ou sans plafond connu (indicatif, champ d'application à confirmer)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        taux = parametre_aux_dates(parameters, individu("projet_date_debut", period), f"{P}.plafond_part_reliquat")
        journaliere = individu("are_journaliere_brute", period).astype(np.float64)
        jours = individu("are_droits_restants_jours", period).astype(np.float64)
        connu = renseigne(journaliere) & renseigne(jours) & ~np.isnan(taux)
        plafond = np.round(np.nan_to_num(taux) * np.maximum(journaliere, 0) * np.maximum(jours, 0), 2)
        eligible_ou_a_verifier = individu("france_travail_maintien_are_createur_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier & connu, plafond, 0)
