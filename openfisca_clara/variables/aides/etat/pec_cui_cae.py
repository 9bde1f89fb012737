"""Parcours emploi compétences (PEC) : contrat unique d'insertion – contrat d'accompagnement dans l'emploi
(CUI-CAE), secteur non marchand (rulebook §7.1).

Une aide de l'État à l'employeur, lue du côté de la personne : « mon embauche ouvrirait-elle un PEC ? ».
Code du travail, articles L. 5134-20 et suivants : personne sans emploi rencontrant des difficultés sociales et
professionnelles d'accès à l'emploi, prescrite par France Travail, une mission locale, Cap emploi ou le
Département (diagnostic discrétionnaire : condition non modélisée) ; employeur du secteur non marchand
(collectivités, personnes morales de droit public, organismes privés à but non lucratif, personnes morales de
droit privé chargées de la gestion d'un service public, SCIC), jamais l'État ; CDI ou CDD d'au moins 6 mois ;
au moins 20 h par semaine.

Pas de montant : le taux de l'aide (part du SMIC brut horaire) est fixé par arrêté du préfet de chaque région,
dans la limite légale de 95 % du SMIC brut par heure travaillée (code du travail, article L. 5134-30-1) ; les
taux régionaux (30 à 65 % selon les années et les publics) ne sont pas relus ici (UNCERTAIN par région et par an).
Outre-mer, le secteur marchand peut être admis (rulebook §7.1) : une entreprise privée y reste « à vérifier ».
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
    critere_ouverture,
    et,
    non,
    reponse_oui,
    statut,
)
from openfisca_clara.variables.criteres.contrat_unique_insertion import (
    critere_contrat_cui,
    critere_duree_hebdomadaire_cui,
    date_conclusion_cui,
)
from openfisca_clara.variables.projet.employeur import TypeEmployeur

P = "clara.etat.pec_cui_cae"
REFERENCE = "https://www.urssaf.fr/portail/home/employeur/beneficier-dune-exoneration/exonerations-ou-aides-liees-a-la/le-contrat-unique-dinsertion-cui/le-contrat-unique-dinsertion---1.html"


class etat_pec_cui_cae_employeur_service_public_ou_scic(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "L'entreprise privée qui recrute est chargée de la gestion d'un service public ou est une société coopérative d'intérêt collectif (SCIC)"


class etat_pec_cui_cae_dispositif_ouvert(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Le contrat d'accompagnement dans l'emploi (PEC) peut être conclu à la date du contrat"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_ouverture(parameters, date_conclusion_cui(individu, period), f"{P}.ouvert")


class etat_pec_cui_cae_sans_emploi(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être sans emploi"
    reference = REFERENCE

    def formula(individu, period):
        return non(reponse_oui(individu("en_emploi", period)))


class etat_pec_cui_cae_employeur(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = (
        "Être recruté(e) par un employeur du secteur non marchand (association, collectivité, établissement public, "
        "entreprise chargée d'un service public, SCIC), pas par l'État"
    )
    reference = REFERENCE

    def formula(individu, period):
        employeur = individu("employeur_type", period)
        service_public = individu("etat_pec_cui_cae_employeur_service_public_ou_scic", period)
        outre_mer = individu.menage("reside_outre_mer", period)
        commune_connue = individu.menage("commune_renseignee", period)
        # Entreprise privée : admise si elle gère un service public ou est une SCIC ; sinon exclue en métropole,
        # possible outre-mer (secteur marchand parfois admis par l'arrêté préfectoral).
        marchand_exclu = commune_connue & ~outre_mer
        entreprise = np.select(
            [service_public == Reponse.oui, (service_public == Reponse.non) & marchand_exclu],
            [VRAI, FAUX],
            INCONNU,
        )
        return np.select(
            [
                np.isin(employeur, [TypeEmployeur.association.index, TypeEmployeur.collectivite_ou_etablissement_public.index]),
                employeur == TypeEmployeur.entreprise_privee,
                np.isin(employeur, [TypeEmployeur.non_renseigne.index, TypeEmployeur.structure_insertion.index]),
            ],
            [VRAI, entreprise, INCONNU],
            FAUX,  # l'État et les particuliers employeurs
        ).astype(np.int8)


class etat_pec_cui_cae_contrat(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Être embauché(e) en CDI ou en CDD d'au moins 6 mois (3 mois après une condamnation avec aménagement de peine)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_contrat_cui(individu, period, parameters, P)


class etat_pec_cui_cae_duree_hebdomadaire(Variable):
    value_type = int
    entity = Individu
    definition_period = MONTH
    label = "Travailler au moins 20 heures par semaine (moins : seulement sur dérogation, à vérifier avec le prescripteur)"
    reference = REFERENCE

    def formula(individu, period, parameters):
        return critere_duree_hebdomadaire_cui(individu, period, parameters, P)


CRITERES = (
    "etat_pec_cui_cae_dispositif_ouvert",
    "etat_pec_cui_cae_sans_emploi",
    "etat_pec_cui_cae_employeur",
    "etat_pec_cui_cae_contrat",
    "etat_pec_cui_cae_duree_hebdomadaire",
)


class etat_pec_cui_cae_statut(Variable):
    value_type = Enum
    possible_values = StatutEligibilite
    default_value = StatutEligibilite.non_eligible
    entity = Individu
    definition_period = MONTH
    label = "Parcours emploi compétences (CUI-CAE) : statut d'éligibilité"
    documentation = (
        "Statut de « Parcours emploi compétences (PEC, contrat aidé du secteur non marchand) » (État) pour la personne et le mois"
        " évalués : éligible, à vérifier (un fait nécessaire est inconnu, les critères inconnus le nomment) ou non éligible (un "
        "critère connu n'est pas rempli). Il combine ses critères, les variables entières −1/0/+1 dont il dépend (ET de Kleene, "
        "OU pour les alternatives). Règles : rulebook §7.1 ; fiche du catalogue « pec_cui_cae » (GET /aides/pec_cui_cae)."
    )
    reference = REFERENCE

    def formula(individu, period):
        return statut(et(*(individu(nom, period) for nom in CRITERES)))


class etat_pec_cui_cae_eligible(Variable):
    value_type = bool
    entity = Individu
    definition_period = MONTH
    label = "Parcours emploi compétences (CUI-CAE) : éligible"

    def formula(individu, period):
        return individu("etat_pec_cui_cae_statut", period) == StatutEligibilite.eligible
