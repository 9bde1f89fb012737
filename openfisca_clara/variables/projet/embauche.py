"""L'embauche envisagée, côté employeur : faits que la personne ou l'employeur déclarent et que plusieurs aides
à l'embauche exigent (contrat de professionnalisation : rulebook §7.6, §7.7 ; emplois francs §7.3).

Réponses oui / non / non renseignées : une réponse manquante ne vaut jamais « non ».
"""

from datetime import date

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import DATE_NON_RENSEIGNEE, Reponse, _racine, ajouter_mois, date_renseignee, parametre_aux_dates

FENETRE_CONCLUSION = "clara.references.contrat_fenetre_conclusion_mois"


class projet_salarie_employeur_6_mois_precedents(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir fait partie de l'effectif de l'employeur qui recrute au cours des 6 mois précédant le début du contrat"


class employeur_licenciement_economique_poste_6_mois(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'employeur a procédé à un licenciement pour motif économique sur le poste à pourvoir dans les 6 mois précédant l'embauche"


class projet_contrat_date_conclusion(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de conclusion (signature) du contrat de travail, distincte de son début ; 0001-01-01 : non renseignée"
    documentation = (
        "Les barèmes « aux contrats conclus à partir du… » (rulebook §7) se lisent à cette date. Sans elle, le contrat a été "
        "conclu au plus tard le jour où il débute (`projet_date_debut`), à une date inconnue : chaque barème en vigueur dans "
        "les mois qui précèdent ce début (`clara.references.contrat_fenetre_conclusion_mois`) reste possible ; s'ils "
        "diffèrent, l'aide est « à vérifier » et son montant est le plus haut possible."
    )


def date_conclusion_contrat(individu, period):
    """Date de conclusion du contrat ; à défaut, sa date de début (0001-01-01 si aucune des deux n'est connue).

    La date de début n'est que la plus tardive des dates de conclusion possibles : un barème « aux contrats conclus à
    partir du… » se lit sur toutes (`dates_conclusion_possibles`).
    """
    conclusion = individu("projet_contrat_date_conclusion", period)
    return np.where(date_renseignee(conclusion), conclusion, individu("projet_date_debut", period))


def _dates_de_changement(parameters, chemins):
    """Dates où change au moins une feuille des nœuds de paramètres donnés (triées)."""
    dates = set()
    for chemin in chemins:
        noeud = _racine(parameters)
        for morceau in chemin.split("."):
            noeud = getattr(noeud, morceau)
        pile = [noeud]
        while pile:
            courant = pile.pop()
            if hasattr(courant, "values_list"):
                dates.update(valeur.instant_str for valeur in courant.values_list)
            else:
                pile.extend(getattr(courant, "children", {}).values())
    return np.array(sorted(dates), dtype="datetime64[D]")


def dates_conclusion_possibles(individu, period, parameters, *chemins):
    """Dates de conclusion possibles du contrat, une ligne par possibilité (tableau K × personnes).

    Conclusion connue : elle seule. Inconnue, début connu : le début (date la plus tardive possible), le début de la
    fenêtre `clara.references.contrat_fenetre_conclusion_mois`, et chaque date de changement des paramètres `chemins`
    dans cette fenêtre — un barème par ligne. Aucune des deux : 0001-01-01 (inconnue). Les lignes en double sont
    sans effet : une même date donne le même barème.
    """
    conclusion = individu("projet_contrat_date_conclusion", period)
    debut = individu("projet_date_debut", period)
    reference = np.where(date_renseignee(conclusion), conclusion, debut)
    ouverte = ~date_renseignee(conclusion) & date_renseignee(debut)
    mois = parametre_aux_dates(parameters, debut, FENETRE_CONCLUSION, defaut=0)
    tot = np.where(ouverte, ajouter_mois(debut, -np.nan_to_num(mois).astype(int)), reference)
    lignes = [reference, tot]
    for changement in _dates_de_changement(parameters, chemins):
        dans_la_fenetre = ouverte & (tot < changement) & (changement <= debut)
        if dans_la_fenetre.any():
            lignes.append(np.where(dans_la_fenetre, changement, reference))
    return np.array(lignes, dtype="datetime64[D]")


def combiner_possibles(valeurs):
    """Critère sur toutes les dates de conclusion possibles (K × personnes) : VRAI si toutes, FAUX si aucune, INCONNU sinon."""
    valeurs = np.asarray(valeurs)
    return np.select([np.all(valeurs == 1, axis=0), np.all(valeurs == -1, axis=0)], [1, -1], 0).astype(np.int8)
