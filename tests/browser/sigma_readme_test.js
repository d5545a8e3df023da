// The README's sigma.js lines (section "JavaScript: graphology and sigma.js", issue 17)
// in a real browser: stakegraph's GraphML parsed by graphology-graphml, the README's
// line that moves the node column `type` aside, then drawn by sigma.js 3 in Debian's
// chromium. Without that line sigma must refuse ("could not find a suitable program"),
// so that the test shows the line is needed; with it, no error and a drawing.
//   node sigma_readme_test.js WEB_MODULES CLIENT_MODULES README GRAPHML OUTDIR
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const B = require("./browser.js");

const [webModules, clientModules, readme, graphmlFile, outDir] = process.argv.slice(2);
const { puppeteer, PNG } = B.modules(webModules);
const check = B.check;

// The README's line that renames `type` (the one calling updateEachNodeAttributes).
function readmeRename() {
  const text = fs.readFileSync(readme, "utf8");
  const at = text.indexOf("### JavaScript: graphology and sigma.js");
  check(at >= 0, "README: no section 'JavaScript: graphology and sigma.js'");
  const block = text.slice(at).split("```js")[1].split("```")[0];
  const line = block.split("\n").find((l) => l.includes("updateEachNodeAttributes"));
  check(line, "README: the sigma.js section has no updateEachNodeAttributes line");
  return line;
}

// graphology, graphology-graphml and sigma bundled for the page by esbuild (from the
// view's and the clients' node_modules: nothing downloaded).
function bundle(file) {
  const entry = path.join(outDir, "entry.js");
  fs.writeFileSync(entry, [
    'import Graph from "graphology";',
    'import { parse } from "graphology-graphml/browser";',
    'import Sigma from "sigma";',
    "window.drawGraphML = (text, rename) => {",
    "  const graph = parse(Graph, text);",
    "  if (rename) new Function(\"graph\", rename)(graph);",
    "  window.sigma = new Sigma(graph, document.getElementById(\"container\"));",
    "  return graph.order;",
    "};",
  ].join("\n"));
  const run = spawnSync(path.join(webModules, ".bin", "esbuild"),
    [entry, "--bundle", "--format=iife", `--outfile=${file}`, "--log-level=warning"],
    { encoding: "utf8", env: { ...process.env, NODE_PATH: [webModules, clientModules].join(":") } });
  check(run.status === 0, `esbuild: ${run.stderr}`);
}

B.main(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const js = path.join(outDir, "sigma-readme.js");
  bundle(js);
  const page = B.writePage(path.join(outDir, "sigma-readme.html"),
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">' +
    '<div id="container" style="width:800px;height:600px"></div>' +
    '<script src="sigma-readme.js"></script></body></html>');
  const graphml = fs.readFileSync(graphmlFile, "utf8");
  const rename = readmeRename();
  const browser = await B.launch(puppeteer);
  try {
    for (const withLine of [false, true]) {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 800, height: 600 });
      const errors = [];
      tab.on("pageerror", (e) => errors.push(String(e.message || e)));
      tab.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      await tab.goto("file://" + path.resolve(page), { waitUntil: "load" });
      const result = await tab.evaluate((text, line) => {
        try {
          return { order: window.drawGraphML(text, line) };
        } catch (e) {
          return { error: String(e.message || e) };
        }
      }, graphml, withLine ? rename : null);
      if (!withLine) {
        check(result.error && /could not find a suitable program for node type/.test(result.error),
          `without the README's line sigma should refuse the type column, got ${JSON.stringify(result)}`);
        console.log(`without the README's line: ${result.error}`);
      } else {
        check(!result.error && result.order > 0, `with the README's line: ${JSON.stringify(result)}`);
        check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
        await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const shot = await B.screenshot(tab, PNG, "#container", path.join(outDir, "sigma-readme.png"));
        console.log(`with the README's line: ${result.order} actors drawn by sigma.js ` +
          `(${shot.colours} colours, ${(100 * shot.share).toFixed(1)}% drawn)`);
      }
      await tab.close();
    }
  } finally {
    await browser.close();
  }
});
