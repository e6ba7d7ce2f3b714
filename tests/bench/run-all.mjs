// Runs every benchmark in this folder in turn, then the JavaScript budget of the built portal
// (js-budget.mjs) and the largest contentful paint of its main pages with the CPU slowed 4× (lcp.mjs).
// Benchmarks print figures; they assert nothing.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit", cwd: join(here, "..") });
  if (result.status !== 0) failed += 1;
}
if (only.length === 0 || only.some((o) => "js-budget".includes(o))) {
  console.log("\n=== js-budget.mjs");
  const result = spawnSync(process.execPath, [join(here, "js-budget.mjs")], { stdio: "inherit", cwd: join(here, "..") });
  if (result.status !== 0) failed += 1;
}
if (only.length === 0 || only.some((o) => "lcp".includes(o))) {
  console.log("\n=== lcp.mjs");
  const result = spawnSync(process.execPath, [join(here, "lcp.mjs")], { stdio: "inherit", cwd: join(here, "..") });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
