// La situation OpenFisca de la personne, construite dans la page à partir de ses réponses ; l'export en test YAML.

export const MOI = "moi";

/** Le mois courant « AAAA-MM », dans la plage évaluable (2005-01 à 2030-12). */
export function moisCourant(date = new Date()) {
  const mois = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
  return mois > "2030-12" ? "2030-12" : mois;
}

/** Le jour « AAAA-MM-JJ » (heure locale). */
export function aujourdhui(date = new Date()) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/**
 * Une personne seule, sa famille, son foyer fiscal et son ménage ; `enfants` : [{naissance: "AAAA-MM-JJ" | null}].
 * `demande` : {periode, jour} : la demande est faite aujourd'hui (`date_demande`, sinon le 1er du mois évalué).
 */
export function situationDeBase(enfants = [], demande = null) {
  const individus = { [MOI]: demande && demande.jour.startsWith(demande.periode) ? { date_demande: { [demande.periode]: demande.jour } } : {} };
  const ids = enfants.map((_, rang) => `enfant_${rang + 1}`);
  enfants.forEach((enfant, rang) => {
    individus[ids[rang]] = enfant.naissance ? { date_naissance: { ETERNITY: enfant.naissance } } : {};
  });
  const famille = { parents: [MOI] };
  const foyer = { declarants: [MOI] };
  const menage = { personne_de_reference: [MOI] };
  if (ids.length) {
    famille.enfants = [...ids];
    foyer.personnes_a_charge = [...ids];
    menage.enfants = [...ids];
  }
  return { individus, familles: { famille }, foyers_fiscaux: { foyer }, menages: { menage } };
}

/** Pose `valeur` au chemin d'une question, « individus.moi.age.2026-12 » (entité, identifiant, variable, période). */
export function fixer(situation, chemin, valeur) {
  const [entite, identifiant, variable, periode] = chemin.split(".");
  situation[entite] ??= {};
  situation[entite][identifiant] ??= {};
  const instance = situation[entite][identifiant];
  instance[variable] ??= {};
  instance[variable][periode] = valeur;
  return situation;
}

/** La situation des réponses données (« je ne sais pas » ne pose rien : le fait reste inconnu). */
export function situationDesReponses(reponses, enfants = [], demande = null) {
  const situation = situationDeBase(enfants, demande);
  for (const reponse of reponses) {
    if (reponse.valeur !== null && reponse.valeur !== undefined && reponse.chemin) fixer(situation, reponse.chemin, reponse.valeur);
  }
  return situation;
}

/** Les identifiants des individus d'une situation (pour choisir la personne évaluée). */
export function individus(situation) {
  return situation && typeof situation.individus === "object" && situation.individus ? Object.keys(situation.individus) : [];
}

// --- Export en test YAML d'OpenFisca ------------------------------------------------------------------

function scalaire(valeur) {
  if (valeur === null || valeur === undefined) return "null";
  if (typeof valeur === "number" || typeof valeur === "boolean") return String(valeur);
  return JSON.stringify(String(valeur)); // une chaîne JSON est un scalaire YAML entre guillemets doubles
}

function versYaml(valeur, retrait) {
  const marge = " ".repeat(retrait);
  if (Array.isArray(valeur)) {
    if (!valeur.length) return " []";
    if (valeur.every((v) => typeof v !== "object" || v === null)) return ` [${valeur.map(scalaire).join(", ")}]`;
    return valeur.map((v) => `\n${marge}-${versYaml(v, retrait + 2).replace(/^\n\s*/, " ")}`).join("");
  }
  if (valeur && typeof valeur === "object") {
    const cles = Object.keys(valeur);
    if (!cles.length) return " {}";
    return cles.map((cle) => `\n${marge}${/^[a-z_][a-z0-9_]*$/.test(cle) ? cle : scalaire(cle)}:${versYaml(valeur[cle], retrait + 2)}`).join("");
  }
  return ` ${scalaire(valeur)}`;
}

/** Retire les demandes de calcul (valeurs null) d'une situation collée : un test YAML ne contient que des entrées. */
function sansDemandes(situation) {
  const copie = {};
  for (const [entite, instances] of Object.entries(situation)) {
    if (!instances || typeof instances !== "object") continue;
    copie[entite] = {};
    for (const [id, instance] of Object.entries(instances)) {
      copie[entite][id] = {};
      for (const [nom, valeurs] of Object.entries(instance || {})) {
        if (valeurs && typeof valeurs === "object" && !Array.isArray(valeurs)) {
          const donnees = Object.fromEntries(Object.entries(valeurs).filter(([, v]) => v !== null));
          if (Object.keys(donnees).length) copie[entite][id][nom] = donnees;
        } else {
          copie[entite][id][nom] = valeurs;
        }
      }
    }
  }
  return copie;
}

/**
 * Un test YAML d'OpenFisca (`openfisca test fichier.yaml -c openfisca_france -e openfisca_clara`) qui fixe ce que
 * la page a répondu : pour la personne évaluée, le statut de chaque aide (s'il est seul dans la situation ; sinon
 * `…_eligible`, le statut d'une Enum ne se vérifiant pas par personne) et le montant de chaque aide éligible.
 */
export function testYaml(situation, resultat, catalogue, date = new Date()) {
  const entrees = sansDemandes(situation);
  const personne = resultat.personne;
  const seul = individus(entrees).length === 1;
  const sortie = {};
  const commentaires = [];
  for (const rubrique of resultat.rubriques) {
    for (const aide of rubrique.aides) {
      const noms = (catalogue[aide.id] || {}).variables;
      if (!noms) continue;
      if (seul) sortie[noms.statut] = aide.statut;
      else if (noms.eligible) sortie[noms.eligible] = aide.statut === "eligible";
      if (noms.montant && aide.statut === "eligible" && aide.montant !== null) sortie[noms.montant] = aide.montant;
      commentaires.push(`#   ${aide.id} : ${aide.statut}${aide.montant !== null && aide.statut !== "non_eligible" ? `, ${aide.montant} €` : ""}`);
    }
  }
  const jour = date.toISOString().slice(0, 10);
  const test = {
    name: `Cas signalé depuis la page de Clara le ${jour} (${resultat.periode}, personne ${personne})`,
    period: resultat.periode,
    absolute_error_margin: 0.01,
    input: entrees,
    output: seul ? sortie : { individus: { [personne]: sortie } },
  };
  const entete = [
    "# Test OpenFisca exporté par la page de Clara : la situation et ce que Clara a répondu ce jour-là.",
    `# Versions : ${Object.entries(resultat.versions || {}).map(([p, v]) => `${p} ${v}`).join(", ")}.`,
    "# Corrigez la valeur attendue qui vous semble fausse, dites pourquoi en commentaire, et joignez ce fichier au signalement.",
    "# Lancer : openfisca test ce_fichier.yaml -c openfisca_france -e openfisca_clara",
    "# Réponses de Clara :",
    ...commentaires,
  ];
  return `${entete.join("\n")}\n\n-${versYaml(test, 2).replace(/^\n\s*/, " ")}\n`;
}
