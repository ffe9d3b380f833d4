// The /instantsearch page (InstantSearch.js + instant-meilisearch, unmodified) in headless Debian Chromium:
// highlighting, refinements and their counts, facet search, year range, sort, pages, untrusted titles; and a
// page of another origin that only changes the host URL, through CORS and with a search key.
// Needs SONDA_INDEX_EXE, SONDA_SERVE_EXE, SONDA_CORPUS_DIR (set by CTest).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStage, newPage } from "./browser-support.mjs";

const KEY = "a-search-key";
let serverUrl, hostUrl, browser;

// Pages of another site: one written as Meilisearch's documentation shows, loading the vendored libraries,
// and Sonda's widget with and without the key.
function hostPage(path, sondaUrl) {
  const body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Another site</title></head><body>
    <div id="searchbox"></div><div id="hits"></div>
    <script src="${sondaUrl}/vendor/instantsearch.production.min.js"></script>
    <script src="${sondaUrl}/vendor/instant-meilisearch.umd.min.js"></script>
    <script>
      const search = instantsearch({
        indexName: "documents",
        searchClient: instantMeiliSearch("${sondaUrl}", "${KEY}").searchClient,
      });
      search.addWidgets([
        instantsearch.widgets.searchBox({ container: "#searchbox" }),
        instantsearch.widgets.hits({ container: "#hits" }),
      ]);
      search.start();
    </script></body></html>`;
  const widget = (key) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Widget</title></head><body>
    <sonda-search endpoint="${sondaUrl}" facets="country" ${key ? `api-key="${key}"` : ""}></sonda-search>
    <script src="${sondaUrl}/widget.js"></script></body></html>`;
  return path === "/widget" ? widget(KEY) : path === "/widget-without-key" ? widget("") : body;
}

let stage;
before(async () => {
  stage = await startStage(hostPage, ["--api-key", KEY]);
  ({ serverUrl, hostUrl, browser } = stage);
});

after(async () => { if (stage) await stage.stop(); });

// Lets InstantSearch render what the last answer brought.
const rendered = (page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));

// Waits until `condition` (async) holds, as InstantSearch may answer from its cache without a request.
async function eventually(condition, what) {
  for (let tries = 0; tries < 100; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`never happened: ${what}`);
}

// Runs `action` and waits until the page has rendered the multi-search it caused.
async function settled(page, action, route = "/multi-search") {
  const answered = page.waitForResponse((response) => response.url().includes(route));
  await action();
  await answered;
  await rendered(page);
}

async function open(query = "") {
  const page = await newPage(browser);
  const first = page.waitForResponse((response) => response.url().includes("/multi-search"));
  await page.goto(`${serverUrl}/instantsearch${query}#key=${KEY}`);
  await first;
  await page.locator(".ais-Hits-item").first().waitFor();
  await rendered(page);
  return page;
}

const total = async (page) => Number((await page.locator("#stats").innerText()).replace(/\D/g, ""));
const typeQuery = (page, text) => settled(page, () => page.locator("#searchbox input").fill(text));
const facetItem = (page, facet, value) =>
  page.locator(`#${facet} .ais-RefinementList-item`).filter({ has: page.locator(".ais-RefinementList-labelText", { hasText: new RegExp(`^${value}$`) }) });
const facetCount = async (page, facet, value) => Number(await facetItem(page, facet, value).locator(".ais-RefinementList-count").innerText());
const hitTitles = (page) => page.locator(".ais-Hits-item h3").allInnerTexts();
const hitMetas = (page) => page.locator(".ais-Hits-item .meta").allInnerTexts();

