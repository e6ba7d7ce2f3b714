import "server-only";
import { join } from "node:path";
import { type RealtimeRuntime, type Services, createMailer, startRealtime } from "@concord/api";
import { demoAccount, demoLoginTable, loadDemo } from "@concord/api/demo";
import { buildAuthOptions, hashPassword, verifyPassword } from "@concord/auth";
import { type DbHandle, findUserByEmail, openDatabase } from "@concord/db";
import type { NextAuthOptions } from "next-auth";
import { env } from "../env";

interface Runtime {
  handle: DbHandle;
  /** This process's single LISTEN connection and its fan-out to open subscriptions. */
  realtime: RealtimeRuntime;
  /** Hashing, mail and the public URL, handed to every tRPC context. */
  services: Services;
}

const globalForRuntime = globalThis as unknown as { __concordRuntime?: Promise<Runtime> };

async function start(): Promise<Runtime> {
  const config = env();
  const outboxDir = join(config.dataDir, "outbox");
  const services: Services = {
    hashPassword,
    verifyPassword,
    mailer: createMailer({ smtpUrl: config.smtpUrl, outboxDir, from: config.mailFrom, log: (line) => console.log(`[concord] ${line}`) }),
    publicUrl: config.publicUrl,
  };
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const where = handle.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL server";
  // Only when asked (CONCORD_DEMO_DATA=on, which `npm start` sets), and only into an empty database.
  if (config.demoData) {
    const demo = await loadDemo(handle, { hashPassword, history: config.demoHistory, settings: config.clinicSettings });
    if (demo.loaded) {
      console.log(`[concord] Loaded the demo clinic into the ${where}.`);
      const { history, historyError } = demo;
      if (history) {
        console.log(`[concord] Loaded demo history: ${history.checkIns.jordan + history.checkIns.alex} check-ins, ${history.measures} measures, ${history.alertsRaised} alerts raised, ${history.threads} conversations.`);
      } else if (historyError) {
        // The clinic itself is loaded and usable; a failed history must not stop the portal starting.
        console.error("[concord] Could not load the demo history; the demo clinic is loaded without it.", historyError);
      }
    }
  }
  if (await findUserByEmail(handle.db, demoAccount("physician").email)) {
    console.log(`[concord] ${demoLoginTable().replace(/\n/g, "\n[concord] ")}`);
  }
  const realtime = await startRealtime(handle);
  console.log(`[concord] Ready on the ${where}.`);
  const close = () => void realtime.close().finally(() => handle.close());
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
  console.log(`[concord] Account email ${config.smtpUrl ? "goes through the SMTP server in SMTP_URL" : `is written to ${outboxDir} (set SMTP_URL to send it)`}.`);
  return { handle, realtime, services };
}

/**
 * One database per process, shared through globalThis: PGlite allows a single connection, and
 * Next may load this module more than once.
 */
export function getRuntime(): Promise<Runtime> {
  globalForRuntime.__concordRuntime ??= start().catch((error) => {
    globalForRuntime.__concordRuntime = undefined;
    throw error;
  });
  return globalForRuntime.__concordRuntime;
}

export async function getDb() {
  return (await getRuntime()).handle.db;
}

let authOptions: NextAuthOptions | null = null;
export function getAuthOptions(): NextAuthOptions {
  const config = env();
  authOptions ??= buildAuthOptions({
    getDb,
    secret: config.authSecret,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    secondFactorRequirement: config.secondFactorRequirement,
  });
  return authOptions;
}
