import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** A database or a transaction: both run the same query functions. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface DbHandle {
  db: Database;
  kind: DatabaseKind;
  /** Postgres server URL when kind is "postgres" (real-time listeners open their own connection). */
  url: string | null;
  pglite: PGlite | null;
  close(): Promise<void>;
}

/** Locates the drizzle-kit migrations folder whether we run from source, tests, or a Next bundle. */
export function migrationsFolder(): string {
  const fromEnv = process.env.CONCORD_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  const starts = [process.cwd()];
  try {
    starts.unshift(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // import.meta.url is not a file URL inside some bundles; the working directory still works.
  }
  for (const start of starts) {
    let dir = resolve(/*turbopackIgnore: true*/ start);
    for (;;) {
      for (const candidate of [join(dir, "migrations"), join(dir, "packages/db/migrations")]) {
        if (existsSync(join(candidate, "meta/_journal.json"))) return candidate;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error("Could not find the database migrations folder (packages/db/migrations). Set CONCORD_MIGRATIONS_DIR.");
}

/** Any fixed 64-bit number: every Concord instance takes the same lock while migrating. */
const MIGRATION_LOCK_ID = 4_711_202_611;

export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder: migrationsFolder() });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

export async function openPostgres(url: string, options: { migrate?: boolean; max?: number } = {}): Promise<DbHandle> {
  if (options.migrate !== false) await migratePostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // A connection the server closes (restart, failover, a dropped test database) must not crash the
  // process: the pool discards it and the next query opens a fresh one.
  const onConnectionError = (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error(`[db] PostgreSQL connection error: ${error.message}`);
  };
  pool.on("error", onConnectionError);
  pool.on("connect", (client) => client.on("error", onConnectionError));
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
  return { db, kind: "postgres", url, pglite: null, close: () => pool.end() };
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the embedded database. PGlite is single-process: a lock file with our pid refuses a second
 * process instead of letting two of them corrupt the folder.
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File; migrate?: boolean } = {}): Promise<DbHandle> {
  let lockFile: string | null = null;
  let client: PGlite;
  if (options.dataDir) {
    const dataDir = resolve(/*turbopackIgnore: true*/ options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    lockFile = join(dataDir, "concord.pid");
    if (existsSync(lockFile)) {
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (holder && holder !== process.pid && pidIsAlive(holder)) {
        throw new Error(
          `The embedded database in ${dataDir} is already open in another process (pid ${holder}). Stop that process, or set CONCORD_DATA_DIR to another folder.`,
        );
      }
    }
    writeFileSync(lockFile, String(process.pid));
    client = new PGlite(join(dataDir, "pgdata"));
  } else {
    client = new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  if (options.migrate !== false) {
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: migrationsFolder() });
  }
  const releaseLock = () => {
    if (lockFile && existsSync(lockFile) && readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
  };
  return {
    db,
    kind: "pglite",
    url: null,
    pglite: client,
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/** PGlite when no DATABASE_URL is given, node-postgres otherwise. Migrations apply on open. */
export function openDatabase(options: OpenDatabaseOptions): Promise<DbHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite({ dataDir: options.dataDir ?? ".data" });
}

/** Raw SQL for the few statements the query builder cannot express; both drivers return { rows }. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function ping(db: Database): Promise<boolean> {
  return (await queryRows(db, sql`select 1 as ok`)).length === 1;
}
