// Networks for the browser tests, in DATA's form (web/README.md): a small hand-written
// one (accents, aliases, periods, backbone, untrusted text that must stay text) and a
// generated one of 10,000 actors and 100,000 links.
"use strict";

const PWN_LABEL = "<img src=x onerror=window.__pwned=1>";
const PWN_SENTENCE = " : </script><script>window.__pwned=1</script> fin.";

const COLUMNS = ["type", "mentions", "documents", "degree", "pagerank", "community", "city"];
const COMMUNITY_COLOURS = { 1: "#f28e2b", 2: "#76b7b2", 3: "#59a14f" };

function node(id, label, type, shape, x, y, size, community, aliases, attrs, docs) {
  const color = COMMUNITY_COLOURS[community] || "#c7c7c7";
  return { id, label, type, x, y, size, color, shape, community, aliases, attrs: [type, ...attrs.slice(0, 4), community, attrs[4]], docs };
}

function small(lang) {
  const nodes = [
    node("timone", "Hôpital de la Timone", "organisation", "square", 0, 0, 20, 1, ["la Timone", "CHU Timone"], [6, 3, 4, 0.21, "Marseille"], [[0, 3], [1, 2], [2, 1]]),
    node("aphm", "AP-HM", "organisation", "square", 200, 0, 25, 1, ["Assistance publique\u2013Hôpitaux de Marseille", "APHM"], [9, 3, 4, 0.25, "Marseille"], [[0, 5], [1, 2], [2, 2]]),
    node("ars", "Agence régionale de santé", "organisation", "square", 100, 170, 18, 1, ["ARS PACA", "l\u2019Agence"], [2, 1, 1, 0.08, null], [[0, 2]]),
    node("payan", "Benoît Payan", "person", "circle", 400, 150, 14, 2, [], [2, 1, 3, 0.12, null], [[2, 2]]),
    node("marseille", "Marseille", "place", "diamond", 400, -150, 16, 2, [], [3, 2, 3, 0.13, null], [[0, 1], [2, 1]]),
    node("pwn", PWN_LABEL, "other", "triangle", -200, 150, 12, 3, ["<script>x</script>"], [1, 1, 1, 0.05, null], [[1, 1]]),
    node("oeuvre", "Œuvre des Pupilles", "organisation", "square", -200, -150, 10, null, ["Oeuvre des pupilles orphelins"], [1, 1, 1, 0.04, null], [[2, 1]]),
    node("region", "Région Sud", "organisation", "square", 600, 0, 14, 2, ["Conseil régional"], [2, 1, 2, 0.12, "Marseille"], [[0, 2]]),
  ];
  const edge = (s, t, weight, alpha, ev, more) => ({ s, t, weight, alpha, ev, more });
  const edges = [
    edge(0, 1, 5, 0.01, [0, 1], 3),
    edge(1, 2, 3, 0.2, [2], 0),
    edge(1, 3, 2, 0.04, [3], 0),
    edge(3, 4, 1, 0.5, [4], 0),
    edge(0, 5, 2, 0.03, [5], 0),
    edge(0, 6, 1, 0.3, [], 1),
    edge(4, 7, 4, 0.02, [6], 0),
    edge(3, 7, 1, null, [], 0),
  ];
  const docs = [
    { name: "article-1.txt", date: "2024-01-15", source: "La Provence", url: "https://www.example.org/a1", title: "Les urgences de la Timone" },
    { name: "article-2.txt", date: "2024-02-03", source: "Var-Matin", url: "javascript:window.__pwned=1", title: "<b onmouseover=window.__pwned=1>titre</b>" },
    { name: "article-3.txt", date: null, source: null, url: null, title: null },
  ];
  const units = [
    { doc: 0, line: 3, parts: [["L'", 0], ["Hôpital de la Timone", 1], [" dépend de l'", 0], ["AP-HM", 1], [".", 0]] },
    { doc: 1, line: 7, parts: [["\u2026l'", 0], ["AP-HM", 1], [" gère la ", 0], ["Timone", 1], [" depuis 1974.", 0]] },
    { doc: 0, line: 9, parts: [["L'", 0], ["ARS PACA", 1], [" et l'", 0], ["AP-HM", 1], [" ont signé un contrat.", 0]] },
    { doc: 2, line: 1, parts: [["", 0], ["Benoît Payan", 1], [" a interpellé l'", 0], ["AP-HM", 1], [".", 0]] },
    { doc: 2, line: 2, parts: [["", 0], ["Benoît Payan", 1], [", maire de ", 0], ["Marseille", 1], [".", 0]] },
    { doc: 1, line: 4, parts: [["Le label ", 0], [PWN_LABEL, 1], [" cite la ", 0], ["Timone", 1], [PWN_SENTENCE, 0]] },
    { doc: 0, line: 11, parts: [["", 0], ["Marseille", 1], [" et la ", 0], ["Région Sud", 1], [" financent.", 0]] },
  ];
  const periods = [
    { label: "2024-01", nodes: [[0, 2], [1, 3], [2, 1], [3, 1], [4, 1]], edges: [[0, 3], [1, 2], [2, 1], [3, 1]] },
    { label: "2024-02", nodes: [[0, 1], [1, 1], [4, 1], [5, 1], [7, 2]], edges: [[0, 2], [4, 2], [6, 4]] },
  ];
  const legend = [
    { label: "organisation", color: "#4e79a7", shape: "square" },
    { label: "person", color: "#e15759", shape: "circle" },
    { label: "place", color: "#59a14f", shape: "diamond" },
    { label: "other", color: "#c7c7c7", shape: "triangle" },
    { label: "communauté 1 : AP-HM, Hôpital de la Timone", color: COMMUNITY_COLOURS[1], shape: null },
    { label: PWN_LABEL, color: "#c7c7c7", shape: null },
  ];
  return {
    version: 1, title: "Réseau d'essai <i>non interprété</i>", lang: lang || "fr", unit: "sentence",
    colour_by: "community", legend, columns: COLUMNS, nodes, edges, docs, units, periods,
  };
}

