import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { type Actor, decide } from "@concord/domain";
import { type ProcedureInfo, createCaller, listProcedures } from "@concord/api";
import { testServices } from "@concord/api/testing";
import { type Database, type DbHandle, listAuditForActor, listAuditForPatient, queryRows, sql } from "@concord/db";
import { type DemoIds, buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { actorFor } from "./actors";
import { ACTOR_KINDS, type ActorKind, MATRIX, MATRIX_FIXTURES, type MatrixRow } from "./matrix/index";

const TEST_SERVICES = testServices();

const DENIAL_CODES = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

describe("the matrix covers every procedure", () => {
  const procedures = listProcedures();
  it("has found the procedures", () => {
    expect(procedures.length).toBeGreaterThan(5);
  });
  it.each(procedures.map((p) => [p.path, p] as const))("%s has a permission and a matrix row", (path, procedure) => {
    expect(procedure.permission, `${path} declares no permission`).toBeTruthy();
    expect(MATRIX.filter((row) => row.path === path), `${path} has no row in tests/authz/matrix`).toHaveLength(1);
  });
  it("has no rows for procedures that do not exist", () => {
    const known = new Set(procedures.map((p) => p.path));
    expect(MATRIX.map((r) => r.path).filter((p) => !known.has(p))).toEqual([]);
  });
});

interface AuditRow {
  actorId: string | null;
  outcome: string;
  patientId: string | null;
  detail: Record<string, unknown> | null;
}

/** The newest audit row id, so a call's own rows can be told from earlier ones. */
async function auditWatermark(db: Database): Promise<number> {
  const [row] = await queryRows<{ id: string | number }>(db, sql`select coalesce(max(id), 0) as id from audit_events`);
  return Number(row?.id ?? 0);
}

/** The rows written since `afterId` under one action (a procedure's path). */
async function auditSince(db: Database, afterId: number, action: string): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`select actor_id as "actorId", outcome, patient_id as "patientId", detail from audit_events where id > ${afterId} and action = ${action} order by id`,
  );
}

/**
 * The row a call of this procedure must have left: an allowed call its "allowed" row (its patient,
 * or none for a global procedure; the permission and call type); a call refused at the permission
 * its "denied" row; a call the permission admits but the use case refuses (another clinician's
 * emergency access "does not exist") its "error" row with the refusal's code.
 */
function expectedAuditRow(procedure: ProcedureInfo, row: MatrixRow, actor: Actor | null, allowed: boolean, patientId: string) {
  const common = { actorId: actor?.userId ?? null, patientId: row.patientScoped ? patientId : null };
  if (allowed) return { ...common, outcome: "allowed", detail: expect.objectContaining({ permission: procedure.permission, type: procedure.type }) };
  if (row.patientScoped || !actor || !decide(actor, procedure.permission ?? "").allowed) {
    return { ...common, outcome: "denied", detail: expect.objectContaining({ permission: procedure.permission }) };
  }
  return { ...common, outcome: "error", detail: expect.objectContaining({ permission: procedure.permission, code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) }) };
}

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

describe.each(testBackends())("authorization matrix on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  const fixtures: Record<string, string> = {};
  let counter = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    for (const setup of MATRIX_FIXTURES) Object.assign(fixtures, await setup(handle.db, ids));
  });
  afterAll(async () => handle?.close());

  const cases: Array<[string, ActorKind, MatrixRow]> = MATRIX.flatMap((row) =>
    ACTOR_KINDS.map((kind) => [`${row.path} as ${kind} → ${row.expect[kind]}`, kind, row] as [string, ActorKind, MatrixRow]),
  );

  const procedures = new Map(listProcedures().map((p) => [p.path, p]));

  it.each(cases)("%s", async (_label, kind, row) => {
    const actor = actorFor(kind, ids);
    const procedure = procedures.get(row.path);
    if (!procedure) throw new Error(`${row.path} is not a procedure`);
    const watermark = await auditWatermark(handle.db);
    const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor, actorName: kind, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
    counter += 1;
    const input = row.input({ ids, patientId: ids.patients.alex, actor: kind, unique: `${backend}-${kind}-${counter}`, fixtures });
    let error: unknown = null;
    try {
      await callByPath(caller, row.path, input);
    } catch (e) {
      error = e;
    }
    const allowed = row.expect[kind] === "allow";
    if (allowed) {
      expect(error, `${row.path} as ${kind} should succeed, got ${String(error)}`).toBeNull();
    } else {
      expect(error).toBeInstanceOf(TRPCError);
      expect(DENIAL_CODES.has((error as TRPCError).code), `unexpected code ${(error as TRPCError).code}`).toBe(true);
      if (row.patientScoped && actor && actor.role !== "admin") {
        // No existence leak: the answer for a real patient is the one for a patient that does not exist.
        expect((error as TRPCError).code).toBe("NOT_FOUND");
      }
      if (row.patientScoped) {
        const audit = actor ? await listAuditForActor(handle.db, actor.userId, row.path, 1) : await listAuditForPatient(handle.db, ids.patients.alex, 1);
        expect(audit[0]).toMatchObject({ action: row.path, outcome: "denied" });
      }
    }
    // Every call of a signed-in procedure is on the record under its path, allowed or refused, global
    // or not. (A public page's procedures, open to anyone, audit what they do themselves.)
    if (!decide(null, procedure.permission ?? "").allowed) {
      const written = await auditSince(handle.db, watermark, row.path);
      expect(written, `${row.path} as ${kind} left no audit row of its own`).toContainEqual(expectedAuditRow(procedure, row, actor, allowed, ids.patients.alex));
    }
  });

  it("gives an outsider the same answer for a real patient as for a missing one", async () => {
    const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: actorFor("outsider", ids), actorName: "outsider", sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
    const real = await caller.patients.get({ patientId: ids.patients.alex }).catch((e: TRPCError) => [e.code, e.message]);
    const missing = await caller.patients.get({ patientId: "00000000-0000-4000-8000-000000000000" }).catch((e: TRPCError) => [e.code, e.message]);
    expect(real).toEqual(missing);
  });

  it("audits allowed reads of patient data", async () => {
    const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: actorFor("pt", ids), actorName: "pt", sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
    await caller.patients.get({ patientId: ids.patients.jordan });
    const [row] = await listAuditForPatient(handle.db, ids.patients.jordan, 1);
    expect(row).toMatchObject({ actorId: ids.users.pt, action: "patients.get", outcome: "allowed" });
  });
});
