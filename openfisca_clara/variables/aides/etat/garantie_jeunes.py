"""Garantie jeunes (dispositif FERMÉ) : accompagnement intensif d'un an par une mission locale avec une allocation
mensuelle, pour les 16-25 ans ni en emploi, ni en études, ni en formation (NEET) aux ressources modestes. Généralisée
le 1er janvier 2017 (loi n° 2016-1088, décret n° 2016-1855), remplacée par le contrat d'engagement jeune (CEJ, voir
`cej_allocation`) le 1er mars 2022 : une demande à partir de cette date est non éligible. Hors rulebook (§8.1 la cite
comme prédécesseur du CEJ).

Modélisé : 16 à 25 ans révolus ; ne pas être élève ou étudiant(e) ; ne pas occuper d'emploi ; ressources mensuelles
déclarées au plus égales au plafond (montant forfaitaire du RSA d'une personne seule, forfait logement déduit) ;
montant : ce même forfait mensuel, au centime, lu à la date de la demande (c'est un maximum : la dégressivité
au-delà de 300 € de revenus d'activité n'est pas calculée).

Écarts avec `garantie_jeunes` d'openfisca-france (docs/ecarts-openfisca-france.md) :
* faits déclarés (`en_etudes`, `en_emploi`, `etat_garantie_jeunes_ressources_mensuelles`) au lieu de `activite`,
  `salaire_net` et des ressources calculées sur 3 mois avec le RSA et la prime d'activité de la famille : un fait
  manquant laisse « à vérifier » au lieu de « non » ;
* montant forfaitaire dans nos paramètres, arrondi au centime (openfisca-france : RSA × 0,88 non arrondi, avec la
  dégressivité) ; même fin (openfisca-france : `end = 2022-02-28`) ; avant 2017 (expérimentation territoriale
  depuis octobre 2013) : « à vérifier » (openfisca-france : 0) ;
* « ni en formation » (NEET) n'est pas vérifié : aucun fait déclaré ne le dit (condition de la fiche).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    NON_RENSEIGNE,
    StatutEligibilite,
    au_plus,
    critere,
    critere_ouverture,
    et,
    non,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age_entre

P = "clara.etat.garantie_jeunes"
REFERENCE = "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=d%C3%A9cret+2016-1855+du+23+d%C3%A9cembre+2016"


class etat_garantie_jeunes_ressources_mensuelles(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Ressources mensuelles du jeune (moyenne des derniers mois : salaires, allocations, stages…) ; −1 : non renseignées"
    reference = REFERENCE


class etat_garantie_jeunes_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "La garantie jeunes est ouverte à la date de la demande (remplacée par le contrat d'engagement jeune le 1er mars 2022)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Expérimentation territoriale avant la généralisation de 2017 : « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class etat_garantie_jeunes_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir entre 16 et 25 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_age_entre(individu, period, parameters, P)


class etat_garantie_jeunes_pas_en_etudes(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas être élève ou étudiant(e)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("en_etudes", period)))


class etat_garantie_jeunes_sans_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas occuper d'emploi"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("en_emploi", period)))


class etat_garantie_jeunes_ressources(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir des ressources mensuelles au plus égales au RSA d'une personne seule (forfait logement déduit)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        ressources = individu("etat_garantie_jeunes_ressources_mensuelles", period)
        plafond = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.montant_mensuel")
        return critere(renseigne(ressources) & ~np.isnan(plafond), au_plus(ressources, plafond))


CRITERES = (
    "etat_garantie_jeunes_dispositif_ouvert",
    "etat_garantie_jeunes_age",
    "etat_garantie_jeunes_pas_en_etudes",
    "etat_garantie_jeunes_sans_emploi",
    "etat_garantie_jeunes_ressources",
)


class etat_garantie_jeunes_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Garantie jeunes : statut d'éligibilité"
    documentation = (
        "Statut de « Garantie jeunes (remplacée par le contrat d'engagement jeune le 1er mars 2022) » (État, avec les missions "
        "locales) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du catalogue « "
        "garantie_jeunes » (GET /aides/garantie_jeunes)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_garantie_jeunes_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Garantie jeunes : éligible"

    def formula(individu, period):
        return individu("etat_garantie_jeunes_statut", period) == StatutEligibilite.eligible


class etat_garantie_jeunes_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Garantie jeunes : allocation mensuelle maximale (forfait à la date de la demande, sans dégressivité)"
    documentation = (
        "Montant de « Garantie jeunes (remplacée par le contrat d'engagement jeune le 1er mars 2022) », en euros, par mois ; 0 "
        "quand l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à "
        "vérifier, ou que le montant dépend d'un fait inconnu, la fiche « garantie_jeunes » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        forfait = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.montant_mensuel")
        eligible_ou_a_verifier = individu("etat_garantie_jeunes_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.round(np.nan_to_num(forfait), 2), 0)
