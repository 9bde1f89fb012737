"""Aide à la garde d'enfants de France Travail : AGEPI puis AGE (rulebook §3.2).

Un identifiant, deux régimes successifs, choisis par la date de la demande (`date_demande`) :

* **AGEPI** (délibération 2013-46, demandes du 20 janvier 2014 au 30 avril 2024) : parent isolé, enfants de
  moins de 10 ans, allocation au plus égale à l'ARE minimale, CDI ou CDD / CTT d'au moins 3 mois ou
  formation d'au moins 40 h, demande dans le mois qui suit ;
* **AGE** (délibération 2024-35, instruction 2024-16, demandes à partir du 1er mai 2024) : tout parent,
  enfants de moins de 12 ans, allocation au plus égale à 1,3 fois l'ARE minimale, CDI, CDD ou CTT (28 jours
  selon des sources secondaires), formation d'au moins 40 h validée dans le PPAE, demande dans les 3 mois,
  catégories 1 à 8, CSP et PAP, activité en France ou dans l'EEE, en Suisse, à Andorre ou à Monaco.

Les règles des deux régimes sont des paramètres datés du 1er mai 2024 (`clara.france_travail.aide_garde_enfants`) ;
le code ne connaît pas les régimes.

Choix documentés (rulebook §14, §12.3) :

* **Plafond de ressources de l'AGE** : produit exact 1,3 × ARE minimale (41,769 € au 1er juillet 2025).
  Une allocation de 41,76 € est dessous dans toutes les lectures, 41,78 € dessus ; 41,77 € (égale au
  plafond arrondi que publie service-public) reste « à vérifier » (paramètre `arrondi_plafond_ressources`).
* **28 jours** : un contrat d'au moins 28 jours est couvert ; plus court, « à vérifier » (la page nationale
  ne cite aucune durée minimale, le texte de la délibération n'a pas été relu).
* **Mayotte sous l'AGE** : l'aide s'y applique (instruction 2024-16, point 2) avec des « montants
  spécifiques » non chiffrés dans les sources : critère `montants_connus` INCONNU, statut « à vérifier »,
  montant affiché = barème commun (maximum). Sous l'AGEPI, barème de Mayotte (moitié) connu à partir de la
  délibération Mayotte 2014-13 du 26 mars 2014 (inconnu avant).
* **Enfants** : personnes de la famille au rôle `enfants`, âge apprécié à la date de la reprise ou de l'entrée
  en formation (`projet_date_debut`) quand la date de naissance de l'enfant est connue ; sinon âge déclaré au
  premier jour du mois (`age_declare`), approximation. Un enfant d'âge inconnu rend le critère « à vérifier » s'il est
  le seul qui pourrait compter, et compte dans le montant (maximum). Sans enfant décrit, l'entrée de
  famille `enfants_a_charge` à « non » rend non éligible, sinon le critère reste inconnu ; les enfants
  décrits priment sur cette entrée. Seul un parent de la famille peut être éligible.
* **Formation validée dans le PPAE** : exigée sous l'AGE ; sous l'AGEPI, la délibération 2013-46 n'a pas été
  relue sur ce point (l'instruction 2009-305 l'exigeait) : une formation non validée y reste « à vérifier ».
* **Contrats d'apprentissage et de professionnalisation** : des CDD (ou CDI) au sens du code du travail,
  soumis à la même durée minimale qu'un CDD.

Écarts avec `agepi` d'openfisca-france (176.1.8, `model/prestations/agepi.py`), voir
`docs/ecarts-openfisca-france.md` : il ne modélise que l'AGEPI, sans date de fin (rulebook §3.2 : « the AGE
regime has to be added ») ; `agepi_nbenf` ne compte que les enfants d'âge `> 0` (un enfant de moins d'un an
n'ouvre pas droit) ; sa condition de lieu accepte tout lieu renseigné, étranger compris (délibération 2013-46 :
activité en France) ; il exclut le CSP, que le rulebook couvre sans source (ici « à vérifier » sous l'AGEPI) ;
ses montants de Mayotte courent sans fin, quand les montants de l'AGE à Mayotte ne sont pas publiés.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Famille, Individu

from openfisca_clara.tri_etat import (
    DATE_NAISSANCE_PAR_DEFAUT,
    DATE_NON_RENSEIGNEE,
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    ajouter_mois,
    annees_revolues,
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
from openfisca_clara.variables.criteres.inscription import critere_categorie_au_bareme
from openfisca_clara.variables.projet.projet import LieuProjet, TypeContrat, TypeProjet

P = "clara.france_travail.aide_garde_enfants"
ARE_MINIMALE = "clara.references.are_minimale"
REFERENCE = "https://francetravail.fr/candidat/vos-recherches/les-aides-financieres/reprise-demploi---laide-a-la-gar.html"
# Tolérance des comparaisons en centimes : les paramètres sont des flottants (32.13 × 100 = 3213.0000000000005).
_EPSILON = 1e-6


def sous_plafond_au_centime(montant, plafond, lecture):
    """Critère « montant ≤ plafond » quand le plafond exact peut tomber entre deux centimes.

    `plafond` en euros (NaN : inconnu) ; `lecture` (tableau de chaînes) dit comment lire un montant compris
    entre le plafond tronqué et le plafond arrondi au centime : « au_centime » (sous le plafond),
    « sans_arrondi » (au-dessus) ou « incertain » (INCONNU). Montant non renseigné (−1) : INCONNU.
    """
    connu = renseigne(montant) & ~np.isnan(plafond)
    plafond_centimes = np.nan_to_num(np.asarray(plafond, dtype=np.float64)) * 100
    tronque = np.floor(plafond_centimes + _EPSILON)
    arrondi = np.floor(plafond_centimes + 0.5 + _EPSILON)
    montant_centimes = centimes(montant)
    entre_deux = np.select([lecture == "au_centime", lecture == "sans_arrondi"], [VRAI, FAUX], INCONNU)
    valeur = np.select([montant_centimes <= tronque, montant_centimes > arrondi], [VRAI, FAUX], entre_deux)
    return np.where(connu, valeur, INCONNU).astype(np.int8)


def _texte_aux_dates(parameters, dates, chemin, defaut):
    valeurs = np.full(np.shape(dates), defaut, dtype=object)
    for masque, p in par_date(parameters, dates):
        valeurs[masque] = lire(p, chemin, defaut)
    return valeurs


class france_travail_aide_garde_enfants_recue_12_derniers_mois(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà reçu l'aide à la garde d'enfants de France Travail (AGE ou AGEPI) au cours des 12 derniers mois"


class france_travail_aide_garde_enfants_nombre_enfants(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Nombre d'enfants de la famille dont l'âge connu est sous la limite de l'aide (10 ans AGEPI, 12 ans AGE) à la date de "
        "début de l'activité (au premier jour du mois sans date de naissance) ; 0 pour qui n'est pas parent"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        familles = individu.simulation.populations["famille"]
        ages_mois = individu("age_declare", period)
        limites = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.age_enfant_maximum", defaut=0)
        # L'âge s'apprécie à la date de début de l'activité du parent (§3.2 « at the start date ») : exact quand la
        # date de naissance de l'enfant et la date de début sont connues, sinon l'âge au premier jour du mois.
        if individu.get_holder("date_naissance").get_known_periods():
            naissances = np.asarray(individu("date_naissance", period), dtype="datetime64[D]")
        else:
            naissances = np.full(individu.count, DATE_NAISSANCE_PAR_DEFAUT)
        naissance_connue = naissances != DATE_NAISSANCE_PAR_DEFAUT
        debuts = np.asarray(individu("projet_date_debut", period), dtype="datetime64[D]")
        # Chaque enfant, à la date de début et sous la limite de chacun des parents de sa famille : un passage par
        # rang de parent (au plus deux), sur les enfants seulement (§4 e1 de performance-2026-12.md ; avant, un
        # passage sur toute la population par date de début distincte).
        nombre = np.zeros(individu.count, dtype=int)
        famille_de = np.asarray(familles.members_entity_id)
        parents = np.flatnonzero(individu.has_role(Famille.PARENT))
        enfants = np.flatnonzero(individu.has_role(Famille.ENFANT))
        if not parents.size or not enfants.size:
            return nombre
        parents = parents[np.lexsort((np.asarray(familles.members_position)[parents], famille_de[parents]))]
        familles_parents = famille_de[parents]
        rangs = np.arange(parents.size) - np.searchsorted(familles_parents, familles_parents, side="left")
        familles_enfants = famille_de[enfants]
        for rang in np.unique(rangs):
            parents_du_rang = parents[rangs == rang]  # au plus un par famille
            debut_famille = np.full(familles.count, DATE_NON_RENSEIGNEE)
            debut_famille[famille_de[parents_du_rang]] = debuts[parents_du_rang]
            limite_famille = np.zeros(familles.count)
            limite_famille[famille_de[parents_du_rang]] = limites[parents_du_rang]
            debut = debut_famille[familles_enfants]
            exact = naissance_connue[enfants] & date_renseignee(debut)
            naissance = naissances[enfants]
            ages = np.where(exact, annees_revolues(naissance, np.where(exact, debut, naissance)), ages_mois[enfants])
            sous_la_limite = (ages >= 0) & (ages < limite_famille[familles_enfants])
            par_famille = np.bincount(familles_enfants[sous_la_limite], minlength=familles.count)
            nombre[parents_du_rang] = par_famille[famille_de[parents_du_rang]]
        return nombre


class france_travail_aide_garde_enfants_nombre_enfants_age_inconnu(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Nombre d'enfants de la famille dont l'âge n'est pas renseigné ; 0 pour qui n'est pas parent"

    def formula(individu, period):
        familles = individu.simulation.populations["famille"]
        par_famille = familles.sum(familles.members("age_declare", period) < 0, role=Famille.ENFANT)
        return np.where(individu.has_role(Famille.PARENT), familles.project(par_famille), 0)


def _nombre_enfants_declares(individu):
    familles = individu.simulation.populations["famille"]
    return np.where(individu.has_role(Famille.PARENT), familles.project(familles.nb_persons(role=Famille.ENFANT)), 0)


class france_travail_aide_garde_enfants_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide à la garde d'enfants (AGEPI, puis AGE à partir du 1er mai 2024) est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_aide_garde_enfants_categorie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Être inscrit(e) à France Travail en catégorie 1, 2, 3, 4 « stagiaire de la formation professionnelle », 5 « contrat aidé », "
        "et, depuis le 1er mai 2024, 6, 7, 8, CSP ou PAP"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_categorie_au_bareme(individu, period, parameters, f"{P}.categories_eligibles", f"{P}.categories_incertaines")


class france_travail_aide_garde_enfants_ressources(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Ne pas être indemnisé(e) au titre du chômage, ou percevoir une allocation journalière au plus égale à l'ARE minimale "
        "(AGEPI) ou à 1,3 fois l'ARE minimale (AGE, depuis le 1er mai 2024)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        coefficient = parametre_aux_dates(parameters, dates, f"{P}.coefficient_plafond_ressources")
        lecture = _texte_aux_dates(parameters, dates, f"{P}.arrondi_plafond_ressources", "incertain")
        plafond_mayotte = coefficient * parametre_aux_dates(parameters, dates, f"{ARE_MINIMALE}.mayotte")
        plafond_hors_mayotte = coefficient * parametre_aux_dates(parameters, dates, f"{ARE_MINIMALE}.hors_mayotte")
        montant = individu("allocation_chomage_journaliere", period)
        a_mayotte = sous_plafond_au_centime(montant, plafond_mayotte, lecture)
        hors_mayotte = sous_plafond_au_centime(montant, plafond_hors_mayotte, lecture)
        # Commune inconnue : le résultat ne vaut que si les deux plafonds donnent le même.
        sous_le_plafond = np.where(
            individu.menage("commune_renseignee", period),
            np.where(individu.menage("reside_a_mayotte", period), a_mayotte, hors_mayotte),
            np.where(a_mayotte == hors_mayotte, a_mayotte, INCONNU),
        )
        return ou(individu("critere_non_indemnise_chomage", period), sous_le_plafond)


class france_travail_aide_garde_enfants_parent_isole(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Jusqu'au 30 avril 2024 (AGEPI) : élever seul(e) ses enfants"
    reference = REFERENCE

    def formula(individu, period, parameters):
        requis = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.parent_isole_requis", defaut=0) == 1
        return np.where(requis, reponse_oui(individu("parent_isole", period)), VRAI).astype(np.int8)


class france_travail_aide_garde_enfants_enfant(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir la garde et la charge d'au moins un enfant de moins de 12 ans (de moins de 10 ans jusqu'au 30 avril 2024)"
    reference = REFERENCE

    def formula(individu, period):
        sous_la_limite = individu("france_travail_aide_garde_enfants_nombre_enfants", period)
        age_inconnu = individu("france_travail_aide_garde_enfants_nombre_enfants_age_inconnu", period)
        declares = _nombre_enfants_declares(individu)
        reponse = individu.famille("enfants_a_charge", period)
        return np.select(
            [
                ~individu.has_role(Famille.PARENT),
                sous_la_limite > 0,
                age_inconnu > 0,
                declares > 0,  # tous d'âge connu, tous trop âgés
                reponse == Reponse.non,
            ],
            [FAUX, VRAI, INCONNU, FAUX, FAUX],
            default=INCONNU,  # « oui » ou non renseigné, sans enfant décrit
        ).astype(np.int8)


class france_travail_aide_garde_enfants_action(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Reprendre un emploi en CDI, CDD ou intérim (au moins 28 jours ; au moins 3 mois jusqu'au 30 avril 2024) "
        "ou entrer dans une formation d'au moins 40 heures"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        projet = individu("projet_type", period)
        contrat = individu("projet_contrat_type", period)
        duree_mois = individu("projet_contrat_duree_mois", period)
        duree_jours = individu("projet_contrat_duree_jours", period)
        heures = individu("projet_formation_heures", period)
        minimum_mois = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_mois")
        minimum_jours = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_jours")
        minimum_certain = parametre_aux_dates(parameters, dates, f"{P}.duree_minimale_contrat_certaine", defaut=0) == 1
        minimum_heures = parametre_aux_dates(parameters, dates, f"{P}.formation_duree_minimale_heures")

        # Seuil en mois (AGEPI) : la durée en mois tranche.
        en_mois = np.select(
            [~renseigne(duree_mois), duree_mois >= minimum_mois, minimum_certain],
            [INCONNU, VRAI, FAUX],
            INCONNU,
        )
        # Seuil en jours (AGE) : durée en jours, sinon borne basse depuis les mois (un mois compte au moins 28 jours).
        jours_connus = renseigne(duree_jours)
        jours_au_moins = np.where(jours_connus, duree_jours, np.where(renseigne(duree_mois), duree_mois * 28, -1))
        en_jours = np.select(
            [jours_au_moins < 0, jours_au_moins >= minimum_jours, jours_connus & minimum_certain],
            [INCONNU, VRAI, FAUX],
            INCONNU,
        )
        duree_suffisante = np.select([~np.isnan(minimum_mois), ~np.isnan(minimum_jours)], [en_mois, en_jours], INCONNU)
        emploi = np.select(
            [contrat == TypeContrat.non_renseigne, contrat == TypeContrat.cdi, contrat == TypeContrat.volontariat_international],
            [INCONNU, VRAI, FAUX],  # un volontariat international n'est ni un CDI, ni un CDD, ni de l'intérim
            duree_suffisante,  # CDD, intérim, apprentissage, professionnalisation
        )
        formation = critere(renseigne(heures), heures >= minimum_heures)
        return np.select(
            [projet == TypeProjet.non_renseigne, projet == TypeProjet.reprise_emploi, projet == TypeProjet.formation],
            [INCONNU, emploi, formation],
            FAUX,  # entretien, examen, prestation, immersion, création d'entreprise
        ).astype(np.int8)


class france_travail_aide_garde_enfants_formation_validee(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Pour une formation : formation validée par France Travail dans le projet personnalisé d'accès à l'emploi (PPAE)"
    reference = "http://www.francetravail.fr/candidat/en-formation/les-dispositifs/formation---laide-a-la-garde-den.html"

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        requise = parametre_aux_dates(parameters, dates, f"{P}.formation_validee_ppae_requise", defaut=0) == 1
        certaine = parametre_aux_dates(parameters, dates, f"{P}.formation_validee_ppae_certaine", defaut=0) == 1
        validee = individu("projet_formation_validee_ppae", period)
        # Exigence non établie (AGEPI) : une formation non validée reste « à vérifier ».
        valeur = np.where(certaine, reponse_oui(validee), np.where(validee == Reponse.oui, VRAI, INCONNU))
        projet = individu("projet_type", period)
        formation = projet == TypeProjet.formation
        # Projet inconnu : une formation reste possible, la condition ne vaut que si elle serait remplie.
        valeur = np.where(requise, valeur, VRAI)
        return np.select([formation, projet == TypeProjet.non_renseigne], [valeur, ou(valeur, INCONNU)], VRAI).astype(np.int8)


class france_travail_aide_garde_enfants_lieu(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Emploi ou formation en France (métropole ou outre-mer) ; depuis le 1er mai 2024, aussi dans l'EEE, en Suisse, à Andorre ou à Monaco"
    reference = REFERENCE

    def formula(individu, period, parameters):
        lieu = individu("projet_lieu", period)
        resultat = np.full(individu.count, INCONNU, dtype=np.int8)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            couverts = [LieuProjet[nom].index for nom in lire(p, f"{P}.lieux_couverts", [])]
            resultat[masque] = critere(lieu != LieuProjet.non_renseigne, np.isin(lieu, couverts))[masque]
        return resultat


class france_travail_aide_garde_enfants_delai(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Demande faite au plus tard dans les 3 mois qui suivent la reprise d'emploi ou l'entrée en formation (dans le mois, jusqu'au 30 avril 2024)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        debut = individu("projet_date_debut", period)
        mois = parametre_aux_dates(parameters, dates, f"{P}.delai_demande_mois", defaut=0).astype(int)
        return critere(date_renseignee(debut), dates <= ajouter_mois(debut, mois))


class france_travail_aide_garde_enfants_non_recue_12_mois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir reçu l'aide à la garde d'enfants au cours des 12 derniers mois"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("france_travail_aide_garde_enfants_recue_12_derniers_mois", period)))


def _grille(p, mayotte, intensite):
    return lire(p, f"{P}.montants.{'mayotte' if mayotte else 'hors_mayotte'}.{intensite}")


class france_travail_aide_garde_enfants_montants_connus(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider hors de Mayotte, ou à Mayotte à une date où les montants propres à Mayotte sont publiés"
    reference = REFERENCE
    documentation = (
        "Sous l'AGE, France Travail annonce « des montants spécifiques applicables à Mayotte » sans les chiffrer "
        "dans les sources lues (rulebook §3.2, §12.3) : l'aide y reste « à vérifier »."
    )

    def formula(individu, period, parameters):
        connus = np.ones(individu.count, dtype=bool)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            connus[masque] = _grille(p, True, "au_moins_15_heures") is not None
        return np.where(individu.menage("reside_a_mayotte", period) & ~connus, INCONNU, VRAI).astype(np.int8)


class france_travail_aide_garde_enfants_frais_de_garde(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir des frais de garde pour ces enfants (crèche, assistante maternelle, garde à domicile, périscolaire…)"


class france_travail_aide_garde_enfants_frais_de_garde_engages(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Depuis le 1er mai 2024 (AGE) : avoir des frais de garde pour ces enfants"
    reference = REFERENCE

    def formula(individu, period, parameters):
        requis = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.frais_de_garde_requis", defaut=0) == 1
        return np.where(requis, reponse_oui(individu("france_travail_aide_garde_enfants_frais_de_garde", period)), VRAI).astype(np.int8)


CRITERES = (
    "france_travail_aide_garde_enfants_dispositif_ouvert",
    "france_travail_aide_garde_enfants_categorie",
    "france_travail_aide_garde_enfants_ressources",
    "france_travail_aide_garde_enfants_parent_isole",
    "france_travail_aide_garde_enfants_enfant",
    "france_travail_aide_garde_enfants_action",
    "france_travail_aide_garde_enfants_formation_validee",
    "france_travail_aide_garde_enfants_lieu",
    "france_travail_aide_garde_enfants_delai",
    "france_travail_aide_garde_enfants_non_recue_12_mois",
    "france_travail_aide_garde_enfants_montants_connus",
    "france_travail_aide_garde_enfants_frais_de_garde_engages",
)


class france_travail_aide_garde_enfants_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide à la garde d'enfants de France Travail (AGE, ex-AGEPI) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide à la garde d'enfants (AGE, ex-AGEPI) » (France Travail) pour la personne et le mois évalués : éligible,"
        " à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère connu n'est "
        "pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour les "
        "alternatives). Règles : rulebook §3.2 ; fiche du catalogue « aide_garde_enfants » (GET /aides/aide_garde_enfants)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_aide_garde_enfants_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide à la garde d'enfants de France Travail (AGE, ex-AGEPI) : éligible"

    def formula(individu, period):
        return individu("france_travail_aide_garde_enfants_statut", period) == StatutEligibilite.eligible


class france_travail_aide_garde_enfants_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = (
        "Aide à la garde d'enfants de France Travail : montant forfaitaire selon le nombre d'enfants et la durée hebdomadaire "
        "(maximum possible si le nombre d'enfants, la durée ou le barème sont inconnus)"
    )
    documentation = (
        "Montant de « Aide à la garde d'enfants (AGE, ex-AGEPI) », en euros, une fois ; 0 quand l'aide est non éligible. Les "
        "taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend "
        "d'un fait inconnu, la fiche « aide_garde_enfants » dit s'il s'agit d'un maximum (montant_est_maximum) et comment il se "
        "calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        sous_la_limite = individu("france_travail_aide_garde_enfants_nombre_enfants", period)
        age_inconnu = individu("france_travail_aide_garde_enfants_nombre_enfants_age_inconnu", period)
        declares = _nombre_enfants_declares(individu)
        heures = individu("projet_heures_hebdomadaires", period)
        a_mayotte = individu.menage("reside_a_mayotte", period)

        # Nombre d'enfants inconnu : le plus grand possible (tous les enfants d'âge inconnu ; 3 sans enfant décrit).
        nombre = np.clip(np.where(declares > 0, sous_la_limite + age_inconnu, 3), 1, 3)
        seuil = parametre_aux_dates(parameters, dates, f"{P}.intensite_hebdomadaire_seuil")
        temps_reduit = renseigne(heures) & (heures < seuil)  # durée inconnue : montant « temps plein »

        montant = np.zeros(individu.count)
        for masque, p in par_date(parameters, dates):
            for mayotte in (False, True):
                for reduit, intensite in ((False, "au_moins_15_heures"), (True, "moins_de_15_heures")):
                    # Barème de Mayotte non publié : pas de montant (issue 8, classe f : jamais la grille d'un autre
                    # territoire) ; le critère montants_connus laisse l'aide « à vérifier ».
                    grille = _grille(p, mayotte, intensite)
                    if grille is None:
                        continue
                    cible = masque & (a_mayotte == mayotte) & (temps_reduit == reduit)
                    montant[cible] = np.asarray(grille, dtype=float)[nombre[cible] - 1]
        eligible_ou_a_verifier = individu("france_travail_aide_garde_enfants_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, np.round(montant, 2), 0)
