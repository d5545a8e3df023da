/*! stakegraph's HTML view. It holds, bundled by esbuild: sigma.js 3 (Copyright (C)
 * 2013-2025, Alexis Jacomy, Guillaume Plique, Benoît Simard, https://www.sigmajs.org),
 * graphology and graphology-utils (Copyright (c) 2016-2021 Guillaume Plique), events
 * (Copyright Joyent, Inc. and other Node contributors), each under the MIT licence:
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this
 * software and associated documentation files (the "Software"), to deal in the Software
 * without restriction, including without limitation the rights to use, copy, modify,
 * merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
 * permit persons to whom the Software is furnished to do so, subject to the following
 * conditions: The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",
 * WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
 * WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
 * NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR
 * IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE. */
// stakegraph's interactive view: reads DATA from <script id="sg-data"> (web/README.md)
// and builds the page: the network drawn by sigma.js, the search box, the filters, the
// legend and the side panel.
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import css from "./style.css";
import { el, append, clear } from "./dom.js";
import { strings } from "./i18n.js";
import { readData, buildGraph, adjacency, searchIndex } from "./data.js";
import { nodePrograms } from "./shapes.js";
import { createFilters, visibility, filterControls } from "./filters.js";
import { searchBox } from "./search.js";
import { legendBox } from "./legend.js";
import { showNode, showEdge } from "./panel.js";
import { edgeAt } from "./pick.js";

const DIM_NODE = "#e4e4e4";
const STRONG_EDGE = "#404040";
const SELECTED_EDGE = "#d62728";
// Above this many edges, they are drawn as plain one-pixel lines, and not while the
// camera moves: a software-rendered browser takes seconds to draw 100,000 as
// antialiased rectangles.
const MANY_EDGES = 5000;

function numberFormat(lang) {
  const whole = new Intl.NumberFormat(lang);
  const part = new Intl.NumberFormat(lang, { maximumSignificantDigits: 4 });
  return (x) => (typeof x !== "number" ? String(x ?? "") : Number.isInteger(x) ? whole.format(x) : part.format(x));
}

function layout(t, data) {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  const reset = el("button", { type: "button", id: "sg-reset", class: "sg-button sg-reset" }, t.reset);
  const graph = el("main", { id: "sg-graph", class: "sg-graph" }, reset);
  const panel = el("div", { id: "sg-panel-body" });
  const close = el("button", { type: "button", class: "sg-close", id: "sg-close", "aria-label": t.close, title: t.close }, "×");
  const side = el("aside", { class: "sg-side", id: "sg-side" },
    el("h1", { id: "sg-title" }, typeof data.title === "string" && data.title ? data.title : t.title),
    el("p", { class: "sg-help" }, t.help));
  const aside = el("aside", { class: "sg-panel", id: "sg-panel", hidden: "" }, close, panel);
  document.body.appendChild(el("div", { class: "sg-app" }, side, graph, aside));
  return { side, graph, panel, aside, close, reset };
}

// sigma's settings: the picture's sizes (they follow the positions), labels on a grid,
// and the reducers that apply the filters (state.vis) and the focus on an actor.
function sigmaSettings(data, state) {
  const many = data.edges.length > MANY_EDGES;
  return {
    nodeProgramClasses: nodePrograms(),
    ...(many ? { edgeProgramClasses: { line: EdgeLineProgram } } : {}),
    hideEdgesOnMove: many,
    itemSizesReference: "positions",
    zoomToSizeRatioFunction: (ratio) => ratio,
    enableEdgeEvents: false, // see pick.js
    labelFont: "system-ui, 'DejaVu Sans', sans-serif",
    labelSize: 13,
    labelDensity: 0.8,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 7,
    stagePadding: 40,
    allowInvalidContainer: true, // a window too narrow for the drawing is no error
    minEdgeThickness: 0.8,
    zIndex: true,
    nodeReducer: (key, attrs) => {
      const i = +key;
      if (state.vis.nodeHidden[i]) return { ...attrs, hidden: true };
      if (state.focus === null) return attrs;
      if (i === state.focus) return { ...attrs, highlighted: true, forceLabel: true, zIndex: 2 };
      if (state.partners.has(i)) return { ...attrs, forceLabel: true, zIndex: 1 };
      return { ...attrs, color: DIM_NODE, label: "", zIndex: 0 };
    },
    edgeReducer: (key, attrs) => {
      const j = +key;
      if (state.vis.edgeHidden[j]) return { ...attrs, hidden: true };
      if (j === state.selectedEdge) return { ...attrs, color: SELECTED_EDGE, size: attrs.size + 1, zIndex: 2 };
      if (state.focus === null) return attrs;
      const edge = data.edges[j];
      if (edge.s === state.focus || edge.t === state.focus) return { ...attrs, color: STRONG_EDGE, zIndex: 1 };
      return { ...attrs, hidden: true };
    },
  };
}

