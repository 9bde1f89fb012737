"""Contrat d'apprentissage, vu de la personne : puis-je être embauché(e) en apprentissage ? (Clara, rubrique
« Contrat en alternance » ; hors rulebook).

Conditions d'âge au début de l'apprentissage (code du travail, contrats conclus à partir du 1er janvier 2019) :

* L. 6222-1 : de 16 ans à 29 ans révolus ; dès 15 ans après avoir accompli la scolarité du collège
  (premier cycle de l'enseignement secondaire) ;
* L. 6222-2, 1° et 2°, et D. 6222-1 : au-delà de 29 ans, un contrat qui suit, au plus un an après, un précédent
  contrat d'apprentissage (diplôme de niveau supérieur, ou rupture pour une cause indépendante de la volonté de
  l'apprenti ou pour inaptitude temporaire) : « trente-cinq ans au plus » selon D. 6222-1, lu « 34 ans révolus »
  par les CFA et l'administration ; à 35 ans révolus le cas reste « à vérifier » (non tranché) ;
* L. 6222-2, 3° à 5° : pas de limite d'âge pour une personne reconnue travailleur handicapé (RQTH), pour un projet
  de création ou de reprise d'entreprise qui exige le diplôme préparé, pour un sportif de haut niveau inscrit sur
  la liste ministérielle.

L'âge se lit à la date de début du contrat (`projet_date_debut`, à défaut la date de la demande), exactement avec
la date de naissance. Pas de condition d'employeur (tout employeur privé ou public peut embaucher un apprenti) ni
de montant : le salaire, en pourcentage du SMIC selon l'âge et l'année, n'est pas modélisé. Non modélisé non plus :
la prolongation d'un an après un échec à l'examen (L. 6222-11), suite d'un apprentissage en cours.
Contrats conclus avant le 1er janvier 2019 (limite de 25 ans, expérimentations régionales) : « à vérifier ».
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    INCONNU,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    ou,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.criteres.contrat_unique_insertion import date_du_contrat

P = "clara.etat.contrat_apprentissage"
REFERENCE = "https://www.legifrance.gouv.fr/codes/id/LEGIARTI000037385933/2019-01-01/"


class etat_contrat_apprentissage_college_termine(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir accompli la scolarité du collège (premier cycle de l'enseignement secondaire, jusqu'à la 3e incluse)"
    reference = REFERENCE


class etat_contrat_apprentissage_suite_contrat_apprentissage(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Le contrat suit, au plus un an après, un précédent contrat d'apprentissage : pour un diplôme de niveau supérieur, "
        "ou après une rupture indépendante de la volonté de l'apprenti(e) ou une inaptitude temporaire"
    )
    reference = "https://www.preventionbtp.fr/droit-de-la-prevention/article-d6222-1-du-code-du-travail_NajoQ6rA9rENF63k4rKwca"


class etat_contrat_apprentissage_creation_ou_sportif_haut_niveau(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Préparer en apprentissage un diplôme exigé pour un projet de création ou de reprise d'entreprise, "
        "ou être inscrit(e) sur la liste des sportifs de haut niveau"
    )
    reference = "https://french-business-law.com/rench-legislation-art/article-l6222-2-of-the-french-labour-code"


class etat_contrat_apprentissage_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Les conditions d'âge de l'apprentissage (loi du 5 septembre 2018) s'appliquent à la date du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Le contrat existait avant 2019 sous d'autres bornes d'âge : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, date_du_contrat(individu, period), f"{P}.ouvert", avant_historique=INCONNU)


class etat_contrat_apprentissage_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Avoir entre 16 et 29 ans au début du contrat (15 ans après la 3e ; jusqu'à 34 ans pour un contrat qui suit un "
        "précédent contrat d'apprentissage ; sans limite avec une RQTH, un projet de création ou de reprise d'entreprise, "
        "ou pour un sportif de haut niveau)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = date_du_contrat(individu, period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        minimum_college = parametre_aux_dates(parameters, dates, f"{P}.age_minimum_college_termine")
        maximum = parametre_aux_dates(parameters, dates, f"{P}.age_maximum")
        maximum_suite = parametre_aux_dates(parameters, dates, f"{P}.age_maximum_suite_contrat")
        maximum_litteral = parametre_aux_dates(parameters, dates, f"{P}.age_maximum_suite_contrat_lecture_litterale")

        suite = reponse_oui(individu("etat_contrat_apprentissage_suite_contrat_apprentissage", period))
        droit_commun = critere_age(individu, period, dates, au_moins=minimum, moins_de=maximum + 1)
        apres_college = et(
            critere_age(individu, period, dates, au_moins=minimum_college, moins_de=minimum),
            reponse_oui(individu("etat_contrat_apprentissage_college_termine", period)),
        )
        suite_contrat = et(critere_age(individu, period, dates, au_moins=maximum + 1, moins_de=maximum_suite + 1), suite)
        # « Trente-cinq ans au plus » (D. 6222-1) lu « 34 ans révolus » : à 35 ans révolus, au mieux « à vérifier ».
        lecture_litterale = et(
            critere_age(individu, period, dates, au_moins=maximum_suite + 1, moins_de=maximum_litteral + 1),
            np.minimum(suite, INCONNU),
        )
        sans_limite = et(
            critere_age(individu, period, dates, au_moins=minimum),
            ou(
                reponse_oui(individu("rqth", period)),
                reponse_oui(individu("etat_contrat_apprentissage_creation_ou_sportif_haut_niveau", period)),
            ),
        )
        return ou(droit_commun, apres_college, suite_contrat, lecture_litterale, sans_limite).astype(np.int8)


CRITERES = (
    "etat_contrat_apprentissage_dispositif_ouvert",
    "etat_contrat_apprentissage_age",
)


class etat_contrat_apprentissage_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Contrat d'apprentissage : statut d'éligibilité (conditions d'âge de l'apprenti)"
    documentation = (
        "Statut de « Contrat d'apprentissage » (État (code du travail)) pour la personne et le mois évalués : éligible, à "
        "vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas "
        "rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : hors rulebook ; fiche du catalogue « contrat_apprentissage » (GET /aides/contrat_apprentissage)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_contrat_apprentissage_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Contrat d'apprentissage : éligible"

    def formula(individu, period):
        return individu("etat_contrat_apprentissage_statut", period) == StatutEligibilite.eligible
