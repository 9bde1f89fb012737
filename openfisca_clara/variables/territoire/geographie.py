"""L'EPCI et la région de résidence, lus dans la table des communes livrée avec le paquet (`openfisca_clara/geographie.py`).

Arrondissements municipaux de Paris, Lyon et Marseille et anciennes communes (déléguées, associées) se résolvent
vers leur commune de rattachement. Un code absent de la table, ou vide : « » (non renseigné), jamais « ailleurs ».
"""

import numpy as np
from openfisca_core.model_api import MONTH, Variable
from openfisca_france.model.base import Menage

from openfisca_clara.geographie import region_des_departements, table


class epci_residence(Variable):
    value_type = str
    entity = Menage
    definition_period = MONTH
    label = "EPCI de la commune de résidence (code SIREN ; vide : commune inconnue ou hors EPCI)"

    def formula(menage, period):
        depcom = menage("depcom", period).astype(str)
        connu, rang = table().indices(depcom)
        return np.where(connu, table().epci[rang], "")


class region_residence_code(Variable):
    value_type = str
    entity = Menage
    definition_period = MONTH
    label = "Code INSEE de la région de résidence (« 75 », « 01 » pour la Guadeloupe ; vide : non renseignée), déduit de la commune ou du département"

    def formula(menage, period):
        depcom = menage("depcom", period).astype(str)
        connu, rang = table().indices(depcom)
        par_departement = region_des_departements(menage("departement_residence", period))
        return np.where(connu, table().regions[rang], par_departement)
