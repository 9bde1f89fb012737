"""Aide à la mobilité de France Travail : frais de déplacement, de repas et d'hébergement (rulebook §3.1).

Écart voulu avec `aide_mobilite` d'openfisca-france : celle-ci multiplie le tarif kilométrique par la
distance *aller simple* (`distance_activite_domicile`) ; le texte le fixe par km *aller-retour*
(délibérations 2021-42 et 2022-56, rulebook §3.1 « Implementation note »). On suit le texte.
Elle exige aussi plus de 120 minutes de trajet ; à exactement 2 h les textes sont ambigus, le critère
reste ici « à vérifier ».
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    NON_RENSEIGNE,
    VRAI,
    Reponse,
    StatutEligibilite,
    ajouter_mois,
    centimes,
    critere,
    critere_ouverture,
    date_renseignee,
    et,
    lire,
    non,
    ou,
    par_date,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.inscription import critere_allocation_sous_are_minimale, critere_categorie_au_bareme
from openfisca_clara.variables.projet.formation import NatureFormation
from openfisca_clara.variables.projet.projet import LieuProjet, TypeContrat, TypeProjet

P = "clara.france_travail.aide_mobilite"
REFERENCE = "https://www.francetravail.fr/candidat/mes-droits-aux-aides-et-allocati/a-chaque-situation-son-aide/aides-a-la-mobilite.html"


class france_travail_aide_mobilite_montant_percu_12_mois(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Montant des aides à la mobilité de France Travail déjà reçues sur les 12 derniers mois ; −1 : non renseigné"


class france_travail_aide_mobilite_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide à la mobilité est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Un dispositif antérieur existait : avant l'historique modélisé, « à vérifier ».
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class france_travail_aide_mobilite_categorie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) à France Travail en catégorie 1, 2, 3, 4 « stagiaire de la formation professionnelle », 5 « contrat aidé », 6, 7 ou 8"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_categorie_au_bareme(individu, period, parameters, f"{P}.categories_eligibles", f"{P}.categories_incertaines")


class france_travail_aide_mobilite_ressources(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas être indemnisé(e) au titre du chômage, ou percevoir une allocation journalière au plus égale à l'ARE minimale"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return ou(individu("critere_non_indemnise_chomage", period), critere_allocation_sous_are_minimale(individu, period, parameters))


class france_travail_aide_mobilite_action(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Se déplacer pour une action couverte : entretien d'embauche ou reprise d'emploi en CDI ou en contrat d'au moins "
        "3 mois, formation financée d'au moins 40 h (hors bilan de compétences, permis de conduire, accompagnement à la "
        "création d'entreprise ou à la VAE), hors volontariat international, concours ou examen, prestation de France Travail, immersion (PMSMP)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        projet = individu("projet_type", period)
        contrat = individu("projet_contrat_type", period)
        duree = individu("projet_contrat_duree_mois", period)
        heures = individu("projet_formation_heures", period)
        dates = individu("date_demande", period)
        duree_minimale = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_mois")
        heures_minimales = parametre_aux_dates(parameters, dates, f"{P}.formation_duree_minimale_heures")
        seuil_heures_certain = parametre_aux_dates(parameters, dates, f"{P}.formation_duree_minimale_certaine", defaut=0) == 1

        contrat_connu = contrat != TypeContrat.non_renseigne
        a_duree_determinee = contrat_connu & (contrat != TypeContrat.cdi)
        contrat_couvert = np.where(
            a_duree_determinee,
            critere(renseigne(duree) & ~np.isnan(duree_minimale), duree >= duree_minimale),
            critere(contrat_connu, contrat == TypeContrat.cdi),
        )
        formation = np.where(
            renseigne(heures) & (heures < heures_minimales) & ~seuil_heures_certain,
            INCONNU,
            critere(renseigne(heures) & ~np.isnan(heures_minimales), heures >= heures_minimales),
        )
        # Exclusions du texte (rulebook §3.1, issue 8 classe b) : une nature de formation exclue connue exclut, une nature
        # inconnue laisse « à vérifier » ; un volontariat international n'est pas couvert, quelle que soit sa durée.
        nature = individu("projet_formation_nature", period)
        natures_exclues = np.zeros(individu.count, dtype=bool)
        contrat_exclu = np.zeros(individu.count, dtype=bool)
        for masque, p in par_date(parameters, dates):
            natures_exclues |= masque & np.isin(nature, [NatureFormation[nom].index for nom in lire(p, f"{P}.natures_formation_exclues", [])])
            contrat_exclu |= masque & np.isin(contrat, [TypeContrat[nom].index for nom in lire(p, f"{P}.contrats_exclus", [])])
        formation = np.select([natures_exclues, nature == NatureFormation.non_renseigne], [FAUX, et(formation, INCONNU)], formation)
        contrat_couvert = np.where(contrat_exclu, FAUX, contrat_couvert)
        directement_couvert = np.isin(projet, [TypeProjet.examen_concours.index, TypeProjet.prestation_france_travail.index, TypeProjet.immersion_pmsmp.index])
        avec_contrat = np.isin(projet, [TypeProjet.entretien_embauche.index, TypeProjet.reprise_emploi.index])
        return np.select(
            [projet == TypeProjet.non_renseigne, directement_couvert, avec_contrat, projet == TypeProjet.formation],
            [INCONNU, VRAI, contrat_couvert, formation],
            default=FAUX,  # création d'entreprise : exclue (rulebook §3.1)
        ).astype(np.int8)


class france_travail_aide_mobilite_formation_financee(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Pour une formation : formation validée par France Travail, financée ou cofinancée"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        validee = reponse_oui(individu("projet_formation_validee_ppae", period))
        # Projet inconnu : une formation reste possible, la condition ne vaut que si elle serait remplie.
        return np.select([projet == TypeProjet.formation, projet == TypeProjet.non_renseigne], [validee, ou(validee, INCONNU)], VRAI).astype(np.int8)


class france_travail_aide_mobilite_eloignement(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Lieu de l'action à plus de 60 km aller-retour du domicile (20 km hors de France métropolitaine) ou à 2 h de trajet aller-retour"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        distance = individu("projet_distance_aller_retour_km", period)
        duree = individu("projet_duree_trajet_aller_retour_minutes", period)
        outre_mer = individu.menage("reside_outre_mer", period)
        commune_connue = individu.menage("commune_renseignee", period)
        seuil_metropole = parametre_aux_dates(parameters, dates, f"{P}.distance_minimale_aller_retour_km")
        seuil_outre_mer = parametre_aux_dates(parameters, dates, f"{P}.distance_minimale_aller_retour_km_outre_mer")
        seuil_duree = parametre_aux_dates(parameters, dates, f"{P}.duree_trajet_aller_retour_minutes")

        # Commune inconnue : au-delà du seuil métropolitain c'est acquis, en deçà du seuil d'outre-mer c'est exclu.
        par_distance = np.where(
            commune_connue,
            critere(renseigne(distance) & ~np.isnan(seuil_metropole), distance > np.where(outre_mer, seuil_outre_mer, seuil_metropole)),
            np.select([distance > seuil_metropole, renseigne(distance) & (distance <= seuil_outre_mer)], [VRAI, FAUX], INCONNU),
        )
        par_duree = np.where(duree == seuil_duree, INCONNU, critere(renseigne(duree) & ~np.isnan(seuil_duree), duree > seuil_duree))
        return ou(par_distance, par_duree)


class france_travail_aide_mobilite_lieu(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Action située en France (métropole ou outre-mer)"
    reference = REFERENCE

    def formula(individu, period):
        lieu = individu("projet_lieu", period)
        return critere(
            lieu != LieuProjet.non_renseigne, np.isin(lieu, [LieuProjet.france_metropolitaine.index, LieuProjet.outre_mer.index, LieuProjet.en_france.index])
        )


class france_travail_aide_mobilite_delai(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Demande faite au plus tard 7 jours après l'entretien, l'examen ou la prestation, ou dans le mois qui suit la reprise d'emploi ou l'entrée en formation"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        debut = individu("projet_date_debut", period)
        projet = individu("projet_type", period)
        jours = parametre_aux_dates(parameters, dates, f"{P}.delai_demande_jours_apres_evenement")
        mois = parametre_aux_dates(parameters, dates, f"{P}.delai_demande_mois_apres_debut")
        delais_connus = ~np.isnan(jours) & ~np.isnan(mois)
        jours, mois = np.nan_to_num(jours).astype(int), np.nan_to_num(mois).astype(int)
        apres_debut = np.isin(projet, [TypeProjet.reprise_emploi.index, TypeProjet.formation.index])
        limite_mois = ajouter_mois(debut, mois)
        limite_jours = debut + jours.astype("timedelta64[D]")
        limite = np.where(apres_debut, limite_mois, limite_jours)
        connu = date_renseignee(debut) & delais_connus
        # Projet inconnu : les deux délais restent possibles ; la réponse ne vaut que s'ils donnent la même.
        inconnu = projet == TypeProjet.non_renseigne
        les_deux = np.select([(dates <= limite_mois) & (dates <= limite_jours), (dates > limite_mois) & (dates > limite_jours)], [VRAI, FAUX], INCONNU)
        return np.where(connu & inconnu, les_deux, critere(connu, dates <= limite)).astype(np.int8)


class france_travail_aide_mobilite_plafond_non_atteint(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir déjà reçu le plafond d'aides à la mobilité sur les 12 derniers mois (5 200 € ; 5 000 € avant le 1er décembre 2022)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Le plafond limite le montant (rulebook §3.1) : l'aide n'est exclue que s'il est connu comme atteint ;
        # montant déjà perçu inconnu : le montant affiché est le maximum sur le plafond entier.
        deja = individu("france_travail_aide_mobilite_montant_percu_12_mois", period)
        plafond = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.plafond_12_mois")
        atteint = renseigne(deja) & ~np.isnan(plafond) & (centimes(deja) >= centimes(plafond))
        return np.where(atteint, FAUX, VRAI).astype(np.int8)


class france_travail_aide_mobilite_frais_pris_en_charge_par_un_tiers(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Les frais de déplacement, de repas ou d'hébergement sont pris en charge par un tiers (employeur, organisme de formation, autre aide)"


class france_travail_aide_mobilite_frais_non_pris_en_charge(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Les frais ne sont pas pris en charge par un tiers (employeur, organisme de formation, autre aide)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("france_travail_aide_mobilite_frais_pris_en_charge_par_un_tiers", period)))


CRITERES = (
    "france_travail_aide_mobilite_dispositif_ouvert",
    "france_travail_aide_mobilite_categorie",
    "france_travail_aide_mobilite_ressources",
    "france_travail_aide_mobilite_action",
    "france_travail_aide_mobilite_formation_financee",
    "france_travail_aide_mobilite_eloignement",
    "france_travail_aide_mobilite_lieu",
    "france_travail_aide_mobilite_delai",
    "france_travail_aide_mobilite_plafond_non_atteint",
    "france_travail_aide_mobilite_frais_non_pris_en_charge",
)


class france_travail_aide_mobilite_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide à la mobilité de France Travail : statut d'éligibilité"
    documentation = (
        "Statut de « Aide à la mobilité (frais de déplacement, de repas et d'hébergement) » (France Travail) pour la personne et "
        "le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : rulebook §3.1 ; fiche du catalogue « aide_mobilite » (GET "
        "/aides/aide_mobilite)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_aide_mobilite_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide à la mobilité de France Travail : éligible"

    def formula(individu, period):
        return individu("france_travail_aide_mobilite_statut", period) == StatutEligibilite.eligible


class france_travail_aide_mobilite_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide à la mobilité de France Travail : montant (plafond restant sur 12 mois si les frais sont inconnus)"
    documentation = (
        "Montant de « Aide à la mobilité (frais de déplacement, de repas et d'hébergement) », en euros, une fois ; 0 quand l'aide"
        " est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou "
        "que le montant dépend d'un fait inconnu, la fiche « aide_mobilite » dit s'il s'agit d'un maximum (montant_est_maximum) "
        "et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        km = individu("projet_distance_aller_retour_km", period)
        allers_retours = individu("projet_nombre_allers_retours", period)
        repas = individu("projet_nombre_repas", period)
        nuitees = individu("projet_nombre_nuitees", period)
        cout_nuitee = individu("projet_cout_nuitee", period)
        deja = individu("france_travail_aide_mobilite_montant_percu_12_mois", period)

        par_km = parametre_aux_dates(parameters, dates, f"{P}.montant_par_km")
        par_repas = parametre_aux_dates(parameters, dates, f"{P}.montant_repas")
        plafond_nuitee = parametre_aux_dates(parameters, dates, f"{P}.plafond_nuitee")
        plafond = parametre_aux_dates(parameters, dates, f"{P}.plafond_12_mois")

        # Coût de nuitée inconnu : le plafond par nuitée, montant maximal.
        par_nuitee = np.where(renseigne(cout_nuitee), np.minimum(cout_nuitee, plafond_nuitee), plafond_nuitee)
        frais_connus = renseigne(km) & renseigne(allers_retours) & renseigne(repas) & renseigne(nuitees)
        frais = par_km * km * allers_retours + par_repas * repas + par_nuitee * nuitees
        reste = np.maximum(plafond - np.maximum(deja, 0), 0)
        montant = np.where(frais_connus, np.minimum(frais, reste), reste)
        eligible_ou_a_verifier = individu("france_travail_aide_mobilite_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.round(np.nan_to_num(montant), 2), 0)
