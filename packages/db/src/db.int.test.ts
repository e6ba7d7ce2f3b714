import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";
import { listAuditForPatient, writeAudit } from "./queries/audit";
import { getCareTeam, getPatientFacts, listPatientDirectory, listPatientsForClinician } from "./queries/patients";
import { createSession, backdateSession, resolveSession, revokeSession, setUserActive } from "./queries/users";
import { isEmpty } from "./queries/users";
import { type TestClinicIds, openTestDatabase, seedTestClinic, testBackends } from "./testing";

describe.each(testBackends())("database on %s", (backend) => {
  let handle: DbHandle;
  let ids: TestClinicIds;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    expect(await isEmpty(handle.db)).toBe(true);
    ids = await seedTestClinic(handle.db);
  });
  afterAll(async () => handle?.close());

  it("scopes facts to the care team and the patient themself", async () => {
    const onTeam = await getPatientFacts(handle.db, ids.users.pt, ids.patients.alex);
    expect(onTeam).toEqual({ careTeamDiscipline: "physical_therapist", isPatientSelf: false, emergencyAccess: false });
    const outsider = await getPatientFacts(handle.db, ids.users.outsider, ids.patients.alex);
    expect(outsider).toEqual({ careTeamDiscipline: null, isPatientSelf: false, emergencyAccess: false });
    const self = await getPatientFacts(handle.db, ids.users.alex, ids.patients.alex);
    expect(self).toEqual({ careTeamDiscipline: null, isPatientSelf: true, emergencyAccess: false });
    expect(await getPatientFacts(handle.db, ids.users.pt, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("lists only the clinician's own patients, searchable, in key-ordered pages", async () => {
    const all = await listPatientsForClinician(handle.db, ids.users.physician, { limit: 10 });
    expect(all.items.map((p) => p.name)).toEqual(["Alex Morgan", "Jordan Lee"]);
    const firstPage = await listPatientsForClinician(handle.db, ids.users.physician, { limit: 1 });
    expect(firstPage.items.map((p) => p.name)).toEqual(["Alex Morgan"]);
    const secondPage = await listPatientsForClinician(handle.db, ids.users.physician, { limit: 1, cursor: firstPage.nextCursor ?? undefined });
    expect(secondPage.items.map((p) => p.name)).toEqual(["Jordan Lee"]);
    expect(secondPage.nextCursor).toBeNull();
    const searched = await listPatientsForClinician(handle.db, ids.users.physician, { search: "casey", limit: 10 });
    expect(searched.items).toEqual([]);
    const outsider = await listPatientsForClinician(handle.db, ids.users.outsider, { limit: 10 });
    expect(outsider.items.map((p) => p.name)).toEqual(["Casey Nguyen"]);
    const unassigned = await listPatientsForClinician(handle.db, ids.users.unassigned, { limit: 10 });
    expect(unassigned.items).toEqual([]);
  });

  it("escapes LIKE wildcards in search", async () => {
    const result = await listPatientDirectory(handle.db, { search: "%", limit: 10 });
    expect(result.items).toEqual([]);
  });

  it("returns the care team with disciplines", async () => {
    const team = await getCareTeam(handle.db, ids.patients.alex);
    expect(team.map((m) => m.discipline).sort()).toEqual(["occupational_therapist", "pain_physician", "physical_therapist", "psychologist"]);
  });

  it("keeps the audit trail append-only at the database level", async () => {
    await writeAudit(handle.db, { actorId: ids.users.pt, actorRole: "physical_therapist", action: "test.read", patientId: ids.patients.alex, outcome: "allowed" });
    const [row] = await listAuditForPatient(handle.db, ids.patients.alex, 1);
    expect(row?.action).toBe("test.read");
    await expect(handle.db.execute(sql`update audit_events set outcome = 'denied'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const [still] = await listAuditForPatient(handle.db, ids.patients.alex, 1);
    expect(still?.outcome).toBe("allowed");
  });

  it("honours a session only while it is live", async () => {
    const sid = await createSession(handle.db, ids.users.ot);
    expect((await resolveSession(handle.db, sid))?.user.email).toBe("ot@concord.test");
    await backdateSession(handle.db, sid, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await resolveSession(handle.db, sid)).toBeNull();

    const old = await createSession(handle.db, ids.users.ot);
    await backdateSession(handle.db, old, { createdAt: new Date(Date.now() - 13 * 3_600_000) });
    expect(await resolveSession(handle.db, old)).toBeNull();

    const revoked = await createSession(handle.db, ids.users.ot);
    await revokeSession(handle.db, revoked, "signed out");
    expect(await resolveSession(handle.db, revoked)).toBeNull();

    const deactivated = await createSession(handle.db, ids.users.unassigned);
    await setUserActive(handle.db, ids.users.unassigned, false);
    expect(await resolveSession(handle.db, deactivated)).toBeNull();
    await setUserActive(handle.db, ids.users.unassigned, true);
  });

  it("rolls back a failed transaction completely", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await writeAudit(tx, { actorId: null, actorRole: null, action: "rollback.probe", patientId: ids.patients.jordan, outcome: "allowed" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await listAuditForPatient(handle.db, ids.patients.jordan);
    expect(rows.find((r) => r.action === "rollback.probe")).toBeUndefined();
  });
});
