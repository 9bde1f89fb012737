"""La personne : âge connu ou non, diplôme, handicap, situation familiale et d'emploi.

L'âge vient d'openfisca-france (`date_naissance` ou `age`). Leurs valeurs par défaut (1970-01-01)
ne savent pas dire « inconnu » : `age_renseigne` le dit, en lisant quelles entrées ont été données.
"""

from datetime import date

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import AGE_INT_MINIMUM, Famille, Individu

from openfisca_clara.tri_etat import DATE_NAISSANCE_PAR_DEFAUT, DATE_NON_RENSEIGNEE, NON_RENSEIGNE, Reponse, ajouter_mois, annees_revolues


class age_renseigne(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "L'âge de la personne est connu (date de naissance ou âge donnés)"
    documentation = (
        "Vrai quand `date_naissance` a été donnée et diffère de la valeur par défaut d'openfisca-france "
        "(1970-01-01, lue comme « non renseignée » : une personne née ce jour-là donnera son âge), "
        "ou quand `age` (ou `age_en_mois`) a été donné. Demander `age` en sortie sans l'avoir donné "
        "le calcule depuis 1970-01-01 : ne le faites pas dans la même requête."
    )

    def formula(individu, period):
        naissance_donnee = bool(individu.get_holder("date_naissance").get_known_periods())
        age_donne = bool(individu.get_holder("age").get_known_periods()) or bool(individu.get_holder("age_en_mois").get_known_periods())
        connu = np.zeros(individu.count, dtype=bool)
        if naissance_donnee:
            connu |= individu("date_naissance", period) != DATE_NAISSANCE_PAR_DEFAUT
        if age_donne:
            connu |= individu("age", period) != AGE_INT_MINIMUM
        return connu | (individu("age_a_la_date_demande", period) >= 0)


class age_a_la_date_demande(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Âge en années révolues le jour de la demande (`date_demande`), sans date de naissance ; −1 : non renseigné"
    documentation = (
        "Pour qui connaît son âge le jour de la demande mais ne donne pas sa date de naissance. La date de naissance, "
        "si elle est donnée, l'emporte ; sinon cet âge l'emporte sur `age` (âge au premier jour du mois évalué). "
        "Les barèmes lus à une autre date (entrée en formation, début du contrat) en déduisent un âge encadré."
    )


class age_declare(Variable):
    value_type = int
    default_value = NON_RENSEIGNE
    entity = Individu
    definition_period = MONTH
    label = "Âge au premier jour du mois ; −1 : non renseigné"

    def formula(individu, period):
        connu = individu("age_renseigne", period)
        if not connu.any():
            # Ne pas calculer `age` d'openfisca-france depuis sa date de naissance par défaut.
            return np.full(individu.count, NON_RENSEIGNE)
        naissance = individu("date_naissance", period).astype("datetime64[D]")
        naissance_connue = naissance != DATE_NAISSANCE_PAR_DEFAUT
        # Depuis la date de naissance, l'âge exact en années révolues (anniversaire compris) : la formule
        # `age` d'openfisca-france compte en années de 365,2425 jours et se trompe d'un an autour des anniversaires.
        depuis_naissance = annees_revolues(naissance, np.datetime64(period.start.date, "D"))
        age_donne = individu("age", period) if individu.get_holder("age").get_known_periods() else np.full(individu.count, AGE_INT_MINIMUM)
        age = np.where(naissance_connue, depuis_naissance, age_donne)
        # Âge donné au jour de la demande seulement : l'âge au 1er du mois n'est établi que s'il ne peut pas varier entre-temps.
        age_dd = individu("age_a_la_date_demande", period)
        par_demande = ~naissance_connue & (age_dd >= 0)
        if par_demande.any():
            demande = individu("date_demande", period)
            debut_mois = np.full(individu.count, np.datetime64(period.start.date, "D"))
            au_plus_tard = ajouter_mois(demande, -12 * np.maximum(age_dd, 0))
            au_plus_tot = ajouter_mois(demande, -12 * (np.maximum(age_dd, 0) + 1)) + np.timedelta64(1, "D")
            bas, haut = annees_revolues(au_plus_tard, debut_mois), annees_revolues(au_plus_tot, debut_mois)
            age = np.where(par_demande, np.where(bas == haut, bas, NON_RENSEIGNE), age)
        return np.where(connu, age, NON_RENSEIGNE)


class rqth(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir une reconnaissance de la qualité de travailleur handicapé (RQTH) ou être bénéficiaire de l'obligation d'emploi"
    reference = "https://www.service-public.fr/particuliers/vosdroits/F1650"


class en_emploi(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Occuper actuellement un emploi"


class parent_isole(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Élever seul(e) un ou plusieurs enfants"


class enfants_a_charge(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Famille
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir au moins un enfant à charge"
    documentation = (
        "Les enfants sont déclarés comme personnes de la famille (rôle `enfants`) avec leur date de naissance "
        "ou leur âge. Une famille sans enfant déclaré est « non renseignée » tant que cette entrée ne dit pas « non »."
    )


class date_fin_dernier_contrat(Variable):
    value_type = date
    default_value = DATE_NON_RENSEIGNEE.astype(date)
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de fin du dernier contrat de travail (celui qui a ouvert les droits au chômage) ; 0001-01-01 : non renseignée"


class reside_en_qpv(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Résider dans un quartier prioritaire de la politique de la ville (QPV)"
    documentation = "Le QPV dépend de l'adresse, pas de la commune : c'est une réponse déclarée (rulebook §2.3)."
    reference = "https://sig.ville.gouv.fr/"
