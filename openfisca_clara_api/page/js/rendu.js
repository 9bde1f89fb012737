// L'affichage des aides : éligible, à vérifier, non éligible, par rubrique ; chaque aide avec son montant,
// ses conditions ✓ ? ✗, ce qui reste à vérifier, la démarche et le lien officiel.

export const GROUPES = [
  { statut: "eligible", titre: "Vous pouvez en bénéficier", badge: "fr-badge--success", libelle: "Éligible", ouvert: true },
  { statut: "a_verifier", titre: "Vous pourriez en bénéficier : à vérifier", badge: "fr-badge--warning", libelle: "À vérifier", ouvert: true },
  { statut: "non_eligible", titre: "Vous ne pouvez pas en bénéficier", badge: "fr-badge--error", libelle: "Non éligible", ouvert: false },
];

const CONDITION = {
  vrai: { symbole: "✓", texte: "remplie", classe: "clara-vrai" },
  inconnu: { symbole: "?", texte: "à vérifier", classe: "clara-inconnu" },
  faux: { symbole: "✗", texte: "non remplie", classe: "clara-faux" },
};

// Les libellés de openfisca_clara_api/catalogue.py (UNITES_MONTANT, BASES_JOURS), comme la ligne de commande.
const UNITES = {
  par_jour: "par jour",
  par_mois_de_30_jours: "par mois de 30 jours",
  par_mois_civil: "par mois",
  ponctuel: "une fois",
  total_sur_la_duree: "au total, sur la durée de l'aide",
  par_an: "par an",
};
const BASES_JOURS = { jours_calendaires: "jours calendaires", mois_de_30_jours: "30 jours par mois" };

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

export function el(balise, attributs = {}, ...enfants) {
  const noeud = document.createElement(balise);
  for (const [nom, valeur] of Object.entries(attributs)) {
    if (valeur === null || valeur === undefined || valeur === false) continue;
    if (nom === "classe") noeud.className = valeur;
    else if (nom === "texte") noeud.textContent = valeur;
    else noeud.setAttribute(nom, valeur === true ? "" : valeur);
  }
  for (const enfant of enfants.flat()) {
    if (enfant === null || enfant === undefined || enfant === false) continue;
    noeud.append(typeof enfant === "string" ? document.createTextNode(enfant) : enfant);
  }
  return noeud;
}

/** « 5 200,00 € une fois » (le drapeau « maximum » est ajouté à côté) ; null pour une aide sans montant ou non éligible. */
export function texteMontant(aide) {
  if (aide.montant === null || aide.montant === undefined || aide.statut === "non_eligible" || aide.montant <= 0) return null;
  const unite = UNITES[aide.unite_montant] || aide.unite_montant || "";
  const jours = aide.base_jours && aide.unite_montant !== "par_mois_de_30_jours" ? ` (${BASES_JOURS[aide.base_jours] || aide.base_jours})` : "";
  return `${euros.format(aide.montant)} ${unite}${jours}`.trim();
}

function conditions(aide, questions) {
  const criteres = aide.criteres || [];
  if (!criteres.length) return null;
  return el(
    "div",
    { classe: "clara-conditions" },
    el("h5", { classe: "fr-text--md fr-mb-1w", texte: "Les conditions" }),
    el(
      "ul",
      { classe: "clara-criteres" },
      criteres.map((critere) => {
        const forme = CONDITION[critere.valeur] || CONDITION.inconnu;
        const manquants = (critere.faits_manquants || []).map((fait) => (questions.get(fait) || fait)).filter(Boolean);
        return el(
          "li",
          { classe: forme.classe, "data-valeur": critere.valeur },
          el("span", { classe: "clara-symbole", "aria-hidden": "true", texte: forme.symbole }),
          el("span", { classe: "fr-sr-only", texte: `Condition ${forme.texte} : ` }),
          critere.label,
          manquants.length ? el("span", { classe: "clara-manquants fr-text--sm", texte: ` Il faudrait savoir : ${manquants.join(" ; ")}` }) : null,
        );
      }),
    ),
  );
}

