"""Les interfaces d'openfisca-clara : système de calcul, catalogue, évaluation, web et ligne de commande.

Ce paquet est à côté de l'extension `openfisca_clara` et non dedans : `load_extension` exécute chaque
fichier .py de l'extension, il ne doit y trouver ni serveur ni outil.

    from openfisca_clara_api import evaluer
    resultat = evaluer({"individus": {"moi": {"age": {"2025-06": 30}}}}, "2025-06")
"""

from openfisca_clara_api.catalogue import charger_catalogue
from openfisca_clara_api.erreurs import ErreurEntree
from openfisca_clara_api.evaluation import comparer_reforme, evaluer, evaluer_population
from openfisca_clara_api.systeme import construire_systeme

__all__ = ["ErreurEntree", "charger_catalogue", "comparer_reforme", "construire_systeme", "evaluer", "evaluer_population"]
