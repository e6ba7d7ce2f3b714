// Gzipped first-load JavaScript of each page of the built portal, against the budgets of issue 12
// (150 kB on patient pages, 200 kB on clinician pages). Prints figures; asserts nothing.
//
// Reads the build output only (run `npx turbo run build --filter=@concord/portal` first): a page's first
// load is the root main files every page loads (build-manifest.json `rootMainFiles`) plus the client chunks
// of the page and of each layout above it (the page's client-reference manifest, `entryJSFiles`). Legacy
// polyfills are left out (they load only in browsers without ES modules). kB here means 1,000 bytes.
//
//   node tests/bench/js-budget.mjs [distDir]    (default: apps/portal/.next, or $NEXT_DIST_DIR in apps/portal)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const portal = join(here, "../../apps/portal");
const dist = resolve(portal, process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next");

/** The budget a page is held to, by who it is for (issue 12, "Budgets"). */
const BUDGETS = [
  { audience: "patient", limitKb: 150, test: (route) => route === "/me" || route.startsWith("/me/") },
  {
    audience: "clinician",
    limitKb: 200,
    test: (route) => /^\/(patients|worklist|tasks)(\/|$)/.test(route),
  },
];

function readJson(file) {
  return JSON.parse(readFileSync(join(dist, file), "utf8"));
}

if (!existsSync(join(dist, "build-manifest.json"))) {
  // A figure, not a test: without a build there is nothing to measure (npm start or the e2e suite builds it).
  console.log(`Skipped: no portal build in ${dist} (run \`npx turbo run build --filter=@concord/portal\` first).`);
  process.exit(0);
}

const buildManifest = readJson("build-manifest.json");
const routes = readJson("app-path-routes-manifest.json");
const gzipped = new Map();
function gzippedSize(file) {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    gzipped.set(file, size);
  }
  return size;
}

/** The client chunks a page's manifest lists for the page and its layouts (a sandboxed read of the file). */
function entryChunks(entry) {
  const file = join(dist, "server/app", `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) return [];
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  return Object.values(manifest?.entryJSFiles ?? {}).flat();
}

const rows = [];
for (const [entry, route] of Object.entries(routes)) {
  if (!entry.endsWith("/page") || route.startsWith("/_")) continue;
  const files = new Set([...buildManifest.rootMainFiles, ...entryChunks(entry)].map((f) => f.replace(/^\/?_next\//, "")));
  const bytes = [...files].reduce((sum, f) => sum + gzippedSize(f), 0);
  const budget = BUDGETS.find((b) => b.test(route));
  rows.push({ route, kb: bytes / 1000, budget });
}
rows.sort((a, b) => (a.budget?.audience ?? "~").localeCompare(b.budget?.audience ?? "~") || a.route.localeCompare(b.route));

const width = Math.max(...rows.map((r) => r.route.length));
console.log(`Gzipped first-load JavaScript per page (${dist})`);
console.log(`${"page".padEnd(width)}  ${"kB".padStart(7)}  budget`);
for (const { route, kb, budget } of rows) {
  const verdict = budget ? `${budget.limitKb} kB ${budget.audience}: ${kb <= budget.limitKb ? "within" : `OVER by ${(kb - budget.limitKb).toFixed(1)} kB`}` : "—";
  console.log(`${route.padEnd(width)}  ${kb.toFixed(1).padStart(7)}  ${verdict}`);
}
for (const budget of BUDGETS) {
  const mine = rows.filter((r) => r.budget === budget);
  if (mine.length === 0) continue;
  const worst = mine.reduce((a, b) => (b.kb > a.kb ? b : a));
  console.log(`${budget.audience} pages: largest ${worst.kb.toFixed(1)} kB (${worst.route}), budget ${budget.limitKb} kB`);
}