// What the user does: hover, click an actor, a link or the background, Escape, filters.
function bindEvents(sigma, graph, ui, ctx) {
  ui.close.addEventListener("click", ctx.closePanel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ui.aside.hidden && event.target.id !== "sg-search") ctx.closePanel();
  });
  ui.reset.addEventListener("click", () => sigma.getCamera().animatedReset({ duration: 300 }));
  sigma.on("enterNode", ({ node }) => ctx.hover(+node));
  sigma.on("leaveNode", () => ctx.hover(null));
  sigma.on("clickNode", ({ node }) => ctx.selectNode(+node));
  sigma.on("clickStage", ({ event }) => {
    const edge = edgeAt(sigma, graph, event, (key) => !sigma.getEdgeDisplayData(key)?.hidden);
    if (edge === null) ctx.closePanel();
    else ctx.selectEdge(+edge);
  });
}

function start() {
  const data = readData();
  const lang = data.lang === "en" ? "en" : "fr";
  document.documentElement.setAttribute("lang", lang);
  const t = strings(lang);
  const nf = numberFormat(lang);
  const ui = layout(t, data);
  const graph = buildGraph(data);
  const filters = createFilters(data);
  const adj = adjacency(data, graph);
  const state = { vis: visibility(data, graph, filters), hover: null, selectedNode: null, selectedEdge: null,
    focus: null, partners: new Set() };
  const sigma = new Sigma(graph, ui.graph, sigmaSettings(data, state));
  const counts = el("p", { id: "sg-count", class: "sg-count" });
  const showCounts = () => { counts.textContent = t.counts(state.vis.nodes, state.vis.edges, nf); };

  // The actor in focus: the one hovered, else the one selected; its partners highlighted.
  const refocus = () => {
    const focus = state.hover ?? state.selectedNode;
    if (focus === state.focus) return;
    state.focus = focus;
    state.partners = new Set(focus === null ? [] : adj[focus].filter(([j]) => !state.vis.edgeHidden[j]).map(([, o]) => o));
    sigma.refresh();
  };

  const ctx = {
    data, t, nf, lang, adj, searchIndex: searchIndex(data),
    hover(i) {
      state.hover = i;
      refocus();
    },
    selectNode(i) {
      state.selectedNode = i;
      state.selectedEdge = null;
      showNode(ctx, ui.panel, i);
      ui.aside.hidden = false;
      ui.panel.scrollTop = 0;
      refocus();
      const at = sigma.getNodeDisplayData(String(i));
      if (at) sigma.getCamera().animate({ x: at.x, y: at.y, ratio: Math.min(sigma.getCamera().ratio, 0.6) }, { duration: 400 });
    },
    selectEdge(j) {
      state.selectedEdge = j;
      state.selectedNode = null;
      showEdge(ctx, ui.panel, j);
      ui.aside.hidden = false;
      refocus();
      sigma.refresh();
    },
    closePanel() {
      ui.aside.hidden = true;
      state.selectedNode = state.selectedEdge = null;
      refocus();
      sigma.refresh();
    },
  };

  const onFilter = () => {
    state.vis = visibility(data, graph, filters);
    state.focus = undefined; // the partners among the links now shown, and all drawn again
    refocus();
    showCounts();
  };

  append(ui.side, [searchBox(ctx), counts, filterControls(data, filters, t, nf, onFilter), legendBox(data, t)]);
  bindEvents(sigma, graph, ui, ctx);
  showCounts();
  clear(ui.panel);
  // for the tests: the objects, and when the first drawing was done (ms since navigation)
  window.__sg = { sigma, graph, data, filters, state, ready: performance.now() };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
