"""Certificat CléA (socle de connaissances et de compétences professionnelles) et CléA Numérique,
certifications nationales de Certif Pro (rulebook §5.1).

Un service sans montant fixe : évaluation initiale par un organisme habilité, puis, si besoin, formation
et évaluation finale. Financement possible par le CPF (tout titulaire), France Travail (AIF, abondement
du CPF), les OPCO et les Régions (voir `clea_nouvelle_aquitaine`, §5.2) : la fiche a `montant: null`.

Public : les personnes peu qualifiées, inscrites ou non à France Travail. La seule règle lue est celle de
Clara (2018) : sans diplôme (niveaux 1 et 2 de la nomenclature 2019). Un CAP ou un BEP (niveau 3) reste
« à vérifier » ; un diplôme de niveau 4 ou plus, non visé. C'est un ciblage, pas une interdiction légale.
"""

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu, TypesNiveauDiplome

from openfisca_clara.tri_etat import FAUX, INCONNU, VRAI, Reponse, StatutEligibilite, critere_ouverture, et, lire, non, par_date, reponse_oui, statut

P = "clara.certif_pro.clea_certification"
REFERENCE = "https://www.certificat-clea.fr/"


class certif_pro_clea_certification_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "La certification CléA est ouverte à la date de la demande"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, individu("date_demande", period), f"{P}.ouvert", avant_historique=INCONNU)


class certif_pro_clea_certification_peu_qualifie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être peu qualifié(e) : ne pas avoir de diplôme (CAP, BEP : à vérifier)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        niveau = individu("plus_haut_diplome_niveau", period)
        resultat = np.full(individu.count, INCONNU, dtype=np.int8)
        for masque, p in par_date(parameters, individu("date_demande", period)):
            noms_eligibles = lire(p, f"{P}.niveaux_diplome_eligibles")
            if noms_eligibles is None:
                continue  # avant l'historique modélisé : inconnu
            eligibles = [TypesNiveauDiplome[nom].index for nom in noms_eligibles]
            incertains = [TypesNiveauDiplome[nom].index for nom in lire(p, f"{P}.niveaux_diplome_incertains", [])]
            valeur = np.select(
                [niveau == TypesNiveauDiplome.non_renseigne, np.isin(niveau, incertains), np.isin(niveau, eligibles)],
                [INCONNU, INCONNU, VRAI],
                FAUX,
            )
            resultat[masque] = valeur[masque]
        return resultat


class certif_pro_clea_certification_deja_obtenu(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avoir déjà obtenu le certificat CléA visé (CléA ou CléA Numérique)"


class certif_pro_clea_certification_pas_deja_certifie(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Ne pas avoir déjà obtenu le certificat visé (CléA ou CléA Numérique)"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("certif_pro_clea_certification_deja_obtenu", period)))


CRITERES = (
    "certif_pro_clea_certification_dispositif_ouvert",
    "certif_pro_clea_certification_peu_qualifie",
    "certif_pro_clea_certification_pas_deja_certifie",
)


class certif_pro_clea_certification_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Certificat CléA (socle et numérique) : statut d'éligibilité"
    documentation = (
        "Statut de « Certificat CléA (socle de compétences) et CléA Numérique » (Certif Pro (partenaires sociaux)) pour la "
        "personne et le mois évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou"
        " non éligible (un critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il "
        "dépend (ET de Kleene, OU pour les alternatives). Règles : rulebook §5.1 ; fiche du catalogue « clea_certification » (GET"
        " /aides/clea_certification)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class certif_pro_clea_certification_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Certificat CléA (socle et numérique) : éligible"

    def formula(individu, period):
        return individu("certif_pro_clea_certification_statut", period) == StatutEligibilite.eligible
