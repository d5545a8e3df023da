// The side panel: an actor (its data, partners and documents) or a link (its units).
import { el, append, clear, safeUrl, swatch } from "./dom.js";

const LIST_CAP = 200; // rows drawn per list; the rest counted

function nodeButton(ctx, i, ...extra) {
  const node = ctx.data.nodes[i];
  const button = el("button", { type: "button", class: "sg-link", "data-node": i },
    swatch(node.color, node.shape), String(node.label ?? ""), ...extra);
  button.addEventListener("click", () => ctx.selectNode(i));
  return button;
}

function capped(ctx, items, row) {
  const list = el("ul", { class: "sg-list" });
  items.slice(0, LIST_CAP).forEach((item) => list.appendChild(el("li", {}, row(item))));
  if (items.length > LIST_CAP) list.appendChild(el("li", { class: "sg-more" }, ctx.t.listMore(items.length - LIST_CAP)));
  return list;
}

function valueText(ctx, value) {
  if (typeof value === "number") return ctx.nf(value);
  return String(value);
}

function docMeta(ctx, doc, ...extra) {
  const parts = [el("span", { class: "sg-doc-name" }, String(doc?.name ?? "?"))];
  for (const key of ["date", "source"]) {
    if (doc && doc[key] !== null && doc[key] !== undefined) parts.push(el("span", { class: `sg-doc-${key}` }, String(doc[key])));
  }
  const url = safeUrl(doc?.url);
  if (url) parts.push(el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, ctx.t.open));
  return el("div", { class: "sg-meta" }, ...parts, ...extra);
}

function docTitle(doc) {
  return doc && typeof doc.title === "string" && doc.title ? el("div", { class: "sg-doc-title" }, doc.title) : null;
}

function attributes(ctx, node) {
  const table = el("table", { class: "sg-attrs" });
  const attrs = Array.isArray(node.attrs) ? node.attrs : [];
  ctx.data.columns.forEach((column, k) => {
    const value = attrs[k];
    if (value === null || value === undefined || value === "") return;
    table.appendChild(el("tr", {}, el("th", {}, String(column)), el("td", {}, valueText(ctx, value))));
  });
  return table.rows.length ? [el("h3", {}, ctx.t.attributes), table] : [];
}

function partners(ctx, i) {
  const rows = ctx.adj[i].map(([j, other]) => ({ j, other, weight: ctx.data.edges[j].weight }))
    .sort((a, b) => b.weight - a.weight || a.other - b.other);
  if (!rows.length) return [];
  return [el("h3", {}, ctx.t.partners(rows.length)), capped(ctx, rows, (r) =>
    nodeButton(ctx, r.other, el("span", { class: "sg-n" }, ctx.t.partnerWeight(ctx.nf(r.weight)))))];
}

function documents(ctx, node) {
  const docs = Array.isArray(node.docs) ? node.docs : [];
  if (!docs.length) return [];
  return [el("h3", {}, ctx.t.documents(docs.length)), capped(ctx, docs, ([d, mentions]) => {
    const doc = ctx.data.docs[d];
    return el("div", {}, docMeta(ctx, doc, el("span", { class: "sg-n" }, ctx.t.mentions(mentions))), docTitle(doc));
  })];
}

export function showNode(ctx, panel, i) {
  const node = ctx.data.nodes[i];
  const aliases = (Array.isArray(node.aliases) ? node.aliases : []).filter((a) => typeof a === "string");
  append(clear(panel), [
    el("h2", { class: "sg-panel-title" }, swatch(node.color, node.shape), String(node.label ?? "")),
    el("p", { class: "sg-type" }, ctx.t.type + ctx.t.colon, String(node.type ?? "")),
    aliases.length ? el("p", { class: "sg-aliases" }, ctx.t.aliases + ctx.t.colon, aliases.join(" · ")) : null,
    ...attributes(ctx, node), ...partners(ctx, i), ...documents(ctx, node)]);
}

function unitBlock(ctx, unit) {
  const text = el("p", { class: "sg-unit-text" });
  for (const part of Array.isArray(unit?.parts) ? unit.parts : []) {
    const piece = String(part?.[0] ?? "");
    text.appendChild(part?.[1] ? el("mark", {}, piece) : document.createTextNode(piece));
  }
  const line = typeof unit?.line === "number" ? el("span", { class: "sg-line" }, ctx.t.line(unit.line)) : null;
  const doc = ctx.data.docs[unit?.doc];
  return el("li", { class: "sg-unit" }, text, docMeta(ctx, doc, line), docTitle(doc));
}

export function showEdge(ctx, panel, j) {
  const edge = ctx.data.edges[j];
  const ev = (Array.isArray(edge.ev) ? edge.ev : []).map((u) => ctx.data.units[u]).filter(Boolean);
  const more = typeof edge.more === "number" ? edge.more : 0;
  const facts = el("table", { class: "sg-attrs" },
    el("tr", {}, el("th", {}, ctx.t.weight), el("td", {}, ctx.nf(edge.weight))),
    typeof edge.alpha === "number" ? el("tr", {}, el("th", {}, ctx.t.alpha), el("td", {}, ctx.nf(edge.alpha))) : null);
  const units = el("ul", { class: "sg-units", id: "sg-units" }, ev.map((u) => unitBlock(ctx, u)));
  append(clear(panel), [
    el("h2", { class: "sg-panel-title" }, nodeButton(ctx, edge.s), el("span", { class: "sg-dash" }, " — "), nodeButton(ctx, edge.t)),
    facts,
    el("h3", {}, ctx.t.units(ctx.data.unit, ev.length + more)),
    ev.length ? units : el("p", { class: "sg-more" }, ctx.t.noUnits),
    more > 0 ? el("p", { class: "sg-more", id: "sg-units-more" }, ctx.t.more(more)) : null]);
}
