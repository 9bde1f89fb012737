"""Les interfaces d'openfisca-clara : système de calcul, catalogue, évaluation, web et ligne de commande.

Ce paquet est à côté de l'extension `openfisca_clara` et non dedans : `load_extension` exécute chaque
fichier .py de l'extension, il ne doit y trouver ni serveur ni outil.
"""

from openfisca_clara_api.systeme import construire_systeme

__all__ = ["construire_systeme"]
