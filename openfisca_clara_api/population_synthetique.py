"""Une population synthétique de demandeurs d'emploi, pour `clara lot`, le banc et les essais de réformes.

Une ligne par personne (seule dans sa famille, son foyer et son ménage), les colonnes nommées comme les variables
de `/calculate`. Chaque marge dit d'où elle vient ; ce qui n'est pas publié est dit inventé. Les marges sont tirées
indépendamment les unes des autres (aucune corrélation publiée n'est reproduite : un jeune n'est pas plus souvent
en catégorie A qu'un senior, par exemple).

Marges publiées :

* catégories A / B, C / D / E : France Travail – Dares, « Demandeurs d'emploi inscrits à France Travail, 4e trimestre
  2024 » (statistiques.francetravail.org/stmt/tabdyntrsl) : France entière, catégorie A 3 138,2 milliers, catégories
  A, B, C 5 495,1 milliers ; France métropolitaine, catégorie D 332,8 et E 395,2 milliers. Répartition inventée à
  l'intérieur de A (catégories administratives 1, 2, 3 : 80 / 12 / 8 %), de B, C (6, 7, 8 : 40 / 40 / 20 %), de D
  (formation 60 %, CSP 15 %, autre 25 %) et de E (contrat aidé 70 %, autre 30 %) ;
* âge : même source, catégorie A en France métropolitaine : moins de 25 ans 417,8, 25 à 49 ans 1 708,4, 50 ans ou plus
  801,6 milliers ; âge uniforme dans chaque tranche (16-24, 25-49, 50-66 : bornes inventées) ;
* ancienneté d'inscription : même source, demandeurs d'emploi de longue durée (inscrits depuis un an ou plus)
  2 260,9 milliers sur 5 215,8 en catégories A, B, C (métropole), soit 43 % ; dans chaque groupe, une date
  d'inscription uniforme (moins d'un an ; un à cinq ans, borne de cinq ans inventée) ;
* indemnisation : Dares Résultats n° 17, « Indemnisation des demandeurs d'emploi en 2018 » (mai 2021) : 57 % des
  inscrits indemnisables par l'assurance chômage, dont 72 % indemnisés (41 % perçoivent l'ARE), 7 % indemnisables par
  l'État (ASS) ; allocation des indemnisables de l'assurance chômage : moyenne 930 € net par mois, un quart sous
  545 €, un quart au-dessus de 1 110 € : l'allocation journalière est tirée d'une loi log-normale de mêmes quartiles
  (18,2 et 37,0 € par jour sur 30 jours ; médiane 25,9 €, σ = 0,53) ;
* département de résidence : Insee, « Demandeurs d'emploi inscrits à France Travail au 1er trimestre 2024 :
  comparaisons départementales » (insee.fr/fr/statistiques/2012738), catégories A, B, C, pour les 31 départements
  lus (de l'Ain au Gard, table `DEPARTEMENTS_PUBLIES`). Les autres départements de métropole se partagent à parts
  égales le reste du total métropolitain de 5 215,8 milliers, et les quatre DROM hors Mayotte à parts égales l'écart
  France − métropole (279,3 milliers) : ce partage est inventé. Mayotte, hors du champ de ces statistiques, n'est
  pas tirée. La commune est tirée uniformément parmi les communes du département (`donnees/communes.csv`).

Inventé : toute autre entrée. Par défaut la population n'en a pas (les faits restent inconnus : c'est ce qu'un
fichier d'inscrits dit d'un projet de reprise d'emploi) ; `avec_projet=True` ajoute un projet tiré sans source
(type, date de début dans les trois mois, distance aller-retour log-normale de médiane 30 km).
"""

from pathlib import Path

import numpy as np

from openfisca_clara.geographie import DONNEES

