"""Les faits d'un projet de validation des acquis de l'expérience (VAE), lus par les aides régionales à la VAE
(rulebook-regions §R21, famille F14 : PACA, Nouvelle-Aquitaine, Bretagne, Bourgogne-Franche-Comté, Hauts-de-France, Normandie)."""

from openfisca_core.model_api import Variable

from openfisca_clara.tri_etat import fait_oui_non


@fait_oui_non
class projet_vae(Variable):
    label = "Préparer une validation des acquis de l'expérience (VAE) : demande de recevabilité faite ou prévue"


@fait_oui_non
class vae_experience_un_an(Variable):
    label = "Avoir au moins un an d'expérience (salariée, bénévole ou non salariée) en rapport avec le diplôme visé par la VAE"
