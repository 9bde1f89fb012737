"""Aide à l'embauche d'un apprenti : aide unique et aide exceptionnelle de l'État, première année du contrat
(rulebook §7.4).

Lu du côté de la personne : « mon embauche en apprentissage ouvrirait-elle l'aide à l'employeur ? ».
Le barème se lit à la date de conclusion du contrat (`projet_contrat_date_conclusion`) ; inconnue, à chaque date de
conclusion possible dans les mois qui précèdent son début (`dates_conclusion_possibles`, issue 8 classe c) ; selon la taille de l'employeur (`employeur_effectif`,
moins de 250 / au moins 250 salariés), le niveau du diplôme préparé (`projet_niveau_diplome_prepare`), la
reconnaissance de travailleur handicapé (`rqth`) et, pour le niveau 5 en 2025-2026, le lieu du contrat
(`projet_lieu` : outre-mer) :

* 2023-01-01 → 2024-12-31 : 6 000 € jusqu'au niveau 7, toutes tailles ;
* 2025-01-01 → 2025-02-23 : aide unique seule, 6 000 €, moins de 250 salariés, au plus le bac (bac + 2 outre-mer) ;
  le rulebook (§14) et Uniformation, EFL le confirment : la fenêtre n'est plus laissée « à vérifier » ;
* 2025-02-24 → 2025-12-31 : 5 000 € (< 250) / 2 000 € (≥ 250), 6 000 € pour un apprenti RQTH ;
* 2026-01-01 → 2026-03-07 : aide unique seule, 5 000 € (6 000 € RQTH), < 250, niveaux 3-4 (5 outre-mer), rien
  hors de ce champ ;
* 2026-03-08 → contrats débutant avant 2027-01-01 : 5 000 / 4 500 / 2 000 € (< 250), 2 000 / 1 500 / 750 € (≥ 250)
  selon le niveau (3-4 / 5 / 6-7) ; 6 000 € pour un apprenti RQTH quels que soient la taille et le niveau.

Un fait inconnu (taille, niveau, RQTH, lieu) ouvre toutes ses valeurs possibles : le critère du barème est
VRAI si toutes donnent une aide, FAUX si aucune, INCONNU sinon ; le montant est le maximum possible.
À partir de 2027 : l'aide unique codifiée (art. D.6243-2 II, décret n° 2025-174) continue, 5 000 € (6 000 € RQTH) ;
aucun décret d'aide exceptionnelle trouvé : hors du champ de l'aide unique (niveau 5 à 7 en métropole, 250 salariés
et plus) le critère reste INCONNU. Barèmes de 2019-2022 non modélisés : INCONNU.
Le montant est le maximum pour une première année complète (proratisé au jour pour un contrat plus court).
"""

import itertools

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu, TypesNiveauDiplome

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    _racine,
    ajouter_mois,
    critere,
    date_renseignee,
    dispositif_ouvert,
    et,
    lire,
    non,
    par_date,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.projet.embauche import FENETRE_CONCLUSION, combiner_possibles, dates_conclusion_possibles
from openfisca_clara.variables.projet.employeur import TypeEmployeur
from openfisca_clara.variables.projet.projet import LieuProjet, TypeContrat

P = "clara.etat.aide_embauche_apprenti"
REFERENCE = "https://entreprendre.service-public.fr/vosdroits/F23556"

# Groupes de niveaux du barème (nomenclature 2019) ; les niveaux 1 et 2 n'existent pas en apprentissage
# et sont lus comme « au plus le bac » ; le niveau 8 (doctorat) n'est dans aucun barème.
GROUPES_NIVEAU = {
    "jusqu_au_bac": ("niveau_1", "niveau_2", "niveau_3", "niveau_4"),
    "niveau_5": ("niveau_5",),
    "niveau_6_7": ("niveau_6", "niveau_7"),
    "niveau_8": ("niveau_8",),
}
TAILLES = ("moins_250", "250_et_plus")


FEUILLES = (
    "moins_250.jusqu_au_bac",
    "moins_250.niveau_5",
    "moins_250.niveau_5_outre_mer",
    "moins_250.niveau_6_7",
    "250_et_plus.jusqu_au_bac",
    "250_et_plus.niveau_5",
    "250_et_plus.niveau_6_7",
    "rqth.montant",
    "rqth.hors_bareme",
    "effectif_seuil",
)


def _bareme_aux_dates(parameters, dates):
    """Toutes les feuilles du barème à la date de chaque personne, en une seule lecture par date ; NaN là où elles n'existent pas."""
    valeurs = {feuille: np.full(np.shape(dates), np.nan) for feuille in FEUILLES}
    for masque, p in par_date(parameters, dates):
        for feuille in FEUILLES:
            valeurs[feuille][masque] = lire(p, f"{P}.{feuille}", np.nan)
    return valeurs