# milliers, catégories A, B, C, 1er trimestre 2024 (Insee, comparaisons départementales)
DEPARTEMENTS_PUBLIES = {
    "01": 43.47, "02": 48.90, "03": 25.84, "04": 15.30, "05": 12.75, "06": 90.52, "07": 29.00, "08": 23.30, "09": 13.79,
    "10": 26.80, "11": 35.14, "12": 17.82, "13": 187.49, "14": 51.68, "15": 6.93, "16": 28.15, "17": 51.97, "18": 21.20,
    "19": 15.68, "2A": 8.96, "2B": 10.45, "21": 36.62, "22": 43.82, "23": 7.61, "24": 30.58, "25": 39.43, "26": 47.63,
    "27": 43.80, "28": 31.94, "29": 66.59, "30": 72.60,
}  # fmt: skip
METROPOLE_ABC, FRANCE_ABC = 5215.8, 5495.1  # milliers, 4e trimestre 2024
DROM = ("971", "972", "973", "974")
# catégories : A, B+C (France), D, E (métropole), milliers, 4e trimestre 2024
CATEGORIES = {"A": 3138.2, "BC": 5495.1 - 3138.2, "D": 332.8, "E": 395.2}
DETAIL_CATEGORIES = {  # inventé
    "A": {"categorie_1": 0.80, "categorie_2": 0.12, "categorie_3": 0.08},
    "BC": {"categorie_6": 0.40, "categorie_7": 0.40, "categorie_8": 0.20},
    "D": {"categorie_4_formation": 0.60, "categorie_4_csp": 0.15, "categorie_4_autre": 0.25},
    "E": {"categorie_5_contrat_aide": 0.70, "categorie_5_autre": 0.30},
}
TRANCHES_AGE = ((16, 25, 417.8), (25, 50, 1708.4), (50, 67, 801.6))  # [bas, haut[ inventés ; effectifs publiés
PART_LONGUE_DUREE = 2260.9 / 5215.8
PART_ARE, PART_ASS = 0.57 * 0.72, 0.07
ARE_MEDIANE, ARE_SIGMA = 25.9, 0.53  # €/jour : quartiles 545 et 1 110 € par mois sur 30 jours
TAILLE_MORCEAU = 100_000


def _poids_departements():
    """(départements, probabilités) : les 31 publiés, les autres de métropole à parts égales (inventé), 4 DROM."""
    communes = _communes()
    metropole = sorted({d for d in communes if len(d) == 2 or d in ("2A", "2B")})
    autres = [d for d in metropole if d not in DEPARTEMENTS_PUBLIES]
    reste = METROPOLE_ABC - sum(DEPARTEMENTS_PUBLIES.values())
    poids = {**DEPARTEMENTS_PUBLIES, **{d: reste / len(autres) for d in autres}}
    poids.update({d: (FRANCE_ABC - METROPOLE_ABC) / len(DROM) for d in DROM if d in communes})
    noms = sorted(poids)
    valeurs = np.array([poids[d] for d in noms])
    return noms, valeurs / valeurs.sum()


_COMMUNES = {}


def _communes():
    """{département: codes INSEE de ses communes} (communes actuelles, sans les anciennes rattachées)."""
    if not _COMMUNES:
        with (DONNEES / "communes.csv").open(encoding="utf-8") as flux:
            for ligne in flux:
                if ligne.startswith(("#", "code,")):
                    continue
                code, departement, _region, _epci, rattachement = ligne.rstrip("\n").split(",")[:5]
                if not rattachement:
                    _COMMUNES.setdefault(departement, []).append(code)
    return _COMMUNES


def _tirer(alea, n, repartition):
    noms = list(repartition)
    poids = np.array([repartition[k] for k in noms], dtype=float)
    return np.array(noms, dtype=object)[alea.choice(len(noms), n, p=poids / poids.sum())]


