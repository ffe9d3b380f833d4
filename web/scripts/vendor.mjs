// Copies the browser libraries of the /instantsearch page from node_modules (pinned in package.json and
// package-lock.json) into vendor/, which sonda-serve embeds at build time. `npm run vendor` after an upgrade;
// `node scripts/vendor.mjs --check` fails when vendor/ differs from the pinned packages.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
export const vendored = [
  ["instantsearch.js/dist/instantsearch.production.min.js", "instantsearch.production.min.js"],
  ["@meilisearch/instant-meilisearch/dist/instant-meilisearch.umd.min.js", "instant-meilisearch.umd.min.js"],
  ["instantsearch.css/themes/satellite-min.css", "satellite-min.css"],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [from, to] of vendored) {
    const source = readFileSync(join(web, "node_modules", from));
    const target = join(web, "vendor", to);
    if (check) {
      let current = null;
      try { current = readFileSync(target); } catch { /* missing */ }
      if (!current || !current.equals(source)) { console.error(`vendor/${to} differs from ${from}`); stale++; }
    } else {
      writeFileSync(target, source);
      console.log(`vendor/${to} ← ${from}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
