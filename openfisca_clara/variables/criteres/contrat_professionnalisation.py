"""Critères communs aux deux aides à l'embauche en contrat de professionnalisation d'un demandeur d'emploi :
l'aide forfaitaire à l'employeur de France Travail (26 ans ou plus, rulebook §7.6) et l'aide de l'État
(45 ans ou plus, §7.7). Mêmes employeurs, mêmes conditions (instruction DG n° 2019-29 du 10 octobre 2019).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    ajouter_mois,
    critere,
    date_renseignee,
    dispositif_ouvert,
    non,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.criteres.contrat_unique_insertion import date_du_contrat
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


# --- Fonctions communes : chaque aide lit ses propres paramètres sous `chemin`. ---


def critere_dispositif_contrat_pro(individu, period, parameters, chemin):
    """Ouvert et confirmé à la date du contrat : VRAI ; ouvert mais non confirmé (2026) : INCONNU ; sinon FAUX."""
    dates = date_du_contrat(individu, period)
    ouvert = dispositif_ouvert(parameters, dates, f"{chemin}.ouvert")
    confirme = dispositif_ouvert(parameters, dates, f"{chemin}.existence_confirmee")
    return np.select([~ouvert, confirme], [FAUX, VRAI], INCONNU).astype(np.int8)


def critere_age_debut_contrat_pro(individu, period, parameters, chemin):
    """Âge minimal atteint à la date du début du contrat (à défaut, de la demande)."""
    dates = date_du_contrat(individu, period)
    return critere_age(individu, period, dates, au_moins=parametre_aux_dates(parameters, dates, f"{chemin}.age_minimum"))


def critere_delai_demande_contrat_pro(individu, period, parameters, chemin):
    """Demande au plus tard N mois (de date à date) après le début du contrat ; début inconnu : inconnu."""
    debut = individu("projet_date_debut", period)
    demande = individu("date_demande", period)
    mois = parametre_aux_dates(parameters, date_du_contrat(individu, period), f"{chemin}.delai_demande_mois")
    connu = date_renseignee(debut) & ~np.isnan(mois)
    return critere(connu, demande <= ajouter_mois(debut, np.nan_to_num(mois).astype(int)))


def montant_aide_contrat_pro(individu, period, parameters, chemin):
    """Montant à temps plein, proratisé selon la durée hebdomadaire (plafonné au temps plein) ; durée inconnue : le maximum."""
    dates = date_du_contrat(individu, period)
    maximum = np.nan_to_num(parametre_aux_dates(parameters, dates, f"{chemin}.montant_maximum"))
    temps_plein = parametre_aux_dates(parameters, dates, f"{chemin}.duree_temps_plein_heures")
    heures = individu("projet_heures_hebdomadaires", period)
    connu = renseigne(heures) & ~np.isnan(temps_plein) & (np.nan_to_num(temps_plein) > 0)
    quotite = np.minimum(heures / np.where(connu, temps_plein, 1), 1)
    return np.round(np.where(connu, maximum * quotite, maximum), 2)