def generer_population(n, periode="2026-12", graine=2026, avec_projet=False, premier_id=0):
    """{colonne: tableau} de n personnes, évaluables au mois `periode` ; voir le module pour les sources."""
    alea = np.random.default_rng(graine)
    debut_mois = np.datetime64(f"{periode}-01", "D")
    colonnes = {"id": np.array([f"p{premier_id + i:08d}" for i in range(n)], dtype=object)}
    colonnes["inscription_france_travail"] = np.full(n, "oui", dtype=object)
    groupes = _tirer(alea, n, CATEGORIES)
    categories = np.empty(n, dtype=object)
    for groupe, detail in DETAIL_CATEGORIES.items():
        dans = groupes == groupe
        categories[dans] = _tirer(alea, int(dans.sum()), detail)
    colonnes["categorie_demandeur_emploi"] = categories
    tranche = alea.choice(len(TRANCHES_AGE), n, p=np.array([t[2] for t in TRANCHES_AGE]) / sum(t[2] for t in TRANCHES_AGE))
    bas, haut = np.array([t[0] for t in TRANCHES_AGE])[tranche], np.array([t[1] for t in TRANCHES_AGE])[tranche]
    age_jours = (bas * 365.25 + alea.random(n) * (haut - bas) * 365.25).astype(np.int64)
    colonnes["date_naissance"] = debut_mois - age_jours.astype("timedelta64[D]")
    longue = alea.random(n) < PART_LONGUE_DUREE
    anciennete = np.where(longue, alea.integers(366, 5 * 365, n), alea.integers(1, 365, n))
    colonnes["date_inscription_france_travail"] = debut_mois - anciennete.astype("timedelta64[D]")
    indemnisation = alea.random(n)
    are = indemnisation < PART_ARE
    ass = (indemnisation >= PART_ARE) & (indemnisation < PART_ARE + PART_ASS)
    colonnes["percoit_are"] = np.where(are, "oui", "non").astype(object)
    colonnes["percoit_ass"] = np.where(ass, "oui", "non").astype(object)
    journaliere = np.round(ARE_MEDIANE * np.exp(ARE_SIGMA * alea.standard_normal(n)), 2)
    colonnes["allocation_chomage_journaliere"] = np.where(are, journaliere, 0.0)
    departements, poids = _poids_departements()
    communes = _communes()
    tires = np.array(departements, dtype=object)[alea.choice(len(departements), n, p=poids)]
    depcom = np.empty(n, dtype=object)
    for departement in np.unique(tires):
        dans = tires == departement
        codes = communes[departement]
        depcom[dans] = np.array(codes, dtype=object)[alea.integers(0, len(codes), int(dans.sum()))]
    colonnes["depcom"] = depcom
    if avec_projet:
        types = ["entretien_embauche", "reprise_emploi", "formation", "creation_entreprise"]
        colonnes["projet_type"] = np.array(types, dtype=object)[alea.integers(0, len(types), n)]
        colonnes["projet_date_debut"] = debut_mois + alea.integers(0, 92, n).astype("timedelta64[D]")
        colonnes["projet_distance_aller_retour_km"] = np.round(30 * np.exp(0.9 * alea.standard_normal(n)), 1)
    return colonnes


def ecrire_population(chemin, n, periode="2026-12", graine=2026, avec_projet=False, taille_morceau=TAILLE_MORCEAU):
    """n personnes générées dans un fichier Parquet (par morceaux : la mémoire ne dépend pas de n) ou CSV."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    chemin = Path(chemin)
    ecrivain = None
    try:
        for rang, debut in enumerate(range(0, n, taille_morceau)):
            taille = min(taille_morceau, n - debut)
            colonnes = generer_population(taille, periode, graine + rang, avec_projet, premier_id=debut)
            table = pa.table({nom: _arrow(valeurs) for nom, valeurs in colonnes.items()})
            if chemin.suffix.lower() == ".csv":
                import pyarrow.csv as pcsv

                with open(chemin, "ab" if rang else "wb") as flux:
                    pcsv.write_csv(table, flux, pcsv.WriteOptions(include_header=rang == 0))
                continue
            if ecrivain is None:
                ecrivain = pq.ParquetWriter(chemin, table.schema)
            ecrivain.write_table(table)
    finally:
        if ecrivain is not None:
            ecrivain.close()
    return chemin


def _arrow(valeurs):
    import pyarrow as pa

    return pa.array(valeurs)  # datetime64[D] → date32
