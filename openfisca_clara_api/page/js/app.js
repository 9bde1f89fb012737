// La page de Clara : le questionnaire adaptatif et le mode conseiller, sur POST /evaluation.
// L'état (les réponses) vit dans la mémoire de la page : ni adresse, ni cookie, ni stockage.

import { ErreurEntree, ServeurInjoignable, chargerCatalogue, chargerExemple, evaluer, listerExemples } from "./api.js";
import { champCommune, construireEnfants, construireQuestion, libelleReponse } from "./questions.js";
import { afficherResultats, el, texteResume } from "./rendu.js";
import { MOI, aujourdhui, individus, moisCourant, situationDesReponses, testYaml } from "./situation.js";

const $ = (id) => document.getElementById(id);

const etat = {
  mode: "questionnaire",
  periode: moisCourant(),
  jour: aujourdhui(), // la date de la demande : le jour où l'on répond
  reponses: [], // {question, chemin, valeur (null : je ne sais pas), libelle}
  enfants: null, // null : pas demandé ; [] ou [{naissance}] : réponse donnée
  enfantsInconnu: false,
  edition: null, // rang de la réponse en cours de modification
  arrete: false,
  resultat: null,
  situation: null,
  dernierAppel: null, // pour « Réessayer »
  questionAffichee: null,
};

// --- Les appels et leurs erreurs ---------------------------------------------------------------------

function direEtat(texte) {
  $("etat").textContent = texte;
}

function montrerErreur(titre, message) {
  $("erreur-titre").textContent = titre;
  $("erreur-message").textContent = message;
  $("erreur").hidden = false;
}

/** Exécute un appel au serveur ; renvoie "ok", "injoignable" ou "refuse" (entrée refusée, 4xx). */
async function lancer(appel) {
  etat.dernierAppel = appel;
  $("erreur").hidden = true;
  document.body.setAttribute("aria-busy", "true");
  direEtat("Calcul des aides en cours…");
  try {
    await appel();
    direEtat("");
    return "ok";
  } catch (erreur) {
    if (erreur instanceof ServeurInjoignable) {
      direEtat("");
      montrerErreur("Le serveur ne répond pas", "Vos réponses sont gardées dans cette page. Vérifiez votre connexion, puis cliquez sur « Réessayer ».");
      return "injoignable";
    }
    if (erreur instanceof ErreurEntree) {
      direEtat("");
      if (etat.mode === "conseiller") {
        $("conseiller-erreur").textContent = `La situation n'est pas valide${erreur.champ ? ` (${erreur.champ})` : ""} : ${erreur.message}`;
        $("conseiller-erreur").hidden = false;
      } else {
        montrerErreur("Réponse refusée", `${erreur.message}${erreur.champ ? ` (${erreur.champ})` : ""}. Donnez une autre réponse.`);
      }
      return "refuse";
    }
    throw erreur;
  } finally {
    document.body.removeAttribute("aria-busy");
  }
}

// --- Les résultats -------------------------------------------------------------------------------------

function questionsConnues(resultat) {
  const connues = new Map();
  for (const q of resultat.questions || []) connues.set(q.variable, q.question);
  for (const r of etat.reponses) connues.set(r.question.variable, r.question.question);
  return connues;
}

let evaluations = 0;

function afficher(resultat, situation) {
  evaluations += 1;
  document.documentElement.dataset.evaluations = String(evaluations); // repère des tests : une réponse affichée
  etat.resultat = resultat;
  etat.situation = situation;
  $("resultats").hidden = false;
  $("resume").textContent = texteResume(resultat.resume);
  $("periode-evaluee").textContent = resultat.periode;
  $("versions").textContent = Object.entries(resultat.versions || {})
    .map(([paquet, version]) => `${paquet} ${version}`)
    .join(", ");
  const avertissements = $("avertissements");
  avertissements.replaceChildren(
    ...(resultat.avertissements || []).map((a) => el("div", { classe: "fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" }, el("p", { texte: a.message }))),
  );
  afficherResultats($("groupes"), resultat, questionsConnues(resultat));
  afficherQuestionsOuvertes(resultat);
}

