// Les appels au serveur : POST /evaluation (la situation dans le corps, jamais dans l'adresse), GET /aides, /exemples.

export class ServeurInjoignable extends Error {}

export class ErreurEntree extends Error {
  constructor(message, champ) {
    super(message);
    this.champ = champ;
  }
}

async function lire(reponse) {
  let corps = null;
  try {
    corps = await reponse.json();
  } catch {
    corps = null;
  }
  if (reponse.status >= 500 || reponse.status === 0) {
    throw new ServeurInjoignable(`Le serveur a répondu ${reponse.status}.`);
  }
  if (!reponse.ok) {
    const erreur = (corps && corps.erreur) || {};
    throw new ErreurEntree(erreur.message || `Erreur ${reponse.status}`, erreur.champ);
  }
  return corps;
}

async function appeler(adresse, options = {}) {
  let reponse;
  try {
    reponse = await fetch(adresse, { credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer", ...options });
  } catch {
    throw new ServeurInjoignable("Le serveur ne répond pas.");
  }
  return lire(reponse);
}

/** L'évaluation détaillée (fiche, critères ✓ ? ✗, questions classées). */
export function evaluer(situation, periode, personne) {
  const corps = { situation, periode, detail: "complet" };
  if (personne) corps.personne = personne;
  return appeler("/evaluation", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(corps),
  });
}

let catalogue = null;
/** Le catalogue (noms des variables de statut et de montant, pour l'export YAML). */
export async function chargerCatalogue() {
  if (!catalogue) {
    const reponse = await appeler("/aides", { headers: { Accept: "application/json" } });
    catalogue = Object.fromEntries(reponse.aides.map((fiche) => [fiche.id, fiche]));
  }
  return catalogue;
}

export function listerExemples() {
  return appeler("/exemples", { headers: { Accept: "application/json" } });
}

export function chargerExemple(nom) {
  return appeler(`/exemples/${encodeURIComponent(nom)}`, { headers: { Accept: "application/json" } });
}

let communes = null;
/** La liste des communes [code INSEE, nom, codes postaux], chargée une fois : la recherche se fait dans la page. */
export async function chargerCommunes() {
  if (!communes) {
    communes = appeler("/page/communes.json", { headers: { Accept: "application/json" } }).catch((erreur) => {
      communes = null;
      throw erreur;
    });
  }
  return communes;
}
