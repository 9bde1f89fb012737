"""Emplois francs : aide de l'État à l'employeur qui embauche un habitant d'un quartier prioritaire (rulebook §7.3).

Lu du côté de la personne : « mon embauche ouvrirait-elle l'aide à l'employeur ? ». Tout se lit à la date du
contrat, sa signature (`projet_contrat_date_conclusion`, à défaut son début `projet_date_debut`) : expérimentation dans des territoires listés à partir du 1er avril 2018,
généralisation à tous les QPV et aux jeunes suivis par une mission locale pour les contrats à partir du
1er janvier 2020 (décret 2019-1471), délai de demande ramené de 3 mois à 1 mois pour les contrats à partir du
31 décembre 2023, fin pour les contrats signés après le 31 décembre 2024 (non reconduit en 2025).

Le montant (`etat_emplois_francs_montant`) est le **total versé à l'employeur sur la durée de l'aide** :
CDI 5 000 €/an × 3 ans ; CDD d'au moins 6 mois 2 500 €/an au prorata de la durée du contrat, 2 ans au plus ;
proratisé au temps de travail si la durée hebdomadaire est connue. Durées ou contrat inconnus : le maximum.

Conditions vérifiées en plus : employeur privé, pas dans l'effectif de l'employeur dans les 6 mois précédents,
pas de licenciement économique sur le poste dans les 6 mois (critères partagés avec les aides au contrat de
professionnalisation). Non modélisés (rulebook §7.3, dates incertaines) : « emploi franc + » (moins de 26 ans, 2020-2021, montants
majorés), la liste des QPV de l'expérimentation 2018-2019 (le critère QPV reste alors « à vérifier »).
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import (
    FAUX,
    INCONNU,
    VRAI,
    StatutEligibilite,
    ajouter_mois,
    critere,
    date_renseignee,
    dispositif_ouvert,
    et,
    lire,
    ou,
    par_date,
    parametre_aux_dates,
    renseigne,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.profil.inscription import CATEGORIES_INDETERMINEES, CategorieDemandeurEmploi
from openfisca_clara.variables.projet.embauche import combiner_possibles, date_conclusion_contrat, dates_conclusion_possibles
from openfisca_clara.variables.projet.employeur import TypeEmployeur
from openfisca_clara.variables.projet.projet import TypeContrat

P = "clara.etat.emplois_francs"
REFERENCE = "https://travail-emploi.gouv.fr/emplois-francs"


def _date_contrat(individu, period):
    """Contrats « signés » du… au… : date de conclusion, à défaut date de début (la plus tardive possible)."""
    return date_conclusion_contrat(individu, period)


def _dates_possibles(individu, period, parameters):
    """Dates de signature possibles (issue 8, classe c) : connue, elle seule ; sinon chaque barème des mois avant le début."""
    return dates_conclusion_possibles(individu, period, parameters, P)


class etat_emplois_francs_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Les emplois francs sont ouverts à la date du contrat (contrats signés du 1er avril 2018 au 31 décembre 2024)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        def a_la_date(debut):
            return critere(date_renseignee(debut), dispositif_ouvert(parameters, debut, f"{P}.ouvert"))

        return combiner_possibles([a_la_date(debut) for debut in _dates_possibles(individu, period, parameters)])


class etat_emplois_francs_public(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Être inscrit(e) à France Travail en catégorie 1, 2, 3, 6, 7 ou 8, adhérer au CSP, ou (depuis 2020) être un(e) jeune suivi(e) par une mission locale"
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        def a_la_date(debut):
            categorie = individu("categorie_demandeur_emploi", period)
            inconnue = np.isin(categorie, [c.index for c in CATEGORIES_INDETERMINEES])
            par_categorie = np.full(individu.count, INCONNU, dtype=np.int8)
            for masque, p in par_date(parameters, debut):
                noms = lire(p, f"{P}.categories_eligibles")
                if noms is None:  # date inconnue ou hors du dispositif : la catégorie ne tranche rien
                    continue
                eligibles = [CategorieDemandeurEmploi[nom].index for nom in noms]
                par_categorie[masque] = critere(~inconnue, np.isin(categorie, eligibles))[masque]
            inscrit = et(individu("critere_inscrit_france_travail", period), par_categorie)
            mission_locale_ouverte = parametre_aux_dates(parameters, debut, f"{P}.mission_locale", defaut=0) == 1
            mission_locale = np.where(mission_locale_ouverte, reponse_oui(individu("suivi_mission_locale", period)), FAUX)
            # Date du contrat inconnue : le public « mission locale » (ouvert en 2020) ne tranche pas seul.
            mission_locale = np.where(date_renseignee(debut), mission_locale, np.minimum(reponse_oui(individu("suivi_mission_locale", period)), INCONNU))
            return ou(inscrit, mission_locale).astype(np.int8)

        return combiner_possibles([a_la_date(debut) for debut in _dates_possibles(individu, period, parameters)])


class etat_emplois_francs_residence_qpv(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Résider dans un quartier prioritaire de la politique de la ville (QPV)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        def a_la_date(debut):
            qpv = reponse_oui(individu("reside_en_qpv", period))
            tous_territoires = parametre_aux_dates(parameters, debut, f"{P}.qpv_tous_territoires", defaut=0) == 1
            # Expérimentation 2018-2019 : seuls certains QPV, non listés ici.
            return np.where(tous_territoires | (qpv == FAUX), qpv, INCONNU).astype(np.int8)

        return combiner_possibles([a_la_date(debut) for debut in _dates_possibles(individu, period, parameters)])


class etat_emplois_francs_employeur(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) par un employeur privé (entreprise ou association), ni l'État ni une collectivité ou un établissement public administratif"
    reference = REFERENCE

    def formula(individu, period, parameters):
        def a_la_date(debut):
            employeur = individu("employeur_type", period)
            resultat = np.full(individu.count, INCONNU, dtype=np.int8)
            for masque, p in par_date(parameters, debut):
                noms = lire(p, f"{P}.employeurs_eligibles")
                if noms is None:  # date inconnue ou hors du dispositif
                    continue
                eligibles = [TypeEmployeur[nom].index for nom in noms]
                incertains = [TypeEmployeur[nom].index for nom in lire(p, f"{P}.employeurs_incertains", [])]
                connu = (employeur != TypeEmployeur.non_renseigne) & ~np.isin(employeur, incertains)
                resultat[masque] = critere(connu, np.isin(employeur, eligibles))[masque]
            return resultat

        return combiner_possibles([a_la_date(debut) for debut in _dates_possibles(individu, period, parameters)])


class etat_emplois_francs_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en CDI, ou en CDD (contrat de professionnalisation compris) d'au moins 6 mois"
    reference = REFERENCE

    def formula(individu, period, parameters):
        def a_la_date(debut):
            contrat = individu("projet_contrat_type", period)
            duree = individu("projet_contrat_duree_mois", period)
            minimum = parametre_aux_dates(parameters, debut, f"{P}.duree_minimale_cdd_mois", defaut=6)
            a_duree = np.isin(contrat, [TypeContrat.cdd.index, TypeContrat.professionnalisation.index])
            duree_suffisante = critere(renseigne(duree), duree >= minimum)
            # Un contrat de professionnalisation peut être un CDI : sans date de fin, on ne tranche pas.
            return np.select(
                [contrat == TypeContrat.non_renseigne, contrat == TypeContrat.cdi, a_duree],
                [INCONNU, VRAI, duree_suffisante],
                default=FAUX,  # intérim, apprentissage
            ).astype(np.int8)

        return combiner_possibles([a_la_date(debut) for debut in _dates_possibles(individu, period, parameters)])


class etat_emplois_francs_delai_demande(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Demande déposée par l'employeur dans le mois qui suit la signature du contrat (3 mois pour les contrats signés avant le 31 décembre 2023)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        # Le délai court de la signature ; inconnue, de chaque date de signature possible (et avec son délai : 3 mois
        # pour les contrats signés avant le 31 décembre 2023, 1 mois ensuite) : la réponse ne vaut que si toutes s'accordent.
        demande = individu("date_demande", period)
        resultats = []
        for debut in _dates_possibles(individu, period, parameters):
            mois = parametre_aux_dates(parameters, debut, f"{P}.delai_demande_mois", defaut=0).astype(int)
            resultats.append(critere(date_renseignee(debut), demande <= ajouter_mois(debut, mois)))
        return combiner_possibles(resultats)


CRITERES = (
    "etat_emplois_francs_dispositif_ouvert",
    "etat_emplois_francs_public",
    "etat_emplois_francs_residence_qpv",
    "etat_emplois_francs_employeur",
    "etat_emplois_francs_contrat",
    "etat_emplois_francs_delai_demande",
    "critere_pas_dans_effectif_employeur_6_mois",
    "critere_pas_de_licenciement_economique_poste_6_mois",
    "critere_employeur_a_jour_cotisations",
)


class etat_emplois_francs_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Emplois francs (aide à l'employeur) : statut d'éligibilité"
    documentation = (
        "Statut de « Emplois francs (aide à l'employeur, dispositif terminé) » (État (géré par France Travail)) pour la personne "
        "et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non "
        "éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET"
        " de Kleene, OU pour les alternatives). Règles : rulebook §7.3 ; fiche du catalogue « emplois_francs » (GET "
        "/aides/emplois_francs)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_emplois_francs_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Emplois francs (aide à l'employeur) : éligible"

    def formula(individu, period):
        return individu("etat_emplois_francs_statut", period) == StatutEligibilite.eligible


class etat_emplois_francs_montant(Variable):
    value_type = float
    entity = Individu
    definition_period = MONTH
    unit = "currency"
    label = "Emplois francs : montant total versé à l'employeur sur la durée de l'aide (maximum si le contrat, sa durée ou le temps de travail sont inconnus)"
    documentation = (
        "Montant de « Emplois francs (aide à l'employeur, dispositif terminé) », en euros, au total, sur la durée de l'aide ; 0 "
        "quand l'aide est non éligible. Les taux, plafonds et barèmes sont des paramètres datés (clara.*). Quand l'aide est à "
        "vérifier, ou que le montant dépend d'un fait inconnu, la fiche « emplois_francs » dit s'il s'agit d'un maximum "
        "(montant_est_maximum) et comment il se calcule (montant_explication)."
    )
    reference = REFERENCE

    def formula(individu, period, parameters):
        def a_la_date(debut):
            contrat = individu("projet_contrat_type", period)
            duree = individu("projet_contrat_duree_mois", period)
            heures = individu("projet_heures_hebdomadaires", period)

            annuel_cdi = parametre_aux_dates(parameters, debut, f"{P}.montant_annuel_cdi", defaut=0)
            annees_cdi = parametre_aux_dates(parameters, debut, f"{P}.duree_aide_cdi_annees", defaut=0)
            annuel_cdd = parametre_aux_dates(parameters, debut, f"{P}.montant_annuel_cdd", defaut=0)
            annees_cdd = parametre_aux_dates(parameters, debut, f"{P}.duree_aide_cdd_annees", defaut=0)
            temps_plein = parametre_aux_dates(parameters, debut, f"{P}.duree_hebdomadaire_temps_plein", defaut=35)

            total_cdi = annuel_cdi * annees_cdi
            total_cdd = annuel_cdd * np.minimum(np.maximum(duree, 0) / 12, annees_cdd)
            a_duree = np.isin(contrat, [TypeContrat.cdd.index, TypeContrat.professionnalisation.index])
            # Durée inconnue : maximum (un contrat de professionnalisation ou un contrat inconnu peut être un CDI).
            montant = np.where(
                contrat == TypeContrat.cdd,
                np.where(renseigne(duree), total_cdd, annuel_cdd * annees_cdd),
                np.where(a_duree & renseigne(duree), total_cdd, total_cdi),
            )
            quotite = np.where(renseigne(heures), np.minimum(heures / temps_plein, 1), 1)
            eligible_ou_a_verifier = individu("etat_emplois_francs_statut", period) != StatutEligibilite.non_eligible
            return np.where(eligible_ou_a_verifier, np.round(montant * quotite, 2), 0)

        # Date de conclusion inconnue : le plus haut montant des barèmes possibles (maximum).
        return np.max([a_la_date(debut) for debut in _dates_possibles(individu, period, parameters)], axis=0)
