// The widget and demo page in headless Debian Chromium (playwright-core): search, facets, pages, URL state,
// "did you mean", cross-origin embedding, untrusted titles, Spanish interface, phone layout, screenshot.
// Needs SONDA_INDEX_EXE, SONDA_SERVE_EXE, SONDA_CORPUS_DIR (set by CTest); SONDA_ARTIFACTS_DIR for the screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startStage, newPage } from "./browser-support.mjs";

let work, serverUrl, hostUrl, browser;

// Pages of another origin that embed the widget from the Sonda server.
function hostPage(path, sondaUrl) {
  const page = (lang, endpoint) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title></head><body>
    <h1>Another site</h1><sonda-search endpoint="${endpoint}" facets="country,topic,lang" lang="${lang}"></sonda-search>
    <script src="${sondaUrl}/widget.js"></script></body></html>`;
  return path === "/es" ? page("es", sondaUrl)
    : path === "/auto" ? page("", sondaUrl)  // no lang attribute: the browser's language decides
    : path === "/dead" ? page("fr", "http://127.0.0.1:9")  // nothing listens on the discard port
    : page("fr", sondaUrl);
}

let stage;
before(async () => {
  stage = await startStage(hostPage);
  ({ work, serverUrl, hostUrl, browser } = stage);
});

after(async () => { if (stage) await stage.stop(); });

async function open(path = "/", options = {}) {
  const page = await newPage(browser, options);
  await page.goto(path.startsWith("http") ? path : `${serverUrl}${path}`);
  await page.locator("sonda-search .status").filter({ hasText: /\d/ }).waitFor();
  return page;
}

const status = (page) => page.locator("sonda-search .status").innerText();
const hitIds = (page) => page.locator("sonda-search li.hit").evaluateAll((items) => items.map((item) => item.dataset.id));

// Runs `action` and waits until the widget has rendered the search it sent.
async function settled(page, action) {
  const answered = page.waitForResponse((response) => response.url().includes("/search?"));
  await action();
  await answered;
  await page.waitForFunction(() => !document.querySelector("sonda-search").shadowRoot.querySelector("[aria-busy]"));
}

const typeQuery = (page, text) => settled(page, () => page.locator("sonda-search input[type=search]").fill(text));

const checkFacet = (page, field, value) =>
  settled(page, () => page.locator(`sonda-search fieldset[data-facet=${field}] label`).filter({ hasText: value }).locator("input").check());

const facetCount = async (page, field, value) =>
  Number(await page.locator(`sonda-search fieldset[data-facet=${field}] label`).filter({ hasText: value }).locator(".count").innerText());

const count = async (page) => Number((await status(page)).match(/[\d\s\u202f]+/)[0].replace(/\D/g, ""));

test("typing an unaccented query shows hits with the accented words marked", async () => {
  const page = await open();
  await typeQuery(page, "chatiments corporels");
  assert.match(await status(page), /documents? pour « chatiments corporels »/);
  const marks = await page.locator("sonda-search li.hit mark").allInnerTexts();
  assert.ok(marks.some((mark) => /châtiments corporels/i.test(mark)), `marks: ${marks}`);
  assert.match(page.url(), /s_q=chatiments\+corporels/);
  assert.deepEqual(page.errors, []);
});

test("a facet value filters the hits and updates the counts; values of one facet combine", async () => {
  const page = await open();
  const all = await count(page);
  const peru = await facetCount(page, "country", "Pérou");
  const bolivia = await facetCount(page, "country", "Bolivie");
  await checkFacet(page, "country", "Pérou");
  assert.equal(await count(page), peru);
  assert.ok(peru < all);
  const metas = await page.locator("sonda-search li.hit .meta").allInnerTexts();
  assert.ok(metas.every((meta) => meta.includes("Pérou")), metas.join("\n"));
  assert.equal(await facetCount(page, "country", "Bolivie"), bolivia, "a facet's own counts ignore its filter");
  const topicsBefore = await page.locator("sonda-search fieldset[data-facet=topic] .count").allInnerTexts();
  await checkFacet(page, "country", "Bolivie");
  const both = await count(page);
  assert.ok(both > peru && both <= peru + bolivia, `${both} vs ${peru} + ${bolivia}`);
  assert.equal(await page.locator("sonda-search fieldset[data-facet=country] input:checked").count(), 2);
  const topicsAfter = await page.locator("sonda-search fieldset[data-facet=topic] .count").allInnerTexts();
  assert.notDeepEqual(topicsAfter, topicsBefore, "other facets count the filtered hits");
  assert.match(page.url(), /s_filter=country%3AP%C3%A9rou&s_filter=country%3ABolivie/);
});

test("pages, reload and the back button keep the query, filters and page", async () => {
  const page = await open();
  await typeQuery(page, "enfants OR niños");
  await checkFacet(page, "lang", "es");
  const firstPage = await hitIds(page);
  await page.locator("sonda-search nav.pages button.next").click();
  await page.locator("sonda-search nav.pages button[aria-current=page]", { hasText: "2" }).waitFor();
  const secondPage = await hitIds(page);
  assert.equal(secondPage.filter((id) => firstPage.includes(id)).length, 0, "page 2 shows other documents");
  await page.reload();
  await page.locator("sonda-search nav.pages button[aria-current=page]", { hasText: "2" }).waitFor();
  assert.equal(await page.locator("sonda-search input[type=search]").inputValue(), "enfants OR niños");
  assert.ok(await page.locator("sonda-search fieldset[data-facet=lang] input[value=es]").isChecked());
  assert.deepEqual(await hitIds(page), secondPage);
  await page.goBack();
  await page.locator("sonda-search nav.pages button[aria-current=page]", { hasText: "1" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("sonda-search").shadowRoot.querySelector("[aria-busy]"));
  assert.deepEqual(await hitIds(page), firstPage);
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector("sonda-search").shadowRoot.querySelector("input[value=es]:checked"));
});

test("a word with a typo finds the documents at once and says what it was read as", async () => {
  const page = await open();
  await typeQuery(page, "chatimens corporel");
  await page.locator("sonda-search li.hit").first().waitFor();
  assert.equal(await page.locator("sonda-search .corrected").innerText(), "Résultats pour « châtiments corporel »");
  assert.match(await page.locator("sonda-search li.hit .snippet").first().innerHTML(), /<mark>châtiments/);
  assert.equal(await page.locator("sonda-search a.did-you-mean").count(), 0);
});

test("typing marks the completions of the unfinished word", async () => {
  const page = await open();
  await typeQuery(page, "chatiments corpo");
  await page.locator("sonda-search li.hit").first().waitFor();
  assert.match(await page.locator("sonda-search li.hit .snippet").first().innerHTML(), /corporels<\/mark>/);
  assert.equal(await page.locator("sonda-search .corrected").isVisible(), false);
});

test("'Chercher aussi en espagnol' finds Spanish documents for a French query and says how it was translated", async () => {
  const page = await open();
  await settled(page, () => page.locator("sonda-search select[aria-label='Langue des documents']").selectOption("es"));
  await typeQuery(page, "familles");
  assert.equal(await page.locator("sonda-search li.hit").count(), 0, "no Spanish document says familles");
  await settled(page, () => page.locator("sonda-search label.cross input").check());
  await page.locator("sonda-search li.hit").first().waitFor();
  assert.match(await page.locator("sonda-search .translated").innerText(), /familles → .*familia/);
  assert.match(await page.locator("sonda-search li.hit .meta").first().innerText(), /ES/);
  assert.match(page.url(), /s_x=1/);
  await page.reload();
  await page.locator("sonda-search li.hit").first().waitFor();
  assert.equal(await page.locator("sonda-search label.cross input").isChecked(), true, "the toggle is kept in the URL");
});

test("'did you mean' offers the correction and searches it when clicked", async () => {
  const page = await open();
  await typeQuery(page, "piax");
  const link = page.locator("sonda-search a.did-you-mean");
  assert.equal(await link.innerText(), "paix");
  await link.click();
  await page.waitForFunction(() => document.querySelector("sonda-search").shadowRoot.querySelector("input[type=search]").value === "paix");
  await page.locator("sonda-search li.hit mark").first().waitFor();
  assert.match(page.url(), /s_q=paix/);
});

test("each hit offers its similar documents, and the way back to the results", async () => {
  const page = await open();
  await typeQuery(page, "loi péruvienne châtiments corporels");
  const first = (await hitIds(page))[0];
  const similar = page.waitForResponse((response) => response.url().includes("/similar?"));
  await page.locator("sonda-search li.hit").first().locator("button.similar").click();
  assert.equal((await similar).status(), 200);
  await page.locator("sonda-search .status").filter({ hasText: /similaires à/ }).waitFor();
  const others = await hitIds(page);
  assert.ok(others.length > 0 && !others.includes(first), others.join(","));
  await settled(page, () => page.locator("sonda-search .similar-note button").click());
  assert.equal((await hitIds(page))[0], first);
  assert.deepEqual(page.errors, []);
});

test("the export menu takes the current query and filters away as CSV, RIS and an Atom feed", async () => {
  const page = await open();
  await typeQuery(page, "castigo");
  await checkFacet(page, "country", "Pérou");
  await page.locator("sonda-search details.export summary").click();
  const hrefs = Object.fromEntries(await page.locator("sonda-search .export-links a").evaluateAll(
    (links) => links.map((link) => [link.dataset.format, link.href])));
  assert.deepEqual(Object.keys(hrefs).sort(), ["atom", "csv", "ris"]);
  for (const href of Object.values(hrefs)) {
    assert.match(href, /q=castigo/);
    assert.match(href, /filter=country%3AP%C3%A9rou/);
  }
  const csv = await page.request.get(hrefs.csv);
  assert.equal(csv.status(), 200);
  const text = await csv.text();
  assert.ok(text.startsWith("\uFEFFid,title,"), text.slice(0, 40));
  assert.equal(text.trim().split("\r\n").length - 1, Number(csv.headers()["sonda-total-hits"]));
  const feed = await page.request.get(hrefs.atom);
  assert.match(feed.headers()["content-type"], /application\/atom\+xml/);
  assert.match(await feed.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.match(await (await page.request.get(hrefs.ris)).text(), /^TY {2}- /);
  assert.deepEqual(page.errors, []);
});

test("a PDF hit says on which page its snippet stands and opens the served file there", async () => {
  const page = await open();
  await typeQuery(page, "plaidoyer Loreto");
  const meta = await page.locator('sonda-search li.hit[data-id="fr/rapport-annuel-2022.pdf"] .meta').innerText();
  assert.match(meta, /PDF · p\. \d+$/);
  const pageNumber = meta.match(/p\. (\d+)$/)[1];
  const href = await page.locator('sonda-search li.hit[data-id="fr/rapport-annuel-2022.pdf"] h3 a').getAttribute("href");
  assert.equal(new URL(href, serverUrl).href, `${serverUrl}/documents/fr%2Frapport-annuel-2022.pdf/file#page=${pageNumber}`,
    "the served PDF, at that page");
  const file = await page.request.get(new URL(href, serverUrl).href);
  assert.equal(file.headers()["content-type"], "application/pdf");
  const others = await page.locator('sonda-search li.hit:not([data-id$=".pdf"]) .meta').allInnerTexts();
  assert.ok(others.every((text) => !/ p\. \d/.test(text)), others.join("\n"));
  assert.deepEqual(page.errors, []);
});

