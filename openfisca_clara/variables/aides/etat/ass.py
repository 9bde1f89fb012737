"""Allocation de solidarité spécifique (ASS), financée par l'État et versée par France Travail — rulebook §9.1.

Textes : articles L. 5423-1 et suivants, R. 5423-1 et suivants du code du travail ; décrets annuels de
revalorisation (1er avril).

Écarts voulus avec `ass` d'openfisca-france (voir docs/ecarts-openfisca-france.md) :

* faits déclarés, pas de calcul : openfisca-france reconstitue la base de ressources sur 12 mois glissants
  (salaires imposables, abattements sur les revenus interrompus, revenus du conjoint...) et coûte ≈ 0,6 s par
  situation ; ici, les ressources mensuelles du foyer sont une entrée (`etat_ass_ressources_mensuelles_foyer`) ;
* conditions d'ouverture vérifiées : inscription, fin des droits à l'ARE (ou option à 50 ans), 5 ans d'activité
  salariée dans les 10 ans (réduits d'un an par enfant élevé, 3 au plus) ; openfisca-france lit
  `ass_precondition_remplie`, une entrée booléenne qui vaut « faux » par défaut ;
* plafond : ressources strictement inférieures à 70 (seul) ou 110 (couple) fois le montant journalier
  (R. 5423-1 : « inférieures à ») ; openfisca-france verse encore 0 € à l'égalité mais déclare la personne
  éligible ;
* openfisca-france annule l'allocation quand le différentiel est inférieur au montant journalier : règle non
  lue dans nos sources, non codée ici ;
* barème lu à la date de la demande (`date_demande`), pour tester la veille et le jour des revalorisations.

À Mayotte, le plafond est lu comme 70 ou 110 fois le montant journalier mahorais (comme openfisca-france) ;
aucun plafond mahorais publié ne l'a confirmé. Commune inconnue : les deux barèmes sont envisagés, et le critère
ne tranche que s'ils concordent.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    NON_RENSEIGNE,
    VRAI,
    Reponse,
    StatutEligibilite,
    centimes,
    critere,
    critere_ouverture,
    et,
    non,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age

P = "clara.etat.ass"
REFERENCE = "https://www.service-public.fr/particuliers/vosdroits/F12484"


class etat_ass_droits_are_epuises(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir épuisé ses droits à l'allocation chômage (ARE) ou à la rémunération de fin de formation"
    documentation = "Non renseigné : le reliquat `are_droits_restants_jours` est lu à la place (0 jour : droits épuisés)."


class etat_ass_option_50_ans(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Demander à passer de l'ARE à l'ASS avant la fin de ses droits (option ouverte à 50 ans et plus)"


class etat_ass_annees_activite_salariee(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "year"
    label = "Années d'activité salariée dans les 10 ans précédant la fin du contrat qui a ouvert les derniers droits au chômage ; −1 : non renseigné"


class etat_ass_enfants_eleves(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre d'enfants élevés pour lesquels l'activité salariée a été interrompue ; −1 : non renseigné"


class etat_ass_en_couple(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Vivre en couple (mariage, PACS ou concubinage)"


class etat_ass_ressources_mensuelles_foyer(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = (
        "Ressources mensuelles du foyer (la personne et son conjoint) retenues pour l'ASS : moyenne des 12 derniers mois, "
        "hors ASS, après les abattements prévus ; 0 : aucune ; −1 : non renseigné"
    )


class etat_ass_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'allocation de solidarité spécifique existe à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_ass_inscription(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) comme demandeur d'emploi à France Travail"
    reference = REFERENCE

    def formula(individu, period):
        return individu("critere_inscrit_france_travail", period)


class etat_ass_fin_droits_are(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir épuisé ses droits à l'ARE, ou avoir 50 ans ou plus et opter pour l'ASS"
    reference = REFERENCE

    def formula(individu, period, parameters):
        declare = individu("etat_ass_droits_are_epuises", period)
        jours = individu("are_droits_restants_jours", period)
        epuises = np.where(declare != Reponse.non_renseigne, reponse_oui(declare), critere(renseigne(jours), jours <= 0))
        # Âge à la date de la demande (exact avec la date de naissance, encadré sinon), pas au 1er du mois.
        dates = individu("date_demande", period)
        age_option = parametre_aux_dates(parameters, dates, f"{P}.age_option")
        option = et(critere_age(individu, period, dates, au_moins=age_option), reponse_oui(individu("etat_ass_option_50_ans", period)))
        return ou(epuises.astype(np.int8), option)


class etat_ass_activite_anterieure(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir travaillé 5 ans comme salarié(e) dans les 10 ans précédant la fin du dernier contrat (1 an de moins par enfant élevé, 3 au plus)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        annees = individu("etat_ass_annees_activite_salariee", period)
        enfants = individu("etat_ass_enfants_eleves", period)
        requises = parametre_aux_dates(parameters, dates, f"{P}.annees_activite_requises")
        par_enfant = parametre_aux_dates(parameters, dates, f"{P}.reduction_par_enfant_annees")
        reduction_max = parametre_aux_dates(parameters, dates, f"{P}.reduction_maximale_annees")
        reduction = np.minimum(np.maximum(enfants, 0) * par_enfant, reduction_max)
        return np.select(
            [
                ~renseigne(annees),
                annees >= requises,
                annees < requises - reduction_max,
                renseigne(enfants),
            ],
            [INCONNU, VRAI, FAUX, np.where(annees >= requises - reduction, VRAI, FAUX)],
            INCONNU,  # moins de 5 ans, enfants élevés inconnus
        ).astype(np.int8)


def _baremes(individu, period, parameters):
    """Barèmes possibles de la personne : [(montant journalier, plafond), ...] selon couple et Mayotte, avec leur possibilité."""
    dates = individu("date_demande", period)
    taux_metropole = parametre_aux_dates(parameters, dates, f"{P}.montant_journalier.hors_mayotte")
    taux_mayotte = parametre_aux_dates(parameters, dates, f"{P}.montant_journalier.mayotte")
    seul = parametre_aux_dates(parameters, dates, f"{P}.plafond_multiple_personne_seule")
    couple = parametre_aux_dates(parameters, dates, f"{P}.plafond_multiple_couple")
    jours = parametre_aux_dates(parameters, dates, f"{P}.jours_par_mois")

    commune_connue = individu.menage("commune_renseignee", period)
    mayotte = individu.menage("reside_a_mayotte", period)
    en_couple = individu("etat_ass_en_couple", period)
    couple_connu = en_couple != Reponse.non_renseigne
    baremes = []
    for taux, possible_lieu in ((taux_metropole, ~commune_connue | ~mayotte), (taux_mayotte, ~commune_connue | mayotte)):
        for multiple, possible_foyer in ((seul, ~couple_connu | (en_couple == Reponse.non)), (couple, ~couple_connu | (en_couple == Reponse.oui))):
            baremes.append((taux * jours, taux * multiple, possible_lieu & possible_foyer))
    return baremes


class etat_ass_ressources(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir des ressources mensuelles inférieures au plafond : 70 fois le montant journalier de l'ASS (personne seule), 110 fois (couple)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        ressources = individu("etat_ass_ressources_mensuelles_foyer", period)
        connu = renseigne(ressources)
        sous_tous = np.full(individu.count, True)
        sous_aucun = np.full(individu.count, True)
        for _, plafond, possible in _baremes(individu, period, parameters):
            sous = ~np.isnan(plafond) & (centimes(ressources) < centimes(plafond))
            au_dessus = ~np.isnan(plafond) & ~sous
            sous_tous &= ~possible | sous
            sous_aucun &= ~possible | au_dessus
        return np.select([~connu, sous_tous, sous_aucun], [INCONNU, VRAI, FAUX], INCONNU).astype(np.int8)


class etat_ass_sans_retraite_taux_plein(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas pouvoir déjà bénéficier d'une retraite à taux plein"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("peut_beneficier_retraite_taux_plein", period)))


CRITERES = (
    "etat_ass_dispositif_ouvert",
    "etat_ass_inscription",
    "etat_ass_fin_droits_are",
    "etat_ass_activite_anterieure",
    "etat_ass_ressources",
    "etat_ass_sans_retraite_taux_plein",
)


class etat_ass_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Allocation de solidarité spécifique : statut d'éligibilité"
    documentation = (
        "Statut de « Allocation de solidarité spécifique (ASS) » (État (versée par France Travail)) pour la personne et le mois "
        "évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : rulebook §9.1 ; fiche du catalogue « ass » (GET /aides/ass)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_ass_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Allocation de solidarité spécifique : éligible"

    def formula(individu, period):
        return individu("etat_ass_statut", period) == StatutEligibilite.eligible


class etat_ass_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = (
        "Allocation de solidarité spécifique : montant mensuel (30 jours), différentiel au-delà de 40 fois (seul) "
        "ou 80 fois (couple) le montant journalier ; maximum si le foyer, les ressources ou la commune sont inconnus"
    )
    documentation = (
        "Montant de « Allocation de solidarité spécifique (ASS) », en euros, par mois de 30 jours ; 0 quand l'aide est non "
        "éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le "
        "montant dépend d'un fait inconnu, la fiche « ass » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se "
        "calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        ressources = individu("etat_ass_ressources_mensuelles_foyer", period).astype(np.float64)
        ressources = np.where(renseigne(ressources), ressources, 0)
        montant = np.zeros(individu.count)
        for mensuel, plafond, possible in _baremes(individu, period, parameters):
            valeur = np.nan_to_num(np.maximum(np.minimum(mensuel, plafond - ressources), 0))
            montant = np.where(possible, np.maximum(montant, valeur), montant)
        possible = individu("etat_ass_statut", period) != StatutEligibilite.non_eligible
        return np.where(possible, np.round(montant, 2), 0)