def _montant_bareme(bareme, taille, groupe, outre_mer, rqth, maximum=False):
    """Montant du barème pour une combinaison de faits ; NaN là où il n'est pas établi.

    `maximum` : un apprenti RQTH dont le droit n'est pas établi compte pour le montant RQTH (montant maximal possible).
    """
    if groupe == "niveau_8":
        # Hors de tout barème modélisé (2023 → 2026) ; là où le barème n'est pas connu (avant 2023, à partir de 2027),
        # inconnu comme les autres niveaux.
        base = np.where(np.isnan(bareme[f"{taille}.jusqu_au_bac"]), np.nan, 0.0)
    elif outre_mer and taille == "moins_250" and groupe == "niveau_5":
        base = bareme["moins_250.niveau_5_outre_mer"]
    else:
        base = bareme[f"{taille}.{groupe}"]
    if not rqth:
        return base
    montant_rqth = bareme["rqth.montant"]
    hors_bareme = bareme["rqth.hors_bareme"]
    sans_aide = np.select([hors_bareme == 1, hors_bareme == -1], [montant_rqth, 0.0], montant_rqth if maximum else np.nan)
    return np.where(np.isnan(base), np.nan, np.where(base > 0, montant_rqth, sans_aide))


def _montants_possibles(individu, period, parameters, maximum=False):
    """(montants, possibles) : une ligne par combinaison de faits et par date de conclusion possible, masque des
    combinaisons compatibles avec la situation."""
    debut = individu("projet_date_debut", period)
    # Un contrat qui débute à partir du 1er janvier 2027 n'a pas l'aide exceptionnelle de 2026 (« devant débuter avant le
    # 1er janvier 2027 ») : son barème se lit à son début quand celui-ci suit sa conclusion (bareme_lu_au_debut).
    lu_au_debut = date_renseignee(debut) & (parametre_aux_dates(parameters, debut, f"{P}.bareme_lu_au_debut", defaut=0) == 1)
    lignes = [
        np.where(lu_au_debut & date_renseignee(dates) & (debut > dates), debut, dates) for dates in dates_conclusion_possibles(individu, period, parameters, P)
    ]
    # Début inconnu, conclusion connue : le contrat peut débuter après la bascule (par convention, au plus tard 3 mois
    # après sa conclusion, `clara.references.contrat_fenetre_conclusion_mois`) ; les deux barèmes restent possibles.
    conclusion = individu("projet_contrat_date_conclusion", period)
    fenetre = np.nan_to_num(parametre_aux_dates(parameters, conclusion, FENETRE_CONCLUSION, defaut=0)).astype(int)
    for bascule in _dates_bascule_au_debut(parameters):
        possible = ~date_renseignee(debut) & date_renseignee(conclusion) & (conclusion < bascule) & (bascule <= ajouter_mois(conclusion, fenetre))
        if possible.any():
            lignes.append(np.where(possible, bascule, lignes[0]))
    montants, possibles = [], []
    for dates in lignes:
        montants_date, possibles_date = _montants_possibles_a_la_date(individu, period, parameters, dates, maximum)
        montants.extend(montants_date)
        possibles.extend(possibles_date)
    return np.array(montants), np.array(possibles)


def _dates_bascule_au_debut(parameters):
    """Dates à partir desquelles le barème se lit au début du contrat (paramètre bareme_lu_au_debut devenu vrai)."""
    feuille = _racine(parameters)
    for morceau in f"{P}.bareme_lu_au_debut".split("."):
        feuille = getattr(feuille, morceau)
    return [np.datetime64(valeur.instant_str, "D") for valeur in feuille.values_list if valeur.value]


def _montants_possibles_a_la_date(individu, period, parameters, dates, maximum):
    effectif = individu("employeur_effectif", period)
    niveau = individu("projet_niveau_diplome_prepare", period)
    rqth = individu("rqth", period)
    lieu = individu("projet_lieu", period)
    bareme = _bareme_aux_dates(parameters, dates)

    seuil = np.nan_to_num(bareme["effectif_seuil"], nan=250)
    taille_possible = {
        "moins_250": ~renseigne(effectif) | (effectif < seuil),
        "250_et_plus": ~renseigne(effectif) | (effectif >= seuil),
    }
    niveau_inconnu = niveau == TypesNiveauDiplome.non_renseigne
    groupe_possible = {groupe: niveau_inconnu | np.isin(niveau, [TypesNiveauDiplome[n].index for n in noms]) for groupe, noms in GROUPES_NIVEAU.items()}
    # « En France » sans préciser : métropole ou outre-mer restent possibles tous les deux.
    lieu_inconnu = (lieu == LieuProjet.non_renseigne) | (lieu == LieuProjet.en_france)
    outre_mer_possible = {True: lieu_inconnu | (lieu == LieuProjet.outre_mer), False: lieu_inconnu | (lieu != LieuProjet.outre_mer)}
    rqth_inconnu = rqth == Reponse.non_renseigne
    rqth_possible = {True: rqth_inconnu | (rqth == Reponse.oui), False: rqth_inconnu | (rqth == Reponse.non)}

    montants, possibles = [], []
    for taille, groupe, outre_mer, est_rqth in itertools.product(TAILLES, GROUPES_NIVEAU, (False, True), (False, True)):
        montants.append(_montant_bareme(bareme, taille, groupe, outre_mer, est_rqth, maximum))
        possibles.append(taille_possible[taille] & groupe_possible[groupe] & outre_mer_possible[outre_mer] & rqth_possible[est_rqth])
    return montants, possibles