/** Mode conseiller : les questions encore ouvertes, la plus utile d'abord (ce qu'il reste à demander à la personne). */
function afficherQuestionsOuvertes(resultat) {
  const zone = $("questions-ouvertes");
  const questions = resultat.questions || [];
  zone.hidden = etat.mode !== "conseiller" || !questions.length;
  if (zone.hidden) return;
  $("liste-questions-ouvertes").replaceChildren(
    ...questions.slice(0, 10).map((q) => el("li", { "data-variable": q.variable }, q.question, el("span", { classe: "fr-text--xs clara-manquants", texte: ` ${q.aides.length} aide${q.aides.length > 1 ? "s" : ""} en dépend${q.aides.length > 1 ? "ent" : ""} · ${q.chemin}` }))),
  );
  $("nombre-questions-ouvertes").textContent = String(questions.length);
}

// --- Le questionnaire ----------------------------------------------------------------------------------

function cheminsRepondus() {
  return new Set(etat.reponses.map((r) => r.chemin));
}

/** La question à poser : celle que /evaluation classe en premier parmi celles pas encore posées. */
function prochaineQuestion() {
  if (!etat.resultat) return null;
  const repondus = cheminsRepondus();
  return (etat.resultat.questions || []).find((q) => !repondus.has(q.chemin)) || null;
}

function faut_il_demander_les_enfants() {
  const reponse = etat.reponses.find((r) => r.question.variable === "enfants_a_charge");
  return reponse && reponse.valeur === "oui" && etat.enfants === null && !etat.enfantsInconnu;
}

function focaliser(legende) {
  if (legende) legende.focus(); // la question suivante, pour le clavier et les lecteurs d'écran
}

function afficherQuestion() {
  const bloc = $("bloc-question");
  const formulaire = $("question");
  $("fin-questions").hidden = true;
  if (etat.arrete) {
    bloc.hidden = true;
    return;
  }
  if (etat.edition !== null) {
    const reponse = etat.reponses[etat.edition];
    bloc.hidden = false;
    if (reponse.question.variable === "enfants") {
      focaliser(construireEnfants(formulaire, etat.edition + 1, (enfants) => modifier(etat.edition, enfants), etat.enfants || []));
    } else {
      focaliser(construireQuestion(formulaire, reponse.question, etat.edition + 1, (valeur, extra) => modifier(etat.edition, valeur, extra), reponse.valeur ?? undefined));
    }
    return;
  }
  if (faut_il_demander_les_enfants()) {
    bloc.hidden = false;
    etat.questionAffichee = { variable: "enfants" };
    focaliser(construireEnfants(formulaire, etat.reponses.length + 1, repondreEnfants));
    return;
  }
  const question = prochaineQuestion();
  etat.questionAffichee = question;
  if (!question) {
    bloc.hidden = true;
    $("fin-questions").hidden = !etat.resultat;
    return;
  }
  bloc.hidden = false;
  focaliser(construireQuestion(formulaire, question, etat.reponses.length + 1, (valeur, extra) => repondre(question, valeur, extra)));
  $("precedente").disabled = etat.reponses.length === 0;
}

function afficherRecapitulatif() {
  const liste = $("liste-reponses");
  liste.replaceChildren();
  $("recapitulatif").hidden = etat.reponses.length === 0 && !etat.arrete;
  etat.reponses.forEach((reponse, rang) => {
    const bouton = el("button", { type: "button", classe: "fr-btn fr-btn--tertiary-no-outline fr-btn--sm", "data-rang": String(rang), "aria-label": `Modifier la réponse à : ${reponse.question.question}` }, "Modifier");
    bouton.addEventListener("click", () => {
      etat.edition = rang;
      etat.arrete = false;
      afficherQuestion();
    });
    liste.append(el("li", { "data-variable": reponse.question.variable }, el("span", { classe: "clara-reponses__question", texte: reponse.question.question }), " ", el("strong", { texte: reponse.libelle }), " ", bouton));
  });
  if (etat.arrete) {
    const reprendre = el("button", { type: "button", classe: "fr-btn fr-btn--secondary fr-btn--sm", id: "reprendre" }, "Reprendre les questions");
    reprendre.addEventListener("click", () => {
      etat.arrete = false;
      afficherQuestion();
    });
    liste.after(reprendre);
  } else {
    $("reprendre")?.remove();
  }
}

