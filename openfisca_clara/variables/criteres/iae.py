"""Critères d'éligibilité à un parcours d'insertion par l'activité économique (IAE), communs aux deux aides
`iae_eligibilite_aci_ei` et `iae_eligibilite_ai_etti` (rulebook §7.8).

Arrêté du 1er septembre 2021 (code du travail, articles L. 5132-3 et R. 5132-1-7) : un critère direct
(« niveau 1 ») suffit ; sinon il faut réunir 3 critères complémentaires (« niveau 2 ») pour un atelier et
chantier d'insertion, une entreprise d'insertion ou une EITI, 2 pour une association intermédiaire ou une ETTI.

Compter en trois états : `etat_iae_nombre_criteres_complementaires` compte les critères VRAIS ;
`etat_iae_nombre_criteres_complementaires_possibles` compte ceux qui ne sont pas FAUX (vrais ou inconnus),
sans compter deux fois l'âge : « jeune » et « senior » ne peuvent pas être vrais ensemble. Le seuil est atteint
si le premier l'atteint ; il est manqué si même le second ne l'atteint pas.

Les critères sont appréciés à la date de la demande (`date_demande`), celle du diagnostic d'éligibilité.
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
    et,
    lire,
    ou,
    par_date,
    parametre_aux_dates,
    reponse_oui,
)
from openfisca_clara.variables.criteres.age_a_une_date import critere_age

P = "clara.etat.iae_criteres"
ARRETE_2021 = "https://www.legifrance.gouv.fr/eli/arrete/2021/9/1/MTRD2124285A/jo/texte"


def _duree_inscription_au_moins(individu, period, parameters, chemin):
    """Inscrit(e) à France Travail depuis au moins N mois à la date de la demande (N lu à cette date)."""
    dates = individu("date_demande", period)
    inscription = individu("date_inscription_france_travail", period)
    mois = parametre_aux_dates(parameters, dates, f"{P}.{chemin}")
    connu = date_renseignee(inscription) & ~np.isnan(mois)
    atteint = ajouter_mois(inscription, np.nan_to_num(mois).astype(int)) <= dates
    return et(individu("critere_inscrit_france_travail", period), critere(connu, atteint))


# --- Critères directs (niveau 1) ---


class etat_iae_critere_rsa(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être bénéficiaire du revenu de solidarité active (RSA)"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("percoit_rsa", period))


class etat_iae_critere_ass(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être allocataire de l'allocation de solidarité spécifique (ASS)"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("percoit_ass", period))


class etat_iae_critere_aah(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être allocataire de l'allocation aux adultes handicapés (AAH)"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("percoit_aah", period))


class etat_iae_critere_demandeur_emploi_tres_longue_duree(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) à France Travail depuis au moins 24 mois (demandeur d'emploi de très longue durée)"
    reference = ARRETE_2021

    def formula(individu, period, parameters):
        return _duree_inscription_au_moins(individu, period, parameters, "inscription_tres_longue_duree_mois")


class etat_iae_critere_direct(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Remplir un critère direct : RSA, ASS, AAH ou inscription à France Travail depuis au moins 24 mois"
    reference = ARRETE_2021

    def formula(individu, period):
        return ou(
            individu("etat_iae_critere_rsa", period),
            individu("etat_iae_critere_ass", period),
            individu("etat_iae_critere_aah", period),
            individu("etat_iae_critere_demandeur_emploi_tres_longue_duree", period),
        )


# --- Critères complémentaires (niveau 2) ---


class etat_iae_critere_niveau_formation(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir un niveau de formation 3 (CAP, BEP) ou inférieur"
    reference = ARRETE_2021

    def formula(individu, period, parameters):
        niveau = individu("plus_haut_diplome_niveau", period)
        TypesNiveauDiplome = niveau.possible_values  # noqa: N806 (Enum d'openfisca-france)
        resultat = np.full(individu.count, INCONNU, dtype=np.int8)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            eligibles = [TypesNiveauDiplome[nom].index for nom in lire(p, f"{P}.niveaux_formation_eligibles", [])]
            resultat[masque] = critere(niveau != TypesNiveauDiplome.non_renseigne, np.isin(niveau, eligibles))[masque]
        return resultat


class etat_iae_critere_senior(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir plus de 50 ans (50 ans révolus)"
    reference = ARRETE_2021

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        return critere_age(individu, period, dates, au_moins=parametre_aux_dates(parameters, dates, f"{P}.age_senior_au_moins"))


class etat_iae_critere_jeune(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir moins de 26 ans"
    reference = ARRETE_2021

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        return critere_age(individu, period, dates, moins_de=parametre_aux_dates(parameters, dates, f"{P}.age_jeune_moins_de"))


class etat_iae_critere_sortant_aide_sociale_enfance(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sortant(e) de l'aide sociale à l'enfance (ASE)"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("sortant_aide_sociale_enfance", period))


class etat_iae_critere_demandeur_emploi_longue_duree(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être inscrit(e) à France Travail depuis 12 à 24 mois (demandeur d'emploi de longue durée)"
    reference = ARRETE_2021

    def formula(individu, period, parameters):
        au_moins_12 = _duree_inscription_au_moins(individu, period, parameters, "inscription_longue_duree_mois")
        au_moins_24 = individu("etat_iae_critere_demandeur_emploi_tres_longue_duree", period)
        # 24 mois et plus : critère direct, pas complémentaire.
        return et(au_moins_12, -au_moins_24).astype(np.int8)


class etat_iae_critere_travailleur_handicape(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être reconnu(e) travailleur handicapé (RQTH) ou bénéficiaire de l'obligation d'emploi"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("rqth", period))


class etat_iae_critere_parent_isole(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être parent isolé(e)"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("parent_isole", period))


class etat_iae_critere_sans_hebergement(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sans hébergement, hébergé(e) ou avoir un parcours de rue"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("sans_hebergement_ou_heberge", period))


class etat_iae_critere_refugie_ou_demandeur_asile(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être réfugié(e) statutaire, bénéficiaire d'une protection subsidiaire ou temporaire, ou demandeur(se) d'asile"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("refugie_protege_ou_demandeur_asile", period))


class etat_iae_critere_zone_rurale(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider en zone de revitalisation rurale (ZRR), devenue zone France ruralités revitalisation (ZFRR) le 1er juillet 2024"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("reside_en_zfrr", period))


class etat_iae_critere_qpv(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider dans un quartier prioritaire de la politique de la ville (QPV)"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("reside_en_qpv", period))


class etat_iae_critere_justice(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sortant(e) de détention ou placé(e) sous main de justice"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("sous_main_justice_ou_sortant_detention", period))


class etat_iae_critere_maitrise_francais(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir une maîtrise de la langue française inférieure au niveau A1"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("maitrise_francais_insuffisante", period))


class etat_iae_critere_mobilite(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Avoir un problème de mobilité"
    reference = ARRETE_2021

    def formula(individu, period):
        return reponse_oui(individu("probleme_mobilite", period))


CRITERES_COMPLEMENTAIRES = (
    "etat_iae_critere_niveau_formation",
    "etat_iae_critere_senior",
    "etat_iae_critere_jeune",
    "etat_iae_critere_sortant_aide_sociale_enfance",
    "etat_iae_critere_demandeur_emploi_longue_duree",
    "etat_iae_critere_travailleur_handicape",
    "etat_iae_critere_parent_isole",
    "etat_iae_critere_sans_hebergement",
    "etat_iae_critere_refugie_ou_demandeur_asile",
    "etat_iae_critere_zone_rurale",
    "etat_iae_critere_qpv",
    "etat_iae_critere_justice",
    "etat_iae_critere_maitrise_francais",
    "etat_iae_critere_mobilite",
)


class etat_iae_nombre_criteres_complementaires(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Nombre de critères complémentaires d'éligibilité à l'IAE remplis (connus)"
    reference = ARRETE_2021

    def formula(individu, period):
        return sum((individu(nom, period) == VRAI).astype(int) for nom in CRITERES_COMPLEMENTAIRES)


class etat_iae_nombre_criteres_complementaires_possibles(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Nombre de critères complémentaires d'éligibilité à l'IAE remplis ou encore possibles (inconnus)"
    reference = ARRETE_2021

    def formula(individu, period):
        possibles = sum((individu(nom, period) != FAUX).astype(int) for nom in CRITERES_COMPLEMENTAIRES)
        # « Jeune » et « senior » ne peuvent pas être vrais ensemble : l'âge inconnu compte pour un.
        age_inconnu = (individu("etat_iae_critere_jeune", period) != FAUX) & (individu("etat_iae_critere_senior", period) != FAUX)
        return possibles - age_inconnu.astype(int)


def critere_criteres_complementaires(individu, period, parameters, chemin_seuil):
    """Seuil de critères complémentaires atteint (VRAI), manqué même avec tous les inconnus (FAUX), ou inconnu.

    Quand la liste en vigueur n'est pas connue (arrêté du 4 septembre 2025 non lu), un seuil manqué reste inconnu.
    """
    dates = individu("date_demande", period)
    seuil = parametre_aux_dates(parameters, dates, chemin_seuil)
    liste_certaine = parametre_aux_dates(parameters, dates, f"{P}.liste_complementaire_certaine", defaut=0) == 1
    remplis = individu("etat_iae_nombre_criteres_complementaires", period)
    possibles = individu("etat_iae_nombre_criteres_complementaires_possibles", period)
    return np.select(
        [np.isnan(seuil), remplis >= np.nan_to_num(seuil), (possibles < np.nan_to_num(seuil)) & liste_certaine],
        [INCONNU, VRAI, FAUX],
        INCONNU,
    ).astype(np.int8)
