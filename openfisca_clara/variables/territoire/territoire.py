"""Le territoire de résidence, déduit du code INSEE de la commune (`depcom` d'openfisca-france).

Une commune vide ou mal formée est « non renseignée », jamais « ailleurs ».
La région est celle d'openfisca-france (`region`, par préfixe de département), lue par `region_residence`
seulement à partir du 1er janvier 2016 : les régions d'openfisca-france (leur liste datée) commencent alors,
et avant, `region` échoue faute de paramètre.
"""

import re

import numpy as np
from openfisca_core.model_api import MONTH, Enum, Variable
from openfisca_france.model.base import Menage
from openfisca_france.model.caracteristiques_socio_demographiques.logement import TypesCodeInseeRegion

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


class region_residence(Variable):
    value_type = Enum
    possible_values = TypesCodeInseeRegion
    default_value = TypesCodeInseeRegion.non_renseigne
    entity = Menage
    definition_period = MONTH
    label = "Région de résidence (régions en vigueur depuis le 1er janvier 2016) ; avant 2016 ou commune inconnue : non renseignée"
    reference = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000030109622"

    def formula_2016_01_01(menage, period):
        # Loi n° 2015-29 du 16 janvier 2015 : les 13 régions métropolitaines au 1er janvier 2016. Avant, pas de valeur :
        # les aides régionales de ce modèle n'existaient pas encore et le disent par leur date d'ouverture.
        return menage("region", period)
