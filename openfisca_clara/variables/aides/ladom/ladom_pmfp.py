"""Passeport pour la mobilité de la formation professionnelle (PMFP) de LADOM, l'Agence de l'outre-mer pour
la mobilité (rulebook §10.3 ; code des transports, art. L. 1803-6).

Pour les demandeurs d'emploi résidant outre-mer, âgés de 18 ans et plus (16 ans pour l'alternance), qui
veulent suivre une formation qualifiante (du CAP au bac + 5, ou certification reconnue) inexistante ou
saturée dans leur territoire : dans l'Hexagone, un autre DROM-COM, l'Union européenne ou l'EEE (programme
européen) ou le bassin régional. LADOM prend en charge le billet d'avion et des frais pédagogiques et, sous
conditions de ressources, verse une allocation complémentaire de mobilité et une allocation d'installation.

Montants UNCERTAIN pour 2025–2026 (rulebook §10.3) : la fiche a `montant: null` et les décrit sans chiffre.
Territoire : les DROM (971 à 974, 976) sont couverts ; les collectivités d'outre-mer (975, 977, 978, 986 à
988) ont des dispositions spécifiques non relues : « à vérifier ». Lieu de formation : seule l'Hexagone
est certaine ; un autre territoire d'outre-mer, l'Europe ou l'étranger dépendent du territoire et du
programme : « à vérifier ». Âge lu à l'entrée en formation (`age_au_debut_du_projet`).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere_ouverture,
    et,
    lire,
    ou,
    par_date,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.formation import NatureFormation
from openfisca_clara.variables.projet.projet import LieuProjet, TypeProjet

P = "clara.ladom.ladom_pmfp"
REFERENCE = "https://ladom.fr/formation-emploi/demandeur-demploi/le-dispositif/"


class ladom_pmfp_alternance(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation en mobilité est suivie en alternance (contrat d'apprentissage ou de professionnalisation)"


class ladom_pmfp_formation_indisponible_localement(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation visée n'existe pas ou est saturée dans votre territoire de résidence"


class ladom_pmfp_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le Passeport pour la mobilité de la formation professionnelle est ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class ladom_pmfp_reside_outre_mer(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider dans un département d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) ; collectivités d'outre-mer : à vérifier"
    reference = REFERENCE

    def formula(individu, period, parameters):
        departement = individu.menage("departement_residence", period)
        connu = individu.menage("commune_renseignee", period)
        resultat = np.full(individu.count, INCONNU, dtype=np.int8)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            eligibles = lire(p, f"{P}.departements_eligibles")
            if eligibles is None:
                continue  # avant l'historique modélisé : inconnu
            incertains = lire(p, f"{P}.departements_incertains", [])
            valeur = np.select(
                [~connu | np.isin(departement, list(incertains)), np.isin(departement, list(eligibles))],
                [INCONNU, VRAI],
                FAUX,
            )
            resultat[masque] = valeur[masque]
        return resultat


class ladom_pmfp_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir 18 ans ou plus à l'entrée en formation (16 ans pour une formation en alternance)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        age = individu("age_au_debut_du_projet", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        minimum_alternance = parametre_aux_dates(parameters, dates, f"{P}.age_minimum_alternance")
        alternance = reponse_oui(individu("ladom_pmfp_alternance", period))
        connu = (age >= 0) & ~np.isnan(minimum) & ~np.isnan(minimum_alternance)
        return np.select(
            [~connu, age >= minimum, age >= minimum_alternance],
            [INCONNU, VRAI, alternance],
            FAUX,
        ).astype(np.int8)


class ladom_pmfp_demandeur_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être demandeur d'emploi, inscrit(e) à France Travail ou suivi(e) par une mission locale"
    reference = REFERENCE

    def formula(individu, period):
        return ou(individu("critere_inscrit_france_travail", period), reponse_oui(individu("suivi_mission_locale", period)))


class ladom_pmfp_formation_qualifiante(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Entrer dans une formation qualifiante (diplôme du CAP au bac + 5 ou certification reconnue)"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        nature = individu("projet_formation_nature", period)
        nature_ok = np.select([nature == NatureFormation.non_renseigne, nature == NatureFormation.qualifiante], [INCONNU, VRAI], FAUX)
        return np.select([projet == TypeProjet.non_renseigne, projet == TypeProjet.formation], [INCONNU, nature_ok], FAUX).astype(np.int8)


class ladom_pmfp_formation_indisponible(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "La formation n'existe pas ou est saturée dans votre territoire de résidence"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("ladom_pmfp_formation_indisponible_localement", period))


class ladom_pmfp_lieu_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Se former en mobilité : dans l'Hexagone (autre territoire d'outre-mer, Europe ou bassin régional : à vérifier)"
    reference = REFERENCE

    def formula(individu, period):
        lieu = individu("projet_lieu", period)
        return np.where(lieu == LieuProjet.france_metropolitaine, VRAI, INCONNU).astype(np.int8)


CRITERES = (
    "ladom_pmfp_dispositif_ouvert",
    "ladom_pmfp_reside_outre_mer",
    "ladom_pmfp_age",
    "ladom_pmfp_demandeur_emploi",
    "ladom_pmfp_formation_qualifiante",
    "ladom_pmfp_formation_indisponible",
    "ladom_pmfp_lieu_formation",
)


class ladom_pmfp_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Passeport pour la mobilité de la formation professionnelle (LADOM) : statut d'éligibilité"
    documentation = (
        "Statut de « Passeport pour la mobilité de la formation professionnelle (LADOM) » (LADOM (Agence de l'outre-mer pour la "
        "mobilité)) pour la personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères "
        "inconnus le nomment) ou non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables "
        "entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §10.3 ; fiche du catalogue «"
        " ladom_pmfp » (GET /aides/ladom_pmfp)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class ladom_pmfp_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Passeport pour la mobilité de la formation professionnelle (LADOM) : éligible"

    def formula(individu, period):
        return individu("ladom_pmfp_statut", period) == StatutEligibilite.eligible
