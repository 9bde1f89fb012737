"""La couverture du catalogue par territoire (`docs/couverture.md`), générée depuis le catalogue.

    python -m openfisca_clara_api.couverture > docs/couverture.md

Pour chaque région : ses aides régionales, puis pour chacun de ses départements les aides départementales et
celles de ses métropoles, EPCI et communes. Un test vérifie que le fichier suit le catalogue.
"""

from openfisca_france.model.caracteristiques_socio_demographiques.logement import TypesCodeInseeRegion

from openfisca_clara.geographie import table
from openfisca_clara_api.catalogue import charger_catalogue


def _departement_de(fiche_territoire, t):
    """Départements touchés par une aide locale infra-régionale (départements, communes, EPCI)."""
    departements = set(fiche_territoire.get("departements", ()))
    for code in fiche_territoire.get("communes", ()):
        connu, rang = t.indices([code])
        if connu[0]:
            departements.add(str(t.departements[rang[0]]))
    for epci in fiche_territoire.get("epci", ()):
        departements.update(str(d) for d in set(t.departements[t.epci == epci]))
    return departements


def tableau():
    t = table()
    catalogue = charger_catalogue()
    noms_regions = {m.name: m.value for m in TypesCodeInseeRegion if m.name != "non_renseigne"}
    regionales, infra = {}, {}
    nationales = outre_mer = 0
    for identifiant, fiche in catalogue.items():
        territoire = fiche["territoire"]
        if territoire == "national":
            nationales += 1
            continue
        if territoire == {"outre_mer": True}:
            outre_mer += 1
            continue
        for nom in territoire.get("regions", ()):
            regionales.setdefault(noms_regions[nom], []).append(identifiant)
        for departement in _departement_de(territoire, t):
            infra.setdefault(departement, []).append(identifiant)
    locales = len(catalogue) - nationales - outre_mer
    lignes = [
        "# Couverture du catalogue par territoire",
        "",
        "Généré par `python -m openfisca_clara_api.couverture > docs/couverture.md` depuis le catalogue (un test le vérifie).",
        "",
        f"{len(catalogue)} aides : {nationales} nationales, {outre_mer} de tout l'outre-mer, {locales} régionales, départementales ou communales.",
        f"{len(regionales)} régions sur 18 ont au moins une aide régionale ; {len(infra)} départements ont au moins une aide départementale ou communale.",
        "",
        "| région | aides régionales | départements : aides départementales, métropolitaines ou communales |",
        "|---|---|---|",
    ]
    for code, nom in sorted(t.noms_regions.items(), key=lambda item: item[1]):
        departements = sorted(d for d, r in t.region_du_departement.items() if r == code)
        detail = "; ".join(f"{t.noms_departements[d]} ({d}) : {', '.join(f'`{i}`' for i in sorted(infra[d]))}" for d in departements if d in infra)
        aides = ", ".join(f"`{i}`" for i in sorted(regionales.get(code, ()))) or "—"
        lignes.append(f"| {nom} ({code}) | {aides} | {detail or '—'} |")
    return "\n".join(lignes) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(tableau(), end="")