async function actualiser() {
  const situation = situationDesReponses(etat.reponses, etat.enfants || [], { periode: etat.periode, jour: etat.jour });
  const issue = await lancer(async () => {
    const resultat = await evaluer(situation, etat.periode);
    afficher(resultat, situation);
    afficherQuestion();
  });
  afficherRecapitulatif();
  return issue;
}

async function repondre(question, valeur, extra = {}) {
  const libelle = libelleReponse({ ...question, libelleCommune: extra.libelleCommune }, valeur);
  etat.reponses.push({ question, chemin: question.chemin, valeur, libelle });
  if ((await actualiser()) === "refuse") {
    etat.reponses.pop(); // une réponse refusée par le serveur n'est pas gardée : la même question revient
    afficherRecapitulatif();
    afficherQuestion();
  }
}

function repondreEnfants(enfants) {
  const question = { variable: "enfants", question: "Combien d'enfants avez-vous à charge, et quand sont-ils nés ?", type: "enfants" };
  if (enfants === null) {
    etat.enfantsInconnu = true;
    etat.reponses.push({ question, chemin: null, valeur: null, libelle: "Je ne sais pas" });
  } else {
    etat.enfants = enfants;
    const dates = enfants.map((e) => (e.naissance ? new Date(`${e.naissance}T00:00:00`).toLocaleDateString("fr-FR") : "date inconnue"));
    etat.reponses.push({ question, chemin: null, valeur: enfants.length, libelle: `${enfants.length} (${dates.join(", ")})` });
  }
  return actualiser();
}

function modifier(rang, valeur, extra = {}) {
  const reponse = etat.reponses[rang];
  if (reponse.question.variable === "enfants") {
    etat.enfants = valeur;
    etat.enfantsInconnu = valeur === null;
    reponse.valeur = valeur === null ? null : valeur.length;
    reponse.libelle = valeur === null ? "Je ne sais pas" : `${valeur.length} (${valeur.map((e) => (e.naissance ? new Date(`${e.naissance}T00:00:00`).toLocaleDateString("fr-FR") : "date inconnue")).join(", ")})`;
  } else {
    reponse.valeur = valeur;
    reponse.libelle = libelleReponse({ ...reponse.question, libelleCommune: extra.libelleCommune }, valeur);
    if (reponse.question.variable === "enfants_a_charge" && valeur !== "oui") {
      etat.enfants = null;
      etat.enfantsInconnu = false;
      etat.reponses = etat.reponses.filter((r) => r.question.variable !== "enfants");
    }
  }
  etat.edition = null;
  return actualiser();
}

function precedente() {
  if (etat.edition !== null) {
    etat.edition = null;
    afficherQuestion();
    return;
  }
  if (!etat.reponses.length) return;
  etat.edition = etat.reponses.length - 1;
  afficherQuestion();
}

