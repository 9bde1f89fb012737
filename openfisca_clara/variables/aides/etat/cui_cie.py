"""Contrat unique d'insertion – contrat initiative-emploi (CUI-CIE), secteur marchand (rulebook §7.2).

Une aide de l'État (ou du Département) à l'employeur, lue du côté de la personne. Code du travail, articles
L. 5134-65 et suivants : personne sans emploi rencontrant des difficultés sociales et professionnelles d'accès
à l'emploi, prescrite (diagnostic discrétionnaire : non modélisé) ; CDI ou CDD d'au moins 6 mois ; au moins
20 h par semaine (mêmes règles que le CUI-CAE, voir `criteres/contrat_unique_insertion.py`).

Qui le finance (critère `etat_cui_cie_financement`) :
* outre-mer (DROM) : le CIE reste prescrit par l'État ;
* métropole, depuis la circulaire DGEFP n° 2018/11 du 11 janvier 2018 : seulement par les conseils
  départementaux pour les bénéficiaires du RSA (CAOM, à vérifier selon le Département), et, depuis la circulaire
  n° 2020/163 du 28 septembre 2020, le « CIE jeunes » (moins de 26 ans, moins de 31 ans avec une RQTH, âge au
  début du contrat) ;
* avant le 11 janvier 2018, les arrêtés régionaux ne sont pas relus : « à vérifier ».

Dernière programmation lue : 2025 (circulaire du 4 avril 2025). Pour les contrats à partir du 1er janvier 2026,
le dispositif est « à vérifier » (UNCERTAIN, rulebook §7.2, §12.7).

Pas de montant : l'aide est une part du SMIC brut horaire (47 % pour le CIE jeunes selon la circulaire de 2020,
taux fixés par arrêté du préfet de région ou par le Département ailleurs) sur les heures prises en charge par la
décision d'attribution, qui ne sont pas connues ici.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    dispositif_ouvert,
    et,
    non,
    ou,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.criteres.contrat_unique_insertion import (
    critere_contrat_cui,
    critere_duree_hebdomadaire_cui,
    date_conclusion_cui,
)
from openfisca_clara.variables.projet.employeur import TypeEmployeur

P = "clara.etat.cui_cie"
REFERENCE = "https://www.urssaf.fr/portail/home/employeur/beneficier-dune-exoneration/exonerations-ou-aides-liees-a-la/le-contrat-unique-dinsertion-cui/le-contrat-unique-dinsertion---1.html"


class etat_cui_cie_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le contrat initiative-emploi peut être conclu et financé à la date du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = date_conclusion_cui(individu, period)
        ouvert = dispositif_ouvert(parameters, dates, f"{P}.ouvert")
        confirme = dispositif_ouvert(parameters, dates, f"{P}.existence_confirmee")
        return np.select([~ouvert, confirme], [FAUX, VRAI], INCONNU).astype(np.int8)


class etat_cui_cie_sans_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sans emploi"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("en_emploi", period)))


class etat_cui_cie_employeur(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être recruté(e) par une entreprise du secteur marchand (pas l'État, une collectivité ni un particulier)"
    reference = REFERENCE
    documentation = (
        "Code du travail, article L. 5134-66 : employeurs affiliés à l'assurance chômage, groupements d'employeurs ; "
        "les particuliers employeurs sont exclus. Une association ou une structure d'insertion (une entreprise "
        "d'insertion peut conclure un CIE) relève le plus souvent du CAE : « à vérifier »."
    )

    def formula(individu, period):
        employeur = individu("employeur_type", period)
        return np.select(
            [
                employeur == TypeEmployeur.entreprise_privee,
                np.isin(employeur, [TypeEmployeur.non_renseigne.index, TypeEmployeur.association.index, TypeEmployeur.structure_insertion.index]),
            ],
            [VRAI, INCONNU],
            FAUX,
        ).astype(np.int8)


class etat_cui_cie_financement(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Relever d'un CIE financé : résider outre-mer, ou avoir moins de 26 ans (moins de 31 ans avec une RQTH) pour un CIE jeunes, "
        "ou être bénéficiaire du RSA dans un département qui finance des CIE"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = date_conclusion_cui(individu, period)
        outre_mer = individu.menage("reside_outre_mer", period)
        commune_connue = individu.menage("commune_renseignee", period)
        restreinte = parametre_aux_dates(parameters, dates, f"{P}.metropole_restreinte", defaut=0) == 1

        age_limite = parametre_aux_dates(parameters, dates, f"{P}.cie_jeunes_age_limite")
        age_limite_rqth = parametre_aux_dates(parameters, dates, f"{P}.cie_jeunes_age_limite_rqth")
        cie_jeunes_existe = ~np.isnan(age_limite)
        jeune = ou(
            critere_age(individu, period, dates, moins_de=age_limite),
            et(reponse_oui(individu("rqth", period)), critere_age(individu, period, dates, moins_de=age_limite_rqth)),
        )
        cie_jeunes = np.where(cie_jeunes_existe, jeune, FAUX)
        # Conventions annuelles d'objectifs et de moyens (CAOM) : CIE financés par le Département pour des bénéficiaires du RSA.
        departement = np.where(individu("percoit_rsa", period) == Reponse.non, FAUX, INCONNU)
        metropole = np.where(restreinte, ou(cie_jeunes, departement), INCONNU)
        # Commune inconnue : financé si c'est acquis en métropole (l'outre-mer l'est toujours), sinon inconnu.
        return np.select(
            [commune_connue & outre_mer, commune_connue, metropole == VRAI],
            [VRAI, metropole, VRAI],
            INCONNU,
        ).astype(np.int8)


class etat_cui_cie_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en CDI ou en CDD d'au moins 6 mois (3 mois après une condamnation avec aménagement de peine)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_contrat_cui(individu, period, parameters, P)


class etat_cui_cie_duree_hebdomadaire(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Travailler au moins 20 heures par semaine (moins : seulement sur dérogation, à vérifier avec le prescripteur)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_duree_hebdomadaire_cui(individu, period, parameters, P)


CRITERES = (
    "etat_cui_cie_dispositif_ouvert",
    "etat_cui_cie_sans_emploi",
    "etat_cui_cie_employeur",
    "etat_cui_cie_financement",
    "etat_cui_cie_contrat",
    "etat_cui_cie_duree_hebdomadaire",
)


class etat_cui_cie_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Contrat initiative-emploi (CUI-CIE) : statut d'éligibilité"
    documentation = (
        "Statut de « Contrat initiative emploi (CIE, contrat aidé du secteur marchand) » (État) pour la personne et le mois "
        "évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : rulebook §7.2 ; fiche du catalogue « cui_cie » (GET /aides/cui_cie)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_cui_cie_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Contrat initiative-emploi (CUI-CIE) : éligible"

    def formula(individu, period):
        return individu("etat_cui_cie_statut", period) == StatutEligibilite.eligible
