// The view of the example network, written by stakegraph itself (extract -o
// network.html, as ./setup.sh example does), in chromium: the file's size, no console
// error nor request, an actor searched without its accents and read, a link clicked
// on the drawing and its sentences read, and the screenshots the README shows. Then the
// JSON Lines example by month, in English: the period slider, dated documents with links.
//   node example_test.js NODE_MODULES STAKEGRAPH SOURCE_DIR OUTDIR
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const B = require("./browser.js");

const [modulesDir, stakegraph, sourceDir, outDir] = process.argv.slice(2);
const { puppeteer, PNG } = B.modules(modulesDir);
const check = B.check;
const TITLE = "Example corpus: actors named in the same sentence";
const MAX_BYTES = 1.5e6; // issue 18

// Runs stakegraph in the source tree, as ./setup.sh example does, so that the
// documents are named as the committed example names them (examples/corpus/...).
function write(file, ...args) {
  const run = spawnSync(stakegraph, ["extract", ...args, "-o", path.resolve(file)],
    { encoding: "utf8", cwd: sourceDir });
  check(run.status === 0, `stakegraph extract ${args.join(" ")} -o ${file}: exit ${run.status}: ${run.stderr}`);
}

function unaccented(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

async function readActor(page, data) {
  // an actor whose name has an accent, typed without it; else the one with most documents
  const byDocs = data.nodes.map((n, i) => [i, n]).sort((a, b) => b[1].docs.length - a[1].docs.length);
  const [i, node] = byDocs.find(([, n]) => unaccented(n.label) !== n.label && n.docs.length) || byDocs[0];
  const query = unaccented(node.label).toLowerCase().slice(0, 12);
  await page.type("#sg-search", query);
  const buttons = await page.$$("#sg-results button");
  let clicked = false;
  for (const b of buttons) {
    if ((await b.evaluate((e) => +e.getAttribute("data-node"))) === i) { await b.click(); clicked = true; break; }
  }
  check(clicked, `searching '${query}' did not list '${node.label}'`);
  const title = (await B.text(page, "#sg-panel .sg-panel-title")).trim();
  check(title === node.label, `actor panel '${title}', not '${node.label}'`);
  const panel = await B.text(page, "#sg-panel");
  check(panel.includes(node.type), `the actor panel lacks the type '${node.type}'`);
  const doc = data.docs[node.docs[0][0]];
  check(panel.includes(doc.name), `the actor panel lacks the document '${doc.name}'`);
  console.log(`actor: searched '${query}', read '${node.label}' (${node.docs.length} documents)`);
}

// Clicks the middle of links that have units until one opens; returns its index.
async function clickLink(page, data) {
  if (await page.$eval("#sg-panel", (e) => !e.hidden)) await page.click("#sg-close");
  await page.click("#sg-reset");
  const candidates = await page.evaluate(() => {
    const { sigma, graph, data } = window.__sg;
    const length = (j) => {
      const [s, t] = graph.extremities(String(j)).map((n) => sigma.graphToViewport(graph.getNodeAttributes(n)));
      return Math.hypot(s.x - t.x, s.y - t.y);
    };
    // the links with most units first, then the longest (the least covered by others)
    const units = (j) => data.edges[j].ev.length + data.edges[j].more;
    return data.edges.map((e, j) => j).filter((j) => data.edges[j].ev.length && graph.hasEdge(String(j)))
      .sort((a, b) => units(b) - units(a) || length(b) - length(a)).slice(0, 30);
  });
  check(candidates.length > 0, "no link of the example has units");
  for (const j of candidates) {
    const p = await B.edgePoint(page, j);
    await page.mouse.click(p.x, p.y);
    if (await page.evaluate((j) => window.__sg.state.selectedEdge === j, j)) return j;
    if (await page.$eval("#sg-panel", (e) => !e.hidden)) await page.click("#sg-close");
  }
  throw new Error("no click on a link opened it");
}

async function readLink(page, data) {
  const j = await clickLink(page, data);
  const edge = data.edges[j];
  const units = await page.$$eval("#sg-units li", (lis) => lis.map((li) => [...li.querySelectorAll("mark")].length));
  check(units.length === edge.ev.length, `link ${j}: ${units.length} units shown, DATA has ${edge.ev.length}`);
  check(units.every((marks) => marks >= 1) && units.some((marks) => marks >= 2), `link ${j}: names not marked: ${units}`);
  const title = await B.text(page, "#sg-panel .sg-panel-title");
  for (const k of [edge.s, edge.t]) check(title.includes(data.nodes[k].label), `link panel '${title}'`);
  console.log(`link: ${data.nodes[edge.s].label} — ${data.nodes[edge.t].label}, ${units.length} units shown, ${edge.more} more`);
}

async function byMonth(browser) {
  const file = path.join(outDir, "by-month.html");
  write(file, "--jsonl", "examples/corpus.jsonl", "--by-period", "month", "--lang", "en");
  const run = await B.open(browser, file);
  const page = run.page;
  const data = await page.evaluate(() => window.__sg.data);
  check(data.periods.length > 1, `${data.periods.length} periods`);
  const all = await B.text(page, "#sg-count");
  await page.focus("#sg-period");
  await page.keyboard.press("ArrowRight");
  const first = await B.text(page, "#sg-count");
  check((await B.text(page, "#sg-period-label")) === data.periods[0].label, "the first period's label");
  check(first.startsWith(`${data.periods[0].nodes.length} actor`), `first period: '${first}'`);
  check(first !== all, `the period changed nothing: '${all}'`);
  await page.keyboard.press("Home");
  // an actor's dated documents, with their links
  const i = data.nodes.reduce((best, n, k) => (n.docs.length > data.nodes[best].docs.length ? k : best), 0);
  await page.type("#sg-search", data.nodes[i].label.slice(0, 10));
  await (await page.$(`#sg-results button[data-node="${i}"]`)).click();
  const panel = await B.text(page, "#sg-panel");
  const doc = data.docs[data.nodes[i].docs[0][0]];
  check(panel.includes("Documents naming it") && panel.includes(doc.date) && panel.includes(doc.source),
    `the English actor panel lacks the documents' dates and sources: ${panel}`);
  const links = await page.$$eval("#sg-panel a", (as) => as.map((a) => a.href));
  check(links.length === data.nodes[i].docs.length && links.every((h) => /^https?:/.test(h)), `document links ${links}`);
  B.clean(run, "example by month");
  console.log(`by month: ${data.periods.length} periods, '${all}' -> ${data.periods[0].label}: '${first}'`);
  await page.close();
}

B.main(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "network.html");
  write(file, "examples/corpus", "--title", TITLE);
  const bytes = fs.statSync(file).size;
  console.log(`${file}: ${bytes} bytes`);
  check(bytes <= MAX_BYTES, `the example's HTML is ${bytes} bytes, more than ${MAX_BYTES}`);
  const browser = await B.launch(puppeteer);
  try {
    const run = await B.open(browser, file);
    const page = run.page;
    const data = await page.evaluate(() => window.__sg.data);
    check((await B.text(page, "#sg-title")) === TITLE, "the title");
    const counts = await B.text(page, "#sg-count");
    check(counts.startsWith(`${data.nodes.length} `), `counts '${counts}' for ${data.nodes.length} actors`);
    const shot = await B.screenshot(page, PNG, "#sg-graph", path.join(outDir, "example-graph.png"));
    console.log(`drawing: ${shot.colours} colours, ${(100 * shot.share).toFixed(1)}% drawn`);
    await readActor(page, data);
    await B.screenshot(page, PNG, "body", path.join(outDir, "example-actor.png"));
    await readLink(page, data);
    await B.screenshot(page, PNG, "body", path.join(outDir, "example.png"));
    B.clean(run, "example network");
    console.log(`screenshots in ${outDir}: example.png (a link read), example-actor.png, example-graph.png`);
    await byMonth(browser);
  } finally {
    await browser.close();
  }
});
