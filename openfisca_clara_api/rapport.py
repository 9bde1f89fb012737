"""`clara rapport`: a reform against the baseline on a population, as one self-contained HTML page.

Charts are matplotlib PNGs embedded in the page (no script, no third-party asset). Amounts of aids
"à vérifier" are maxima: they are shown in their own columns and never added to the éligible totals.
"""

import base64
import html
import io
import tempfile
from pathlib import Path

import numpy as np

from openfisca_clara_api.population import executer


def _image(figure):
    tampon = io.BytesIO()
    figure.savefig(tampon, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(figure)
    return f'<img alt="" src="data:image/png;base64,{base64.b64encode(tampon.getvalue()).decode()}">'


def _barres(titre, etiquettes, series, libelles):
    import matplotlib.pyplot as plt

    figure, axe = plt.subplots(figsize=(8, max(2.5, 0.35 * len(etiquettes))))
    positions = np.arange(len(etiquettes))
    hauteur = 0.8 / len(series)
    for rang, (serie, libelle) in enumerate(zip(series, libelles, strict=True)):
        axe.barh(positions + rang * hauteur, serie, height=hauteur, label=libelle)
    axe.set_yticks(positions + hauteur * (len(series) - 1) / 2, etiquettes)
    axe.set_title(titre)
    axe.legend()
    return _image(figure)


def _tableau(entetes, lignes):
    tete = "".join(f"<th scope='col'>{html.escape(str(e))}</th>" for e in entetes)
    corps = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in ligne) + "</tr>" for ligne in lignes)
    return f"<table><thead><tr>{tete}</tr></thead><tbody>{corps}</tbody></table>"


def _euros(montant):
    return f"{montant:,.2f} €".replace(",", " ").replace(".", ",")


def rendre(comparaison, reforme, periode, bilan):
    """The HTML page of a comparison (population.Comparaison)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    donnees = comparaison.en_json()
    lignes = []
    for aide, c in donnees["aides"].items():
        ref, apr = c["reference"], c["reforme"]
        lignes.append(
            [
                aide,
                ref["eligible"]["personnes"],
                apr["eligible"]["personnes"],
                _euros(ref["eligible"]["montant"]),
                _euros(apr["eligible"]["montant"]),
                ref["a_verifier"]["personnes"],
                apr["a_verifier"]["personnes"],
                _euros(ref["a_verifier"]["montant"]),
                _euros(apr["a_verifier"]["montant"]),
                c["gagnants"],
                c["perdants"],
            ]
        )
    changees = [ligne for ligne in lignes if ligne[1] != ligne[2] or ligne[5] != ligne[6] or ligne[9] or ligne[10]]
    gains = np.concatenate(comparaison.gains) if comparaison.gains else np.zeros(0)
    figure, axe = plt.subplots(figsize=(8, 3))
    non_nuls = gains[np.abs(gains) > 0.005]
    axe.hist(non_nuls if len(non_nuls) else [0], bins=40)
    axe.set_title(f"Écart du montant éligible par personne (personnes concernées : {len(non_nuls)})")
    axe.set_xlabel("€ (réforme − référence)")
    distribution = _image(figure)
    parties = []
    for groupe, titre in (
        ("region", "Gagnants et perdants par région"),
        ("age", "Gagnants et perdants par âge"),
        ("rubrique", "Gagnants et perdants par rubrique"),
    ):
        rangs = [g for g in donnees["groupes"] if g["groupe"] == groupe]
        if rangs:
            parties.append(f"<h2>{titre}</h2>")
            parties.append(
                _barres(titre, [r["valeur"] for r in rangs], [[r["gagnants"] for r in rangs], [r["perdants"] for r in rangs]], ["gagnants", "perdants"])
            )
            parties.append(
                _tableau(
                    ["", "personnes", "gagnants", "perdants", "écart éligible"],
                    [[r["valeur"], r["personnes"], r["gagnants"], r["perdants"], _euros(r["ecart_eligible"])] for r in rangs],
                )
            )
    inconnus = donnees["a_verifier_par_critere"][:15]
    if inconnus:
        parties.append("<h2>Ce qui laisse les aides « à vérifier » (référence)</h2>")
        parties.append(
            _barres(
                "Personnes à vérifier, par condition inconnue",
                [f"{i['aide']} : {i['critere']}" for i in inconnus],
                [[i["personnes"] for i in inconnus]],
                ["personnes"],
            )
        )
    entetes = ["aide", "éligibles réf.", "éligibles réf.", "montant éligible réf.", "montant éligible réforme", "à vérifier réf.", "à vérifier réforme"]
    entetes = [*entetes[:2], "éligibles réforme", *entetes[3:], "maximum à vérifier réf.", "maximum à vérifier réforme", "gagnants", "perdants"]
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Réforme : {html.escape(reforme)}</title>
<style>body{{font-family:sans-serif;max-width:70rem;margin:auto;padding:1rem}} table{{border-collapse:collapse;margin:1rem 0}}
td,th{{border:1px solid #999;padding:.2rem .4rem;text-align:right}} td:first-child{{text-align:left}} img{{max-width:100%}}</style></head>
<body><h1>Réforme : {html.escape(reforme)}</h1>
<p>Mois évalué : {html.escape(periode)}. {html.escape(bilan.resume())}.</p>
<p>Les montants « à vérifier » sont des maxima, comptés à part : ils ne sont jamais ajoutés aux montants éligibles.</p>
<h2>Aides dont le résultat change</h2>
{_tableau(entetes, changees) if changees else "<p>Aucune aide ne change.</p>"}
<h2>Distribution des écarts</h2>
{distribution}
{"".join(parties)}
<h2>Toutes les aides</h2>
{_tableau(entetes, lignes)}
</body></html>
"""


def ecrire_rapport(entree, reforme, periode, sortie, aides=None, taille_lot=100_000):
    with tempfile.TemporaryDirectory() as dossier:
        bilan = executer(entree, Path(dossier) / "resultats.parquet", periode, aides=aides, reforme=reforme, taille_lot=taille_lot)
    Path(sortie).write_text(rendre(bilan.comparaison, str(reforme), periode, bilan), encoding="utf-8")
    return bilan
