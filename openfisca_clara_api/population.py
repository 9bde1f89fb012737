"""Populations for analysts: every aid over a CSV or Parquet file of persons, chunk by chunk.

One row is one person, alone in their famille, foyer and ménage; one column is one input variable (group
variables such as `depcom` are given per person too). An `id` column, if present, is copied.

* Input: CSV (delimiter sniffed among , ; tab |, UTF-8 with or without BOM) or Parquet.
* Output: Parquet or CSV (by the file's extension), one row per input row, in the same order, with the
  columns `id`, `ligne`, `erreur`, then the statut and montant variables of each aid, named exactly as
  in `/calculate`.
* Each cell goes through the validator of the web API and of `evaluer` (`evaluation.verifier_valeur`);
  a row with a bad cell, too few or too many cells, or no value at all is kept, marked in `erreur`, and
  not evaluated. A duplicated or unknown header stops the run before anything is computed.
* The run reads, evaluates and writes `taille_lot` rows at a time: memory does not grow with the file.
"""

import csv
import datetime
import importlib
import io
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.simulations import SimulationBuilder

from openfisca_clara_api.erreurs import ErreurEntree
from openfisca_clara_api.evaluation import _index, _verifier_periode, filtrer_catalogue
from openfisca_clara_api.evaluation import _verifier_valeur as verifier_valeur
from openfisca_clara_api.systeme import construire_systeme

TAILLE_LOT = 100_000
COLONNES_IDENTIFIANT = ("id", "identifiant")
SEPARATEURS = ",;\t|"
STATUTS = ("non_eligible", "a_verifier", "eligible")
TRANCHES_AGE = ((0, 26, "moins de 26 ans"), (26, 45, "26 à 44 ans"), (45, 55, "45 à 54 ans"), (55, 200, "55 ans et plus"))
ERREURS_GARDEES = 1000  # the run reports every count, but keeps the text of the first errors only
ENTIER_MIN, ENTIER_MAX = np.iinfo(np.int32).min, np.iinfo(np.int32).max
BOOLEENS = {"true": True, "vrai": True, "oui": True, "1": True, "false": False, "faux": False, "non": False, "0": False}


# --- Reading ------------------------------------------------------------------------------------------


@dataclass
class Lot:
    """`taille` consecutive rows: their line numbers, ids, raw cells by column, and structural errors."""

    lignes: np.ndarray  # line number in the file (CSV: 2 for the first row after the header; Parquet: 1-based row)
    ids: list
    cellules: dict  # column -> list of cells (str for CSV, Python values for Parquet, None for empty)
    erreurs: dict = field(default_factory=dict)  # row index in the lot -> message


