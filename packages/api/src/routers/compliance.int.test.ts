import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, sql } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { type Harness, codeOf, openHarness } from "../testing/harness";

describe.each(testBackends())("the compliance officer, on %s", (backend) => {
  let h: Harness;
  let alex: string;
  let casey: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
    casey = h.ids.patients.casey;
    // Some history to search: reads of Alex's record by two people, a denial, and one of Casey's.
    await h.callerFor("physician").patients.get({ patientId: alex });
    await h.callerFor("pt").carePlan.get({ patientId: alex });
    await codeOf(h.callerFor("outsider").patients.get({ patientId: alex }));
    await h.callerFor("outsider").patients.get({ patientId: casey });
  });
  afterAll(async () => h?.close());

  it("is the only one who reads the audit log, the archive and the review list", async () => {
    for (const who of ["physician", "admin", "alex", "outsider"] as const) {
      const c = h.callerFor(who).compliance;
      expect(await codeOf(c.auditLog({})), who).toMatch(/^FORBIDDEN/);
      expect(await codeOf(c.exportAudit({})), who).toMatch(/^FORBIDDEN/);
      expect(await codeOf(c.deletedMessages({})), who).toMatch(/^FORBIDDEN/);
      expect(await codeOf(c.emergencyAccesses({})), who).toMatch(/^FORBIDDEN/);
      expect(await codeOf(c.directory()), who).toMatch(/^FORBIDDEN/);
    }
    expect(await codeOf(h.callerFor(null).compliance.auditLog({}))).toMatch(/^UNAUTHORIZED/);
  });

  it("sees no clinical content: patient procedures are closed to the compliance officer", async () => {
    const c = h.callerFor("compliance");
    expect(await codeOf(c.patients.get({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(c.carePlan.patientView({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(c.checkIns.list({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(c.patients.list({}))).toMatch(/^FORBIDDEN/);
  });

  it("filters by patient, person, action (exact or prefix), outcome and dates, newest first", async () => {
    const c = h.callerFor("compliance").compliance;
    const byPatient = await c.auditLog({ filter: { patientId: alex }, limit: 200 });
    expect(byPatient.items.length).toBeGreaterThan(2);
    expect(byPatient.items.every((r) => r.patientId === alex)).toBe(true);
    expect(byPatient.items.map((r) => r.id)).toEqual([...byPatient.items.map((r) => r.id)].sort((a, b) => b - a));
    expect(byPatient.items.find((r) => r.action === "patients.get" && r.actorName === "Dr. Maya Okafor")).toMatchObject({ outcome: "allowed", patientName: "Alex Morgan", actorRole: "pain_physician" });

    const denied = await c.auditLog({ filter: { patientId: alex, outcome: "denied" } });
    expect(denied.items.map((r) => [r.action, r.actorName])).toContainEqual(["patients.get", "Dr. Elena Vargas"]);
    expect(denied.items.every((r) => r.outcome === "denied")).toBe(true);

    const byActor = await c.auditLog({ filter: { actorId: h.ids.users.outsider } });
    expect(byActor.items.every((r) => r.actorId === h.ids.users.outsider)).toBe(true);
    expect(new Set(byActor.items.map((r) => r.patientName))).toEqual(new Set(["Alex Morgan", "Casey Nguyen", null]));

    const plan = await c.auditLog({ filter: { action: "carePlan.*" } });
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.items.every((r) => r.action.startsWith("carePlan."))).toBe(true);
    const exact = await c.auditLog({ filter: { action: "carePlan" } });
    expect(exact.items).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await c.auditLog({ filter: { patientId: alex, from: today, to: today } })).items.length).toBeGreaterThan(0);
    expect((await c.auditLog({ filter: { patientId: alex, to: "2020-01-01" } })).items).toEqual([]);
    expect(await codeOf(c.auditLog({ filter: { from: "2026-12-02", to: "2026-12-01" } }))).toMatch(/^BAD_REQUEST: filter.to: The end date is before the start date/);
    expect(await codeOf(c.auditLog({ filter: { action: "x' or 1=1 --" } }))).toMatch(/^BAD_REQUEST: filter.action/);
    expect(await codeOf(c.auditLog({ cursor: Buffer.from('["x"]').toString("base64url") }))).toMatch(/^BAD_REQUEST/);
  });

  it("pages by key: no row twice, none skipped", async () => {
    const c = h.callerFor("compliance").compliance;
    const all = await c.auditLog({ filter: { patientId: alex }, limit: 200 });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.auditLog({ filter: { patientId: alex }, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // The searches themselves are audited with a patient filter, so rows arrive while paging: every
    // row of the first full read is still seen exactly once.
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of all.items.map((r) => r.id)) expect(seen).toContain(id);
  });

  it("exports the search as CSV, audited with its filters and row count", async () => {
    const c = h.callerFor("compliance").compliance;
    const out = await c.exportAudit({ filter: { patientId: alex, action: "patients.*" } });
    const lines = out.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor,actor_role,actor_id,action,outcome,patient,patient_id,detail");
    expect(lines.length - 1).toBe(out.rows);
    expect(out.rows).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(",patients."))).toBe(true);
    expect(out.truncated).toBe(false);
    expect(out.filename).toMatch(/^concord-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const [row] = await queryRows<{ detail: { filter: Record<string, string>; rows: number } }>(
      h.handle.db,
      sql`select detail from audit_events where action = 'compliance.exportAudit' and actor_id = ${h.ids.users.compliance} and detail ? 'filter' order by id desc limit 1`,
    );
    expect(row?.detail).toMatchObject({ filter: { patientId: alex, action: "patients.*" }, rows: out.rows });
  });

  it("reads a deleted message's words from the archive only, and that read is audited and shown to the patient", async () => {
    const words = `amber kestrel ${backend}`;
    const pt = h.callerFor("pt");
    const { threadId } = await pt.messaging.createThread({ patientId: alex, space: "patient", title: "Pacing", body: "How is the week?" });
    const posted = await pt.messaging.post({ patientId: alex, threadId, body: words });
    await pt.messaging.delete({ patientId: alex, messageId: posted.id, expectedVersion: 1 });

    const page = await h.callerFor("compliance").compliance.deletedMessages({ patientId: alex });
    expect(page.items[0]).toMatchObject({ messageId: posted.id, body: words, patientName: "Alex Morgan", threadTitle: "Pacing", authorName: "Sam Lindqvist", deletedByName: "Sam Lindqvist" });
    const audited = await queryRows<{ n: number }>(
      h.handle.db,
      sql`select count(*)::int as n from audit_events where action = 'compliance.deletedMessages' and patient_id = ${alex} and actor_id = ${h.ids.users.compliance}`,
    );
    expect(Number(audited[0]?.n)).toBeGreaterThan(0);
    const log = await h.callerFor("alex").patients.accessLog({ patientId: alex });
    expect(log.days.flatMap((d) => d.entries)).toContainEqual(expect.objectContaining({ who: "Noor Haddad", role: "Compliance officer", what: "read deleted messages about you, for a compliance review" }));
  });

  it("offers staff and patients by name for the filters, without clinical content", async () => {
    const directory = await h.callerFor("compliance").compliance.directory();
    expect(directory.staff.map((s) => s.name)).toContain("Dr. Maya Okafor");
    expect(directory.staff.some((s) => s.role === "patient")).toBe(false);
    expect(directory.patients.map((p) => p.name)).toEqual(expect.arrayContaining(["Alex Morgan", "Casey Nguyen", "Jordan Lee"]));
    expect(Object.keys(directory.patients[0] ?? {}).sort()).toEqual(["dateOfBirth", "id", "name"]);
  });
});
