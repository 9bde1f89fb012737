"""Le parcours de la personne : formations, accompagnements et statuts que lisent plusieurs aides, nationales ou
locales (rulebook-regions §R21, familles F1, F8, F9, F10, F15). Faits déclarés, inconnus par défaut."""

from openfisca_core.model_api import Variable

from openfisca_clara.tri_etat import fait_oui_non


@fait_oui_non
class titulaire_permis_b(Variable):
    label = "Être déjà titulaire du permis B (permis valide)"


@fait_oui_non
class stagiaire_formation_financee_region(Variable):
    label = "Suivre, ou entrer dans, une formation financée ou agréée par la Région (stagiaire de la formation professionnelle)"


@fait_oui_non
class formation_sanitaire_sociale(Variable):
    label = "Suivre une formation sanitaire ou sociale agréée par la Région (IFSI, IFAS, école de travail social…)"


@fait_oui_non
class accompagne_pacea(Variable):
    label = "Être accompagné(e) par une mission locale dans un parcours contractualisé (PACEA)"


@fait_oui_non
class signataire_cej(Variable):
    label = "Avoir signé un contrat d'engagement jeune (CEJ), avec France Travail ou une mission locale"


@fait_oui_non
class apprenti_declare(Variable):
    label = "Être apprenti(e) (contrat d'apprentissage en cours, ou en CFA sans employeur)"


@fait_oui_non
class en_service_civique(Variable):
    label = "Effectuer un service civique"
