"""Le projet pour lequel l'aide est demandée : entretien, reprise d'emploi, formation, examen, création.

Convention des entrées inconnues : Enum à `non_renseigne`, nombres à −1, dates à 0001-01-01.
"""

from datetime import date

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import DATE_NON_RENSEIGNEE, NON_RENSEIGNE, Reponse, date_renseignee, duree_en_mois


class TypeProjet(Enum):
    __order__ = "non_renseigne entretien_embauche reprise_emploi formation examen_concours prestation_france_travail immersion_pmsmp creation_entreprise"
    non_renseigne = "Non renseigné"
    entretien_embauche = "Se rendre à un entretien d'embauche"
    reprise_emploi = "Reprendre un emploi"
    formation = "Entrer en formation"
    examen_concours = "Passer un concours public ou un examen certifiant"
    prestation_france_travail = "Suivre une prestation d'accompagnement de France Travail"
    immersion_pmsmp = "Faire une immersion professionnelle (PMSMP)"
    creation_entreprise = "Créer ou reprendre une entreprise"


class projet_type(Variable):
    value_type = Enum
    possible_values = TypeProjet
    default_value = TypeProjet.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Projet pour lequel l'aide est demandée"


class TypeContrat(Enum):
    __order__ = "non_renseigne cdi cdd ctt apprentissage professionnalisation volontariat_international"
    non_renseigne = "Non renseigné"
    cdi = "Contrat à durée indéterminée (CDI)"
    cdd = "Contrat à durée déterminée (CDD)"
    ctt = "Contrat de travail temporaire (intérim)"
    apprentissage = "Contrat d'apprentissage"
    professionnalisation = "Contrat de professionnalisation"
    # Dernier pour ne pas déplacer les indices. Pas un contrat de travail (code du service national).
    volontariat_international = "Volontariat international en entreprise ou en administration (VIE, VIA)"


class projet_contrat_type(Variable):
    value_type = Enum
    possible_values = TypeContrat
    default_value = TypeContrat.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Type du contrat de travail visé (entretien) ou signé (reprise d'emploi)"


class projet_date_debut(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de l'entretien, de l'examen, du début du contrat, de la formation ou de l'activité créée ; 0001-01-01 : non renseignée"


class projet_contrat_date_fin(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de fin prévue du contrat (CDD, intérim, alternance) ; 0001-01-01 : non renseignée"


class projet_contrat_duree_mois(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "month"
    label = "Durée du contrat en mois consécutifs ; −1 : non renseignée (déduite des dates de début et de fin si elles sont données)"

    def formula(individu, period):
        debut = individu("projet_date_debut", period)
        fin = individu("projet_contrat_date_fin", period)
        connu = date_renseignee(debut) & date_renseignee(fin) & (fin >= debut)
        return np.where(connu, duree_en_mois(debut, np.where(connu, fin, debut)), NON_RENSEIGNE)


class projet_contrat_duree_jours(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    unit = "day"
    label = "Durée du contrat en jours calendaires, déduite des dates de début et de fin ; −1 : non renseignée"

    def formula(individu, period):
        debut = individu("projet_date_debut", period)
        fin = individu("projet_contrat_date_fin", period)
        connu = date_renseignee(debut) & date_renseignee(fin) & (fin >= debut)
        return np.where(connu, (fin - debut).astype(int) + 1, NON_RENSEIGNE)


class projet_heures_hebdomadaires(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Durée hebdomadaire de travail ou de formation, en heures ; −1 : non renseignée"


class projet_formation_heures(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Durée totale de la formation, en heures ; −1 : non renseignée"


class projet_formation_validee_ppae(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Formation validée par France Travail dans le projet personnalisé d'accès à l'emploi (PPAE), financée ou cofinancée"


class LieuProjet(Enum):
    __order__ = "non_renseigne france_metropolitaine outre_mer eee_suisse_andorre_monaco autre_pays en_france"
    non_renseigne = "Non renseigné"
    france_metropolitaine = "France métropolitaine"
    outre_mer = "Outre-mer (départements et collectivités d'outre-mer)"
    eee_suisse_andorre_monaco = "Autre pays de l'Espace économique européen, Suisse, Andorre ou Monaco"
    autre_pays = "Autre pays"
    # Dernier pour ne pas déplacer les indices des valeurs existantes.
    en_france = "En France, métropole ou outre-mer (sans préciser)"


class projet_lieu(Variable):
    value_type = Enum
    possible_values = LieuProjet
    default_value = LieuProjet.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Lieu de l'entretien, de l'emploi ou de la formation"
    documentation = (
        "« en_france » : en France sans dire si c'est en métropole ou en outre-mer ; il remplit les conditions "
        "qui acceptent les deux (aide à la mobilité, aide à la garde d'enfants) et laisse « à vérifier » celles "
        "qui distinguent l'une de l'autre (barème outre-mer de l'aide à l'embauche d'un apprenti, LADOM)."
    )


class projet_distance_aller_retour_km(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "km"
    label = "Distance d'un aller-retour entre le domicile et le lieu du projet, en km (itinéraire le plus court) ; −1 : non renseignée"


class projet_duree_trajet_aller_retour_minutes(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "minute"
    label = "Durée d'un trajet aller-retour entre le domicile et le lieu du projet, en minutes ; −1 : non renseignée"


class projet_nombre_allers_retours(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre d'allers-retours à effectuer (un au plus par jour de présence) ; −1 : non renseigné"


class projet_nombre_repas(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre de jours de repas pris hors du domicile ; −1 : non renseigné"


class projet_nombre_nuitees(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre de nuitées hors du domicile ; −1 : non renseigné"


class projet_cout_nuitee(Variable):
    value_type = float
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency"
    label = "Coût réel d'une nuitée, en euros ; −1 : non renseigné"


class date_demande(Variable):
    value_type = date
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de la demande d'aide (par défaut, le premier jour du mois évalué)"
    documentation = (
        "Les barèmes et l'ouverture des dispositifs s'appliquent « aux demandes à partir du » jour fixé par le texte : "
        "ils sont lus à cette date. Une situation évaluée pour un mois sans date de demande l'est au premier jour du mois."
    )

    def formula(individu, period):
        return np.full(individu.count, np.datetime64(period.start.date, "D"))
