import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type DatabaseKind, type DbHandle, migrationsFolder, openPglite, openPostgres } from "./client";

export type TestBackend = DatabaseKind;

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function migrationsHash(): string {
  const dir = migrationsFolder();
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

let migratedDump: Promise<Blob> | null = null;

/**
 * Starting PGlite and migrating takes seconds; loading a dump of the migrated state takes well under
 * one. The dump is cached on disk per migrations hash, so every test file shares it.
 */
function pgliteDump(): Promise<Blob> {
  migratedDump ??= (async () => {
    const file = join(tmpdir(), `concord-pglite-${migrationsHash()}.tar.gz`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const handle = await openPglite();
    const dump = await (handle.pglite as PGlite).dumpDataDir("gzip");
    await handle.close();
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
    renameSync(temp, file);
    return dump;
  })();
  return migratedDump;
}

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `concord_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh, migrated, empty database of the given kind. close() discards it. */
export async function openTestDatabase(kind: TestBackend): Promise<DbHandle> {
  if (kind === "pglite") {
    return openPglite({ loadDataDir: await pgliteDump(), migrate: false });
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const created = await createPostgresDatabase(base);
  const handle = await openPostgres(created.url, { max: 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

/** Fast, deterministic hashing for fixtures: tests of the real hasher live in the auth package. */
export async function fixtureHash(plain: string): Promise<string> {
  return `fixture$${createHash("sha256").update(plain).digest("hex")}`;
}

/** Clinic settings for tests: UTC days unless a test names a zone, United States crisis resources. */
export const TEST_CLINIC_SETTINGS: import("@concord/domain").ClinicSettings = Object.freeze({
  timeZone: "UTC",
  crisisRegion: "us",
  emergencyNumber: "112",
});
