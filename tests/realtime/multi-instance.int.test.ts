/**
 * Two portal processes on one PostgreSQL server: a message posted through instance A reaches a
 * subscriber connected to instance B (LISTEN/NOTIFY fan-out), and prints delivery latency.
 *
 * Needs TEST_DATABASE_URL (a server both processes share). Runs the built portal in
 * apps/portal/$NEXT_DIST_DIR. In `npm test` (scripts/concord.mjs) NEXT_DIST_DIR is unset and turbo
 * has just built the portal into the default `.next` before any suite starts, so this test runs
 * that build of the current code. Run on its own, it (re)builds into that folder first when the
 * build is missing or older than any source file of the portal or the packages, so a stale build
 * is never what gets measured.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@concord/auth";
import type { DbHandle } from "@concord/db";
import { type DemoIds, buildDemoClinic } from "@concord/api/demo";
import { openTestDatabase } from "@concord/db/testing";

const BASE_URL = process.env.TEST_DATABASE_URL;
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const portalDir = join(root, "apps/portal");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const nextBin = join(portalDir, "node_modules/next/dist/bin/next");
const MESSAGES = 20;

if (!BASE_URL) console.log("[realtime] Skipping the two-instance test: TEST_DATABASE_URL is not set (it needs a PostgreSQL server both instances share).");

/** Newest modification time of the sources a portal build is made from. */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = join(portalDir, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["apps/portal/src", "packages/api/src", "packages/auth/src", "packages/db/src", "packages/domain/src"].map((d) => join(root, d));
  return statSync(buildId).mtimeMs >= Math.max(...sources.map(newestSourceMtime));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`portal exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`portal at ${url} did not become healthy:\n${output()}`);
}

/** Signs in through next-auth's credentials endpoint and returns the cookie header to send. */
async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${url}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: "concord-demo-2026", json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return header();
}

async function mutate(url: string, cookie: string, path: string, input: unknown) {
  const response = await fetch(`${url}/api/trpc/${path}`, {
    method: "POST",
    // The portal refuses a mutation that names no origin (a browser always sends one).
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result?.data.json;
}

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
  at: number;
}

/** A minimal EventSource over fetch: records every event with its arrival time. */
function openStream(url: string, cookie: string) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  const done = (async () => {
    const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`subscription refused: ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: "message", id: null, data: "", at: performance.now() };
        for (const line of raw.split("\n")) {
          if (line.startsWith("event:")) event.event = line.slice(6).trim();
          else if (line.startsWith("id:")) event.id = line.slice(3).trim();
          else if (line.startsWith("data:")) event.data += line.slice(5).trim();
        }
        events.push(event);
        for (const wake of waiters.splice(0)) wake();
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  return {
    events,
    async waitFor(predicate: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (performance.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(", ")}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

describe.skipIf(!BASE_URL)("real-time delivery across two portal instances on one PostgreSQL server", () => {
  const children: ChildProcess[] = [];
  let handle: DbHandle | null = null;
  let ids: DemoIds;
  const urls: string[] = [];

  beforeAll(async () => {
    if (!buildIsCurrent()) {
      console.log(`[realtime] The portal build in apps/portal/${distDir} is missing or older than the sources: building it first…`);
      const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: portalDir, stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
      if (build.status !== 0) throw new Error("next build failed");
    }
    // A fresh database on the server (dropped again in afterAll), seeded with real password hashes.
    handle = await openTestDatabase("postgres");
    const databaseUrl = handle.url as string;
    ids = await buildDemoClinic(handle, { hashPassword });

    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      let output = "";
      const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: portalDir,
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_DIST_DIR: distDir,
          DATABASE_URL: databaseUrl,
          CONCORD_DEMO_DATA: "off",
          NEXTAUTH_URL: base,
          NEXTAUTH_SECRET: "multi-instance-secret-for-tests-0123456789",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
      children.push(child);
      await waitForHealth(base, child, () => output);
      urls.push(base);
    }
  });

  afterAll(async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
    await handle?.close();
  });

  it("delivers a message posted on instance A to a subscriber on instance B within a second", async () => {
    const [a, b] = urls as [string, string];
    const ptOnA = await signIn(a, "pt@concord.demo");
    const physicianOnB = await signIn(b, "physician@concord.demo");
    const patientId = ids.patients.alex;

    const input = encodeURIComponent(JSON.stringify({ json: { patientId } }));
    const stream = openStream(`${b}/api/trpc/messaging.events?input=${input}`, physicianOnB);
    await stream.waitFor((e) => e.event === "connected");

    const { threadId } = (await mutate(a, ptOnA, "messaging.createThread", { patientId, space: "team", title: "Across instances", body: "opening" })) as { threadId: string };
    await stream.waitFor((e) => e.data.includes("opening"));

    const endToEnd: number[] = [];
    const afterCommit: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const body = `latency probe ${i}`;
      const sent = performance.now();
      await mutate(a, ptOnA, "messaging.post", { patientId, threadId, body });
      const committed = performance.now();
      const received = await stream.waitFor((e) => e.data.includes(`"${body}"`));
      endToEnd.push(received.at - sent);
      afterCommit.push(Math.max(0, received.at - committed));
    }
    await stream.close();

    const ids_ = stream.events.filter((e) => e.id).map((e) => e.id);
    expect(new Set(ids_).size).toBe(ids_.length);
    const sortedE2e = [...endToEnd].sort((x, y) => x - y);
    const sortedCommit = [...afterCommit].sort((x, y) => x - y);
    console.log(
      `[realtime] ${MESSAGES} messages posted on A, received on B: post→receive p50 ${percentile(sortedE2e, 50).toFixed(1)} ms, p95 ${percentile(sortedE2e, 95).toFixed(1)} ms, max ${sortedE2e.at(-1)?.toFixed(1)} ms; ` +
        `commit→receive p50 ${percentile(sortedCommit, 50).toFixed(1)} ms, p95 ${percentile(sortedCommit, 95).toFixed(1)} ms`,
    );
    // The acceptance bound: every message arrives on the other instance within a second.
    expect(Math.max(...endToEnd)).toBeLessThan(1_000);
  });

  it("refuses the stream to a clinician who is not on the patient's team, on either instance", async () => {
    const [, b] = urls as [string, string];
    const outsider = await signIn(b, "outside@concord.demo");
    const input = encodeURIComponent(JSON.stringify({ json: { patientId: ids.patients.alex } }));
    const response = await fetch(`${b}/api/trpc/messaging.events?input=${input}`, { headers: { cookie: outsider, accept: "text/event-stream" } });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Alex");
  });
});
