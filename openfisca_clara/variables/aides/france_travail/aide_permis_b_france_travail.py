"""Aide de France Travail à l'obtention du permis de conduire B (rulebook §3.3).

Délibération 2011-13 du 11 avril 2011, instruction PE 2011-205 (mise à jour au BOPE 2020-05) ; fermée par la
délibération 2025-48 du 27 novembre 2025 : les demandes datées du 1er avril 2026 ou après ne sont plus
éligibles (paramètre `ouvert`), France Travail passant par le CPF.

Conditions modélisées, lues à la date de la demande :

* 18 ans au moins au jour de la demande (`critere_age` : exact avec `date_naissance`, sinon borné depuis
  `age_declare`, l'âge au premier jour du mois — « à vérifier » si la personne a pu avoir 18 ans entre-temps) ;
* inscription continue depuis au moins 6 mois, toutes catégories (`date_inscription_france_travail` + 6 mois,
  de date à date, au plus tard le jour de la demande), **ou** promesse d'embauche en CDI, ou en CDD / intérim
  d'au moins 3 mois (dérogation, modélisée comme une alternative dans le même critère) ;
* catégorie : le texte cite les catégories **statistiques**, l'entrée est la catégorie **administrative**
  (rulebook §2.1). Correspondance retenue : A et B = catégories 1, 2, 3 (sans activité, ou au plus 78 h
  dans le mois) ; D « formation » ou « CSP » = 4 stagiaire de la formation professionnelle et 4 CSP ;
  E « contrats aidés » = 5 contrat aidé. Ne sont pas couvertes : C (= 6, 7, 8, plus de 78 h), 4 PAP et
  4 autre, 5 hors contrat aidé. F et G (depuis 2025) : correspondance non publiée, « à vérifier » ;
* ressources, en A, B ou D seulement : ne pas être indemnisé(e), ou percevoir un minimum social (RSA, ASS,
  AAH), ou une allocation journalière au plus égale à l'ARE minimale (celle de Mayotte pour qui y réside).
  Avant le 1er juillet 2021, l'ARE minimale partagée (`clara.references.are_minimale`) n'a pas de valeur :
  une personne indemnisée qui n'a pas de minimum social y est « à vérifier ».

Faits déclarés (critères) : constat par le conseiller que l'absence de permis freine le retour à l'emploi,
absence d'autre aide au permis (publique ou privée), attribution une seule fois. Non modélisés (fiche du
catalogue) : demande avant l'inscription en auto-école, budgets régionaux.

Montant : au plus 1 200 €, versé à l'auto-école selon le devis ; le modèle affiche le plafond.

Écarts avec `aide_permis_demandeur_emploi` d'openfisca-france (176.1.8,
`model/prestations/aide_permis_demandeur_emploi.py`), voir `docs/ecarts-openfisca-france.md` : son
éligibilité financière exclut les allocataires du RSA et de l'AAH (et les retraités), quand l'instruction les
couvre expressément (rulebook §3.3 : « do not reuse it ») ; elle compare le chômage net **mensuel** à 31 fois
l'ARE minimale hors Mayotte, et non l'allocation journalière à l'ARE minimale (de Mayotte à Mayotte) ; son
éligibilité individuelle se réduit à `activite == chomeur`, sans âge, ancienneté d'inscription ni catégorie ;
elle n'a pas de date de fin.
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
    ajouter_mois,
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
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.criteres.inscription import critere_allocation_sous_are_minimale
from openfisca_clara.variables.profil.inscription import CATEGORIES_INDETERMINEES, CategorieDemandeurEmploi
from openfisca_clara.variables.projet.projet import TypeContrat

P = "clara.france_travail.aide_permis_b_france_travail"
REFERENCE = "https://www.bo-pole-emploi.org/bulletinsofficiels/instruction-pe-n2011-205-du-9-decembre-2011--mise-a-jour-bope-n2020-05.html?type=dossiers/2020/bope-n2020-005-du-17-janvier-2020"


class france_travail_aide_permis_b_promesse_embauche(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Avoir une promesse d'embauche pour laquelle le permis B est nécessaire "
        "(type et durée du contrat promis : projet_contrat_type, projet_contrat_duree_mois)"
    )


class france_travail_aide_permis_b_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'aide au permis B de France Travail est ouverte à la date de la demande (demandes jusqu'au 31 mars 2026)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert")


class france_travail_aide_permis_b_age(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir au moins 18 ans"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Âge au jour de la demande : exact avec la date de naissance ; sinon borné depuis l'âge au 1er du mois.
        dates = individu("date_demande", period)
        minimum = parametre_aux_dates(parameters, dates, f"{P}.age_minimum")
        return critere_age(individu, period, dates, au_moins=minimum)


class france_travail_aide_permis_b_anciennete_inscription(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Être inscrit(e) à France Travail depuis au moins 6 mois sans interruption, toutes catégories, "
        "ou avoir une promesse d'embauche en CDI, ou en CDD ou intérim d'au moins 3 mois"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        inscription = individu("date_inscription_france_travail", period)
        mois = parametre_aux_dates(parameters, dates, f"{P}.anciennete_inscription_minimale_mois", defaut=0).astype(int)
        anciennete = critere(date_renseignee(inscription), ajouter_mois(inscription, mois) <= dates)

        contrat = individu("projet_contrat_type", period)
        duree = individu("projet_contrat_duree_mois", period)
        duree_minimale = parametre_aux_dates(parameters, dates, f"{P}.promesse_embauche_duree_minimale_mois")
        contrat_couvert = np.select(
            [contrat == TypeContrat.non_renseigne, contrat == TypeContrat.cdi, contrat == TypeContrat.volontariat_international],
            [INCONNU, VRAI, FAUX],
            critere(renseigne(duree), duree >= duree_minimale),  # CDD, intérim (et alternance, CDD au sens du code)
        )
        promesse = et(reponse_oui(individu("france_travail_aide_permis_b_promesse_embauche", period)), contrat_couvert)
        return et(individu("critere_inscrit_france_travail", period), ou(anciennete, promesse))


def _categories(p, cle):
    return [CategorieDemandeurEmploi[nom].index for nom in lire(p, f"{P}.{cle}", [])]


class france_travail_aide_permis_b_categorie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) en catégorie 1, 2 ou 3 (A ou B), 4 « stagiaire de la formation professionnelle » ou CSP (D), " "ou 5 « contrat aidé » (E)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        categorie = individu("categorie_demandeur_emploi", period)
        connue = ~np.isin(categorie, [c.index for c in CATEGORIES_INDETERMINEES])
        resultat = np.full(individu.count, INCONNU, dtype=np.int8)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            couvertes = _categories(p, "categories_sous_condition_de_ressources") + _categories(p, "categories_sans_condition_de_ressources")
            resultat[masque] = critere(connue, np.isin(categorie, couvertes))[masque]
        return et(individu("critere_inscrit_france_travail", period), resultat)


class france_travail_aide_permis_b_ressources(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "En catégorie A, B ou D : ne pas être indemnisé(e) au titre du chômage, ou percevoir le RSA, l'ASS ou l'AAH, "
        "ou une allocation journalière au plus égale à l'ARE minimale (pas de condition en contrat aidé)"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        sous_le_seuil = critere_allocation_sous_are_minimale(individu, period, parameters)
        ressources = ou(
            individu("critere_non_indemnise_chomage", period),
            individu("critere_beneficiaire_minimum_social", period),
            sous_le_seuil,
        )

        categorie = individu("categorie_demandeur_emploi", period)
        sans_condition = np.zeros(individu.count, dtype=bool)
        for masque, p in par_date(parameters, dates):
            sans_condition[masque] = np.isin(categorie, _categories(p, "categories_sans_condition_de_ressources"))[masque]
        inconnue = np.isin(categorie, [c.index for c in CATEGORIES_INDETERMINEES])
        # Catégorie inconnue : peut-être un contrat aidé, dispensé de la condition.
        return np.select([sans_condition, inconnue], [VRAI, np.maximum(ressources, INCONNU)], ressources).astype(np.int8)


class france_travail_aide_permis_b_frein_confirme(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Le conseiller France Travail confirme que l'absence de permis B freine le retour à l'emploi (emploi visé qui l'exige, zone mal desservie)"


class france_travail_aide_permis_b_autre_aide_permis(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Bénéficier d'une autre aide au permis de conduire, d'un organisme public ou privé"


class france_travail_aide_permis_b_deja_recue(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà reçu l'aide au permis B de France Travail"


class france_travail_aide_permis_b_besoin_confirme(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le conseiller France Travail constate que l'absence de permis B freine le retour à l'emploi"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("france_travail_aide_permis_b_frein_confirme", period))


class france_travail_aide_permis_b_sans_autre_aide(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne bénéficier d'aucune autre aide au permis, publique ou privée"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("france_travail_aide_permis_b_autre_aide_permis", period)))


class france_travail_aide_permis_b_premiere_fois(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne jamais avoir reçu l'aide au permis B de France Travail (accordée une seule fois)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("france_travail_aide_permis_b_deja_recue", period)))


class france_travail_aide_permis_b_sans_permis(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas être déjà titulaire du permis B (l'aide finance son obtention)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("titulaire_permis_b", period)))


CRITERES = (
    "france_travail_aide_permis_b_dispositif_ouvert",
    "france_travail_aide_permis_b_age",
    "france_travail_aide_permis_b_anciennete_inscription",
    "france_travail_aide_permis_b_categorie",
    "france_travail_aide_permis_b_ressources",
    "france_travail_aide_permis_b_besoin_confirme",
    "france_travail_aide_permis_b_sans_autre_aide",
    "france_travail_aide_permis_b_premiere_fois",
    "france_travail_aide_permis_b_sans_permis",
)


class france_travail_aide_permis_b_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide au permis de conduire B de France Travail : statut d'éligibilité"
    documentation = (
        "Statut de « Aide au permis de conduire B de France Travail » (France Travail) pour la personne et le mois évalués : "
        "éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : rulebook §3.3 ; fiche du catalogue « aide_permis_b_france_travail » (GET "
        "/aides/aide_permis_b_france_travail)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class france_travail_aide_permis_b_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide au permis de conduire B de France Travail : éligible"

    def formula(individu, period):
        return individu("france_travail_aide_permis_b_statut", period) == StatutEligibilite.eligible


class france_travail_aide_permis_b_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide au permis de conduire B de France Travail : montant maximal (versé à l'auto-école selon le devis)"
    documentation = (
        "Montant de « Aide au permis de conduire B de France Travail », en euros, une fois ; 0 quand l'aide est non éligible. Les"
        " taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le montant dépend "
        "d'un fait inconnu, la fiche « aide_permis_b_france_travail » dit s'il s'agit d'un maximum (montant_est_maximum) et "
        "comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        plafond = parametre_aux_dates(parameters, individu("date_demande", period), f"{P}.montant_maximum", defaut=0)
        eligible_ou_a_verifier = individu("france_travail_aide_permis_b_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, plafond, 0)
