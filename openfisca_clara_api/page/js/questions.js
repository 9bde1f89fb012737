// Le formulaire d'une question de /evaluation, selon son type : choix, date, nombre, entier, texte (commune), booléen.

import { chargerCommunes } from "./api.js";
import { el } from "./rendu.js";

const sansAccents = (texte) =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[-'’\s]+/g, " ")
    .trim()
    .toLowerCase();

/** Les communes qui répondent au texte tapé : code INSEE exact, code postal, ou début du nom (sans accents). */
export function chercherCommunes(communes, texte, limite = 8) {
  const brut = texte.trim();
  if (!brut) return [];
  if (/^\d[\dAB]\d{3}$/i.test(brut)) {
    const parCode = communes.filter(([code, , postaux]) => code === brut.toUpperCase() || postaux.split(" ").includes(brut));
    parCode.sort((a, b) => (b[0] === brut.toUpperCase()) - (a[0] === brut.toUpperCase())); // le code INSEE exact d'abord
    return parCode.slice(0, limite);
  }
  const cherche = sansAccents(brut);
  if (cherche.length < 2) return [];
  const debut = [];
  const dedans = [];
  for (const commune of communes) {
    const nom = sansAccents(commune[1]);
    if (nom.startsWith(cherche)) debut.push(commune);
    else if (cherche.length >= 3 && nom.includes(cherche)) dedans.push(commune);
  }
  debut.sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
  return [...debut, ...dedans].slice(0, limite);
}

const libelleCommune = ([code, nom, postaux]) => `${nom} (${postaux.split(" ")[0] || code})`;

/**
 * Un champ commune : l'input de texte et la liste des communes trouvées (boutons radio). La recherche a lieu dans la
 * page (communes.json) : le texte tapé n'est pas envoyé. `valeur()` : le code INSEE choisi, ou null.
 */
export function champCommune(input, zoneChoix, initial = null) {
  let trouvees = [];
  let choisie = null;
  const nom = `${input.id}-choix`;
  const afficher = () => {
    zoneChoix.replaceChildren();
    if (!input.value.trim()) return;
    if (!trouvees.length) {
      zoneChoix.append(el("span", { texte: "Aucune commune trouvée : vérifiez l'orthographe ou tapez le code postal." }));
      return;
    }
    // Une seule commune, ou une dont le nom est exactement celui tapé : choisie d'office (modifiable).
    const tape = input.value.trim().toUpperCase();
    const exacte = trouvees.find(([code]) => code === tape) || trouvees.find(([, nomCommune]) => sansAccents(nomCommune) === sansAccents(tape));
    if (!choisie && (trouvees.length === 1 || exacte)) choisie = (exacte || trouvees[0])[0];
    const groupe = el("fieldset", { classe: "fr-fieldset clara-communes" }, el("legend", { classe: "fr-fieldset__legend--regular fr-text--sm", texte: "Choisissez votre commune :" }));
    trouvees.forEach((commune, rang) => {
      const id = `${nom}-${rang}`;
      const radio = el("input", { type: "radio", id, name: nom, value: commune[0], checked: choisie === commune[0] ? true : null });
      radio.addEventListener("change", () => {
        choisie = commune[0];
      });
      groupe.append(el("div", { classe: "fr-fieldset__element" }, el("div", { classe: "fr-radio-group fr-radio-group--sm" }, radio, el("label", { classe: "fr-label", for: id, texte: libelleCommune(commune) }))));
    });
    zoneChoix.append(groupe);
  };
  const chercher = async () => {
    choisie = null;
    let communes;
    try {
      communes = await chargerCommunes();
    } catch {
      zoneChoix.replaceChildren(el("span", { texte: "La liste des communes n'a pas pu être chargée : tapez le code INSEE de la commune (5 caractères)." }));
      trouvees = [];
      return;
    }
    trouvees = chercherCommunes(communes, input.value);
    afficher();
  };
  input.addEventListener("input", chercher);
  input.addEventListener("focus", () => chargerCommunes().catch(() => {}), { once: true });
  if (initial) {
    choisie = initial;
    chargerCommunes()
      .then((communes) => {
        const commune = communes.find(([code]) => code === initial);
        if (commune) input.value = commune[1];
        trouvees = commune ? [commune] : [];
        afficher();
      })
      .catch(() => {
        input.value = initial;
      });
  }
  return {
    valeur: () => {
      if (choisie) return choisie;
      const brut = input.value.trim().toUpperCase();
      if (/^\d[\dAB]\d{3}$/.test(brut) && !trouvees.length) return brut; // code INSEE tapé sans la liste
      return null;
    },
    chercher,
  };
}

// Les questions dont le registre parle la langue du modèle, et que la page pose autrement.
const LIBELLES_PAGE = {
  depcom: "Dans quelle commune habitez-vous ?", // la page cherche le code INSEE à partir du nom ou du code postal
};

/** Le texte affiché d'une réponse donnée (récapitulatif). */
export function libelleReponse(question, valeur) {
  if (valeur === null || valeur === undefined) return "Je ne sais pas";
  if (question.type === "choix") return (question.choix.find((c) => c.valeur === valeur) || {}).libelle || valeur;
  if (question.type === "booleen") return valeur ? "Oui" : "Non";
  if (question.type === "date") return new Date(`${valeur}T00:00:00`).toLocaleDateString("fr-FR");
  if (question.variable === "depcom" && question.libelleCommune) return question.libelleCommune;
  return String(valeur);
}

/**
 * Construit dans `formulaire` la question et ses boutons « Valider » et « Je ne sais pas ». `repondre(valeur, extra)`
 * reçoit la valeur (null pour « je ne sais pas »). `numero` : le rang de la question. `precedente` : valeur déjà donnée.
 */
export function construireQuestion(formulaire, question, numero, repondre, precedente) {
  formulaire.replaceChildren();
  formulaire.dataset.variable = question.variable;
  formulaire.dataset.type = question.type;
  formulaire.dataset.chemin = question.chemin || "";
  const idLegende = "question-legende";
  const erreur = el("p", { classe: "fr-error-text", id: "question-erreur", hidden: true });
  const texte = LIBELLES_PAGE[question.variable] || question.question;
  const legende = el("legend", { classe: "fr-fieldset__legend clara-question__legende", id: idLegende, tabindex: "-1" }, el("span", { classe: "fr-text--sm clara-numero", texte: `Question ${numero}` }), el("br"), texte);
  const champ = el("fieldset", { classe: "fr-fieldset", "aria-labelledby": idLegende }, legende);
  let lire;
  if (question.type === "choix" || question.type === "booleen") {
    const choix = question.type === "booleen" ? [{ valeur: true, libelle: "Oui" }, { valeur: false, libelle: "Non" }] : question.choix;
    choix.forEach((option, rang) => {
      const id = `reponse-${rang}`;
      const radio = el("input", { type: "radio", id, name: "reponse", value: String(option.valeur), checked: precedente !== undefined && precedente === option.valeur ? true : null });
      champ.append(el("div", { classe: "fr-fieldset__element" }, el("div", { classe: "fr-radio-group" }, radio, el("label", { classe: "fr-label", for: id, texte: option.libelle }))));
    });
    lire = () => {
      const coche = formulaire.querySelector("input[name=reponse]:checked");
      if (!coche) return { erreur: "Choisissez une réponse, ou « Je ne sais pas »." };
      const option = choix.find((o) => String(o.valeur) === coche.value);
      return { valeur: option.valeur };
    };
  } else if (question.variable === "depcom" || question.type === "texte") {
    const input = el("input", { classe: "fr-input", id: "reponse", type: "text", autocomplete: "off", "aria-describedby": "reponse-aide reponse-choix" });
    const zone = el("div", { id: "reponse-choix", "aria-live": "polite" });
    champ.append(
      el(
        "div",
        { classe: "fr-fieldset__element" },
        el("div", { classe: "fr-input-group" }, el("label", { classe: "fr-label", for: "reponse" }, "Votre réponse", el("span", { classe: "fr-hint-text", id: "reponse-aide", texte: question.variable === "depcom" ? "Nom de la commune ou code postal" : "" })), input, zone),
      ),
    );
    if (question.variable === "depcom") {
      const commune = champCommune(input, zone, precedente || null);
      lire = () => {
        const code = commune.valeur();
        if (!code) return { erreur: "Choisissez votre commune dans la liste, ou « Je ne sais pas »." };
        const libelle = zone.querySelector("input:checked + label, label")?.textContent || code;
        return { valeur: code, libelleCommune: libelle };
      };
    } else {
      if (precedente) input.value = precedente;
      lire = () => (input.value.trim() ? { valeur: input.value.trim() } : { erreur: "Répondez, ou choisissez « Je ne sais pas »." });
    }
  } else {
    const estDate = question.type === "date";
    const entier = question.type === "entier";
    const attributs = estDate
      ? { type: "date", min: "1900-01-01", max: "2100-12-31" }
      : { type: "number", inputmode: entier ? "numeric" : "decimal", step: entier ? "1" : "0.01", min: "0" };
    const input = el("input", { classe: "fr-input clara-court", id: "reponse", ...attributs, "aria-describedby": "reponse-aide" });
    if (precedente !== undefined && precedente !== null) input.value = String(precedente);
    const aide = estDate ? "Format JJ/MM/AAAA" : entier ? "Un nombre entier" : "Un nombre, en euros s'il s'agit d'un montant (virgule ou point)";
    champ.append(
      el("div", { classe: "fr-fieldset__element" }, el("div", { classe: "fr-input-group" }, el("label", { classe: "fr-label", for: "reponse" }, "Votre réponse", el("span", { classe: "fr-hint-text", id: "reponse-aide", texte: aide })), input)),
    );
    lire = () => {
      const brut = input.value.trim();
      if (!brut) return { erreur: estDate ? "Indiquez une date complète, ou « Je ne sais pas »." : "Indiquez un nombre, ou « Je ne sais pas »." };
      if (estDate) return { valeur: brut };
      const nombre = Number(brut.replace(",", "."));
      if (!Number.isFinite(nombre) || nombre < 0 || (entier && !Number.isInteger(nombre))) return { erreur: entier ? "Indiquez un nombre entier positif." : "Indiquez un nombre positif." };
      return { valeur: nombre };
    };
  }
  champ.append(el("div", { classe: "fr-messages-group", "aria-live": "assertive" }, erreur));
  const boutons = el(
    "div",
    { classe: "fr-btns-group fr-btns-group--inline-sm" },
    el("button", { type: "submit", classe: "fr-btn", id: "valider", texte: "Valider" }),
    el("button", { type: "button", classe: "fr-btn fr-btn--secondary", id: "je-ne-sais-pas", texte: "Je ne sais pas" }),
  );
  formulaire.append(champ, boutons);
  formulaire.onsubmit = (evenement) => {
    evenement.preventDefault();
    const lu = lire();
    if (lu.erreur) {
      erreur.textContent = lu.erreur;
      erreur.hidden = false;
      champ.classList.add("fr-fieldset--error");
      return;
    }
    repondre(lu.valeur, lu);
  };
  boutons.querySelector("#je-ne-sais-pas").addEventListener("click", () => repondre(null, {}));
  return legende;
}

/** La question des enfants (après « oui » à « avez-vous un enfant à charge ? ») : combien, et leur date de naissance. */
export function construireEnfants(formulaire, numero, repondre, precedents = []) {
  formulaire.replaceChildren();
  formulaire.dataset.variable = "enfants";
  formulaire.dataset.type = "enfants";
  formulaire.dataset.chemin = "";
  const legende = el("legend", { classe: "fr-fieldset__legend clara-question__legende", id: "question-legende", tabindex: "-1" }, el("span", { classe: "fr-text--sm clara-numero", texte: `Question ${numero}` }), el("br"), "Combien d'enfants avez-vous à charge, et quand sont-ils nés ?");
  const champ = el("fieldset", { classe: "fr-fieldset", "aria-labelledby": "question-legende" }, legende);
  const nombre = el("select", { classe: "fr-select clara-court", id: "enfants-nombre" }, [1, 2, 3, 4, 5, 6].map((n) => el("option", { value: String(n), texte: String(n), selected: (precedents.length || 1) === n ? true : null })));
  const dates = el("div", { id: "enfants-dates" });
  const dessiner = () => {
    const anciennes = [...dates.querySelectorAll("input")].map((input) => input.value);
    dates.replaceChildren();
    for (let rang = 0; rang < Number(nombre.value); rang += 1) {
      const id = `enfant-${rang + 1}`;
      const input = el("input", { classe: "fr-input clara-court", type: "date", id, min: "1990-01-01", max: "2100-12-31" });
      input.value = anciennes[rang] ?? (precedents[rang] && precedents[rang].naissance) ?? "";
      dates.append(el("div", { classe: "fr-input-group" }, el("label", { classe: "fr-label", for: id }, `Date de naissance de l'enfant ${rang + 1}`, el("span", { classe: "fr-hint-text", texte: "Laissez vide si vous ne savez pas" })), input));
    }
  };
  nombre.addEventListener("change", dessiner);
  champ.append(el("div", { classe: "fr-fieldset__element" }, el("div", { classe: "fr-select-group" }, el("label", { classe: "fr-label", for: "enfants-nombre", texte: "Nombre d'enfants à charge" }), nombre)), el("div", { classe: "fr-fieldset__element" }, dates));
  dessiner();
  const boutons = el(
    "div",
    { classe: "fr-btns-group fr-btns-group--inline-sm" },
    el("button", { type: "submit", classe: "fr-btn", id: "valider", texte: "Valider" }),
    el("button", { type: "button", classe: "fr-btn fr-btn--secondary", id: "je-ne-sais-pas", texte: "Je ne sais pas" }),
  );
  formulaire.append(champ, boutons);
  formulaire.onsubmit = (evenement) => {
    evenement.preventDefault();
    repondre([...dates.querySelectorAll("input")].map((input) => ({ naissance: input.value || null })));
  };
  boutons.querySelector("#je-ne-sais-pas").addEventListener("click", () => repondre(null));
  return legende;
}
