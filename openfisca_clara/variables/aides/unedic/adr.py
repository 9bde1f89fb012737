"""Aide différentielle de reclassement (ADR) de l'assurance chômage — dispositif SUPPRIMÉ (rulebook §9.4).

L'allocataire de l'ARE âgé de 50 ans ou plus, ou indemnisé depuis plus de 12 mois, qui reprenait un emploi salarié
(pas chez son dernier employeur ; CDI, ou CDD d'au moins 30 jours) payé au plus 85 % de son ancien salaire
(30 × salaire journalier de référence, SJR) recevait chaque mois la différence : 30 × SJR − nouveau salaire brut
mensuel, pendant au plus la durée de ses droits à l'ARE et dans la limite de 50 % du reliquat de ces droits
(convention du 19 février 2009, article 33 du règlement général ; convention du 6 mai 2011, accord d'application
n° 23 ; convention du 14 mai 2014). Créée par la convention du 18 janvier 2006.

Dates (paramètres `ouvert` et `fin_incertaine`, lus à la date de la demande) :
* historique modélisé à partir du 1er juin 2011 (convention de 2011, la convention de 2009 étant prorogée au plus
  tard jusqu'au 31 mai 2011) ; avant : « à vérifier » (règles de 2006 et 2009 non modélisées) ;
* du 1er avril 2015 au 31 octobre 2017 : « à vérifier » — plusieurs sources datent la suppression du 1er avril 2015,
  le texte (avenant à la convention de 2014) n'a pas été lu (UNCERTAIN) ;
* à partir du 1er novembre 2017 (convention du 14 avril 2017, sans ADR) : non éligible.

Choix et incertitudes :
* l'âge est l'âge déclaré au premier jour du mois évalué (le texte dit « au jour de l'embauche ») ;
* reliquat de droits en euros = jours d'ARE restants × ARE journalière brute ; le montant mensuel affiché est
  plafonné par 50 % de ce reliquat (plafond du total versé) ; la durée maximale de versement n'est pas calculée ;
  montants calculés en centimes entiers, demi-centime arrondi vers le haut (règle d'arrondi non lue dans les textes) ;
* l'intérim, l'apprentissage et le contrat de professionnalisation ne sont ni admis ni exclus par les sources lues
  (qui ne parlent que de CDI et de CDD) : « à vérifier » ;
* non modélisés (conditions de la fiche) : comparaison des salaires « pour une même durée de travail », non-cumul
  avec le cumul ARE-salaire, l'ARCE/ACCRE et les aides au contrat de professionnalisation, proratisation du premier
  et du dernier mois, déduction des primes exceptionnelles.
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
    au_plus,
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
from openfisca_clara.variables.projet.projet import TypeContrat, TypeProjet

P = "clara.unedic.adr"
REFERENCE = "http://vosdroits.service-public.fr/particuliers/F15251.xhtml"


def _au_centime_superieur_a_demi(montant_en_centimes):
    """Arrondi au centime le plus proche, un demi-centime vers le haut (le produit est déjà en centimes)."""
    return np.floor(np.asarray(montant_en_centimes, dtype=np.float64) + 0.5 + 1e-9)


class unedic_adr_salaire_brut_mensuel(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Salaire brut mensuel de l'emploi salarié repris, prévu au contrat de travail ; −1 : non renseigné"
    reference = REFERENCE


class unedic_adr_mois_indemnises(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "month"
    label = "Nombre de mois d'indemnisation par l'ARE (continus ou non) au jour de l'embauche ; −1 : non renseigné"
    reference = REFERENCE


class unedic_adr_embauche_dernier_employeur(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'emploi repris l'est chez le dernier employeur (même à un autre poste)"
    reference = REFERENCE


class unedic_adr_salaire_reference_mensuel(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Ancien salaire mensuel : 30 × salaire journalier de référence (SJR), au centime ; −1 : non renseigné"
    reference = REFERENCE

    def formula(individu, period, parameters):
        sjr = individu("salaire_journalier_reference_declare", period).astype(np.float64)
        jours = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.jours_salaire_reference")
        connu = renseigne(sjr) & ~np.isnan(jours)
        # Calcul en centimes entiers : le SJR est lu au centime (les entrées sont en float32).
        return np.where(connu, _au_centime_superieur_a_demi(centimes(sjr) * np.nan_to_num(jours)) / 100, NON_RENSEIGNE)


class unedic_adr_plafond_reliquat(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Plafond du total de l'aide : 50 % du reliquat de droits à l'ARE (jours restants × ARE journalière brute), au centime ; −1 : non renseigné"
    reference = REFERENCE

    def formula(individu, period, parameters):
        jours = individu("are_droits_restants_jours", period).astype(np.float64)
        journaliere = individu("are_journaliere_brute", period).astype(np.float64)
        taux = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.taux_plafond_reliquat")
        connu = renseigne(jours) & renseigne(journaliere) & ~np.isnan(taux)
        reliquat_centimes = np.maximum(jours, 0) * centimes(journaliere)
        return np.where(connu, _au_centime_superieur_a_demi(np.nan_to_num(taux) * reliquat_centimes) / 100, NON_RENSEIGNE)


class unedic_adr_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "L'aide différentielle de reclassement est ouverte à la date de la demande (supprimée en 2015 selon plusieurs "
        "sources, date exacte non établie ; absente de la convention d'assurance chômage applicable au 1er novembre 2017)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        # Conventions de 2006 et 2009 avant l'historique modélisé : « à vérifier ».
        ouvert = critere_ouverture(parameters, dates, f"{P}.ouvert", avant_historique=INCONNU)
        fin_incertaine = parametre_aux_dates(parameters, dates, f"{P}.fin_incertaine", defaut=0) == 1
        return np.where((ouvert == VRAI) & fin_incertaine, INCONNU, ouvert).astype(np.int8)


class unedic_adr_percoit_are(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être indemnisé(e) par l'allocation d'aide au retour à l'emploi (ARE)"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("percoit_are", period))


class unedic_adr_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir 50 ans ou plus, ou être indemnisé(e) par l'ARE depuis plus de 12 mois"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        age = individu("age_declare", period)
        mois = individu("unedic_adr_mois_indemnises", period)
        age_minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        duree = parametre_aux_dates(parameters, dates, f"{P}.duree_indemnisation_mois")
        par_age = critere(renseigne(age) & ~np.isnan(age_minimum), age >= np.nan_to_num(age_minimum))
        par_duree = critere(renseigne(mois) & ~np.isnan(duree), mois > np.nan_to_num(duree))
        return ou(par_age, par_duree)


class unedic_adr_reprise_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Reprendre un emploi salarié"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        return critere(projet != TypeProjet.non_renseigne, projet == TypeProjet.reprise_emploi)


class unedic_adr_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en CDI, ou en CDD d'au moins 30 jours"
    reference = REFERENCE

    def formula(individu, period, parameters):
        contrat = individu("projet_contrat_type", period)
        jours = individu("projet_contrat_duree_jours", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.duree_minimale_cdd_jours")
        cdd = critere(renseigne(jours) & ~np.isnan(minimum), jours >= np.nan_to_num(minimum))
        # Intérim et alternance : ni admis ni exclus par les sources lues, « à vérifier ».
        return np.select(
            [contrat == TypeContrat.cdi, contrat == TypeContrat.cdd, contrat == TypeContrat.volontariat_international],
            [VRAI, cdd, FAUX],  # un volontariat international n'est pas un emploi salarié
            default=INCONNU,
        ).astype(np.int8)


class unedic_adr_autre_employeur(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) par un autre employeur que le dernier"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("unedic_adr_embauche_dernier_employeur", period)))


class unedic_adr_salaire(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir un nouveau salaire brut mensuel au plus égal à 85 % de l'ancien (30 fois le salaire journalier de référence)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        salaire = individu("unedic_adr_salaire_brut_mensuel", period).astype(np.float64)
        ancien = individu("unedic_adr_salaire_reference_mensuel", period).astype(np.float64)
        taux = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.taux_plafond_salaire")
        plafond = np.where(renseigne(ancien), taux * ancien, np.nan)  # produit exact, comparé au centime
        return critere(renseigne(salaire) & ~np.isnan(plafond), au_plus(salaire, plafond))


class unedic_adr_reliquat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir encore des droits à l'ARE à percevoir au moment de l'embauche"
    reference = REFERENCE

    def formula(individu, period):
        jours = individu("are_droits_restants_jours", period)
        return critere(renseigne(jours), jours > 0)


CRITERES = (
    "unedic_adr_dispositif_ouvert",
    "unedic_adr_percoit_are",
    "unedic_adr_public",
    "unedic_adr_reprise_emploi",
    "unedic_adr_contrat",
    "unedic_adr_autre_employeur",
    "unedic_adr_salaire",
    "unedic_adr_reliquat",
)


class unedic_adr_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide différentielle de reclassement : statut d'éligibilité"
    documentation = (
        "Statut de « Aide différentielle de reclassement (ADR) — supprimée » (Unédic (assurance chômage), versée par Pôle emploi)"
        " pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le "
        "nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 "
        "dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §9.4 ; fiche du catalogue « adr » (GET "
        "/aides/adr)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class unedic_adr_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide différentielle de reclassement : éligible"

    def formula(individu, period):
        return individu("unedic_adr_statut", period) == StatutEligibilite.eligible


class unedic_adr_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = (
        "Aide différentielle de reclassement : montant mensuel (30 × SJR − salaire brut mensuel repris, dans la limite de "
        "50 % du reliquat d'ARE) ; salaire inconnu : 30 × SJR ; SJR inconnu : 50 % du reliquat ; les deux inconnus : 0"
    )
    documentation = (
        "Montant de « Aide différentielle de reclassement (ADR) — supprimée », en euros, par mois de 30 jours ; 0 quand l'aide "
        "est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que"
        " le montant dépend d'un fait inconnu, la fiche « adr » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il "
        "se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period):
        salaire = individu("unedic_adr_salaire_brut_mensuel", period).astype(np.float64)
        ancien = individu("unedic_adr_salaire_reference_mensuel", period).astype(np.float64)
        plafond = individu("unedic_adr_plafond_reliquat", period).astype(np.float64)
        # Montant maximal quand le salaire repris est inconnu : l'ancien salaire mensuel entier.
        difference = np.where(renseigne(ancien), (centimes(ancien) - centimes(np.where(renseigne(salaire), salaire, 0))) / 100, np.nan)
        montant = np.select(
            [~np.isnan(difference) & renseigne(plafond), ~np.isnan(difference), renseigne(plafond)],
            [np.minimum(np.nan_to_num(difference), plafond), np.nan_to_num(difference), plafond],
            default=0,
        )
        montant = centimes(np.maximum(montant, 0)) / 100
        eligible_ou_a_verifier = individu("unedic_adr_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, montant, 0)
