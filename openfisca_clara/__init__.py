"""openfisca-clara : les aides au retour à l'emploi, extension OpenFisca d'openfisca-france.

`load_extension("openfisca_clara")` exécute chaque fichier .py de ce dossier : ce fichier reste minuscule.
L'interface Python (système, catalogue, évaluation) vit dans `openfisca_clara_api`, exposée ici à la demande.
"""

_INTERFACE = ("construire_systeme", "evaluer", "charger_catalogue", "evaluer_population", "comparer_reforme", "ErreurEntree")


def __getattr__(nom):
    if nom in _INTERFACE:
        import openfisca_clara_api

        return getattr(openfisca_clara_api, nom)
    raise AttributeError(f"module 'openfisca_clara' has no attribute {nom!r}")
