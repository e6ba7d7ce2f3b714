import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, type DatabaseKind, migrationsFolder, queryRows } from "../client";
import { fixtureHash, testBackends } from "../testing";

/**
 * Migration 0011 on a database that already holds messages deleted the old way (a tombstone that kept
 * its body, history rows with the text): their words move to the archive, leave messages and
 * message_edits, and the move is audited; live messages keep their history.
 */

const BEFORE = "0011_deleted_messages";

/** The migrations folder as it was before 0011. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "concord-before-0011-"));
  cpSync(migrationsFolder(), dir, { recursive: true });
  const journalFile = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  for (const entry of journal.entries.slice(cut)) rmSync(join(dir, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

interface Opened {
  db: Database;
  migrate: (folder: string) => Promise<void>;
  close: () => Promise<void>;
}

async function openEmpty(kind: DatabaseKind): Promise<Opened> {
  if (kind === "pglite") {
    const client = new PGlite();
    await client.waitReady;
    const db = drizzlePglite({ client });
    return { db: db as unknown as Database, migrate: (folder) => migratePglite(db, { migrationsFolder: folder }), close: () => client.close() };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `concord_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const db = drizzleNodePg({ client: pool });
  return {
    db: db as unknown as Database,
    migrate: (folder) => migrateNodePg(db, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

describe.each(testBackends())("migration 0011 on %s", (kind) => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("archives messages deleted before it and clears their words everywhere else", async () => {
    const opened = await openEmpty(kind);
    try {
      const before = migrationsBefore(BEFORE);
      folders.push(before);
      await opened.migrate(before);
      // Raw SQL at the schema before 0011: the demo seed writes tables of later migrations.
      const [author] = await queryRows<{ id: string }>(
        opened.db,
        sql`insert into users (email, name, role, password_hash) values ('pt-0011@concord.test', 'Sam Before', 'physical_therapist', ${await fixtureHash("x")}) returning id`,
      );
      const [patient] = await queryRows<{ id: string }>(
        opened.db,
        sql`insert into patients (name, date_of_birth, diagnosis_code, onset_date) values ('Alex Before', '1988-04-12', 'G90.512', '2026-09-01') returning id`,
      );
      const patientId = patient!.id;
      const userId = author!.id;
      const [thread] = await queryRows<{ id: string }>(
        opened.db,
        sql`insert into message_threads (patient_id, space, title, created_by) values (${patientId}, 'patient', 'Before the migration', ${userId}) returning id`,
      );
      const [gone] = await queryRows<{ id: string }>(
        opened.db,
        sql`insert into messages (thread_id, patient_id, author_id, body, reference, version, edited_at, deleted_at)
            values (${thread!.id}, ${patientId}, ${userId}, 'quiet orchard two', '{"kind":"goal","id":"pain","label":"Goal: Pain"}', 3, now(), now()) returning id::text as id`,
      );
      const [kept] = await queryRows<{ id: string }>(
        opened.db,
        sql`insert into messages (thread_id, patient_id, author_id, body, version, edited_at) values (${thread!.id}, ${patientId}, ${userId}, 'still here two', 2, now()) returning id::text as id`,
      );
      await opened.db.execute(
        sql`insert into message_edits (message_id, patient_id, editor_id, action, previous_body, previous_version) values
            (${gone!.id}, ${patientId}, ${userId}, 'edit', 'quiet orchard one', 1),
            (${gone!.id}, ${patientId}, ${userId}, 'delete', 'quiet orchard two', 2),
            (${kept!.id}, ${patientId}, ${userId}, 'edit', 'still here one', 1)`,
      );

      await opened.migrate(migrationsFolder());

      const messages = await queryRows<{ body: string | null; reference: unknown }>(opened.db, sql`select body, reference from messages where id in (${gone!.id}, ${kept!.id}) order by id`);
      expect(messages).toEqual([
        { body: null, reference: null },
        { body: "still here two", reference: null },
      ]);
      const edits = await queryRows<{ action: string; previous_body: string | null }>(
        opened.db,
        sql`select action, previous_body from message_edits where message_id in (${gone!.id}, ${kept!.id}) order by id`,
      );
      expect(edits).toEqual([
        { action: "edit", previous_body: null },
        { action: "delete", previous_body: null },
        { action: "edit", previous_body: "still here one" },
      ]);
      const archive = await queryRows<{ message_id: string; body: string; reference: { id: string }; versions: { version: number; body: string }[]; deleted_by: string }>(
        opened.db,
        sql`select message_id::text as message_id, body, reference, versions, deleted_by from deleted_message_archive`,
      );
      expect(archive).toEqual([
        {
          message_id: String(gone!.id),
          body: "quiet orchard two",
          reference: expect.objectContaining({ id: "pain" }),
          versions: [expect.objectContaining({ version: 1, body: "quiet orchard one" })],
          deleted_by: userId,
        },
      ]);
      const audits = await queryRows<{ patient_id: string; detail: { messageId: number } }>(
        opened.db,
        sql`select patient_id, detail from audit_events where action = 'message.archivedOnDelete'`,
      );
      expect(audits).toEqual([{ patient_id: patientId, detail: expect.objectContaining({ messageId: Number(gone!.id), threadId: thread!.id }) }]);
      const outside = await queryRows<{ n: number }>(
        opened.db,
        sql`select (select count(*) from messages t where t::text like '%quiet orchard%') + (select count(*) from message_edits t where t::text like '%quiet orchard%')
              + (select count(*) from audit_events t where t::text like '%quiet orchard%') as n`,
      );
      expect(Number(outside[0]?.n)).toBe(0);
    } finally {
      await opened.close();
    }
  });
});
