// What the browser tests share: the sample corpus plus an untrusted title indexed into a temporary folder,
// sonda-serve on a free 127.0.0.1 port, and headless Debian Chromium.
// Needs SONDA_INDEX_EXE, SONDA_SERVE_EXE, SONDA_CORPUS_DIR (set by CTest).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, cpSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import http from "node:http";
import { chromium } from "playwright-core";

export const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set (run these tests through CTest)`);
  return process.env[name];
};

// A temporary folder holding the corpus (with a document whose title carries markup) indexed into index/.
export function indexCorpus() {
  const work = mkdtempSync(join(tmpdir(), "sonda-web-"));
  const corpus = join(work, "corpus");
  cpSync(env("SONDA_CORPUS_DIR"), corpus, { recursive: true });
  writeFileSync(join(corpus, "fr", "titre-hostile.md"),
    "---\ntitle: Essai <script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\">\nlang: fr\n---\n" +
    "Un document sondeur xssprobe dont le titre contient du code.\n");
  execFileSync(env("SONDA_INDEX_EXE"), ["-q", "--db", join(work, "index"), corpus]);
  return { work, index: join(work, "index"), remove: () => rmSync(work, { recursive: true, force: true }) };
}

// Starts sonda-serve over `db` on a free port (with `extra` arguments) and resolves once it listens.
export function startServer(db, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(env("SONDA_SERVE_EXE"), ["--db", db, "--port", "0", "--host", "127.0.0.1", ...extra],
      { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    const timer = setTimeout(() => reject(new Error(`sonda-serve did not start: ${log}`)), 15000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const match = log.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1] }); }
    });
    child.on("exit", (code) => reject(new Error(`sonda-serve exited with ${code}: ${log}`)));
  });
}

// Headless Chromium as Debian installs it (playwright-core downloads no browser).
export const launchBrowser = () => chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// A new page that records uncaught errors (page.errors) and console errors (page.consoleErrors).
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.consoleErrors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") page.consoleErrors.push(message.text()); });
  return page;
}

// Serves `pageFor(pathname, sondaUrl)` (HTML) from a server of another origin on a free 127.0.0.1 port.
function startHost(sondaUrl, pageFor) {
  const site = http.createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(pageFor(new URL(request.url, "http://127.0.0.1").pathname, sondaUrl));
  });
  return new Promise((resolve) => site.listen(0, "127.0.0.1", () => resolve(site)));
}

// Everything a browser test file needs: the corpus indexed, sonda-serve over it serving its files (with `serveArgs`), a host
// page server of another origin answering `pageFor`, and the browser; stop() takes it all down.
export async function startStage(pageFor, serveArgs = []) {
  const corpusIndex = indexCorpus();
  const { child, url: serverUrl } = await startServer(corpusIndex.index, ["--files", join(corpusIndex.work, "corpus"), ...serveArgs]);
  const host = await startHost(serverUrl, pageFor);
  const browser = await launchBrowser();
  return {
    work: corpusIndex.work, serverUrl, hostUrl: `http://127.0.0.1:${host.address().port}`, browser,
    stop: async () => {
      await browser.close();
      host.close();
      child.kill("SIGTERM");
      corpusIndex.remove();
    },
  };
}