function commencer(communeChoisie) {
  etat.periode = moisCourant(); // le mois du jour où l'on commence
  etat.jour = aujourdhui();
  const commune = communeChoisie.valeur();
  const age = $("depart-age").value.trim();
  etat.reponses = [];
  etat.enfants = null;
  etat.enfantsInconnu = false;
  etat.edition = null;
  etat.arrete = false;
  if (commune) {
    const question = { variable: "depcom", question: "Dans quelle commune habitez-vous ?", type: "texte", chemin: `menages.menage.depcom.${etat.periode}` };
    const libelle = document.querySelector("#depart-commune-choix input:checked + label")?.textContent || commune;
    etat.reponses.push({ question, chemin: question.chemin, valeur: commune, libelle });
  }
  if (age && Number.isInteger(Number(age)) && Number(age) >= 0) {
    // `age` d'openfisca-france : l'âge au 1er du mois évalué (comme l'exemple partielle_age_et_commune).
    const question = { variable: "age", question: "Quel âge avez-vous ?", type: "entier", chemin: `individus.${MOI}.age.${etat.periode}` };
    etat.reponses.push({ question, chemin: question.chemin, valeur: Number(age), libelle: `${age} ans` });
  }
  $("demarrage").hidden = true;
  return actualiser();
}

// --- Le mode conseiller --------------------------------------------------------------------------------

function periodeDemandee(situation) {
  for (const instance of Object.values(situation.individus || {})) {
    for (const valeurs of Object.values(instance || {})) {
      if (valeurs && typeof valeurs === "object" && !Array.isArray(valeurs)) {
        for (const [periode, valeur] of Object.entries(valeurs)) if (valeur === null && /^\d{4}-\d{2}$/.test(periode)) return periode;
      }
    }
  }
  return null;
}

function lireSituationCollee() {
  const texte = $("conseiller-json").value.trim();
  if (!texte) throw new Error("Collez une situation, chargez un fichier ou choisissez un exemple.");
  let situation;
  try {
    situation = JSON.parse(texte);
  } catch (erreur) {
    throw new Error(`Ce n'est pas du JSON valide : ${erreur.message}`);
  }
  if (!situation || typeof situation !== "object" || Array.isArray(situation) || !situation.individus) throw new Error("La situation doit être un objet avec au moins « individus ».");
  return situation;
}

function remplirPersonnes() {
  const choix = $("conseiller-personne");
  const actuelle = choix.value;
  let ids = [];
  try {
    ids = individus(JSON.parse($("conseiller-json").value));
  } catch {
    ids = [];
  }
  choix.replaceChildren(el("option", { value: "", texte: "Par défaut" }), ...ids.map((id) => el("option", { value: id, texte: id, selected: id === actuelle ? true : null })));
}

function situationChargee(texte) {
  $("conseiller-json").value = texte;
  remplirPersonnes();
  try {
    const periode = periodeDemandee(JSON.parse(texte));
    if (periode) $("conseiller-mois").value = periode;
  } catch {
    // le message d'erreur viendra à l'évaluation
  }
}

async function evaluerConseiller(evenement) {
  evenement.preventDefault();
  $("conseiller-erreur").hidden = true;
  let situation;
  try {
    situation = lireSituationCollee();
  } catch (erreur) {
    $("conseiller-erreur").textContent = erreur.message;
    $("conseiller-erreur").hidden = false;
    return;
  }
  const periode = $("conseiller-mois").value;
  if (!/^\d{4}-\d{2}$/.test(periode)) {
    $("conseiller-erreur").textContent = "Indiquez le mois évalué (AAAA-MM).";
    $("conseiller-erreur").hidden = false;
    return;
  }
  const personne = $("conseiller-personne").value || undefined;
  await lancer(async () => {
    const resultat = await evaluer(situation, periode, personne);
    afficher(resultat, situation);
    $("titre-resultats").focus();
  });
}

async function preparerConseiller() {
  $("conseiller-mois").value = $("conseiller-mois").value || moisCourant();
  if ($("conseiller-exemple").options.length > 1) return;
  try {
    const { exemples } = await listerExemples();
    for (const nom of exemples) $("conseiller-exemple").append(el("option", { value: nom, texte: nom.replaceAll("_", " ") }));
  } catch {
    // sans serveur, pas d'exemple : coller ou charger reste possible
  }
}

// --- Modes, impression, export -----------------------------------------------------------------------------

