"""Aide exceptionnelle de l'État à l'embauche en contrat de professionnalisation d'un salarié de moins de 30 ans
(rulebook §7.5) — dispositif terminé.

Lu du côté de la personne : « mon embauche ouvrirait-elle l'aide à l'employeur ? ». Tout se lit à la date du
contrat (`projet_contrat_date_conclusion`, à défaut `projet_date_debut`) : contrats conclus du 1er juillet 2020 au 31 décembre 2022, 5 000 € (moins de 18 ans)
ou 8 000 € (18 ans et plus) ; du 1er janvier 2023 au 30 avril 2024, 6 000 € ; fin pour les contrats conclus à partir
du 1er mai 2024 (décret 2024-392). L'âge est celui du jour du contrat (exact avec la date de naissance ; sans elle, encadré depuis l'âge au
1er du mois évalué, `critere_age` : une borne ne tranche que si l'âge au jour du contrat est certain).

Le diplôme ou titre préparé doit être au plus de niveau 7 ; un certificat de qualification professionnelle (CQP) ou
un contrat expérimental est aussi couvert : sans niveau renseigné, le critère reste « à vérifier ».
Les prolongations successives de 2020 à 2022 sont lues comme continues (décrets non relus un à un).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu, TypesNiveauDiplome

from openfisca_clara.tri_etat import (
    NON_RENSEIGNE,
    StatutEligibilite,
    critere,
    date_renseignee,
    dispositif_ouvert,
    et,
    parametre_aux_dates,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import bornes_age, critere_age
from openfisca_clara.variables.projet.embauche import combiner_possibles, date_conclusion_contrat, dates_conclusion_possibles

P = "clara.etat.aide_exceptionnelle_contrat_pro"
REFERENCE = "https://www.legifrance.gouv.fr/search/all?query=d%C3%A9cret%202024-392"

NIVEAUX = range(1, 9)  # nomenclature 2019 : niveau_1 ... niveau_8


def _date_contrat(individu, period):
    """Contrats « conclus » du… au… : date de conclusion, à défaut date de début (la plus tardive possible)."""
    return date_conclusion_contrat(individu, period)


def _dates_possibles(individu, period, parameters):
    """Dates de conclusion possibles (issue 8, classe c) : connue, elle seule ; sinon chaque barème des mois avant le début."""
    return dates_conclusion_possibles(individu, period, parameters, P)


class etat_aide_exceptionnelle_contrat_pro_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide exceptionnelle est ouverte à la date du contrat (contrats conclus du 1er juillet 2020 au 30 avril 2024)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        possibles = _dates_possibles(individu, period, parameters)
        return combiner_possibles([critere(date_renseignee(debut), dispositif_ouvert(parameters, debut, f"{P}.ouvert")) for debut in possibles])


class etat_aide_exceptionnelle_contrat_pro_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir moins de 30 ans à la date du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Âge au jour du contrat : exact avec la date de naissance ; encadré depuis l'âge au 1er du mois évalué sinon.
        resultats = []
        for debut in _dates_possibles(individu, period, parameters):
            limite = parametre_aux_dates(parameters, debut, f"{P}.age_limite", defaut=30)
            resultats.append(critere_age(individu, period, debut, moins_de=limite))
        return combiner_possibles(resultats)


class etat_aide_exceptionnelle_contrat_pro_niveau(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Préparer un diplôme ou un titre professionnel de niveau 7 (master) au plus, un CQP ou un contrat expérimental"
    reference = REFERENCE

    def formula(individu, period, parameters):
        niveau = individu("projet_niveau_diplome_prepare", period)
        rang = np.select([niveau == TypesNiveauDiplome[f"niveau_{n}"] for n in NIVEAUX], list(NIVEAUX), 0)
        resultats = []
        for debut in _dates_possibles(individu, period, parameters):
            maximal = parametre_aux_dates(parameters, debut, f"{P}.niveau_maximal", defaut=7)
            resultats.append(critere(niveau != TypesNiveauDiplome.non_renseigne, rang <= maximal))
        return combiner_possibles(resultats)


CRITERES = (
    "etat_aide_exceptionnelle_contrat_pro_dispositif_ouvert",
    "critere_contrat_professionnalisation",
    "critere_employeur_aides_contrat_professionnalisation",
    "etat_aide_exceptionnelle_contrat_pro_age",
    "etat_aide_exceptionnelle_contrat_pro_niveau",
)


class etat_aide_exceptionnelle_contrat_pro_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide exceptionnelle au contrat de professionnalisation (aide à l'employeur) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide exceptionnelle au contrat de professionnalisation (aide à l'employeur, dispositif terminé) » (État "
        "(Agence de services et de paiement)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est "
        "inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères,"
        " les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §7.5 ; fiche "
        "du catalogue « aide_exceptionnelle_contrat_pro » (GET /aides/aide_exceptionnelle_contrat_pro)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_aide_exceptionnelle_contrat_pro_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide exceptionnelle au contrat de professionnalisation (aide à l'employeur) : éligible"

    def formula(individu, period):
        return individu("etat_aide_exceptionnelle_contrat_pro_statut", period) == StatutEligibilite.eligible


class etat_aide_exceptionnelle_contrat_pro_age_retenu(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = (
        "Aide exceptionnelle au contrat de professionnalisation : âge retenu pour le montant (moins de 18 ans ou plus), "
        "à la date du contrat ; −1 : âge pas établi ce jour-là (le montant affiché est le plus haut possible)"
    )
    reference = REFERENCE

    def formula(individu, period):
        connu, age_min, age_max = bornes_age(individu, period, _date_contrat(individu, period))
        return np.where(connu & (age_min == age_max), age_min, NON_RENSEIGNE)


class etat_aide_exceptionnelle_contrat_pro_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide exceptionnelle au contrat de professionnalisation : montant maximal versé à l'employeur pour la première année (maximum si l'âge est inconnu)"
    documentation = (
        "Montant de « Aide exceptionnelle au contrat de professionnalisation (aide à l'employeur, dispositif terminé) », en "
        "euros, au total, sur la durée de l'aide ; 0 quand l'aide est non éligible. Les taux, plafonds et barèmes sont des "
        "paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend d'un fait inconnu, la fiche « "
        "aide_exceptionnelle_contrat_pro » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se calcule "
        "(montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Date de conclusion inconnue : le plus haut montant des barèmes possibles (maximum).
        montants = []
        for debut in _dates_possibles(individu, period, parameters):
            connu, age_min, age_max = bornes_age(individu, period, debut)
            mineur = parametre_aux_dates(parameters, debut, f"{P}.montant_moins_18_ans", defaut=0)
            majeur = parametre_aux_dates(parameters, debut, f"{P}.montant_18_ans_et_plus", defaut=0)
            seuil = parametre_aux_dates(parameters, debut, f"{P}.age_montant_majore", defaut=18)
            montants.append(np.select([connu & (age_max < seuil), connu & (age_min >= seuil)], [mineur, majeur], np.maximum(mineur, majeur)))
        montant = np.max(montants, axis=0)
        eligible_ou_a_verifier = individu("etat_aide_exceptionnelle_contrat_pro_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, montant, 0)