def _ouvrir_csv(chemin):
    flux = open(chemin, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the caller's generator
    debut = flux.read(65536)
    flux.seek(0)
    try:
        dialecte = csv.Sniffer().sniff(debut.split("\n", 1)[0] or ",", delimiters=SEPARATEURS)
        separateur = dialecte.delimiter
    except csv.Error:
        separateur = ","
    return flux, separateur


def _entetes(entetes, chemin, systeme):
    vues = {}
    for rang, nom in enumerate(entetes, 1):
        nom = nom.strip()
        if nom in vues:
            raise ErreurEntree(f"{chemin}:1:{nom}", f"Colonne « {nom} » en double (colonnes {vues[nom]} et {rang}) : laquelle garder ?")
        vues[nom] = rang
        if nom not in COLONNES_IDENTIFIANT and nom not in systeme.variables:
            raise ErreurEntree(f"{chemin}:1:{nom}", f"Colonne inconnue : « {nom} » n'est pas une variable.")
    if not [n for n in vues if n not in COLONNES_IDENTIFIANT]:
        raise ErreurEntree(str(chemin), "Aucune colonne de variable d'entrée.")
    return list(vues)


def _lots_csv(chemin, systeme, taille):
    try:
        flux, separateur = _ouvrir_csv(chemin)
    except OSError as erreur:
        raise ErreurEntree(str(chemin), f"Fichier illisible : {erreur.strerror}.") from None
    with flux:
        lecteur = csv.reader(flux, delimiter=separateur)
        try:
            entetes = _entetes(next(lecteur, []), chemin, systeme)
            while True:
                rangees = list(itertools.islice(lecteur, taille))
                if not rangees:
                    return
                yield _lot_csv(rangees, lecteur.line_num - len(rangees) + 1, entetes)
        except (csv.Error, UnicodeDecodeError) as erreur:
            raise ErreurEntree(str(chemin), f"CSV illisible : {erreur}.") from None


def _lot_csv(rangees, premiere, entetes):
    largeur = len(entetes)
    lot = Lot(np.arange(premiere, premiere + len(rangees)), [], {nom: [] for nom in entetes})
    rang_id = next((i for i, nom in enumerate(entetes) if nom in COLONNES_IDENTIFIANT), None)
    for indice, rangee in enumerate(rangees):
        if not any(cellule.strip() for rang, cellule in enumerate(rangee) if rang != rang_id):
            lot.erreurs[indice] = "Ligne vide : aucune valeur."
        elif len(rangee) < largeur:
            lot.erreurs[indice] = f"Ligne trop courte : {len(rangee)} cellules pour {largeur} colonnes."
        elif len(rangee) > largeur:
            lot.erreurs[indice] = f"Ligne trop longue : {len(rangee)} cellules pour {largeur} colonnes (les cellules en trop seraient perdues)."
        rangee = (rangee + [""] * largeur)[:largeur]
        for nom, cellule in zip(entetes, rangee, strict=True):
            lot.cellules[nom].append(cellule.strip() or None)
        lot.ids.append(rangee[rang_id].strip() if rang_id is not None else str(premiere + indice))
    return lot


def _lots_parquet(chemin, systeme, taille):
    import pyarrow.parquet as pq

    try:
        fichier = pq.ParquetFile(chemin)
    except (OSError, ValueError) as erreur:
        raise ErreurEntree(str(chemin), f"Parquet illisible : {erreur}.") from None
    entetes = _entetes(fichier.schema_arrow.names, chemin, systeme)
    premiere = 1
    for morceau in fichier.iter_batches(batch_size=taille):
        colonnes = {nom: morceau.column(nom).to_pylist() for nom in entetes}
        n = morceau.num_rows
        id_ = next((nom for nom in entetes if nom in COLONNES_IDENTIFIANT), None)
        ids = [str(v) for v in colonnes[id_]] if id_ else [str(premiere + i) for i in range(n)]
        lot = Lot(np.arange(premiere, premiere + n), ids, colonnes)
        for indice in range(n):
            if all(colonnes[nom][indice] is None for nom in entetes if nom not in COLONNES_IDENTIFIANT):
                lot.erreurs[indice] = "Ligne vide : aucune valeur."
        premiere += n
        yield lot


def lire_lots(chemin, systeme=None, taille=TAILLE_LOT):
    """The file, `taille` rows at a time (CSV or Parquet, by its extension)."""
    systeme = systeme or construire_systeme()
    if Path(chemin).suffix.lower() in (".parquet", ".pq"):
        return _lots_parquet(chemin, systeme, taille)
    return _lots_csv(chemin, systeme, taille)


def compter_lignes(chemin):
    """Rows to read, for the progress bar (without reading the cells)."""
    if Path(chemin).suffix.lower() in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        return pq.ParquetFile(chemin).metadata.num_rows
    with open(chemin, "rb") as flux:
        return max(sum(bloc.count(b"\n") for bloc in iter(lambda: flux.read(1 << 20), b"")) - 1, 0)


# --- Cells --------------------------------------------------------------------------------------------


def _depuis_texte(variable, texte):
    """A CSV cell as the JSON value a web client would send for it."""
    type_ = variable.value_type.__name__
    if getattr(variable, "possible_values", None) is not None or type_ in ("str", "date"):
        return texte
    if type_ == "bool":
        return BOOLEENS.get(texte.lower(), texte)
    nombre = texte.replace(",", ".") if re.fullmatch(r"[-+]?\d+,\d*", texte) else texte
    try:
        valeur = float(nombre)
    except ValueError:
        return texte  # the validator says what was expected
    return int(valeur) if type_ == "int" and valeur.is_integer() else valeur


def _valeur(variable, brute, champ):
    """A checked cell, or raises ErreurEntree; the same checks as the web API, through `verifier_valeur`."""
    valeur = _depuis_texte(variable, brute) if isinstance(brute, str) else brute
    if isinstance(valeur, datetime.date):
        valeur = valeur.isoformat()
    verifier_valeur(variable, valeur, champ)
    if variable.value_type is int and not ENTIER_MIN <= valeur <= ENTIER_MAX:
        raise ErreurEntree(champ, f"Nombre hors limites pour « {variable.name} » : {valeur!r}.", "entier")
    if getattr(variable, "possible_values", None) is not None and valeur not in variable.possible_values.__members__:
        raise ErreurEntree(champ, f"Valeur inconnue « {valeur} » pour « {variable.name} ».", list(variable.possible_values.__members__))
    if variable.value_type.__name__ == "date":
        try:
            datetime.date.fromisoformat(valeur)
        except ValueError:
            raise ErreurEntree(champ, f"Date invalide « {valeur} » pour « {variable.name} ».", "date AAAA-MM-JJ") from None
    return valeur


def _colonne(variable, cellules, lot, nom, chemin, erreurs):
    """A column of the lot as the variable's array; bad cells are recorded in `erreurs` (row -> message).

    Each distinct cell is checked once: a column has far fewer distinct values than rows.
    """
    distinctes = {}
    for cellule in cellules:
        if cellule is not None and cellule not in distinctes:
            distinctes[cellule] = None
    for cellule in distinctes:
        try:
            distinctes[cellule] = (True, _valeur(variable, cellule, nom))
        except ErreurEntree as erreur:
            distinctes[cellule] = (False, erreur.message)
    defaut = variable.default_value
    enum = getattr(variable, "possible_values", None)
    valeurs = []
    for indice, cellule in enumerate(cellules):
        if cellule is None:
            valeurs.append(defaut.name if enum is not None else defaut)
            continue
        correcte, valeur = distinctes[cellule]
        if not correcte:
            erreurs.setdefault(indice, f"{chemin}:{lot.lignes[indice]}:{nom} : {valeur}")
            valeur = defaut.name if enum is not None else defaut
        valeurs.append(valeur)
    if enum is not None:
        return enum.encode(np.array(valeurs, dtype=str))
    if variable.value_type.__name__ == "date":
        return np.array([str(v) for v in valeurs], dtype="datetime64[D]")
    return np.array(valeurs, dtype=variable.dtype)


# --- Evaluating ---------------------------------------------------------------------------------------


@dataclass
class Aides:
    """The aids evaluated, their statut and montant variable names, rubrique and criteria."""

    ids: list
    statut: dict
    montant: dict
    rubrique: dict

    @classmethod
    def du_catalogue(cls, systeme, aides=None):
        catalogue = _index(systeme).catalogue
        ids = filtrer_catalogue(aides=aides, catalogue=catalogue)
        return cls(
            ids,
            {i: catalogue[i]["variables"]["statut"] for i in ids},
            {i: catalogue[i]["variables"]["montant"] for i in ids},
            {i: catalogue[i].get("rubrique", "") for i in ids},
        )

    def colonnes(self):
        return [nom for i in self.ids for nom in (self.statut[i], self.montant[i]) if nom]


def _entrees(systeme, lot, chemin):
    """{variable: array} of the lot, and the rows marked (structure or cells)."""
    erreurs = dict(lot.erreurs)
    entrees = {}
    for nom, cellules in lot.cellules.items():
        if nom in COLONNES_IDENTIFIANT:
            continue
        entrees[nom] = _colonne(systeme.variables[nom], cellules, lot, nom, chemin, erreurs)
    return entrees, erreurs


def _simuler(systeme, entrees, gardees, periode):
    periode_ = periods.period(periode)
    simulation = SimulationBuilder().build_default_simulation(systeme, int(gardees.sum()))
    for nom, valeurs in entrees.items():
        unite = str(systeme.variables[nom].definition_period)
        simulation.set_input(nom, periode_.this_year if unite == "year" else periode_, valeurs[gardees])
    return simulation


def _etendre(valeurs, gardees, vide):
    """Values of the evaluated rows back at their place among all rows of the lot."""
    sortie = np.full(len(gardees), vide, dtype=object if isinstance(vide, str) or vide is None else float)
    sortie[gardees] = valeurs
    return sortie


@dataclass
class Resultat:
    """One lot evaluated: per-row columns, and the arrays the comparison reads."""

    colonnes: dict
    gardees: np.ndarray
    statuts: dict = field(default_factory=dict)  # aid -> codes 0/1/2 of the evaluated rows
    montants: dict = field(default_factory=dict)  # aid -> montant of the evaluated rows (0 when none)
    inconnus: dict = field(default_factory=dict)  # aid -> {criterion: count of à vérifier rows where it is unknown}
    groupes: dict = field(default_factory=dict)  # "region", "age" -> labels of the evaluated rows


def evaluer_lot(systeme, lot, periode, aides, chemin="", suffixe="", details=False):
    entrees, erreurs = _entrees(systeme, lot, chemin)
    gardees = np.ones(len(lot.lignes), dtype=bool)
    gardees[list(erreurs)] = False
    colonnes = {
        "id": np.array(lot.ids, dtype=object),
        "ligne": lot.lignes,
        "erreur": np.array([erreurs.get(i, "") for i in range(len(lot.lignes))], dtype=object),
    }
    resultat = Resultat(colonnes, gardees)
    if not gardees.any():
        for nom in aides.colonnes():
            colonnes[nom + suffixe] = np.full(len(gardees), None, dtype=object)
        return resultat
    simulation = _simuler(systeme, entrees, gardees, periode)
    for aide in aides.ids:
        statut = simulation.calculate(aides.statut[aide], periode)
        codes = np.asarray(statut).astype(np.int8)
        # Les noms des statuts par indice : trois chaînes partagées (8 octets par cellule) plutôt qu'une chaîne
        # par cellule (decode_to_str : ≈ 70 octets, 64 aides × 100 000 lignes ≈ 450 Mio par lot).
        noms = np.array(list(statut.possible_values.__members__), dtype=object)
        colonnes[aides.statut[aide] + suffixe] = _etendre(noms[codes], gardees, None)
        montant = np.zeros(len(codes))
        if aides.montant[aide]:
            montant = simulation.calculate(aides.montant[aide], periode).astype(float).round(2)
            colonnes[aides.montant[aide] + suffixe] = _etendre(montant, gardees, np.nan)
        resultat.statuts[aide] = codes
        resultat.montants[aide] = montant
        if details:
            resultat.inconnus[aide] = _criteres_inconnus(systeme, simulation, aides.statut[aide], codes, periode)
    if details:
        resultat.groupes = _groupes(simulation, periode)
    return resultat


@lru_cache(maxsize=256)
def _criteres(systeme, statut):
    """The criteria a statut reads directly, found once by tracing one default person."""
    from openfisca_clara_api.evaluation import _Traceur

    simulation = SimulationBuilder().build_default_simulation(systeme, 1)
    simulation.tracer = traceur = _Traceur()
    simulation.trace = True
    periode = periods.period("2025-06")
    simulation.calculate(statut, periode)
    index = _index(systeme)
    return tuple(cle[0] if isinstance(cle, tuple) else cle for cle in traceur.dependances.get((statut, str(periode)), ()) if index.est_critere(_nom(cle)))


def _nom(cle):
    return cle[0] if isinstance(cle, tuple) else cle


def _criteres_inconnus(systeme, simulation, statut, codes, periode):
    a_verifier = codes == 1
    if not a_verifier.any():
        return {}
    comptes = {}
    for critere in _criteres(systeme, statut):
        valeurs = simulation.calculate(critere, periode)
        if valeurs.shape == codes.shape:
            n = int(np.sum(a_verifier & (valeurs == 0)))
            if n:
                comptes[critere] = n
    return comptes


def _groupes(simulation, periode):
    age = np.asarray(simulation.calculate("age_declare", periode))
    tranches = np.full(len(age), "âge inconnu", dtype=object)
    for bas, haut, libelle in TRANCHES_AGE:
        tranches[(age >= bas) & (age < haut)] = libelle
    try:
        region = np.asarray(simulation.calculate("region", periode).decode_to_str(), dtype=object)
        region[~np.asarray(simulation.calculate("commune_renseignee", periode), dtype=bool)] = "commune inconnue"
    except Exception:  # openfisca-france's region parameter starts in 2016
        region = np.full(len(age), "région inconnue", dtype=object)
    return {"region": region, "age": tranches}


# --- Writing ------------------------------------------------------------------------------------------


class Ecrivain:
    """Parquet or CSV output, by the file's extension, one lot at a time."""

    def __init__(self, chemin, colonnes, flux=None):
        """`chemin` None: CSV on the text stream `flux` (standard output)."""
        self.chemin = Path(chemin) if chemin else None
        self.colonnes = colonnes
        self.parquet = self.chemin is not None and self.chemin.suffix.lower() in (".parquet", ".pq")
        self._ecrivain = None
        self._flux = None
        self._externe = flux

    def _schema(self):
        import pyarrow as pa

        types = {"id": pa.string(), "ligne": pa.int64(), "erreur": pa.string()}
        return pa.schema([(c, types.get(c, pa.float64() if c.endswith(("_montant", "_montant_reforme")) else pa.string())) for c in self.colonnes])

    def ecrire(self, colonnes):
        if self.parquet:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = self._schema()
            table = pa.table({c: pa.array(colonnes[c], type=schema.field(c).type, from_pandas=True) for c in self.colonnes}, schema=schema)
            if self._ecrivain is None:
                self._ecrivain = pq.ParquetWriter(self.chemin, schema)
            self._ecrivain.write_table(table)
            return
        if self._ecrivain is None:
            if self.chemin is None:
                flux = self._externe
            else:
                flux = self._flux = open(self.chemin, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by fermer()
            self._ecrivain = csv.writer(flux)
            self._ecrivain.writerow(self.colonnes)
        n = len(colonnes["ligne"])
        for rang in range(n):
            self._ecrivain.writerow([_cellule(colonnes[c][rang]) for c in self.colonnes])

    def fermer(self):
        if self.parquet and self._ecrivain is not None:
            self._ecrivain.close()
        if self._flux is not None:
            self._flux.close()


def _cellule(valeur):
    if valeur is None or (isinstance(valeur, float) and np.isnan(valeur)):
        return ""
    if isinstance(valeur, float | np.floating):
        return f"{valeur:.2f}"
    return str(valeur)


# --- Reforms ------------------------------------------------------------------------------------------


def reforme_parametrique(chemin):
    """A Reform class from a YAML of dated parameter changes.

    ```yaml
    nom: distance_mobilite_40_km
    description: L'aide à la mobilité dès 40 km aller-retour
    modifications:
      - parametre: clara.france_travail.aide_mobilite.distance_minimale_aller_retour_km
        debut: 2027-01-01     # inclus
        fin: null             # facultatif, inclus
        valeur: 40
    ```
    """
    import yaml

    chemin = Path(chemin)
    try:
        texte = yaml.safe_load(chemin.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as erreur:
        raise ErreurEntree(str(chemin), f"Réforme illisible : {erreur}.") from None
    if not isinstance(texte, dict) or not isinstance(texte.get("modifications"), list) or not texte["modifications"]:
        raise ErreurEntree(f"{chemin}:modifications", "Une liste de modifications (parametre, debut, valeur) est attendue.")
    modifications = []
    for rang, modification in enumerate(texte["modifications"]):
        champ = f"{chemin}:modifications[{rang}]"
        if not isinstance(modification, dict) or not {"parametre", "debut", "valeur"} <= set(modification):
            raise ErreurEntree(champ, "Chaque modification a un « parametre », un « debut » et une « valeur ».")
        modifications.append((champ, modification["parametre"], str(modification["debut"]), modification.get("fin"), modification["valeur"]))

    def modifier(parametres):
        for champ, nom, debut, fin, valeur in modifications:
            noeud = parametres
            try:
                for morceau in nom.split("."):
                    noeud = noeud.children[morceau]
            except (KeyError, AttributeError):
                raise ErreurEntree(f"{champ}.parametre", f"Paramètre inconnu : « {nom} ».") from None
            if not hasattr(noeud, "update"):
                raise ErreurEntree(f"{champ}.parametre", f"« {nom} » n'est pas une feuille (une valeur datée).")
            noeud.update(start=periods.instant(debut), stop=None if fin is None else periods.instant(str(fin)), value=valeur)
        return parametres

    class ReformeParametrique(Reform):
        name = texte.get("description") or texte.get("nom") or chemin.stem

        def apply(self):
            self.modify_parameters(modifier_function=modifier)

    ReformeParametrique.__name__ = str(texte.get("nom") or chemin.stem)
    return ReformeParametrique


def charger_reforme(nom):
    """A Reform class from a YAML file, `module:Classe`, or the name of one in `openfisca_clara.reforms`."""
    if str(nom).endswith((".yaml", ".yml")):
        return reforme_parametrique(nom)
    module, _, classe = str(nom).rpartition(":")
    if not module:
        from openfisca_clara.reforms import REFORMES, REFORMES_YAML

        if nom in REFORMES_YAML:
            return reforme_parametrique(REFORMES_YAML[nom])
        if nom not in REFORMES:
            raise ErreurEntree("reforme", f"Réforme inconnue : « {nom} ».", sorted([*REFORMES, *REFORMES_YAML]))
        return REFORMES[nom]
    try:
        return getattr(importlib.import_module(module), classe)
    except (ImportError, AttributeError) as erreur:
        raise ErreurEntree("reforme", f"Réforme introuvable « {nom} » : {erreur}.") from None


@lru_cache(maxsize=8)
def systeme_reforme(reforme):
    return reforme(construire_systeme())


# --- Comparing ----------------------------------------------------------------------------------------


@dataclass
class Comparaison:
    """Baseline against reform, summed lot by lot. À vérifier amounts are maxima, kept apart from éligible."""

    aides: Aides
    par_aide: dict = field(default_factory=dict)
    par_groupe: dict = field(default_factory=dict)  # ("rubrique"|"region"|"age", label) -> counts and net change
    inconnus: dict = field(default_factory=dict)  # (aid, criterion) -> à vérifier rows, baseline
    gains: list = field(default_factory=list)  # per-person change of the éligible total, for the distribution

    def ajouter(self, reference, reforme):
        total_avant = total_apres = 0.0
        for aide in self.aides.ids:
            avant, apres = reference.statuts[aide], reforme.statuts[aide]
            m_avant, m_apres = reference.montants[aide], reforme.montants[aide]
            ligne = self.par_aide.setdefault(aide, _compteurs())
            for cote, statuts, montants in (("reference", avant, m_avant), ("reforme", apres, m_apres)):
                for code, statut in enumerate(STATUTS[1:], 1):
                    choisis = statuts == code
                    ligne[cote][statut]["personnes"] += int(choisis.sum())
                    ligne[cote][statut]["montant"] += float(montants[choisis].sum())
            gain = np.where(apres == 2, m_apres, 0.0) - np.where(avant == 2, m_avant, 0.0)
            ligne["gagnants"] += int((gain > 0.005).sum())
            ligne["perdants"] += int((gain < -0.005).sum())
            ligne["statuts_changes"] += int((avant != apres).sum())
            self._groupe(("rubrique", self.aides.rubrique[aide]), gain)
            total_avant = total_avant + np.where(avant == 2, m_avant, 0.0)
            total_apres = total_apres + np.where(apres == 2, m_apres, 0.0)
            for critere, n in reference.inconnus.get(aide, {}).items():
                self.inconnus[(aide, critere)] = self.inconnus.get((aide, critere), 0) + n
        gain = np.asarray(total_apres - total_avant, dtype=float)
        for groupe, etiquettes in reference.groupes.items():
            for etiquette in np.unique(etiquettes):
                self._groupe((groupe, str(etiquette)), gain[etiquettes == etiquette])
        self.gains.append(gain.astype(np.float32))

    def _groupe(self, cle, gain):
        compte = self.par_groupe.setdefault(cle, {"personnes": 0, "gagnants": 0, "perdants": 0, "ecart_eligible": 0.0})
        compte["personnes"] += int(len(gain))
        compte["gagnants"] += int((gain > 0.005).sum())
        compte["perdants"] += int((gain < -0.005).sum())
        compte["ecart_eligible"] += float(gain.sum())

    def en_json(self):
        arrondir = _arrondir
        return {
            "aides": arrondir(self.par_aide),
            "groupes": [{"groupe": g, "valeur": v, **arrondir(c)} for (g, v), c in sorted(self.par_groupe.items())],
            "a_verifier_par_critere": [{"aide": a, "critere": c, "personnes": n} for (a, c), n in sorted(self.inconnus.items(), key=lambda t: -t[1])],
        }


def _compteurs():
    cote = {s: {"personnes": 0, "montant": 0.0} for s in STATUTS[1:]}
    return {"reference": cote, "reforme": {s: dict(v) for s, v in cote.items()}, "gagnants": 0, "perdants": 0, "statuts_changes": 0}


def _arrondir(objet):
    if isinstance(objet, dict):
        return {k: _arrondir(v) for k, v in objet.items()}
    return round(objet, 2) if isinstance(objet, float) else objet


# --- The run ------------------------------------------------------------------------------------------


@dataclass
class Bilan:
    lues: int = 0
    evaluees: int = 0
    marquees: int = 0
    erreurs: list = field(default_factory=list)  # the first ERREURS_GARDEES messages
    comparaison: Comparaison | None = None

    def ajouter(self, resultat):
        n = len(resultat.gardees)
        self.lues += n
        self.evaluees += int(resultat.gardees.sum())
        self.marquees += int((~resultat.gardees).sum())
        for message in resultat.colonnes["erreur"][~resultat.gardees]:
            if len(self.erreurs) < ERREURS_GARDEES:
                self.erreurs.append(message)

    def resume(self):
        return f"{self.lues} lignes lues, {self.evaluees} évaluées, {self.marquees} marquées en erreur"


def executer(entree, sortie, periode, aides=None, reforme=None, taille_lot=TAILLE_LOT, progression=False, flux=None):
    """Every aid (or `aides`) over the file `entree`, written to `sortie` (or, if None, as CSV to `flux`);
    with `reforme`, the reform's columns follow, suffixed `_reforme`, and the bilan holds the comparison."""
    _verifier_periode(periode)
    systeme = construire_systeme()
    liste = Aides.du_catalogue(systeme, aides)
    systeme_apres = systeme_reforme(charger_reforme(reforme) if isinstance(reforme, str) else reforme) if reforme else None
    colonnes = ["id", "ligne", "erreur", *liste.colonnes()]
    if systeme_apres is not None:
        colonnes += [c + "_reforme" for c in liste.colonnes()]
    bilan = Bilan(comparaison=Comparaison(liste) if systeme_apres is not None else None)
    barre = _barre(compter_lignes(entree), progression)
    ecrivain = Ecrivain(sortie, colonnes, flux)
    try:
        for lot in lire_lots(entree, systeme, taille_lot):
            resultat = evaluer_lot(systeme, lot, periode, liste, str(entree), details=systeme_apres is not None)
            if systeme_apres is not None:
                apres = evaluer_lot(systeme_apres, lot, periode, liste, str(entree), suffixe="_reforme")
                resultat.colonnes.update({c: v for c, v in apres.colonnes.items() if c.endswith("_reforme")})
                if resultat.gardees.any():
                    bilan.comparaison.ajouter(resultat, apres)
            ecrivain.ecrire(resultat.colonnes)
            bilan.ajouter(resultat)
            barre.update(len(lot.lignes))
            # Libérés avant de lire et d'évaluer le lot suivant : un seul lot en mémoire à la fois.
            lot = resultat = apres = None
    finally:
        ecrivain.fermer()
        barre.close()
    return bilan


def _barre(total, visible):
    from tqdm import tqdm

    return tqdm(total=total, unit=" personnes", disable=not visible, dynamic_ncols=True, mininterval=0.5)


def lire_sortie(chemin):
    """The output file as {column: list}, for tests and small files."""
    chemin = Path(chemin)
    if chemin.suffix.lower() in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        return pq.read_table(chemin).to_pydict()
    with open(chemin, encoding="utf-8", newline="") as flux:
        rangees = list(csv.reader(flux))
    return {nom: [r[i] for r in rangees[1:]] for i, nom in enumerate(rangees[0])}


def ecrire_csv(colonnes, chemin, separateur=","):
    """{column: list} to a CSV file (tests, generated populations)."""
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, delimiter=separateur)
    noms = list(colonnes)
    ecrivain.writerow(noms)
    ecrivain.writerows(zip(*(colonnes[n] for n in noms), strict=True))
    Path(chemin).write_text(tampon.getvalue(), encoding="utf-8")


# --- Beyond one machine -------------------------------------------------------------------------------


def _partie(entree, groupes, sortie, periode, aides):
    """One Dask task: row groups `groupes` of one Parquet file, evaluated and written to `sortie`."""
    import pyarrow.parquet as pq

    systeme = construire_systeme()
    liste = Aides.du_catalogue(systeme, aides)
    fichier = pq.ParquetFile(entree)
    table = fichier.read_row_groups(list(groupes))
    entetes = _entetes(table.schema.names, entree, systeme)
    premiere = 1 + sum(fichier.metadata.row_group(i).num_rows for i in range(groupes[0]))
    colonnes = {nom: table.column(nom).to_pylist() for nom in entetes}
    id_ = next((nom for nom in entetes if nom in COLONNES_IDENTIFIANT), None)
    n = table.num_rows
    ids = [str(v) for v in colonnes[id_]] if id_ else [str(premiere + i) for i in range(n)]
    lot = Lot(np.arange(premiere, premiere + n), ids, colonnes)
    for indice in range(n):
        if all(colonnes[nom][indice] is None for nom in entetes if nom not in COLONNES_IDENTIFIANT):
            lot.erreurs[indice] = "Ligne vide : aucune valeur."
    resultat = evaluer_lot(systeme, lot, periode, liste, str(entree))
    ecrivain = Ecrivain(sortie, ["id", "ligne", "erreur", *liste.colonnes()])
    ecrivain.ecrire(resultat.colonnes)
    ecrivain.fermer()
    return int(resultat.gardees.sum()), int((~resultat.gardees).sum())


def executer_dask(entrees, dossier_sortie, periode, client, aides=None, groupes_par_tache=1):
    """The same run on a Dask cluster: one task per Parquet row group (or `groupes_par_tache` of them).

    `entrees`: Parquet files (a partitioned data set); `client`: a `dask.distributed.Client`, local
    (`Client(LocalCluster())`) or connected to a real cluster (`Client("tcp://scheduler:8786")`), whose
    workers have openfisca-clara installed and read and write the same storage. Writes one Parquet part per
    task into `dossier_sortie`, named so that sorting the names gives the input order.
    """
    import pyarrow.parquet as pq

    _verifier_periode(periode)
    dossier = Path(dossier_sortie)
    dossier.mkdir(parents=True, exist_ok=True)
    taches = []
    for rang_fichier, entree in enumerate(sorted(map(str, entrees))):
        total = pq.ParquetFile(entree).metadata.num_row_groups
        for debut in range(0, total, groupes_par_tache):
            groupes = tuple(range(debut, min(debut + groupes_par_tache, total)))
            sortie = dossier / f"partie-{rang_fichier:05d}-{debut:06d}.parquet"
            taches.append(client.submit(_partie, entree, groupes, str(sortie), periode, aides, pure=False))
    comptes = client.gather(taches)
    return Bilan(lues=sum(a + b for a, b in comptes), evaluees=sum(a for a, _ in comptes), marquees=sum(b for _, b in comptes))
