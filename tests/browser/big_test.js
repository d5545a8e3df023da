// The view on a generated network of 10,000 actors and 100,000 links (fixture.js), in
// chromium: how long it takes to open, how fast it pans, and that it still searches
// and filters. Issue 18's target is <= 3 s to open; the test fails only past 20 s (a
// loaded machine must not make it flaky) and prints the figures.
//   node big_test.js NODE_MODULES BUNDLE OUTDIR [ACTORS LINKS]
"use strict";

const fs = require("fs");
const path = require("path");
const B = require("./browser.js");
const { envelope } = require("./envelope.js");
const { big } = require("./fixture.js");

const [modulesDir, bundleFile, outDir, nArg, mArg] = process.argv.slice(2);
const { puppeteer, PNG } = B.modules(modulesDir);
const check = B.check;
const N = Number(nArg || 10000), M = Number(mArg || 100000);

// Drags the drawing around and counts the frames sigma draws meanwhile; also the
// median time between two frames within a drag (links hidden while moving).
async function pan(page) {
  const box = await (await page.$("#sg-graph")).boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.evaluate(() => {
    window.__frames = [];
    window.__sg.sigma.on("afterRender", () => window.__frames.push([performance.now(), window.__drag]));
  });
  const start = Date.now();
  let drag = 0;
  for (const [dx, dy] of [[200, 0], [0, 150], [-200, 0], [0, -150], [120, 120]]) {
    await page.mouse.move(cx, cy);
    await page.evaluate((d) => { window.__drag = d; }, ++drag);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(cx + (dx * k) / 10, cy + (dy * k) / 10);
    await page.evaluate(() => { window.__drag = 0; });
    await page.mouse.up();
  }
  await B.settle(page);
  const seconds = (Date.now() - start) / 1000;
  const frames = await page.evaluate(() => window.__frames);
  const gaps = [];
  for (let k = 1; k < frames.length; k++) {
    if (frames[k][1] && frames[k][1] === frames[k - 1][1]) gaps.push(frames[k][0] - frames[k - 1][0]);
  }
  gaps.sort((a, b) => a - b);
  const gap = gaps.length ? gaps[gaps.length >> 1] : NaN;
  return { frames: frames.length, seconds, fps: frames.length / seconds, gap };
}

// From the mouse onto an actor to its partners highlighted and drawn.
async function hover(page, data) {
  const i = data.nodes.reduce((best, n, k) => (n.size > data.nodes[best].size ? k : best), 0);
  const p = await B.nodePoint(page, i);
  const t0 = Date.now();
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction((i) => window.__sg.state.focus === i, { timeout: 20000 }, i);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const ms = Date.now() - t0;
  await page.mouse.move(box0.x, box0.y);
  return ms;
}
const box0 = { x: 5, y: 5 };

// The time a camera move takes to draw, from the move to the next frame, averaged.
async function frameTime(page) {
  return page.evaluate(async () => {
    const camera = window.__sg.sigma.getCamera();
    const state = camera.getState();
    const times = [];
    for (let k = 1; k <= 20; k++) {
      const t0 = performance.now();
      camera.setState({ ...state, x: state.x + 0.01 * k, y: state.y - 0.005 * k });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - t0);
    }
    camera.setState(state);
    times.sort((a, b) => a - b);
    return times[times.length >> 1];
  });
}

B.main(async () => {
  const bundle = fs.readFileSync(bundleFile, "utf8");
  const data = big(N, M);
  const file = B.writePage(path.join(outDir, "big.html"), envelope(data, bundle));
  const mb = fs.statSync(file).size / 1e6;
  const browser = await B.launch(puppeteer);
  try {
    const run = await B.open(browser, file);
    const page = run.page;
    const ready = await page.evaluate(() => window.__sg.ready);
    console.log(`${N} actors, ${M} links (${mb.toFixed(1)} MB): drawn ${Math.round(ready)} ms after navigation ` +
      `(page opened and drawn in ${run.wall} ms by the clock)`);
    check(ready < 20000, `the big network took ${Math.round(ready)} ms to draw`);
    check((await B.text(page, "#sg-count")) === `${N.toLocaleString("en")} actors and ${M.toLocaleString("en")} links shown`,
      `counts '${await B.text(page, "#sg-count")}'`);
    const shot = await B.screenshot(page, PNG, "#sg-graph", path.join(outDir, "big.png"));
    console.log(`screenshot: ${shot.colours} colours, ${(100 * shot.share).toFixed(1)}% drawn`);
    const p = await pan(page);
    console.log(`panning: ${p.frames} frames in ${p.seconds.toFixed(2)} s of mouse drags (${p.fps.toFixed(1)} frames/s), ` +
      `${p.gap.toFixed(0)} ms between two frames of a drag (median)`);
    check(p.frames >= 5, "panning drew fewer than 5 frames");
    const ms = await frameTime(page);
    console.log(`a camera move drawn in ${ms.toFixed(1)} ms (median of 20; ~${(1000 / ms).toFixed(0)} frames/s)`);
    console.log(`hovering an actor: partners highlighted in ${await hover(page, data)} ms`);
    await page.type("#sg-search", "acteur 4242");
    const found = await page.$$eval("#sg-results button", (bs) => bs.map((b) => b.textContent));
    check(found.length === 1 && found[0].startsWith("Acteur 4242 "), `search in the big network: ${found}`);
    const t0 = Date.now();
    await page.focus("#sg-period");
    await page.keyboard.press("ArrowRight");
    const counts = await B.text(page, "#sg-count");
    console.log(`one period shown in ${Date.now() - t0} ms: ${counts}`);
    const inPeriod = data.periods[0].nodes.length.toLocaleString("en");
    check(counts.startsWith(`${inPeriod} actors`), `period counts '${counts}', not ${inPeriod} actors`);
    B.clean(run, "big network");
  } finally {
    await browser.close();
  }
});
