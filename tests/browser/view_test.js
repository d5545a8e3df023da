// The view on a small hand-written network (fixture.js), in chromium: search, actor and
// link panels, hover, filters, periods, the English interface, a screenshot that is not
// blank, and untrusted text (a label, a sentence, a URL, a title) that stays text.
//   node view_test.js NODE_MODULES BUNDLE OUTDIR
"use strict";

const fs = require("fs");
const path = require("path");
const B = require("./browser.js");
const { envelope } = require("./envelope.js");
const { small, PWN_LABEL, PWN_SENTENCE } = require("./fixture.js");

const [modulesDir, bundleFile, outDir] = process.argv.slice(2);
const { puppeteer, PNG } = B.modules(modulesDir);
const check = B.check;

async function search(page, query, expected) {
  await page.click("#sg-search", { clickCount: 3 });
  await page.keyboard.press("Backspace");
  await page.type("#sg-search", query);
  const found = await page.$$eval("#sg-results button", (bs) => bs.map((b) => b.textContent));
  check(found.some((f) => f.startsWith(expected)), `search '${query}': '${expected}' not among ${JSON.stringify(found)}`);
  return found;
}

async function clickResult(page, label) {
  const buttons = await page.$$("#sg-results button");
  for (const b of buttons) {
    if ((await b.evaluate((e) => e.firstChild.nextSibling.textContent)) === label) return b.click();
  }
  throw new Error(`no result '${label}'`);
}

async function panelTitle(page) {
  return (await B.text(page, "#sg-panel .sg-panel-title")).trim();
}

async function counts(page) {
  return B.text(page, "#sg-count");
}

async function testSearchAndActor(page) {
  await search(page, "hopital", "Hôpital de la Timone");
  await search(page, "ars paca", "Agence régionale de santé");
  await search(page, "l'agence", "Agence régionale de santé");
  await search(page, "OEUVRE", "Œuvre des Pupilles");
  await search(page, "assistance publique-", "AP-HM");
  const ars = await search(page, "ars", "Agence régionale de santé");
  check(ars[0].startsWith("Agence") && ars[1].startsWith("Marseille"), `'ars' should list the ARS (alias ARS PACA) before Marseille: ${ars}`);
  const none = await search(page, "timone", "Hôpital de la Timone");
  check(!none.some((f) => f.startsWith("Benoît")), "search 'timone' lists Benoît Payan");
  await clickResult(page, "Hôpital de la Timone");
  check(await page.$eval("#sg-panel", (e) => !e.hidden), "the panel is not shown after choosing a result");
  check((await panelTitle(page)) === "Hôpital de la Timone", `panel title '${await panelTitle(page)}'`);
  const panel = await B.text(page, "#sg-panel");
  for (const want of ["organisation", "Marseille", "pagerank", "0,21", "AP-HM", "poids 5", "article-1.txt", "2024-01-15", "La Provence", "3 mentions", "1 mention"]) {
    check(panel.includes(want), `actor panel lacks '${want}': ${panel}`);
  }
  const partners = await page.$$eval("#sg-panel .sg-list button", (bs) => bs.map((b) => b.textContent));
  check(partners[0].startsWith("AP-HM"), `partners not by weight: ${partners}`);
  const links = await page.$$eval("#sg-panel a", (as) => as.map((a) => a.getAttribute("href")));
  check(JSON.stringify(links) === JSON.stringify(["https://www.example.org/a1"]), `document links ${links}`);
  check(panel.includes("<b onmouseover=window.__pwned=1>titre</b>"), "a document title is not shown as text");
  check((await page.$$("#sg-panel b")).length === 0, "a document title made an element");
  // a partner opens its own panel
  await (await page.$("#sg-panel .sg-list button")).click();
  check((await panelTitle(page)) === "AP-HM", "clicking a partner did not open its panel");
}

