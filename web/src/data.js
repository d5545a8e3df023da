// DATA (web/README.md, version 1) into a graphology graph and the indexes the panels
// and the search box read. The graph's keys are the nodes' and edges' indices in DATA.
import Graph from "graphology";
import { shapeOf } from "./shapes.js";
import { fold } from "./fold.js";

const GREY = "#9a9a9a";
export const EDGE_COLOR = "#b0b0b0";

export function readData() {
  const script = document.getElementById("sg-data");
  const data = JSON.parse(script ? script.textContent : "{}") || {};
  for (const key of ["nodes", "edges", "docs", "units", "periods", "legend", "columns"]) {
    if (!Array.isArray(data[key])) data[key] = [];
  }
  return data;
}

function num(value, fallback) {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function colour(value) {
  return typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value) ? value : GREY;
}

function text(value) {
  return value === null || value === undefined ? "" : String(value);
}

// An edge's thickness in the picture's units (sizes follow the positions): a tenth of a
// middle-sized node, slowly thicker with the weight.
function edgeSize(weight, unit) {
  return unit * Math.min(0.1 + 0.06 * Math.log2(Math.max(1, num(weight, 1))), 0.4);
}

function medianSize(graph) {
  const sizes = graph.mapNodes((key, attrs) => attrs.size).sort((a, b) => a - b);
  return sizes.length ? sizes[sizes.length >> 1] : 1;
}

export function buildGraph(data) {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const n = data.nodes.length;
  data.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    graph.addNode(String(i), {
      x: num(node.x, 100 * Math.cos(angle)),
      y: num(node.y, 100 * Math.sin(angle)),
      size: Math.max(num(node.size, 5), 0.5),
      color: colour(node.color),
      label: text(node.short ?? node.label), // the picture's name (an acronym for a long one)
      type: shapeOf(node.shape),
    });
  });
  const unit = medianSize(graph);
  data.edges.forEach((edge, j) => {
    const s = edge.s, t = edge.t;
    if (!(s >= 0 && s < n && t >= 0 && t < n) || s === t || graph.hasEdge(String(s), String(t))) return;
    graph.addEdgeWithKey(String(j), String(s), String(t), { size: edgeSize(edge.weight, unit), color: EDGE_COLOR });
  });
  return graph;
}

// For each node, its edges as [edge index, other node index].
export function adjacency(data, graph) {
  const adj = data.nodes.map(() => []);
  graph.forEachEdge((key, attrs, s, t) => {
    adj[+s].push([+key, +t]);
    adj[+t].push([+key, +s]);
  });
  return adj;
}

// The search box's index: each label and alias folded, with the node it names.
export function searchIndex(data) {
  const index = [];
  data.nodes.forEach((node, i) => {
    const label = text(node.label);
    index.push({ node: i, text: label, folded: fold(label), alias: false });
    const names = Array.isArray(node.aliases) ? [...node.aliases] : [];
    if (typeof node.short === "string" && !names.includes(node.short)) names.unshift(node.short);
    for (const alias of names) {
      if (typeof alias === "string" && alias !== label) {
        index.push({ node: i, text: alias, folded: fold(alias), alias: true });
      }
    }
  });
  return index;
}