test("a hit in a long page names its section and links to the section's anchor on the canonical URL", async () => {
  const page = await open();
  await typeQuery(page, "salaires municipalités");
  const hit = page.locator('sonda-search li.hit[data-id="fr/bolivie-creches-communautaires.html"]');
  assert.match(await hit.locator(".meta").innerText(), /· § Avec les municipalités$/);
  assert.equal(await hit.locator("h3 a").getAttribute("href"), "https://fondation.example.org/pays/bolivie-creches#municipalites");
  assert.deepEqual(page.errors, []);
});

test("empty and error states", async () => {
  const page = await open();
  await typeQuery(page, "zzyzxqw");
  assert.match(await status(page), /Aucun document ne correspond à « zzyzxqw »/);
  assert.equal(await page.locator("sonda-search li.hit").count(), 0);
  const dead = await (await browser.newContext()).newPage();
  await dead.goto(`${hostUrl}/dead`);
  await dead.locator("sonda-search .status.error").waitFor();
  assert.match(await dead.locator("sonda-search .status").innerText(), /n'a pas abouti/);
});

test("another origin embeds the widget and searches; the Spanish interface comes from the lang attribute", async () => {
  const page = await open(`${hostUrl}/es`);
  assert.equal(await page.locator("sonda-search input[type=search]").getAttribute("placeholder"), "Buscar… (p. ej. castigo físico)");
  await typeQuery(page, "castigo fisico");
  assert.match(await status(page), /documentos? para «castigo fisico»/);
  assert.ok(await page.locator("sonda-search fieldset[data-facet=country] label", { hasText: "Perú" }).count() > 0);
  assert.ok((await page.locator("sonda-search li.hit mark").allInnerTexts()).some((mark) => /castigo físico/i.test(mark)));
  assert.deepEqual(page.errors, []);
});

test("an answer from only some shards says the results are incomplete", async () => {
  const page = await open();
  assert.equal(await page.locator("sonda-search .incomplete").isVisible(), false);
  await page.route(/\/search\?q=Loreto&/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: { ...body, partial: true, unavailableShards: ["search-2:33333"] } });
  });
  await typeQuery(page, "Loreto");
  assert.equal(await page.locator("sonda-search .incomplete").isVisible(), true, "the notice shows");
  assert.match(await page.locator("sonda-search .incomplete").innerText(), /résultats sont incomplets/);
  assert.ok(await page.locator("sonda-search li.hit").count() > 0, "the hits that came are shown");
  await page.unroute(/\/search\?q=Loreto&/);
  await typeQuery(page, "castigo");
  assert.equal(await page.locator("sonda-search .incomplete").isVisible(), false);
});

