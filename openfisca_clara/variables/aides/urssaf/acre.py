"""ACRE — aide aux créateurs et repreneurs d'entreprise : exonération de cotisations de début d'activité (rulebook §6.2).

Ce n'est pas une somme versée : la fiche n'a pas de montant. `urssaf_acre_taux_exoneration` donne le niveau
d'exonération (part de réduction), et le statut dit si l'ACRE est ouverte.

Tout se lit à la date de création ou de reprise (`projet_date_debut`, projet `creation_entreprise`) :
* 2019 : tous les créateurs, sans condition de public ni demande (LFSS 2019) ;
* 2020-01-01 → 2025-12-31 : micro-entrepreneurs seulement s'ils relèvent d'un public de l'art. L.5141-1 du code
  du travail, demande à l'Urssaf dans les 45 jours ; les autres créateurs l'ont automatiquement ;
* depuis le 2026-01-01 (LFSS 2026, décret 2026-69) : tous doivent relever d'un public de l'art. L.5141-1 ou
  implanter l'entreprise en ZFRR, et la demander dans les 60 jours ;
* toujours : ne pas en avoir bénéficié dans les 3 années précédentes.

Le taux des micro-entrepreneurs suit la date de création pour toute la période : 50 % pour une création avant
le 1er juillet 2026, même après cette date (simulateur de l'Urssaf, betagouv/mon-entreprise n° 4583).
Incertitudes gardées « inconnues » (rulebook §6.2, §12.6) : le taux des autres créateurs dont la période chevauche le
1er janvier 2026 (le taux change pendant les 12 mois : `urssaf_acre_taux_exoneration` vaut −1) ; la formule de
dégressivité entre 75 % et 100 % du PASS, non modélisée (la condition de revenu est dans la fiche).

L'âge est celui du jour de la création : exact depuis la date de naissance ; à défaut, encadré depuis l'âge au
premier jour du mois évalué (`critere_age`), une borne ne tranchant que si l'âge au jour de la création est certain.
Approximation assumée : un seul jour de départ du délai de demande (la date de
création / de début d'activité).
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
    critere,
    date_renseignee,
    et,
    non,
    ou,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    selon,
    statut,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age
from openfisca_clara.variables.projet.projet import TypeProjet

P = "clara.urssaf.acre"
REFERENCE = "https://entreprendre.service-public.fr/vosdroits/F11677"


# --- Faits d'entrée propres à l'ACRE ---------------------------------------------------------------


class urssaf_acre_micro_entreprise(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'entreprise créée ou reprise relève du régime micro-entrepreneur (micro-social)"
    reference = REFERENCE


class urssaf_acre_entreprise_en_qpv(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'entreprise créée ou reprise est implantée dans un quartier prioritaire de la politique de la ville (QPV)"
    reference = REFERENCE


class urssaf_acre_entreprise_en_zfrr(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'entreprise créée ou reprise est implantée dans une zone France ruralités revitalisation (ZFRR ou ZFRR+)"
    reference = REFERENCE
    documentation = (
        "Non renseigné : la réponse à `reside_en_zfrr` (« résider ou implanter son activité en ZFRR ») n'est lue que "
        "par la négative (ni l'un ni l'autre : pas de ZFRR) ; « oui » n'établit pas l'implantation de l'entreprise."
    )


class urssaf_acre_autre_public(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Relever d'un autre public de l'ACRE : moins de 30 ans sans droits au chômage faute de durée de travail suffisante, "
        "salarié(e) reprenant son entreprise en sauvegarde, redressement ou liquidation, titulaire d'un CAPE, "
        "bénéficiaire de la PreParE"
    )
    reference = "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006072050"


class urssaf_acre_mois_inscrit_18_derniers_mois(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "month"
    label = "Nombre de mois d'inscription comme demandeur d'emploi au cours des 18 derniers mois ; −1 : non renseigné"
    reference = REFERENCE


class urssaf_acre_beneficiee_3_dernieres_annees(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà bénéficié de l'ACRE au cours des 3 dernières années"
    reference = REFERENCE


# --- Outils -------------------------------------------------------------------------------------------


def _date_creation(individu, period):
    return individu("projet_date_debut", period)


def _selon_regime(regime, valeur_micro, valeur_autres):
    """Critère selon le régime : micro, autre ; régime inconnu : la valeur commune, sinon INCONNU."""
    inconnu = np.where(valeur_micro == valeur_autres, valeur_micro, INCONNU)
    return np.select([regime == Reponse.oui, regime == Reponse.non], [valeur_micro, valeur_autres], inconnu).astype(np.int8)


def _exige(parameters, dates, chemin):
    return parametre_aux_dates(parameters, dates, chemin, defaut=0) == 1


# --- Critères -----------------------------------------------------------------------------------------


class urssaf_acre_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "L'ACRE est ouverte à la date de création ou de reprise de l'entreprise"
    reference = REFERENCE

    def formula(individu, period, parameters):
        debut = _date_creation(individu, period)
        ouvert = _exige(parameters, debut, f"{P}.ouvert")
        return critere(date_renseignee(debut), ouvert)


class urssaf_acre_projet_creation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Créer ou reprendre une entreprise"
    reference = REFERENCE

    def formula(individu, period):
        projet = individu("projet_type", period)
        return critere(projet != TypeProjet.non_renseigne, projet == TypeProjet.creation_entreprise)


class urssaf_acre_public_l5141_1(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Relever d'un public de l'ACRE (art. L.5141-1 du code du travail) : demandeur d'emploi indemnisé, ou inscrit 6 mois "
        "au cours des 18 derniers mois, bénéficiaire du RSA ou de l'ASS, 18 à 25 ans, moins de 30 ans reconnu(e) handicapé(e), "
        "entreprise en QPV… ; depuis 2026, ou entreprise implantée en ZFRR"
    )
    reference = "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006072050"

    def formula(individu, period, parameters):
        debut = _date_creation(individu, period)

        # Inscription 6 mois sur 18 : le nombre de mois déclaré, sinon une inscription continue depuis 6 mois.
        mois_declares = individu("urssaf_acre_mois_inscrit_18_derniers_mois", period)
        minimum = parametre_aux_dates(parameters, debut, f"{P}.inscription_duree_minimale_mois", defaut=6)
        inscrit = individu("inscription_france_travail", period) == Reponse.oui
        date_inscription = individu("date_inscription_france_travail", period)
        continue_depuis_6_mois = (
            inscrit & date_renseignee(date_inscription) & date_renseignee(debut) & (date_inscription <= ajouter_mois(debut, -minimum.astype(int)))
        )
        inscription = np.where(renseigne(mois_declares), critere(True, mois_declares >= minimum), selon(continue_depuis_6_mois, VRAI, INCONNU))

        # Âge au jour de la création : exact avec la date de naissance, encadré depuis l'âge au 1er du mois sinon.
        jeune = critere_age(
            individu,
            period,
            debut,
            au_moins=parametre_aux_dates(parameters, debut, f"{P}.age_jeune_minimum", defaut=18),
            moins_de=parametre_aux_dates(parameters, debut, f"{P}.age_jeune_maximum", defaut=25) + 1,
        )
        handicape = et(
            critere_age(individu, period, debut, moins_de=parametre_aux_dates(parameters, debut, f"{P}.age_handicap_limite", defaut=30)),
            reponse_oui(individu("rqth", period)),
        )
        zfrr_compte = _exige(parameters, debut, f"{P}.zfrr_ouvre_droit")
        # La loi vise l'implantation de l'entreprise (rulebook §6.2) ; à défaut de réponse, « ni résider ni implanter son
        # activité en ZFRR » exclut la ZFRR, « oui » ne dit pas si c'est l'entreprise qui y est implantée.
        entreprise_zfrr = individu("urssaf_acre_entreprise_en_zfrr", period)
        par_residence = np.where(individu("reside_en_zfrr", period) == Reponse.non, FAUX, INCONNU)
        zfrr_fait = np.where(entreprise_zfrr != Reponse.non_renseigne, reponse_oui(entreprise_zfrr), par_residence)
        zfrr = np.where(zfrr_compte, zfrr_fait, FAUX)
        return ou(
            individu("critere_indemnise_chomage", period),
            inscription,
            reponse_oui(individu("percoit_rsa", period)),
            reponse_oui(individu("percoit_ass", period)),
            jeune,
            handicape,
            reponse_oui(individu("urssaf_acre_entreprise_en_qpv", period)),
            reponse_oui(individu("urssaf_acre_autre_public", period)),
            zfrr,
        ).astype(np.int8)


class urssaf_acre_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Relever d'un public de l'ACRE quand la loi l'exige (micro-entrepreneurs depuis 2020, tous les créateurs depuis 2026)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        debut = _date_creation(individu, period)
        public = individu("urssaf_acre_public_l5141_1", period)
        pour_micro = np.where(_exige(parameters, debut, f"{P}.public_requis_micro"), public, VRAI)
        pour_autres = np.where(_exige(parameters, debut, f"{P}.public_requis_autres"), public, VRAI)
        resultat = _selon_regime(individu("urssaf_acre_micro_entreprise", period), pour_micro, pour_autres)
        return np.where(date_renseignee(debut), resultat, ou(public, INCONNU)).astype(np.int8)


class urssaf_acre_delai_demande(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Demander l'ACRE à l'Urssaf dans le délai quand une demande est exigée (60 jours après la création depuis 2026, 45 jours pour les micro-entrepreneurs de 2020 à 2025)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        debut = _date_creation(individu, period)
        demande = individu("date_demande", period)

        def dans_le_delai(chemin):
            jours = parametre_aux_dates(parameters, debut, chemin)
            sans_demande = np.isnan(jours)
            limite = debut + np.nan_to_num(jours).astype(int).astype("timedelta64[D]")
            return np.where(sans_demande, VRAI, critere(True, demande <= limite))

        resultat = _selon_regime(
            individu("urssaf_acre_micro_entreprise", period),
            dans_le_delai(f"{P}.delai_demande_jours_micro"),
            dans_le_delai(f"{P}.delai_demande_jours_autres"),
        )
        return np.where(date_renseignee(debut), resultat, INCONNU).astype(np.int8)


class urssaf_acre_pas_de_acre_recente(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir bénéficié de l'ACRE au cours des 3 dernières années"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("urssaf_acre_beneficiee_3_dernieres_annees", period)))


class urssaf_acre_controle_effectif(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Exercer le contrôle effectif de l'entreprise (toujours vrai pour une micro-entreprise, entreprise individuelle)"
    reference = REFERENCE

    def formula(individu, period):
        micro = reponse_oui(individu("urssaf_acre_micro_entreprise", period))
        return ou(micro, reponse_oui(individu("creation_controle_effectif", period)))


CRITERES = (
    "urssaf_acre_dispositif_ouvert",
    "urssaf_acre_projet_creation",
    "urssaf_acre_public",
    "urssaf_acre_delai_demande",
    "urssaf_acre_pas_de_acre_recente",
    "urssaf_acre_controle_effectif",
)


class urssaf_acre_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "ACRE (exonération de début d'activité) : statut d'éligibilité"
    documentation = (
        "Statut de « ACRE — exonération de cotisations en début d'activité » (Urssaf) pour la personne et le mois évalués : "
        "éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un critère "
        "connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, OU pour "
        "les alternatives). Règles : rulebook §6.2 ; fiche du catalogue « acre » (GET /aides/acre)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class urssaf_acre_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "ACRE (exonération de début d'activité) : éligible"

    def formula(individu, period):
        return individu("urssaf_acre_statut", period) == StatutEligibilite.eligible


class urssaf_acre_taux_exoneration(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "/1"
    label = (
        "ACRE : niveau d'exonération (micro-entrepreneur : réduction du taux de cotisations ; autres : part maximale des "
        "cotisations couvertes exonérée pour un revenu d'au plus 75 % du PASS) ; 0 si non éligible, −1 si inconnu"
    )
    reference = REFERENCE
    documentation = (
        "Lu à la date de création. Micro-entrepreneurs : le taux de la date de création vaut pour toute la période. "
        "Autres créateurs : si le taux change dans les 12 mois qui suivent (1er janvier 2026), la règle de transition "
        "n'est pas établie : −1 (rulebook §6.2)."
    )

    def formula(individu, period, parameters):
        debut = _date_creation(individu, period)
        fin_periode = ajouter_mois(debut, 12) - np.timedelta64(1, "D")

        def taux(chemin):
            au_debut = parametre_aux_dates(parameters, debut, chemin)
            a_la_fin = parametre_aux_dates(parameters, fin_periode, chemin)
            stable = ~np.isnan(au_debut) & (au_debut == a_la_fin)
            return np.where(stable, au_debut, NON_RENSEIGNE)

        # Micro-entrepreneurs : le taux suit la date de création, pour toute la période (une création avant le
        # 1er juillet 2026 garde 50 % : simulateur de l'Urssaf, betagouv/mon-entreprise n° 4583 et n° 4603).
        micro = parametre_aux_dates(parameters, debut, f"{P}.taux_reduction_micro", defaut=NON_RENSEIGNE)
        autres = taux(f"{P}.taux_exoneration_maximal_non_micro")
        regime = individu("urssaf_acre_micro_entreprise", period)
        valeur = np.select([regime == Reponse.oui, regime == Reponse.non], [micro, autres], np.where(micro == autres, micro, NON_RENSEIGNE))
        valeur = np.where(date_renseignee(debut), valeur, NON_RENSEIGNE)
        eligible_ou_a_verifier = individu("urssaf_acre_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, valeur, 0)
