"""Compte personnel de formation (CPF), mobilisé sur Mon Compte Formation (art. L.6323-1 du code du travail).

Permis du groupe léger : depuis le 21 février 2026 (loi n° 2026-103 du 19 février 2026 de finances pour 2026, art. 203,
art. L.6323-6, II, 4°), la préparation n'est éligible que pour un demandeur d'emploi ou si un tiers la cofinance.
La règle ne joue que pour une formation connue comme un permis de conduire : une formation de nature inconnue reste
finançable par le CPF (la fiche le dit pour le permis).
"""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    NON_RENSEIGNE,
    VRAI,
    StatutEligibilite,
    critere,
    critere_ouverture,
    et,
    fait_oui_non,
    non,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.projet.formation import NatureFormation

P = "clara.caisse_des_depots.mon_compte_formation"
REFERENCE = "https://www.moncompteformation.gouv.fr/"


class caisse_des_depots_cpf_droits_euros(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Droits disponibles sur le compte personnel de formation, en euros ; −1 : non renseigné"


class caisse_des_depots_cpf_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Compte personnel de formation : dispositif ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class caisse_des_depots_cpf_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au moins 16 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        age = individu("age_declare", period)
        minimum = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_minimum")
        return critere(renseigne(age), age >= minimum)


class caisse_des_depots_cpf_droits(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir des droits disponibles sur son compte personnel de formation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        droits = individu("caisse_des_depots_cpf_droits_euros", period)
        return critere(renseigne(droits), droits > 0)


@fait_oui_non
class caisse_des_depots_cpf_permis_groupe_leger(Variable):
    label = "Le permis préparé est du groupe léger (voiture ou moto : AM, A1, A2, A, B1, B, BE), pas du groupe lourd (C, D, poids lourds, transport en commun)"


@fait_oui_non
class caisse_des_depots_cpf_permis_cofinancement_tiers(Variable):
    label = (
        "La préparation au permis est aussi financée par un tiers (employeur, opérateur de compétences, État, Région, "
        "France Travail, Agefiph… : art. L.6323-4, II, 2° à 12°)"
    )


class caisse_des_depots_cpf_permis_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Permis du groupe léger, depuis le 21 février 2026 : être demandeur d'emploi inscrit(e) à France Travail, ou avoir un " "cofinancement par un tiers"
    reference = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000053549516"

    def formula(individu, period, parameters):
        restreint = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.permis_leger_public_restreint", defaut=0) == 1
        permis = individu("projet_formation_nature", period) == NatureFormation.permis_conduire
        public = ou(
            reponse_oui(individu("inscription_france_travail", period)),
            reponse_oui(individu("caisse_des_depots_cpf_permis_cofinancement_tiers", period)),
        )
        # Un permis du groupe lourd reste éligible à tous ; groupe inconnu : la condition de public décide, sinon inconnu.
        hors_groupe_leger = non(reponse_oui(individu("caisse_des_depots_cpf_permis_groupe_leger", period)))
        return selon(restreint & permis, ou(public, hors_groupe_leger), VRAI)


CRITERES = (
    "caisse_des_depots_cpf_dispositif_ouvert",
    "caisse_des_depots_cpf_age",
    "caisse_des_depots_cpf_droits",
    "caisse_des_depots_cpf_permis_public",
)


class caisse_des_depots_cpf_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Compte personnel de formation : statut d'éligibilité"
    documentation = (
        "Statut de « Financer une formation avec son compte personnel de formation (Mon Compte Formation) » (Caisse des dépôts "
        "(Mon Compte Formation)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les "
        "critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les "
        "variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : hors rulebook ; fiche du "
        "catalogue « mon_compte_formation » (GET /aides/mon_compte_formation)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class caisse_des_depots_cpf_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Compte personnel de formation : éligible"

    def formula(individu, period):
        return individu("caisse_des_depots_cpf_statut", period) == StatutEligibilite.eligible
