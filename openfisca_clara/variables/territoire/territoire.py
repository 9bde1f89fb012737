"""Le territoire de résidence, déduit du code INSEE de la commune (`depcom` d'openfisca-france).

Une commune vide ou mal formée est « non renseignée », jamais « ailleurs ».
La région est celle d'openfisca-france (`region`, par préfixe de département).
"""

import re

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Menage

FORME_DEPCOM = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")


def departement_du_code(depcom):
    """« 59350 » → « 59 », « 2A004 » → « 2A », « 97611 » → « 976 », code mal formé → « »."""
    if not FORME_DEPCOM.match(depcom) or depcom.startswith("20"):
        return ""
    return depcom[:3] if depcom.startswith("97") or depcom.startswith("98") else depcom[:2]


_departement_du_code = np.vectorize(departement_du_code, otypes=[object])


class commune_renseignee(Variable):
    value_type = bool
    entity = Menage
    definition_period = MONTH
    label = "La commune de résidence (code INSEE) est renseignée et bien formée"

    def formula(menage, period):
        return menage("departement_residence", period) != ""


class departement_residence(Variable):
    value_type = str
    entity = Menage
    definition_period = MONTH
    label = "Département de résidence (« 2A », « 2B » en Corse, « 971 » à « 976 » en outre-mer ; vide : non renseigné)"

    def formula(menage, period):
        depcom = menage("depcom", period).astype(str)
        if depcom.size == 0:
            return depcom
        return _departement_du_code(depcom).astype(str)


class reside_outre_mer(Variable):
    value_type = bool
    entity = Menage
    definition_period = MONTH
    label = "Résider hors de France métropolitaine (départements et collectivités d'outre-mer) ; faux si la commune est inconnue"

    def formula(menage, period):
        return np.char.startswith(menage("departement_residence", period).astype(str), "97")


class reside_a_mayotte(Variable):
    value_type = bool
    entity = Menage
    definition_period = MONTH
    label = "Résider à Mayotte ; faux si la commune est inconnue"

    def formula(menage, period):
        return menage("departement_residence", period) == "976"