class etat_aide_embauche_apprenti_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide à l'embauche d'un apprenti existe à la date du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Date de conclusion inconnue : ouvert à toutes les dates possibles, fermé à toutes, ou « à vérifier ».
        possibles = dates_conclusion_possibles(individu, period, parameters, P)
        return combiner_possibles([critere(date_renseignee(dates), dispositif_ouvert(parameters, dates, f"{P}.ouvert")) for dates in possibles])


class etat_aide_embauche_apprenti_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en contrat d'apprentissage"
    reference = REFERENCE

    def formula(individu, period):
        contrat = individu("projet_contrat_type", period)
        return critere(contrat != TypeContrat.non_renseigne, contrat == TypeContrat.apprentissage)


class etat_aide_embauche_apprenti_employeur(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) par un employeur du secteur privé (entreprise, association), pas par l'État ni une collectivité ou un établissement public administratif"
    reference = REFERENCE
    documentation = "Particulier employeur : accès à l'aide non relu, « à vérifier »."

    def formula(individu, period):
        employeur = individu("employeur_type", period)
        prive = [TypeEmployeur.entreprise_privee.index, TypeEmployeur.association.index, TypeEmployeur.structure_insertion.index]
        return np.select(
            [np.isin(employeur, prive), np.isin(employeur, [TypeEmployeur.non_renseigne.index, TypeEmployeur.particulier.index])],
            [VRAI, INCONNU],
            FAUX,
        ).astype(np.int8)


class etat_aide_embauche_apprenti_bareme(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Le contrat ouvre droit à l'aide selon le barème de sa date de conclusion : taille de l'employeur (moins de 250 "
        "salariés ou plus), niveau du diplôme préparé, apprenti(e) reconnu(e) travailleur handicapé, outre-mer"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        montants, possibles = _montants_possibles(individu, period, parameters)
        inconnu = np.isnan(montants)
        tous_positifs = np.all(~possibles | (~inconnu & (montants > 0)), axis=0)
        tous_nuls = np.all(~possibles | (~inconnu & (montants == 0)), axis=0)
        return np.select([tous_positifs, tous_nuls], [VRAI, FAUX], INCONNU).astype(np.int8)


class etat_aide_embauche_apprenti_deja_recue_meme_certification(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'employeur a déjà reçu l'aide pour cet apprenti au titre d'un précédent contrat préparant la même certification"


class etat_aide_embauche_apprenti_premier_contrat_certification(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'employeur n'a pas déjà reçu l'aide pour cet apprenti au titre d'un contrat préparant la même certification"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("etat_aide_embauche_apprenti_deja_recue_meme_certification", period)))


CRITERES = (
    "etat_aide_embauche_apprenti_dispositif_ouvert",
    "etat_aide_embauche_apprenti_contrat",
    "etat_aide_embauche_apprenti_employeur",
    "etat_aide_embauche_apprenti_bareme",
    "etat_aide_embauche_apprenti_premier_contrat_certification",
)


class etat_aide_embauche_apprenti_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide à l'embauche d'un apprenti (aide à l'employeur) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide à l'embauche d'un apprenti (aide à l'employeur) » (État (Agence de services et de paiement)) pour la "
        "personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou"
        " non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il "
        "dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §7.4 ; fiche du catalogue « aide_embauche_apprenti » "
        "(GET /aides/aide_embauche_apprenti)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_aide_embauche_apprenti_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide à l'embauche d'un apprenti (aide à l'employeur) : éligible"

    def formula(individu, period):
        return individu("etat_aide_embauche_apprenti_statut", period) == StatutEligibilite.eligible


class etat_aide_embauche_apprenti_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide à l'embauche d'un apprenti : montant maximal versé à l'employeur pour la première année du contrat (maximum possible si un fait est inconnu)"
    documentation = (
        "Montant de « Aide à l'embauche d'un apprenti (aide à l'employeur) », en euros, au total, sur la durée de l'aide ; 0 "
        "quand l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à "
        "vérifier, ou que le montant dépend d'un fait inconnu, la fiche « aide_embauche_apprenti » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        montants, possibles = _montants_possibles(individu, period, parameters, maximum=True)
        montant = np.max(np.where(possibles, np.nan_to_num(montants), 0), axis=0)
        eligible_ou_a_verifier = individu("etat_aide_embauche_apprenti_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, montant, 0)
