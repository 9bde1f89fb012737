"""Le registre des questions : `openfisca_clara/catalogue/_questions.yaml`.

Une entrée par fait qui sait dire « inconnu » : variable → question en français, et `renseigne_par` quand la
réponse se donne dans une autre variable (`age_declare` se renseigne par `date_naissance`). L'évaluation descend
de chaque critère inconnu vers ses faits et s'arrête au premier fait inscrit ici (DESIGN.md §4).

L'état « inconnu » d'un fait, selon son type :
* Enum : le membre `non_renseigne` (les catégories statistiques F et G sont des valeurs connues) ;
* nombre : une valeur négative (convention −1) ;
* date : 0001-01-01 (et, pour `date_naissance`, le 1970-01-01 par défaut d'openfisca-france) ;
* texte (`depcom`) : vide.
"""

from datetime import date
from functools import lru_cache
from importlib.resources import files

import numpy as np
import yaml

from openfisca_clara_api.catalogue import ErreurCatalogue

FICHIER = files("openfisca_clara") / "catalogue" / "_questions.yaml"

DATE_NON_RENSEIGNEE = np.datetime64("0001-01-01", "D")
DATE_NAISSANCE_PAR_DEFAUT = np.datetime64("1970-01-01", "D")


@lru_cache(maxsize=1)
def charger_questions():
    """{variable: {"question": str, "renseigne_par": str}}, dans l'ordre du fichier (ordre du questionnaire)."""
    brut = yaml.safe_load(FICHIER.read_text(encoding="utf-8")) or {}
    if not isinstance(brut, dict):
        raise ErreurCatalogue("_questions.yaml : un dictionnaire variable → question est attendu")
    registre = {}
    for nom, entree in brut.items():
        if isinstance(entree, str):
            entree = {"question": entree}
        if not isinstance(entree, dict) or not isinstance(entree.get("question"), str) or not entree["question"].strip():
            raise ErreurCatalogue(f"_questions.yaml : « {nom} » : une question (texte non vide) est attendue")
        inconnus = set(entree) - {"question", "renseigne_par"}
        if inconnus:
            raise ErreurCatalogue(f"_questions.yaml : « {nom} » : champs inconnus {sorted(inconnus)}")
        registre[nom] = {"question": entree["question"].strip(), "renseigne_par": entree.get("renseigne_par") or nom}
    from openfisca_clara_api.aides_locales import questions_aides_locales  # importe ce module

    for nom, question in questions_aides_locales().items():  # les faits propres aux aides locales, après les autres
        registre.setdefault(nom, {"question": question, "renseigne_par": nom})
    return registre


def detecteur_inconnu(variable):
    """Fonction valeur → vrai si la valeur est l'état « inconnu » de cette variable ; None si elle n'en a pas."""
    if getattr(variable, "possible_values", None) is not None:
        membre = variable.possible_values.__members__.get("non_renseigne")
        if membre is None:
            return None
        indice = membre.index
        return lambda valeur: int(valeur) == indice
    type_ = variable.value_type
    if type_ is float or type_ is int:
        return lambda valeur: valeur < 0
    if type_ is date:
        if variable.name == "date_naissance":
            return lambda valeur: valeur in (DATE_NON_RENSEIGNEE, DATE_NAISSANCE_PAR_DEFAUT)
        return lambda valeur: valeur == DATE_NON_RENSEIGNEE
    if type_ is str:  # tableaux numpy d'octets (`depcom` : |S5)
        return lambda valeur: not (valeur.decode() if isinstance(valeur, bytes) else str(valeur)).strip()
    return None


def a_un_etat_inconnu(variable):
    """La variable sait dire « inconnu » par sa valeur par défaut (convention d'openfisca-clara)."""
    if getattr(variable, "possible_values", None) is not None:
        return "non_renseigne" in variable.possible_values.__members__
    if variable.value_type in (float, int):
        return variable.default_value is not None and variable.default_value < 0
    if variable.value_type is date:
        return variable.default_value == date(1, 1, 1)
    return False
