// The search box: labels and aliases, folded as the matcher folds them. The names that
// start with the query first (a label before an alias), then those with a word that
// does, then those that hold it elsewhere: "ars" lists the ARS before Marseille.
import { el, clear, swatch } from "./dom.js";
import { fold } from "./fold.js";

const SHOWN = 20;

function rank(entry, query) {
  const text = entry.folded;
  let best = -1;
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    const where = at === 0 ? 0 : /[\p{L}\p{N}]/u.test(text[at - 1]) ? 2 : 1;
    if (best < 0 || where < best) best = where;
    if (where === 0) break;
  }
  return best < 0 ? -1 : 2 * best + (entry.alias ? 1 : 0);
}

export function findActors(index, text) {
  const query = fold(text).trim();
  if (!query) return [];
  const best = new Map(); // node -> best entry
  for (const entry of index) {
    const r = rank(entry, query);
    if (r < 0) continue;
    const seen = best.get(entry.node);
    if (!seen || r < seen.rank) best.set(entry.node, { ...entry, rank: r });
  }
  return [...best.values()].sort((a, b) => a.rank - b.rank || a.folded.localeCompare(b.folded));
}

export function searchBox(ctx) {
  const input = el("input", { type: "search", id: "sg-search", placeholder: ctx.t.search,
    "aria-label": ctx.t.search, autocomplete: "off", spellcheck: "false" });
  const results = el("ul", { id: "sg-results", class: "sg-results", role: "listbox" });
  let found = [];
  const choose = (i) => { clear(results); ctx.selectNode(i); };
  const update = () => {
    found = findActors(ctx.searchIndex, input.value);
    clear(results);
    if (!input.value.trim()) return;
    if (!found.length) results.appendChild(el("li", { class: "sg-more" }, ctx.t.searchNone));
    for (const entry of found.slice(0, SHOWN)) {
      const node = ctx.data.nodes[entry.node];
      const button = el("button", { type: "button", class: "sg-link", "data-node": entry.node },
        swatch(node.color, node.shape), String(node.label ?? ""),
        entry.alias ? el("span", { class: "sg-n" }, `${ctx.t.alias} ${entry.text}`) : null);
      button.addEventListener("click", () => choose(entry.node));
      results.appendChild(el("li", { role: "option" }, button));
    }
    if (found.length > SHOWN) results.appendChild(el("li", { class: "sg-more" }, ctx.t.searchMore(found.length - SHOWN)));
  };
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && found.length) choose(found[0].node);
    if (event.key === "Escape") { input.value = ""; update(); }
  });
  return el("div", { class: "sg-search" }, input, results);
}