test("a slow answer to an earlier query never replaces the answer to the latest", async () => {
  const page = await open();
  await page.route(/\/search\?q=castigo&/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});  // the widget may have aborted it meanwhile
  });
  await page.locator("sonda-search input[type=search]").fill("castigo");
  await page.waitForRequest((request) => request.url().includes("/search?q=castigo&"));
  await typeQuery(page, "Loreto");
  await new Promise((resolve) => setTimeout(resolve, 2000));
  assert.match(await status(page), /pour « Loreto »/);
  const marks = await page.locator("sonda-search li.hit mark").allInnerTexts();
  assert.ok(marks.length > 0 && marks.every((mark) => /loreto/i.test(mark)), marks.join(", "));
});

test("keyboard only, with named controls for screen readers; the browser's language picks the interface", async () => {
  const page = await open(`${hostUrl}/auto`, { locale: "es-ES" });
  assert.equal(await page.getByRole("searchbox", { name: "Buscar en los documentos" }).count(), 1);
  assert.equal(await page.getByRole("search").count(), 1);
  await page.keyboard.press("Tab");
  await page.keyboard.type("visitas domiciliarias");
  await settled(page, () => page.keyboard.press("Enter"));
  assert.match(await status(page), /para «visitas domiciliarias»/);
  const focusedCheckbox = () => page.evaluate(() => {
    const active = document.querySelector("sonda-search").shadowRoot.activeElement;
    return active && active.type === "checkbox" && active.closest("fieldset[data-facet]") ? active.value : null;
  });
  let value = null;
  for (let step = 0; step < 14 && !value; step++) {
    await page.keyboard.press("Tab");
    value = await focusedCheckbox();
  }
  assert.ok(value, "a facet check box is reachable with Tab");
  await settled(page, () => page.keyboard.press("Space"));
  assert.ok(await page.locator(`sonda-search fieldset[data-facet=country] input[value="${value}"]`).isChecked());
  assert.equal(await page.getByRole("navigation", { name: "Páginas" }).count(), 1);
});

