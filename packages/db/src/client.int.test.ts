import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migratePostgres, openPglite, openPostgres, ping, queryRows } from "./client";
import { sql } from "drizzle-orm";

describe("embedded database folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-client-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a missing folder, migrates, and reopens without migrating twice", async () => {
    const dataDir = join(dir, "nested/data");
    const first = await openPglite({ dataDir });
    expect(await ping(first.db)).toBe(true);
    await first.close();
    const second = await openPglite({ dataDir });
    const [row] = await queryRows<{ n: number }>(second.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(Number(row?.n)).toBeGreaterThanOrEqual(3);
    await second.close();
  });

  it("refuses a folder another live process holds", async () => {
    const dataDir = join(dir, "held");
    const held = await openPglite({ dataDir });
    await held.close();
    // The parent process is alive and is not us: the same as a second portal holding the folder.
    writeFileSync(join(dataDir, "concord.pid"), String(process.ppid));
    await expect(openPglite({ dataDir })).rejects.toThrow(/already open in another process/);
    // A stale lock from a process that has exited is taken over.
    writeFileSync(join(dataDir, "concord.pid"), "999999999");
    const reopened = await openPglite({ dataDir });
    await reopened.close();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("migrations on a PostgreSQL server", () => {
  it("two instances starting together both migrate safely under the advisory lock", async () => {
    const base = process.env.TEST_DATABASE_URL as string;
    const name = `concord_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      await Promise.all([migratePostgres(url.toString()), migratePostgres(url.toString()), migratePostgres(url.toString())]);
      const handle = await openPostgres(url.toString());
      const rows = await queryRows<{ hash: string }>(handle.db, sql`select hash from drizzle.__drizzle_migrations`);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
      await handle.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
