"""Réformes paramétriques pour les analyses (scénarios « et si… »).

Elles ne définissent aucune variable : `load_extension` peut exécuter ce dossier sans risque. Une réforme
qui remplacerait une variable devrait vivre hors du paquet (voir DESIGN.md §1).
"""