test("an unaccented query shows hits with the accented words marked, and no console error", async () => {
  const page = await open();
  await typeQuery(page, "chatiments");
  const marks = await page.locator(".ais-Hits-item mark").allInnerTexts();
  assert.ok(marks.some((mark) => /^châtiments$/i.test(mark)), `marks: ${marks}`);
  const snippets = await page.locator(".ais-Hits-item .snippet").allInnerTexts();
  assert.ok(snippets.some((snippet) => snippet.includes("…")), snippets.join("\n"));
  await page.waitForURL(/query%5D=chatiments/);  // the router writes the state into the URL
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test("a country refines the hits and the counts change; clearing brings them back", async () => {
  const page = await open();
  const all = await total(page);
  const peru = await facetCount(page, "country", "Pérou");
  const spanishBefore = await facetCount(page, "lang", "es");
  await settled(page, () => facetItem(page, "country", "Pérou").locator("input").check());
  assert.equal(await total(page), peru);
  assert.ok(peru < all);
  assert.ok((await hitMetas(page)).every((meta) => meta.includes("Pérou")), (await hitMetas(page)).join("\n"));
  assert.ok(await facetCount(page, "lang", "es") < spanishBefore, "other facets count within the refinement");
  assert.match(await page.locator("#current-refinements").innerText(), /Pérou/);
  await page.locator("#clear-refinements button").click();
  await eventually(async () => (await total(page)) === all, "all documents again");
  assert.deepEqual(page.errors, []);
});

test("the country list's search finds Colombie from Col, and Pérou from its Spanish name", async () => {
  const page = await open();
  await settled(page, () => page.locator("#country .ais-SearchBox-input").fill("Col"), "/facet-search");
  assert.deepEqual(await page.locator("#country .ais-RefinementList-labelText").allInnerTexts(), ["Colombie"]);
  await settled(page, () => page.locator("#country .ais-SearchBox-input").fill("peru"), "/facet-search");
  assert.deepEqual(await page.locator("#country .ais-RefinementList-labelText").allInnerTexts(), ["Pérou"]);
  await settled(page, () => page.locator("#country .ais-RefinementList-checkbox").first().check());
  assert.ok((await hitMetas(page)).every((meta) => meta.includes("Pérou")));
  assert.deepEqual(page.errors, []);
});

test("the year range narrows the hits", async () => {
  const page = await open();
  const all = await total(page);
  const min = page.locator("#year .ais-RangeInput-input--min");
  assert.ok(Number(await min.getAttribute("min")) <= 2016, "the bounds come from facetStats");
  await min.fill("2021");
  await settled(page, () => page.locator("#year .ais-RangeInput-submit").click());
  const narrowed = await total(page);
  assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
  for (const meta of await hitMetas(page)) {
    const year = Number(meta.match(/^(\d{4})/)?.[1] ?? "0");
    assert.ok(year >= 2021, meta);
  }
  await page.waitForURL(/range/);
  assert.deepEqual(page.errors, []);
});

test("pages turn, and sorting by date orders the hits", async () => {
  const page = await open();
  const first = await hitTitles(page);
  assert.ok(await page.locator(".ais-Pagination-item--page").count() >= 3, "finite pagination shows every page");
  await settled(page, () => page.locator(".ais-Pagination-item--page a", { hasText: /^2$/ }).click());
  const second = await hitTitles(page);
  assert.equal(second.length, 8);
  assert.ok(second.every((title) => !first.includes(title)), "page 2 holds other documents");
  await settled(page, () => page.locator("#sort select").selectOption({ label: "Plus récents" }));
  const dates = (await hitMetas(page)).map((meta) => meta.match(/^\d{4}(-\d\d)?(-\d\d)?/)?.[0]).filter(Boolean);
  assert.ok(dates.length >= 5, dates.join(","));
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.deepEqual(page.errors, []);
});

test("a title holding markup shows as text and runs nothing", async () => {
  const page = await open();
  await typeQuery(page, "xssprobe");
  const titles = await hitTitles(page);
  assert.equal(titles.length, 1);
  assert.match(titles[0], /<script>window.__pwned = 1<\/script>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".ais-Hits-item img").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("another site's page works with only the host URL changed: CORS, preflight and the key", async () => {
  const page = await newPage(browser);
  const preflights = [];
  page.on("request", (request) => { if (request.method() === "OPTIONS") preflights.push(request.url()); });
  const first = page.waitForResponse((response) => response.url().startsWith(`${serverUrl}/multi-search`));
  await page.goto(hostUrl);
  assert.equal((await first).status(), 200);
  await page.locator(".ais-Hits-item").first().waitFor();
  await settled(page, () => page.locator(".ais-SearchBox-input").fill("castigo"));
  const hits = await page.locator(".ais-Hits-item").allInnerTexts();
  assert.ok(hits.length > 0 && hits.some((hit) => /castig/i.test(hit)), hits.join("\n"));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, []);
  const refused = await page.evaluate(async (url) => {
    const response = await fetch(`${url}/multi-search`, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ queries: [{ indexUid: "documents", q: "x" }] }) });
    return { status: response.status, body: await response.json() };
  }, serverUrl);
  assert.equal(refused.status, 401);
  assert.equal(refused.body.code, "missing_authorization_header");
});

test("Sonda's own widget sends the key of its api-key attribute", async () => {
  const page = await newPage(browser);
  await page.goto(`${hostUrl}/widget`);
  await page.locator("sonda-search li.hit").first().waitFor();
  assert.match(await page.locator("sonda-search .status").innerText(), /\d/);
  const refused = await newPage(browser);
  const answer = refused.waitForResponse((response) => response.url().includes("/search?"));
  await refused.goto(`${hostUrl}/widget-without-key`);
  assert.equal((await answer).status(), 401);
  assert.equal(await refused.locator("sonda-search li.hit").count(), 0);
  assert.deepEqual(page.errors, []);
});
