import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Role } from "@concord/domain";
import { type Database, type DatabaseKind, type DbHandle, migrationsFolder, openPglite, openPostgres } from "./client";
import { addCareTeamMember, insertPatient } from "./queries/patients";
import { insertUser } from "./queries/users";

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

/**
 * The people of the database tests' clinic. A test fixture, not the demo (the demo clinic is made
 * through the use cases, in `@concord/api/demo`, which this package cannot reach): the same cast so
 * the suites read alike, under `@concord.test` addresses so nobody mistakes one for the other.
 */
export const TEST_CLINIC_PEOPLE = [
  { key: "physician", name: "Dr. Maya Okafor", role: "pain_physician" },
  { key: "pt", name: "Sam Lindqvist", role: "physical_therapist" },
  { key: "ot", name: "Priya Raman", role: "occupational_therapist" },
  { key: "psychologist", name: "Dr. Jonah Weiss", role: "psychologist" },
  { key: "outsider", name: "Dr. Elena Vargas", role: "pain_physician" },
  { key: "unassigned", name: "Tom Becker", role: "physical_therapist" },
  { key: "admin", name: "Riley Admin", role: "admin" },
  { key: "compliance", name: "Noor Haddad", role: "compliance_officer" },
  { key: "alex", name: "Alex Morgan", role: "patient" },
  { key: "jordan", name: "Jordan Lee", role: "patient" },
  { key: "casey", name: "Casey Nguyen", role: "patient" },
] as const satisfies ReadonlyArray<{ key: string; name: string; role: Role }>;

export type TestClinicKey = (typeof TEST_CLINIC_PEOPLE)[number]["key"];

export interface TestClinicIds {
  users: Record<TestClinicKey, string>;
  patients: { alex: string; jordan: string; casey: string };
}

/** `alex@concord.test`, …: each person's sign-in email. */
export const testClinicEmail = (key: TestClinicKey) => `${key}@concord.test`;

/**
 * Users, patients and care teams, written with the query functions (no plans, no history): Alex
 * and Jordan have one complete team (physician, PT, OT, psychologist), Casey is on the outsider's
 * team, one clinician is on no team. Everyone has `password` (hashed with `hashPassword`).
 */
export async function seedTestClinic(db: Database, options: { hashPassword?: (plain: string) => Promise<string>; password?: string } = {}): Promise<TestClinicIds> {
  const passwordHash = await (options.hashPassword ?? fixtureHash)(options.password ?? "test-clinic-password");
  return db.transaction(async (tx) => {
    const users = {} as Record<TestClinicKey, string>;
    for (const person of TEST_CLINIC_PEOPLE) {
      users[person.key] = (await insertUser(tx, { email: testClinicEmail(person.key), name: person.name, role: person.role, passwordHash })).id;
    }
    const patient = async (key: "alex" | "jordan" | "casey", values: { dateOfBirth: string; diagnosisCode: string; onsetDate: string; timeZone: string }) =>
      (await insertPatient(tx, { userId: users[key], name: TEST_CLINIC_PEOPLE.find((p) => p.key === key)?.name ?? key, ...values })).id;
    const patients = {
      alex: await patient("alex", { dateOfBirth: "1988-04-12", diagnosisCode: "G90.512", onsetDate: "2026-08-01", timeZone: "America/Los_Angeles" }),
      jordan: await patient("jordan", { dateOfBirth: "1975-09-30", diagnosisCode: "G90.521", onsetDate: "2024-09-15", timeZone: "America/New_York" }),
      casey: await patient("casey", { dateOfBirth: "1996-01-22", diagnosisCode: "G57.71", onsetDate: "2026-03-20", timeZone: "Europe/London" }),
    };
    const team = [
      ["physician", "pain_physician"],
      ["pt", "physical_therapist"],
      ["ot", "occupational_therapist"],
      ["psychologist", "psychologist"],
    ] as const;
    for (const patientId of [patients.alex, patients.jordan]) {
      for (const [key, discipline] of team) {
        await addCareTeamMember(tx, { patientId, clinicianId: users[key], discipline, addedBy: users.admin });
      }
    }
    await addCareTeamMember(tx, { patientId: patients.casey, clinicianId: users.outsider, discipline: "pain_physician", addedBy: users.admin });
    return { users, patients };
  });
}
