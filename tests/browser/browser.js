// What the browser tests share: Debian's chromium driven headless by puppeteer-core
// (nothing downloaded), a page opened from a file with its console errors and network
// requests recorded, clicks on the drawing where sigma draws a node or an edge, and a
// check that a screenshot is not blank.
"use strict";

const fs = require("fs");
const path = require("path");

const CHROMIUM = process.env.SG_CHROMIUM || "/usr/bin/chromium";

function modules(dir) {
  return {
    puppeteer: require(path.join(dir, "puppeteer-core")),
    PNG: require(path.join(dir, "pngjs")).PNG,
  };
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

async function launch(puppeteer) {
  check(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install Debian's chromium (./setup.sh test does)`);
  const args = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--window-size=1280,800",
    "--no-first-run", "--no-default-browser-check"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args, timeout: 60000 });
}

// Opens file in a new page; errors[] gets console errors and uncaught exceptions,
// requests[] every request but the file itself and data:/blob: URLs.
async function open(browser, file, size) {
  const page = await browser.newPage();
  await page.setViewport(size || { width: 1280, height: 800 });
  const url = "file://" + path.resolve(file);
  const errors = [], requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e.message || e)));
  page.on("request", (r) => {
    if (r.url() !== url && !/^(data|blob):/.test(r.url())) requests.push(r.url());
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForFunction(() => window.__sg, { timeout: 120000 });
  const wall = Date.now() - start;
  return { page, errors, requests, wall };
}

async function settle(page) {
  await page.waitForFunction(() => !window.__sg.sigma.getCamera().isAnimated(), { timeout: 10000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Where node i is drawn, in page coordinates.
async function nodePoint(page, i) {
  await settle(page);
  return page.evaluate((i) => {
    const { sigma, graph } = window.__sg;
    const p = sigma.graphToViewport(graph.getNodeAttributes(String(i)));
    const r = sigma.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, i);
}

// The middle of edge j, in page coordinates.
async function edgePoint(page, j) {
  await settle(page);
  return page.evaluate((j) => {
    const { sigma, graph } = window.__sg;
    const [s, t] = graph.extremities(String(j)).map((n) => sigma.graphToViewport(graph.getNodeAttributes(n)));
    const r = sigma.getContainer().getBoundingClientRect();
    return { x: r.left + (s.x + t.x) / 2, y: r.top + (s.y + t.y) / 2 };
  }, j);
}

async function text(page, selector) {
  return page.$eval(selector, (e) => e.textContent);
}

// A screenshot of selector's box saved as file, and how much is drawn there: the number
// of distinct colours and the share of pixels that are not the background's (the
// top-left pixel). Throws when that looks blank.
async function screenshot(page, PNG, selector, file) {
  const box = await (await page.$(selector)).boundingBox();
  const png = await page.screenshot({ path: file, clip: box, captureBeyondViewport: false });
  return drawn(PNG.sync.read(Buffer.from(png)), file);
}

function drawn(image, name) {
  const { width, height, data } = image;
  const colours = new Set();
  let other = 0;
  const bg = data.readUInt32BE(0);
  for (let k = 0; k < width * height * 4; k += 4) {
    const c = data.readUInt32BE(k);
    colours.add(c);
    if (c !== bg) other++;
  }
  const share = other / (width * height);
  check(colours.size >= 8 && share >= 0.005,
    `${name} looks blank: ${colours.size} colours, ${(100 * share).toFixed(2)}% drawn`);
  return { colours: colours.size, share };
}

function clean(run, name) {
  check(run.errors.length === 0, `${name}: console errors: ${run.errors.join(" | ")}`);
  check(run.requests.length === 0, `${name}: network requests: ${run.requests.join(" ")}`);
}

function writePage(file, html) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  return file;
}

async function main(body) {
  try {
    await body();
  } catch (e) {
    console.error(`FAIL: ${e.stack || e}`);
    process.exitCode = 1;
  }
}

module.exports = { modules, check, launch, open, settle, nodePoint, edgePoint, text, screenshot, drawn, clean, writePage, main };
