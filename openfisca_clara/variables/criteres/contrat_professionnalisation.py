"""Critères communs aux deux aides à l'embauche en contrat de professionnalisation d'un demandeur d'emploi :
l'aide forfaitaire à l'employeur de France Travail (26 ans ou plus, rulebook §7.6) et l'aide de l'État
(45 ans ou plus, §7.7). Mêmes employeurs, mêmes conditions (instruction DG n° 2019-29 du 10 octobre 2019).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import FAUX, INCONNU, VRAI, critere, non, reponse_oui
from openfisca_clara.variables.projet.employeur import TypeEmployeur
from openfisca_clara.variables.projet.projet import TypeContrat

INSTRUCTION_2019_29 = (
    "http://www.bo-pole-emploi.org/bulletinsofficiels/instruction-dg-n-2019-29-du-10-octobre-2019-bope-n2019-83.html"
    "?type=dossiers/2019/bope-n2019-083-du-21-octobre-2019"
)


class critere_contrat_professionnalisation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en contrat de professionnalisation (CDD ou CDI)"
    reference = INSTRUCTION_2019_29

    def formula(individu, period):
        contrat = individu("projet_contrat_type", period)
        return critere(contrat != TypeContrat.non_renseigne, contrat == TypeContrat.professionnalisation)


class critere_employeur_aides_contrat_professionnalisation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Être embauché(e) par un employeur privé assujetti au financement de la formation professionnelle continue "
        "(entreprise, EPIC, entreprise de travail temporaire, association), pas par l'État, une collectivité ou un particulier"
    )
    reference = INSTRUCTION_2019_29
    documentation = (
        "Instruction DG n° 2019-29 : entreprises de droit privé quel que soit leur effectif, entreprises d'armement maritime, "
        "EPIC, entreprises de travail temporaire ; exclus l'État, les collectivités territoriales et leurs établissements "
        "publics administratifs, les particuliers employeurs. Une association employeur est une personne morale de droit privé "
        "assujettie à la contribution à la formation professionnelle (code du travail, article L. 6331-1). Une structure "
        "d'insertion peut être portée par une collectivité ou un CCAS : « à vérifier »."
    )

    def formula(individu, period):
        employeur = individu("employeur_type", period)
        return np.select(
            [
                np.isin(employeur, [TypeEmployeur.entreprise_privee.index, TypeEmployeur.association.index]),
                np.isin(employeur, [TypeEmployeur.non_renseigne.index, TypeEmployeur.structure_insertion.index]),
            ],
            [VRAI, INCONNU],
            FAUX,
        ).astype(np.int8)


class critere_pas_dans_effectif_employeur_6_mois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir fait partie de l'effectif de l'employeur au cours des 6 mois précédant le début du contrat"
    reference = INSTRUCTION_2019_29

    def formula(individu, period):
        return non(reponse_oui(individu("projet_salarie_employeur_6_mois_precedents", period)))


class critere_pas_de_licenciement_economique_poste_6_mois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'employeur n'a pas licencié pour motif économique sur le poste à pourvoir dans les 6 mois précédant l'embauche"
    reference = INSTRUCTION_2019_29

    def formula(individu, period):
        return non(reponse_oui(individu("employeur_licenciement_economique_poste_6_mois", period)))
