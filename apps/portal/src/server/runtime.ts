import "server-only";
import { join } from "node:path";
import { type RealtimeRuntime, type Services, createMailer, startRealtime } from "@concord/api";
import { buildAuthOptions, hashPassword, verifyPassword } from "@concord/auth";
import { type DbHandle, demoLoginTable, findUserByEmail, isEmpty, openDatabase, seedDemo, seedDemoHistory } from "@concord/db";
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
  if (config.demoData && (await isEmpty(handle.db))) {
    // One "today" for the clinic and its history, so their dates line up even across midnight.
    const today = new Date();
    const ids = await seedDemo(handle.db, { hashPassword, today });
    console.log(`[concord] Loaded the demo clinic into the ${where}.`);
    // Only with a freshly seeded clinic: history is never added to a database someone has used.
    if (config.demoHistory) {
      try {
        const history = await seedDemoHistory(handle.db, ids, { today });
        console.log(`[concord] Loaded demo history: ${history.checkIns.jordan + history.checkIns.alex} check-ins, ${history.alerts.length} open alerts, ${history.threads} conversations.`);
      } catch (error) {
        // The clinic itself is loaded and usable; a failed history must not stop the portal starting.
        console.error("[concord] Could not load the demo history; the demo clinic is loaded without it.", error);
      }
    }
  }
  if (await findUserByEmail(handle.db, "physician@concord.demo")) {
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
