// The filters (type, community, minimum weight, backbone, period) and which nodes and
// edges they leave visible.
import { el, swatch } from "./dom.js";

export const BACKBONE_ALPHA = 0.05;
const NONE = "none";

function communityKey(value) {
  return value === null || value === undefined ? NONE : String(value);
}

// The values a filter offers, with their counts, in the order they first appear.
function groups(data, keyOf) {
  const map = new Map();
  data.nodes.forEach((node, i) => {
    const key = keyOf(node);
    if (!map.has(key)) map.set(key, { key, count: 0, first: i });
    map.get(key).count++;
  });
  return [...map.values()];
}

export function createFilters(data) {
  const weights = data.edges.map((e) => (typeof e.weight === "number" ? e.weight : 0));
  let lo = Infinity, hi = -Infinity;
  for (const w of weights) { lo = Math.min(lo, w); hi = Math.max(hi, w); }
  return {
    types: groups(data, (n) => String(n.type ?? "")),
    communities: groups(data, (n) => communityKey(n.community)).sort((a, b) =>
      a.key === NONE ? 1 : b.key === NONE ? -1 : Number(a.key) - Number(b.key)),
    hiddenTypes: new Set(),
    hiddenCommunities: new Set(),
    weightRange: weights.length ? [lo, hi] : [0, 0],
    integerWeights: weights.every(Number.isInteger),
    minWeight: weights.length ? lo : 0,
    hasAlpha: data.edges.some((e) => typeof e.alpha === "number"),
    backbone: false,
    period: 0, // 0: every period; k: DATA.periods[k - 1]
    periodSets: data.periods.map((p) => ({
      nodes: new Set((p.nodes || []).map((x) => x[0])),
      edges: new Map((p.edges || []).map((x) => [x[0], x[1]])),
    })),
  };
}

// Which nodes and edges are hidden (1) under the filters, and how many are shown.
export function visibility(data, graph, f) {
  const nodeHidden = new Uint8Array(data.nodes.length);
  const edgeHidden = new Uint8Array(data.edges.length);
  const period = f.period > 0 ? f.periodSets[f.period - 1] : null;
  let nodes = 0, edges = 0;
  data.nodes.forEach((node, i) => {
    const hide = f.hiddenTypes.has(String(node.type ?? "")) ||
      f.hiddenCommunities.has(communityKey(node.community)) || (period && !period.nodes.has(i));
    nodeHidden[i] = hide ? 1 : 0;
    if (!hide) nodes++;
  });
  graph.forEachEdge((key, attrs, s, t) => {
    const j = +key, edge = data.edges[j];
    const weight = period ? period.edges.get(j) : edge.weight;
    const hide = nodeHidden[+s] || nodeHidden[+t] || weight === undefined || weight < f.minWeight ||
      (f.backbone && !(typeof edge.alpha === "number" && edge.alpha <= BACKBONE_ALPHA));
    edgeHidden[j] = hide ? 1 : 0;
    if (!hide) edges++;
  });
  return { nodeHidden, edgeHidden, nodes, edges };
}

function checkList(id, items, hidden, labelOf, swatchOf, onChange) {
  const list = el("div", { class: "sg-checks", id });
  for (const item of items) {
    const box = el("input", { type: "checkbox", checked: "", "data-key": item.key });
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(item.key); else hidden.add(item.key);
      onChange();
    });
    list.appendChild(el("label", {}, box, swatchOf(item), labelOf(item), el("span", { class: "sg-n" }, item.count)));
  }
  return list;
}

function weightControl(f, t, nf, onChange) {
  const [lo, hi] = f.weightRange;
  const step = f.integerWeights ? 1 : Math.max((hi - lo) / 100, 1e-9);
  const input = el("input", { type: "range", id: "sg-weight", min: lo, max: hi, step, value: lo });
  const out = el("output", { for: "sg-weight", id: "sg-weight-value" }, nf(lo));
  input.addEventListener("input", () => {
    f.minWeight = Number(input.value);
    out.textContent = nf(f.minWeight);
    onChange();
  });
  return el("div", { class: "sg-field" }, el("label", { for: "sg-weight" }, t.minWeight, " "), out, input);
}

function backboneControl(f, t, onChange) {
  const box = el("input", { type: "checkbox", id: "sg-backbone" });
  box.addEventListener("change", () => { f.backbone = box.checked; onChange(); });
  return el("div", { class: "sg-field" }, el("label", {}, box, " ", t.backbone));
}

function periodControl(data, f, t, onChange) {
  const input = el("input", { type: "range", id: "sg-period", min: 0, max: data.periods.length, step: 1, value: 0 });
  const out = el("output", { for: "sg-period", id: "sg-period-label" }, t.allPeriods);
  const play = el("button", { type: "button", id: "sg-play", class: "sg-button" }, t.play);
  let timer = null;
  const show = (k) => {
    f.period = k;
    input.value = String(k);
    out.textContent = k > 0 ? String(data.periods[k - 1].label ?? k) : t.allPeriods;
    onChange();
  };
  const stop = () => { clearInterval(timer); timer = null; play.textContent = t.play; };
  input.addEventListener("input", () => { stop(); show(Number(input.value)); });
  play.addEventListener("click", () => {
    if (timer) return stop();
    play.textContent = t.pause;
    show(f.period >= data.periods.length ? 1 : f.period + 1);
    timer = setInterval(() => (f.period >= data.periods.length ? stop() : show(f.period + 1)), 1200);
  });
  return el("div", { class: "sg-field" }, el("label", { for: "sg-period" }, t.period, " "), out,
    el("div", { class: "sg-row" }, input, play));
}

// The filters' controls; onChange is called after each change of the state f.
export function filterControls(data, f, t, nf, onChange) {
  const box = el("section", { class: "sg-filters" }, el("h2", {}, t.filters));
  const nodeSwatch = (item) => {
    const node = data.nodes[item.first];
    return swatch(node.color, node.shape);
  };
  if (f.types.length > 1) {
    box.appendChild(el("h3", {}, t.types));
    box.appendChild(checkList("sg-types", f.types, f.hiddenTypes, (it) => it.key, nodeSwatch, onChange));
  }
  if (f.communities.length > 1) {
    box.appendChild(el("h3", {}, t.communities));
    box.appendChild(checkList("sg-communities", f.communities, f.hiddenCommunities,
      (it) => (it.key === NONE ? t.noCommunity : t.community(it.key)),
      data.colour_by === "community" ? nodeSwatch : () => null, onChange));
  }
  if (data.edges.length) box.appendChild(weightControl(f, t, nf, onChange));
  if (f.hasAlpha) box.appendChild(backboneControl(f, t, onChange));
  if (data.periods.length) box.appendChild(periodControl(data, f, t, onChange));
  return box;
}