function changerMode(mode) {
  etat.mode = mode;
  $("questionnaire").hidden = mode !== "questionnaire";
  $("conseiller").hidden = mode !== "conseiller";
  $("mode-questionnaire").setAttribute("aria-pressed", String(mode === "questionnaire"));
  $("mode-conseiller").setAttribute("aria-pressed", String(mode === "conseiller"));
  $("mode-questionnaire").className = `fr-btn${mode === "questionnaire" ? "" : " fr-btn--secondary"}`;
  $("mode-conseiller").className = `fr-btn${mode === "conseiller" ? "" : " fr-btn--secondary"}`;
  $("resultats").hidden = true;
  $("erreur").hidden = true;
  if (mode === "conseiller") preparerConseiller();
  else if (etat.resultat && etat.situation && etat.reponses.length) actualiser();
}

async function exporterYaml() {
  if (!etat.resultat || !etat.situation) return;
  let catalogue;
  try {
    catalogue = await chargerCatalogue();
  } catch {
    montrerErreur("Le serveur ne répond pas", "Le catalogue n'a pas pu être lu : réessayez l'export dans un instant.");
    return;
  }
  const texte = testYaml(etat.situation, etat.resultat, catalogue);
  const lien = el("a", { href: URL.createObjectURL(new Blob([texte], { type: "application/yaml" })), download: `clara_${etat.resultat.periode}.yaml` });
  document.body.append(lien);
  lien.click();
  setTimeout(() => {
    URL.revokeObjectURL(lien.href);
    lien.remove();
  }, 1000);
}

const ouvertsAvantImpression = [];
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("#resultats details:not([open])")) {
    ouvertsAvantImpression.push(details);
    details.open = true;
  }
});
window.addEventListener("afterprint", () => {
  while (ouvertsAvantImpression.length) ouvertsAvantImpression.pop().open = false;
});

function demarrer() {
  const commune = champCommune($("depart-commune"), $("depart-commune-choix"));
  $("demarrage").addEventListener("submit", (evenement) => {
    evenement.preventDefault();
    commencer(commune);
  });
  $("precedente").addEventListener("click", precedente);
  $("arreter").addEventListener("click", () => {
    etat.arrete = true;
    etat.edition = null;
    afficherQuestion();
    afficherRecapitulatif();
    $("resultats").hidden = !etat.resultat;
    $("titre-resultats").setAttribute("tabindex", "-1");
    $("titre-resultats").focus();
  });
  $("reessayer").addEventListener("click", () => etat.dernierAppel && lancer(etat.dernierAppel).then(afficherRecapitulatif));
  $("mode-questionnaire").addEventListener("click", () => changerMode("questionnaire"));
  $("mode-conseiller").addEventListener("click", () => changerMode("conseiller"));
  $("formulaire-conseiller").addEventListener("submit", evaluerConseiller);
  $("conseiller-json").addEventListener("change", remplirPersonnes);
  $("conseiller-fichier").addEventListener("change", async () => {
    const fichier = $("conseiller-fichier").files[0];
    if (fichier) situationChargee(await fichier.text());
  });
  $("conseiller-exemple").addEventListener("change", async () => {
    const nom = $("conseiller-exemple").value;
    if (!nom) return;
    try {
      situationChargee(JSON.stringify(await chargerExemple(nom), null, 2));
    } catch {
      montrerErreur("Le serveur ne répond pas", "L'exemple n'a pas pu être chargé : réessayez dans un instant.");
    }
  });
  $("imprimer").addEventListener("click", () => window.print());
  $("exporter-yaml").addEventListener("click", exporterYaml);
  $("titre-resultats").setAttribute("tabindex", "-1");
  // Pour les tests et la console du conseiller : la situation construite (elle ne quitte la page que vers /evaluation).
  window.claraSituation = () => JSON.parse(JSON.stringify(situationDesReponses(etat.reponses, etat.enfants || [], { periode: etat.periode, jour: etat.jour })));
  document.documentElement.dataset.pret = "oui";
}

demarrer();
