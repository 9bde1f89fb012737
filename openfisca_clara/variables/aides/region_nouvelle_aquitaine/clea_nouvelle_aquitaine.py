"""Aides individuelles régionales aux certifications CléA, Région Nouvelle-Aquitaine (rulebook §5.2).

Forfait versé à l'organisme évaluateur : CléA Socle 450 € (évaluation initiale) / 250 € (finale),
CléA Numérique 300 € / 150 €. Pour les néo-aquitains sans emploi (ou accompagnés par une SIAE, ou détenus
dans la région), dossier complet déposé au moins 3 semaines avant le début de l'évaluation.
Source : page régionale (`shared/reference/sources/nouvelle-aquitaine-clea-aid-page.txt`).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu
from openfisca_france.model.caracteristiques_socio_demographiques.logement import TypesCodeInseeRegion

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    Reponse,
    StatutEligibilite,
    critere,
    critere_ouverture,
    date_renseignee,
    et,
    lire,
    non,
    ou,
    par_date,
    parametre_aux_dates,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.profil.inscription import CategorieDemandeurEmploi

P = "clara.region_nouvelle_aquitaine.clea_nouvelle_aquitaine"
REFERENCE = "https://les-aides.nouvelle-aquitaine.fr/"


class CertificatClea(Enum):
    __order__ = "non_renseigne socle numerique aucun"
    non_renseigne = "Non renseigné"
    socle = "CléA Socle de connaissances et de compétences professionnelles"
    numerique = "CléA Numérique"
    aucun = "Aucune évaluation CléA prévue"


class EvaluationClea(Enum):
    __order__ = "non_renseigne initiale finale"
    non_renseigne = "Non renseignée"
    initiale = "Évaluation initiale"
    finale = "Évaluation finale (après une formation)"


class region_nouvelle_aquitaine_clea_certificat(Variable):
    value_type = Enum
    possible_values = CertificatClea
    default_value = CertificatClea.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Certification CléA visée par l'évaluation"


class region_nouvelle_aquitaine_clea_evaluation(Variable):
    value_type = Enum
    possible_values = EvaluationClea
    default_value = EvaluationClea.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Type d'évaluation CléA (initiale ou finale)"


class region_nouvelle_aquitaine_clea_public_specifique(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être accompagné(e) par une structure d'insertion par l'activité économique (SIAE) ou détenu(e) dans un établissement pénitentiaire de Nouvelle-Aquitaine"


class region_nouvelle_aquitaine_clea_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le dépôt des demandes d'aide CléA est ouvert à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        # Date de création inconnue : avant l'historique modélisé, « à vérifier ».
        ouverture = critere_ouverture(parameters, dates, f"{P}.ouvert", avant_historique=INCONNU)
        depot_incertain = parametre_aux_dates(parameters, dates, f"{P}.depot_incertain", defaut=0) == 1
        return np.where(depot_incertain & (ouverture == VRAI), INCONNU, ouverture).astype(np.int8)


class region_nouvelle_aquitaine_clea_residence(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider en Nouvelle-Aquitaine"
    reference = REFERENCE

    def formula(individu, period):
        region = individu.menage("region_residence", period)
        return critere(individu.menage("commune_renseignee", period), region == TypesCodeInseeRegion.nouvelle_aquitaine)


class region_nouvelle_aquitaine_clea_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sans emploi (inscrit(e) ou non à France Travail), ou accompagné(e) par une SIAE, ou détenu(e) en Nouvelle-Aquitaine"
    reference = REFERENCE

    def formula(individu, period):
        en_emploi = individu("en_emploi", period)
        categorie = individu("categorie_demandeur_emploi", period)
        # Sans réponse sur l'emploi, les catégories 1 à 3 (« sans emploi ») et 4 stagiaire suffisent à l'établir.
        sans_emploi_par_categorie = np.isin(
            categorie,
            [
                c.index
                for c in (
                    CategorieDemandeurEmploi.categorie_1,
                    CategorieDemandeurEmploi.categorie_2,
                    CategorieDemandeurEmploi.categorie_3,
                    CategorieDemandeurEmploi.categorie_4_formation,
                )
            ],
        )
        sans_emploi = np.select(
            [en_emploi == Reponse.non, en_emploi == Reponse.oui, sans_emploi_par_categorie],
            [VRAI, FAUX, VRAI],
            INCONNU,
        ).astype(np.int8)
        return ou(sans_emploi, reponse_oui(individu("region_nouvelle_aquitaine_clea_public_specifique", period)))


class region_nouvelle_aquitaine_clea_evaluation_prevue(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Préparer une évaluation CléA Socle ou CléA Numérique"
    reference = REFERENCE

    def formula(individu, period):
        certificat = individu("region_nouvelle_aquitaine_clea_certificat", period)
        return critere(certificat != CertificatClea.non_renseigne, certificat != CertificatClea.aucun)


class region_nouvelle_aquitaine_clea_delai(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Déposer le dossier complet au moins 3 semaines avant le début de l'évaluation"
    reference = REFERENCE

    def formula(individu, period, parameters):
        dates = individu("date_demande", period)
        debut_evaluation = individu("projet_date_debut", period)
        delai = parametre_aux_dates(parameters, dates, f"{P}.delai_depot_jours", defaut=0).astype(int)
        return critere(date_renseignee(debut_evaluation), dates <= debut_evaluation - delai.astype("timedelta64[D]"))


class region_nouvelle_aquitaine_clea_organisme_region(Variable):
    value_type = Enum
    possible_values = TypesCodeInseeRegion
    default_value = TypesCodeInseeRegion.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Région où est situé l'organisme évaluateur CléA"


class region_nouvelle_aquitaine_clea_organisme_habilite(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'organisme évaluateur est certifié Qualiopi et habilité par Certif Pro pour toute la durée de l'évaluation"


class region_nouvelle_aquitaine_clea_financement_transition_pro_ou_branche(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'évaluation relève d'un financement de Transition Pro ou d'une branche professionnelle"


class region_nouvelle_aquitaine_clea_dossier_deja_depose(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà déposé un dossier d'aide régionale pour ce certificat et ce type d'évaluation"


class region_nouvelle_aquitaine_clea_organisme_en_region(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être évalué(e) par un organisme situé en Nouvelle-Aquitaine"
    reference = REFERENCE

    def formula(individu, period):
        region = individu("region_nouvelle_aquitaine_clea_organisme_region", period)
        return critere(region != TypesCodeInseeRegion.non_renseigne, region == TypesCodeInseeRegion.nouvelle_aquitaine)


class region_nouvelle_aquitaine_clea_organisme_certifie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être évalué(e) par un organisme certifié Qualiopi et habilité par Certif Pro pour toute la durée de l'évaluation"
    reference = REFERENCE

    def formula(individu, period):
        return reponse_oui(individu("region_nouvelle_aquitaine_clea_organisme_habilite", period))


class region_nouvelle_aquitaine_clea_hors_autre_financement(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas relever d'un financement de Transition Pro ou d'une branche professionnelle"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("region_nouvelle_aquitaine_clea_financement_transition_pro_ou_branche", period)))


class region_nouvelle_aquitaine_clea_premier_dossier(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Un seul dossier par certificat (Socle ou Numérique) et par type d'évaluation (initiale ou finale)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("region_nouvelle_aquitaine_clea_dossier_deja_depose", period)))


CRITERES = (
    "region_nouvelle_aquitaine_clea_dispositif_ouvert",
    "region_nouvelle_aquitaine_clea_residence",
    "region_nouvelle_aquitaine_clea_public",
    "region_nouvelle_aquitaine_clea_evaluation_prevue",
    "region_nouvelle_aquitaine_clea_delai",
    "region_nouvelle_aquitaine_clea_organisme_en_region",
    "region_nouvelle_aquitaine_clea_organisme_certifie",
    "region_nouvelle_aquitaine_clea_hors_autre_financement",
    "region_nouvelle_aquitaine_clea_premier_dossier",
)


class region_nouvelle_aquitaine_clea_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Aide régionale CléA (Nouvelle-Aquitaine) : statut d'éligibilité"
    documentation = (
        "Statut de « Aide régionale aux certifications CléA (Nouvelle-Aquitaine) » (Région Nouvelle-Aquitaine) pour la personne "
        "et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : rulebook §5.2 ; fiche du catalogue « clea_nouvelle_aquitaine » (GET "
        "/aides/clea_nouvelle_aquitaine)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class region_nouvelle_aquitaine_clea_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Aide régionale CléA (Nouvelle-Aquitaine) : éligible"

    def formula(individu, period):
        return individu("region_nouvelle_aquitaine_clea_statut", period) == StatutEligibilite.eligible


def _forfait(evaluation, initiale, finale):
    """Forfait selon le type d'évaluation ; inconnu : le plus élevé des deux."""
    return np.select([evaluation == EvaluationClea.initiale, evaluation == EvaluationClea.finale], [initiale, finale], max(initiale, finale))


