#!/usr/bin/env node
// The README's commands. Needs only Node.js 20+ and npm: it brings pnpm and the dependencies itself.
//   npm start   build the portal and start it on the embedded database (demo data, logins printed)
//   npm test    lint (Biome), then unit, integration (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set) and Chromium end-to-end tests
//   npm run bench   benchmarks that print figures
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.4.2";
const command = process.argv[2];

function log(message) {
  console.log(`[concord] ${message}`);
}

function pnpmCommand() {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  if (found.status === 0 && found.stdout.trim().startsWith("12.")) return ["pnpm", []];
  return ["npx", ["--yes", `pnpm@${PNPM_VERSION}`]];
}

function run(args, options = {}) {
  const [bin, prefix] = pnpmCommand();
  const result = spawnSync(bin, [...prefix, ...args], { cwd: root, stdio: "inherit", env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env, ...options.env } });
  if (result.status !== 0 && !options.allowFailure) {
    console.error(`[concord] \`pnpm ${args.join(" ")}\` failed.`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

function install() {
  const marker = join(root, "node_modules/.modules.yaml");
  const lock = join(root, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  const t0 = Date.now();
  log("Installing dependencies (first run only)…");
  run(["install", "--frozen-lockfile"]);
  log(`Dependencies installed in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

function buildPortal() {
  const t0 = Date.now();
  log("Building the portal…");
  run(["turbo", "run", "build", "--filter=@concord/portal", "--output-logs=errors-only"]);
  log(`Portal built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

function authSecret(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function start() {
  const t0 = Date.now();
  install();
  buildPortal();
  const port = process.env.PORT ?? "3000";
  const dataDir = process.env.CONCORD_DATA_DIR ?? join(root, ".data");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    CONCORD_DATA_DIR: dataDir,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? authSecret(dataDir),
    // The README's demo command: the portal loads the demo only when asked, so ask unless the caller said otherwise.
    CONCORD_DEMO_DATA: process.env.CONCORD_DEMO_DATA ?? "on",
  };
  log(process.env.DATABASE_URL ? "Starting on the PostgreSQL server in DATABASE_URL…" : `Starting on the embedded database in ${dataDir}…`);
  const child = spawn(process.execPath, [join(root, "apps/portal/node_modules/next/dist/bin/next"), "start", "-p", port], {
    cwd: join(root, "apps/portal"),
    env,
    stdio: ["inherit", "pipe", "inherit"],
  });
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (String(chunk).includes("[concord] Ready")) {
      log(`Open http://localhost:${port} (ready ${((Date.now() - t0) / 1000).toFixed(1)} s after \`npm start\`).`);
    }
  });
  // Next serves the first request lazily; ask for a page so the database opens and the logins print now.
  const poke = setInterval(() => {
    fetch(`http://localhost:${port}/api/health`).then(() => clearInterval(poke), () => undefined);
  }, 500);
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    log("Installing Chromium from Debian's packages for the end-to-end tests…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  console.error(`[concord] The end-to-end tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

/** Adds up the JSON reports every runner wrote, for one closing line. */
function summarise(resultsDir) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    const report = JSON.parse(readFileSync(join(resultsDir, file), "utf8"));
    if (report.numTotalTests !== undefined) {
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    } else if (report.stats) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
      skipped += report.stats.skipped;
    }
  }
  return { passed, failed, skipped };
}

function test() {
  const t0 = Date.now();
  install();
  ensureChromium();
  const resultsDir = join(root, ".test-results");
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const env = { CONCORD_TEST_RESULTS: resultsDir };
  // Linted first, as it takes under a second; Biome fails on errors only (warnings are printed).
  const lint = run(["lint"], { allowFailure: true });
  const typecheck = run(["typecheck"], { allowFailure: true });
  log(process.env.TEST_DATABASE_URL ? "Integration tests run on PGlite and on the PostgreSQL server in TEST_DATABASE_URL." : "Integration tests run on PGlite (set TEST_DATABASE_URL to add a PostgreSQL server).");
  // Built first: the end-to-end journeys and the two-instance real-time test both run the built portal.
  buildPortal();
  const unit = run(["turbo", "run", "test", "--concurrency=1", "--continue", "--output-logs=full"], { env, allowFailure: true });
  const e2e = run(["--filter", "@concord/tests", "e2e"], { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: join(resultsDir, "playwright.json") }, allowFailure: true });
  const { passed, failed, skipped } = summarise(resultsDir);
  log(`Test suite finished in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  if (lint !== 0) log("Lint failed: see the Biome errors above (`pnpm lint`).");
  if (typecheck !== 0) log("Typecheck failed: see the TypeScript errors above (`pnpm typecheck`).");
  process.exit(lint !== 0 || typecheck !== 0 || unit !== 0 || e2e !== 0 || failed > 0 || passed === 0 ? 1 : 0);
}

function bench() {
  install();
  run(["--filter", "@concord/tests", "bench"]);
}

if (command === "start") start();
else if (command === "test") test();
else if (command === "bench") bench();
else {
  console.error("usage: node scripts/concord.mjs start|test|bench");
  process.exit(2);
}