function resteAVerifier(aide) {
  const restes = aide.conditions_non_modelisees || [];
  if (!restes.length) return null;
  return el(
    "div",
    {},
    el("h5", { classe: "fr-text--md fr-mb-1w", texte: "Ce qui reste à vérifier avec l'organisme" }),
    el("ul", {}, restes.map((texte) => el("li", { texte }))),
  );
}

function carteAide(aide, groupe, questions) {
  const montant = texteMontant(aide);
  const corps = el(
    "div",
    { classe: "clara-aide__corps" },
    aide.description ? el("p", { texte: aide.description }) : null,
    aide.porteur ? el("p", { classe: "fr-text--sm", texte: `Proposée par : ${aide.porteur}` }) : null,
    montant && aide.montant_explication ? el("p", { classe: "fr-text--sm", texte: aide.montant_explication }) : null,
    conditions(aide, questions),
    resteAVerifier(aide),
    aide.demarche ? el("div", {}, el("h5", { classe: "fr-text--md fr-mb-1w", texte: "Comment faire la demande" }), el("p", { texte: aide.demarche })) : null,
    aide.lien
      ? el(
          "p",
          {},
          el("a", { classe: "fr-link", href: aide.lien, target: "_blank", rel: "noopener noreferrer", title: `${aide.label} : la page officielle (nouvelle fenêtre)` }, "La page officielle"),
        )
      : null,
  );
  return el(
    "details",
    { classe: `clara-aide clara-aide--${aide.statut}`, "data-aide": aide.id, "data-statut": aide.statut, open: groupe.statut === "eligible" ? null : null },
    el(
      "summary",
      {},
      el("span", { classe: "clara-aide__titre", texte: aide.label }),
      el("span", { classe: `fr-badge fr-badge--sm fr-badge--no-icon ${groupe.badge}`, texte: groupe.libelle }),
      montant ? el("span", { classe: "clara-montant", "data-montant": String(aide.montant), texte: montant }) : null,
      montant && aide.montant_est_maximum
        ? el("span", { classe: "fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon", title: "Montant maximum : le montant versé peut être plus bas", texte: "maximum" })
        : null,
    ),
    corps,
  );
}

/** Les trois groupes, chacun par rubrique. `questions` : Map variable → question (pour nommer les faits manquants). */
export function afficherResultats(conteneur, resultat, questions = new Map()) {
  conteneur.replaceChildren();
  for (const groupe of GROUPES) {
    const parRubrique = resultat.rubriques
      .map((rubrique) => ({ ...rubrique, aides: rubrique.aides.filter((aide) => aide.statut === groupe.statut) }))
      .filter((rubrique) => rubrique.aides.length);
    const nombre = parRubrique.reduce((total, rubrique) => total + rubrique.aides.length, 0);
    const section = el(
      "details",
      { classe: `clara-groupe clara-groupe--${groupe.statut}`, id: `groupe-${groupe.statut}`, open: groupe.ouvert && nombre > 0 ? true : null },
      el("summary", {}, el("h3", { classe: "fr-h5 clara-groupe__titre", texte: `${groupe.titre} (${nombre})` })),
      nombre === 0 ? el("p", { classe: "fr-text--sm", texte: "Aucune aide." }) : null,
      parRubrique.map((rubrique) =>
        el(
          "div",
          { classe: "clara-rubrique", "data-rubrique": rubrique.id },
          el("h4", { classe: "fr-h6 fr-mb-1w", texte: rubrique.label }),
          rubrique.aides.map((aide) => carteAide(aide, groupe, questions)),
        ),
      ),
    );
    conteneur.append(section);
  }
}

export function texteResume(resume) {
  const n = (k) => resume[k] || 0;
  return `${n("eligible")} aide${n("eligible") > 1 ? "s" : ""} pour vous, ${n("a_verifier")} à vérifier, ${n("non_eligible")} non éligible${n("non_eligible") > 1 ? "s" : ""}.`;
}
