"""Inscription à France Travail : le fait, sa date, la catégorie administrative (rulebook §2.1)."""

from datetime import date

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import DATE_NON_RENSEIGNEE, Reponse


class inscription_france_travail(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Être inscrit(e) comme demandeur d'emploi à France Travail"


class date_inscription_france_travail(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date du début de l'inscription continue à France Travail (0001-01-01 : non renseignée)"


class CategorieDemandeurEmploi(Enum):
    __order__ = (
        "non_renseigne categorie_1 categorie_2 categorie_3 categorie_4_formation categorie_4_csp categorie_4_pap "
        "categorie_4_autre categorie_5_contrat_aide categorie_5_autre categorie_6 categorie_7 categorie_8 "
        "categorie_f categorie_g"
    )
    non_renseigne = "Non renseignée"
    categorie_1 = "1 – sans emploi, disponible, cherche un CDI à temps plein"
    categorie_2 = "2 – sans emploi, disponible, cherche un CDI à temps partiel"
    categorie_3 = "3 – sans emploi, disponible, cherche un emploi temporaire ou saisonnier"
    categorie_4_formation = "4 – stagiaire de la formation professionnelle"
    categorie_4_csp = "4 – contrat de sécurisation professionnelle (CSP)"
    categorie_4_pap = "4 – dispositif des collaborateurs parlementaires (PAP)"
    categorie_4_autre = "4 – autre situation (maladie...)"
    categorie_5_contrat_aide = "5 – en contrat aidé (PEC, CDDI...)"
    categorie_5_autre = "5 – en emploi, autre situation (création d'entreprise...)"
    categorie_6 = "6 – comme 1, avec plus de 78 h de travail dans le mois"
    categorie_7 = "7 – comme 2, avec plus de 78 h de travail dans le mois"
    categorie_8 = "8 – comme 3, avec plus de 78 h de travail dans le mois"
    categorie_f = "F (statistique) – parcours social, correspondance administrative non publiée"
    categorie_g = "G (statistique) – en attente d'orientation, correspondance administrative non publiée"


# Catégories statistiques F et G (depuis 2025) : leur correspondance avec les catégories administratives
# des délibérations n'est pas publiée (rulebook §2.1, §12.8) ; les règles les lisent comme « inconnue ».
CATEGORIES_INDETERMINEES = (CategorieDemandeurEmploi.non_renseigne, CategorieDemandeurEmploi.categorie_f, CategorieDemandeurEmploi.categorie_g)


class categorie_demandeur_emploi(Variable):
    value_type = Enum
    possible_values = CategorieDemandeurEmploi
    default_value = CategorieDemandeurEmploi.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Catégorie administrative d'inscription à France Travail"
    reference = "https://www.legifrance.gouv.fr/search/all?query=arr%C3%AAt%C3%A9+du+5+f%C3%A9vrier+1992+cat%C3%A9gories+demandeurs+d%27emploi"