test("a document title with <script> and <img onerror> is shown as text and runs nothing", async () => {
  const page = await open();
  await typeQuery(page, "xssprobe");
  const title = await page.locator("sonda-search li.hit h3").innerText();
  assert.match(title, /<script>window.__pwned = 1<\/script>/);
  assert.match(title, /<img src=x onerror=/);
  assert.equal(await page.locator("sonda-search li.hit img, sonda-search li.hit script").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test("on a phone the filters stack above the results; the demo page screenshot is saved", async () => {
  const page = await open("/", { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const facets = await page.locator("sonda-search details.facets").boundingBox();
  const results = await page.locator("sonda-search section.results").boundingBox();
  assert.ok(facets.y + facets.height <= results.y + 1, "one column");
  assert.ok(results.width <= 390);
  const desktop = await open("/", { viewport: { width: 1280, height: 900 } });
  await typeQuery(desktop, "chatiments corporels");
  const folder = process.env.SONDA_ARTIFACTS_DIR || join(work, "artifacts");
  mkdirSync(folder, { recursive: true });
  await desktop.screenshot({ path: join(folder, "demo-page.png") });
  const headers = (await desktop.request.get(`${serverUrl}/`)).headers();
  assert.match(headers["content-security-policy"], /script-src 'self'/);
});
