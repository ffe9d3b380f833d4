// web/vendor holds exactly the files of the packages pinned in web/package.json (and package-lock.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { vendored } from "../scripts/vendor.mjs";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");

test("every vendored library is byte for byte the pinned package's file", () => {
  const pinned = JSON.parse(readFileSync(join(web, "package.json"), "utf8")).dependencies;
  for (const [from, to] of vendored) {
    const name = from.startsWith("@") ? from.split("/").slice(0, 2).join("/") : from.split("/")[0];
    const installed = JSON.parse(readFileSync(join(web, "node_modules", name, "package.json"), "utf8")).version;
    assert.equal(installed, pinned[name], `${name}: npm ci installs the pinned version`);
    assert.ok(readFileSync(join(web, "vendor", to)).equals(readFileSync(join(web, "node_modules", from))),
      `vendor/${to} differs from ${from}: run npm run vendor`);
  }
});
