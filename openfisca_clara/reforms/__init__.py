"""Réformes paramétriques pour les analyses (scénarios « et si… »).

Elles ne définissent aucune variable au niveau du module : `load_extension` peut exécuter ce dossier sans
risque. Une réforme structurelle définit sa variable dans `apply` (voir `aide_mobilite_sans_condition_de_ressources`).
Une réforme paramétrique peut aussi être un YAML de modifications datées (`distance_mobilite_40_km.yaml`),
lu par `openfisca_clara_api.population.reforme_parametrique`.
"""

from pathlib import Path

from openfisca_clara.reforms.aide_mobilite import aide_mobilite_bareme_kilometrique_030, aide_mobilite_sans_condition_de_ressources

DOSSIER = Path(__file__).parent

# Les réformes d'exemple, par nom (`clara lot --reforme NOM`) ; un YAML du dossier se nomme par son fichier.
REFORMES = {
    "aide_mobilite_bareme_kilometrique_030": aide_mobilite_bareme_kilometrique_030,
    "aide_mobilite_sans_condition_de_ressources": aide_mobilite_sans_condition_de_ressources,
}
REFORMES_YAML = {chemin.stem: chemin for chemin in sorted(DOSSIER.glob("*.yaml"))}