async function testCanvas(page) {
  await page.click("#sg-close");
  await page.click("#sg-reset");
  const p = await B.nodePoint(page, 3);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => window.__sg.state.hover === 3, { timeout: 5000 });
  const dim = await page.evaluate(() => [window.__sg.sigma.getNodeDisplayData("0").color, window.__sg.sigma.getNodeDisplayData("1").color]);
  check(dim[0] === "#e4e4e4" && dim[1] !== "#e4e4e4", `hover: Timone should be dimmed, AP-HM not: ${dim}`);
  await page.mouse.click(p.x, p.y);
  check((await panelTitle(page)) === "Benoît Payan", `clicking the drawn node gave '${await panelTitle(page)}'`);
  check(!(await B.text(page, "#sg-panel")).includes("null"), "'null' in the panel of an actor without aliases");
  await page.mouse.move(5, 5);
}

async function clickEdge(page, j) {
  if (await page.$eval("#sg-panel", (e) => !e.hidden)) await page.click("#sg-close");
  await page.click("#sg-reset");
  const p = await B.edgePoint(page, j);
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction((j) => window.__sg.state.selectedEdge === j, { timeout: 5000 }, j);
}

async function testEdges(page) {
  await clickEdge(page, 0);
  const title = await panelTitle(page);
  check(title.includes("Hôpital de la Timone") && title.includes("AP-HM"), `edge panel title '${title}'`);
  const units = await page.$$eval("#sg-units li", (lis) => lis.map((li) => ({
    text: li.querySelector(".sg-unit-text").textContent,
    marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    meta: li.querySelector(".sg-meta").textContent,
  })));
  check(units.length === 2, `edge 0: ${units.length} units shown, not 2`);
  check(units[0].text === "L'Hôpital de la Timone dépend de l'AP-HM.", `unit text '${units[0].text}'`);
  check(JSON.stringify(units[0].marks) === '["Hôpital de la Timone","AP-HM"]', `marks ${units[0].marks}`);
  check(units[1].meta.includes("article-2.txt") && units[1].meta.includes("Var-Matin") && units[1].meta.includes("ligne 7"), `unit meta '${units[1].meta}'`);
  check((await B.text(page, "#sg-units-more")).includes("3 autres"), "the count of the other units is missing");
  check((await B.text(page, "#sg-panel h3:nth-of-type(1)")) === "Phrases qui nomment les deux acteurs (5)", "the units' heading (their kind and total)");
  // the untrusted label and sentence
  await clickEdge(page, 4);
  const unit = await B.text(page, "#sg-units li .sg-unit-text");
  check(unit === `Le label ${PWN_LABEL} cite la Timone${PWN_SENTENCE}`, `injection unit shown as '${unit}'`);
  check(!(await B.text(page, "#sg-panel")).includes("null"), "'null' in the panel of a link without more units");
  const marks = await page.$$eval("#sg-units mark", (ms) => ms.map((m) => m.textContent));
  check(marks[0] === PWN_LABEL, `marked label '${marks[0]}'`);
  check((await page.$$("#sg-panel img, #sg-panel script")).length === 0, "untrusted text made elements");
  check(await page.evaluate(() => document.scripts.length === 2), "more scripts than the two of the file");
}

async function pressOn(page, selector, key) {
  await page.focus(selector);
  await page.keyboard.press(key);
}

