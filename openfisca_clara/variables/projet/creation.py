"""Le projet de création ou de reprise d'entreprise : faits que le créateur connaît et que plusieurs aides lisent
(ARCE et maintien de l'ARE, rulebook §6.1 ; ACRE, §6.2 ; aide de l'Agefiph à la création)."""

from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period
from openfisca_france.model.base import Individu

from openfisca_clara.tri_etat import Reponse


class ChoixIndemnisationCreateur(Enum):
    __order__ = "non_renseigne capital_arce maintien_are"
    non_renseigne = "Non renseigné (pas encore choisi)"
    capital_arce = "Le versement en capital (ARCE)"
    maintien_are = "Le maintien de l'ARE en cumul avec les revenus de l'activité"


class creation_choix_indemnisation(Variable):
    value_type = Enum
    possible_values = ChoixIndemnisationCreateur
    default_value = ChoixIndemnisationCreateur.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Pour les droits à l'ARE restants d'un créateur ou repreneur : versement en capital (ARCE) ou maintien de l'ARE en cumul (choix définitif pour ces droits)"
    reference = (
        "https://www.francetravail.fr/candidat/vos-droits-aux-aides-et-allocati/aides-financieres-creation-reprise/laide-a-la-reprise-ou-a-la-creat.html"
    )


class creation_controle_effectif(Variable):
    value_type = Enum
    possible_values = Reponse
    default_value = Reponse.non_renseigne
    entity = Individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = (
        "Exercer le contrôle effectif de l'entreprise créée ou reprise (société : plus de la moitié du capital, seul(e) "
        "ou avec sa famille, ou dirigeant(e) avec au moins un tiers du capital ; entreprise individuelle : oui)"
    )
    reference = "https://entreprendre.service-public.fr/vosdroits/F11677"