// A deterministic pseudo-random generator (mulberry32), so that the big network is the
// same at every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];
const TYPES = [["organisation", "square"], ["person", "circle"], ["place", "diamond"], ["other", "triangle"]];

function big(nNodes, nEdges) {
  const rnd = random(18);
  const groups = 40;
  const centres = Array.from({ length: groups }, () => [rnd() * 10000, rnd() * 10000]);
  const members = Array.from({ length: groups }, () => []);
  const nodes = [];
  for (let i = 0; i < nNodes; i++) {
    const c = Math.floor(rnd() * groups);
    const [type, shape] = TYPES[Math.floor(rnd() * rnd() * 4)];
    const r = 700 * Math.sqrt(rnd()), a = 2 * Math.PI * rnd();
    members[c].push(i);
    nodes.push({
      id: `n${i}`, label: `Acteur ${i} é${c}`, type, shape,
      x: Math.round(centres[c][0] + r * Math.cos(a)), y: Math.round(centres[c][1] + r * Math.sin(a)),
      size: 6 + Math.round(30 * rnd() ** 4), color: PALETTE[c % PALETTE.length], community: c,
      aliases: [`A${i}`], attrs: [type, 1 + (i % 7), 1, 0, null, c, null], docs: [[i % 100, 1]],
    });
  }
  const seen = new Set(), edges = [];
  while (edges.length < nEdges) {
    const s = Math.floor(rnd() * nNodes);
    const group = members[nodes[s].community];
    const t = rnd() < 0.9 ? group[Math.floor(rnd() * group.length)] : Math.floor(rnd() * nNodes);
    const key = s < t ? `${s},${t}` : `${t},${s}`;
    if (s === t || seen.has(key)) continue;
    seen.add(key);
    edges.push({ s, t, weight: 1 + Math.floor(-Math.log(1 - rnd()) * 2), alpha: Math.round(rnd() * 1000) / 1000,
      ev: edges.length < 1000 ? [edges.length % 10] : [], more: 0 });
  }
  const docs = Array.from({ length: 100 }, (_, d) => ({ name: `doc-${d}.txt`, date: "2024-01-01", source: null, url: null, title: null }));
  const units = Array.from({ length: 10 }, (_, u) => ({ doc: u, line: 1, parts: [["", 0], ["Acteur", 1], [" et ", 0], ["Acteur", 1], ["", 0]] }));
  const periods = ["2024-01", "2024-02", "2024-03"].map((label, k) => ({
    label,
    nodes: nodes.map((_, i) => [i, 1]).filter(([i]) => i % 3 !== k),
    edges: edges.map((_, j) => [j, 1]).filter(([j]) => j % 3 === k),
  }));
  return { version: 1, title: `${nNodes} actors, ${nEdges} links`, lang: "en", unit: "sentence",
    colour_by: "community", legend: [], columns: ["type", "mentions", "documents", "degree", "pagerank", "community", "city"],
    nodes, edges, docs, units, periods };
}

module.exports = { small, big, PWN_LABEL, PWN_SENTENCE };