async function testFilters(page) {
  await page.focus("#sg-reset");
  await page.keyboard.press("Escape");
  check(await page.$eval("#sg-panel", (e) => e.hidden), "Escape did not close the panel");
  check((await counts(page)) === "8 acteurs et 8 liens affichés", `counts '${await counts(page)}'`);
  await page.click('#sg-types input[data-key="organisation"]');
  check((await counts(page)) === "3 acteurs et 1 lien affichés", `type filter: '${await counts(page)}'`);
  await page.click('#sg-types input[data-key="organisation"]');
  await page.click('#sg-communities input[data-key="2"]');
  check((await counts(page)) === "5 acteurs et 4 liens affichés", `community filter: '${await counts(page)}'`);
  await page.click('#sg-communities input[data-key="2"]');
  await pressOn(page, "#sg-weight", "End");
  check((await counts(page)) === "8 acteurs et 1 lien affichés", `weight 5: '${await counts(page)}'`);
  await pressOn(page, "#sg-weight", "ArrowLeft");
  check((await counts(page)) === "8 acteurs et 2 liens affichés", `weight 4: '${await counts(page)}'`);
  await pressOn(page, "#sg-weight", "Home");
  await page.click("#sg-backbone");
  check((await counts(page)) === "8 acteurs et 4 liens affichés", `backbone: '${await counts(page)}'`);
  await page.click("#sg-backbone");
  check((await counts(page)) === "8 acteurs et 8 liens affichés", `filters undone: '${await counts(page)}'`);
}

async function testPeriods(page) {
  await pressOn(page, "#sg-period", "ArrowRight");
  check((await B.text(page, "#sg-period-label")) === "2024-01", "period label");
  check((await counts(page)) === "5 acteurs et 4 liens affichés", `period 2024-01: '${await counts(page)}'`);
  const hidden = await page.evaluate(() => window.__sg.sigma.getNodeDisplayData("5").hidden);
  check(hidden === true, "an actor absent from the period is drawn");
  await pressOn(page, "#sg-period", "ArrowRight");
  check((await counts(page)) === "5 acteurs et 3 liens affichés", `period 2024-02: '${await counts(page)}'`);
  await pressOn(page, "#sg-period", "Home");
  check((await counts(page)) === "8 acteurs et 8 liens affichés", `all periods: '${await counts(page)}'`);
  await page.click("#sg-play");
  check((await B.text(page, "#sg-period-label")) === "2024-01", "play did not start at the first period");
  await page.waitForFunction(() => document.getElementById("sg-period-label").textContent === "2024-02", { timeout: 5000 });
  await page.waitForFunction(() => document.getElementById("sg-play").textContent === "Lecture", { timeout: 5000 });
  await pressOn(page, "#sg-period", "Home");
}

async function testEnglish(browser, file) {
  const run = await B.open(browser, file);
  const page = run.page;
  check((await page.$eval("#sg-search", (e) => e.placeholder)) === "Search an actor", "English placeholder");
  check((await counts(page)) === "8 actors and 8 links shown", `English counts '${await counts(page)}'`);
  check(await page.evaluate(() => document.documentElement.lang === "en"), "lang attribute");
  B.clean(run, "English page");
  await page.close();
}

B.main(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  // the check of screenshots fails on a blank image
  const blank = new PNG({ width: 20, height: 20 });
  blank.data.fill(255);
  let failed = false;
  try { B.drawn(blank, "blank"); } catch { failed = true; }
  check(failed, "a blank image passes the screenshot check");

  const bundle = fs.readFileSync(bundleFile, "utf8");
  const fr = B.writePage(path.join(outDir, "fixture.html"), envelope(small("fr"), bundle));
  const en = B.writePage(path.join(outDir, "fixture-en.html"), envelope(small("en"), bundle));
  const browser = await B.launch(puppeteer);
  try {
    const run = await B.open(browser, fr);
    const page = run.page;
    check((await B.text(page, "#sg-title")) === small().title, "the title is not shown as text");
    const shot = await B.screenshot(page, PNG, "#sg-graph", path.join(outDir, "fixture.png"));
    console.log(`fixture screenshot: ${shot.colours} colours, ${(100 * shot.share).toFixed(1)}% drawn`);
    await testSearchAndActor(page);
    await testCanvas(page);
    await testEdges(page);
    await testFilters(page);
    await testPeriods(page);
    await B.screenshot(page, PNG, "body", path.join(outDir, "fixture-page.png"));
    check(await page.evaluate(() => window.__pwned === undefined), "window.__pwned was set");
    B.clean(run, "fixture page");
    await testEnglish(browser, en);
    console.log("view tests passed");
  } finally {
    await browser.close();
  }
});