class region_nouvelle_aquitaine_clea_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Aide régionale CléA (Nouvelle-Aquitaine) : forfait (le plus élevé possible si le certificat ou le type d'évaluation est inconnu)"
    documentation = (
        "Montant de « Aide régionale aux certifications CléA (Nouvelle-Aquitaine) », en euros, une fois ; 0 quand l'aide est non "
        "éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à vérifier, ou que le "
        "montant dépend d'un fait inconnu, la fiche « clea_nouvelle_aquitaine » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        certificat = individu("region_nouvelle_aquitaine_clea_certificat", period)
        evaluation = individu("region_nouvelle_aquitaine_clea_evaluation", period)
        montant = np.zeros(individu.count)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            forfaits = {
                c: _forfait(evaluation, lire(p, f"{P}.montants.{c}.initiale", 0), lire(p, f"{P}.montants.{c}.finale", 0)) for c in ("socle", "numerique")
            }
            selon_certificat = np.select(
                [certificat == CertificatClea.socle, certificat == CertificatClea.numerique, certificat == CertificatClea.aucun],
                [forfaits["socle"], forfaits["numerique"], 0],
                np.maximum(forfaits["socle"], forfaits["numerique"]),  # certificat inconnu : le plus élevé
            )
            montant[masque] = selon_certificat[masque]
        eligible_ou_a_verifier = individu("region_nouvelle_aquitaine_clea_statut", period) != StatutEligibilite.non_eligible
        return np.where(eligible_ou_a_verifier, montant, 0)
