"""Éligibilité à un parcours d'insertion par l'activité économique en atelier et chantier d'insertion (ACI), entreprise d'insertion (EI) ou
entreprise d'insertion par le travail indépendant (EITI) (rulebook §7.8).

Arrêté du 1er septembre 2021 (code du travail, articles L. 5132-3 et R. 5132-1-7) : la personne est éligible si elle
remplit un critère direct (RSA, ASS, AAH, inscription à France Travail depuis au moins 24 mois) ou au moins
3 critères complémentaires (voir `variables/criteres/iae.py`, qui compte en trois états). Éligibilité
administrative seulement : pas de montant (l'aide au poste est versée à la structure), et la décision d'embauche
reste à la structure ou au prescripteur après un diagnostic.

Arrêté du 4 septembre 2025 (liste et justificatifs mis à jour) : détail non lu (UNCERTAIN, rulebook §7.8, §12.10).
Depuis le 7 septembre 2025, ne pas réunir assez de critères de la liste de 2021 est « à vérifier », jamais
« non éligible » (paramètre `clara.etat.iae_criteres.liste_complementaire_certaine`).
"""

from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import StatutEligibilite, critere_ouverture, et, ou, statut
from openfisca_clara.variables.criteres.iae import critere_criteres_complementaires

P = "clara.etat.iae_eligibilite_aci_ei"
REFERENCE = "https://www.legifrance.gouv.fr/eli/arrete/2021/9/1/MTRD2124285A/jo/texte"


class etat_iae_eligibilite_aci_ei_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Les critères d'éligibilité de l'arrêté du 1er septembre 2021 s'appliquent à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class etat_iae_eligibilite_aci_ei_criteres_complementaires(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Réunir au moins 3 critères complémentaires (niveau de formation, âge, ASE, chômage de 12 à 24 mois, handicap, parent isolé, hébergement, asile, ZRR, QPV, justice, français, mobilité)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_criteres_complementaires(individu, period, parameters, f"{P}.nombre_criteres_complementaires")


class etat_iae_eligibilite_aci_ei_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Remplir un critère direct (RSA, ASS, AAH, inscription à France Travail depuis au moins 24 mois) ou au moins 3 critères complémentaires"
    reference = REFERENCE

    def formula(individu, period):
        return ou(individu("etat_iae_critere_direct", period), individu("etat_iae_eligibilite_aci_ei_criteres_complementaires", period))


CRITERES = (
    "etat_iae_eligibilite_aci_ei_dispositif_ouvert",
    "etat_iae_eligibilite_aci_ei_public",
)


class etat_iae_eligibilite_aci_ei_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Éligibilité à un parcours IAE en ACI, EI ou EITI : statut"
    documentation = (
        "Statut de « Parcours d'insertion en atelier et chantier d'insertion ou en entreprise d'insertion » (État) pour la "
        "personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou"
        " non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il "
        "dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §7.8 ; fiche du catalogue « iae_eligibilite_aci_ei » "
        "(GET /aides/iae_eligibilite_aci_ei)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_iae_eligibilite_aci_ei_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Éligibilité à un parcours IAE en ACI, EI ou EITI : éligible"

    def formula(individu, period):
        return individu("etat_iae_eligibilite_aci_ei_statut", period) == StatutEligibilite.eligible
