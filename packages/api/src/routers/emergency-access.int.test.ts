import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNotifications, queryRows, sql } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { type Harness, codeOf, openHarness } from "../testing/harness";

const REASON = "Seen in the emergency department after a fall; needs current medications.";

describe.each(testBackends())("emergency access (break the glass), on %s", (backend) => {
  let h: Harness;
  let alex: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("is closed until opened: a clinician off the team gets not found, as for a patient who does not exist", async () => {
    expect(await codeOf(h.callerFor("outsider").patients.get({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("outsider").carePlan.get({ patientId: alex }))).toMatch(/^NOT_FOUND/);
  });

  it("opens only for an exact name and date of birth, audits a miss without the names typed, and asks for a real reason", async () => {
    const outsider = h.callerFor("outsider");
    expect(await codeOf(outsider.emergencyAccess.open({ name: "Alex Morgan", dateOfBirth: "1988-04-13", reason: REASON }))).toMatch(/^NOT_FOUND: No patient matches/);
    expect(await codeOf(outsider.emergencyAccess.open({ name: "Alex Morgan", dateOfBirth: "1988-04-12", reason: "need it" }))).toMatch(/^BAD_REQUEST: reason: .*at least 15/);
    const misses = await queryRows<{ detail: unknown; patient_id: string | null }>(
      h.handle.db,
      sql`select detail, patient_id from audit_events where action = 'emergencyAccess.open' and outcome = 'denied' and actor_id = ${h.ids.users.outsider}`,
    );
    expect(misses).toHaveLength(1);
    expect(misses[0]?.patient_id).toBeNull();
    expect(JSON.stringify(misses[0]?.detail)).not.toMatch(/Alex|1988/);
  });

  it("gives read-only access for 60 minutes, tells the team, the administrators and compliance at once, and marks every read", async () => {
    const outsider = h.callerFor("outsider");
    const before = Date.now();
    const opened = await outsider.emergencyAccess.open({ name: "  alex   MORGAN ", dateOfBirth: "1988-04-12", reason: REASON });
    expect(opened).toMatchObject({ patientId: alex, patientName: "Alex Morgan", reopened: false });
    const minutes = (opened.expiresAt.getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(59.9);
    expect(minutes).toBeLessThan(60.1);

    const record = await outsider.patients.get({ patientId: alex });
    expect(record.emergencyAccessUntil?.toISOString()).toBe(opened.expiresAt.toISOString());
    expect(record.viewerDiscipline).toBeNull();
    await outsider.carePlan.get({ patientId: alex });
    await outsider.checkIns.list({ patientId: alex });
    await outsider.alerts.list({ patientId: alex });
    // Read-only: no write, and no conversations.
    expect(await codeOf(outsider.carePlan.comment({ patientId: alex, body: "hello" }))).toMatch(/^(NOT_FOUND|BAD_REQUEST)/);
    expect(await codeOf(outsider.messaging.threads({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(outsider.measures.recordCss({ patientId: alex } as never))).toMatch(/^(NOT_FOUND|BAD_REQUEST)/);

    const marked = await queryRows<{ action: string }>(
      h.handle.db,
      sql`select action from audit_events where actor_id = ${h.ids.users.outsider} and patient_id = ${alex} and outcome = 'allowed' and detail->>'via' = 'emergencyAccess'`,
    );
    expect(marked.map((r) => r.action)).toEqual(expect.arrayContaining(["patients.get", "carePlan.get", "checkIns.list", "alerts.list"]));

    const titleFor = async (who: "physician" | "pt" | "admin" | "compliance" | "jordan") =>
      (await listNotifications(h.handle.db, { userId: h.ids.users[who], limit: 20 })).items.filter((n) => n.kind === "emergency_access").map((n) => n.title);
    expect((await titleFor("physician"))[0]).toContain(`Reason: ${REASON}`);
    expect((await titleFor("pt"))[0]).toContain("opened Alex Morgan's record");
    const admin = (await titleFor("admin"))[0];
    expect(admin).toContain("read-only for 60 minutes");
    expect(admin).not.toContain("emergency department");
    expect((await titleFor("compliance"))[0]).toContain("Emergency access to review");
    expect(await titleFor("jordan")).toEqual([]);

    // Opening again while open changes nothing and tells no one twice.
    const again = await outsider.emergencyAccess.open({ name: "Alex Morgan", dateOfBirth: "1988-04-12", reason: REASON });
    expect(again).toMatchObject({ id: opened.id, reopened: true });
    expect(await titleFor("physician")).toHaveLength(1);
    expect((await outsider.emergencyAccess.mine()).map((a) => a.id)).toEqual([opened.id]);
  });

  it("ends when the clinician ends it (or when it expires): the record is closed again", async () => {
    const [open] = await h.callerFor("outsider").emergencyAccess.mine();
    expect(await codeOf(h.callerFor("physician").emergencyAccess.end({ id: open!.id }))).toMatch(/^NOT_FOUND/);
    const ended = await h.callerFor("outsider").emergencyAccess.end({ id: open!.id });
    expect(ended.endedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await codeOf(h.callerFor("outsider").patients.get({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("outsider").emergencyAccess.end({ id: open!.id }))).toMatch(/^NOT_FOUND/);
    // The database lets an access be ended, never lengthened.
    await expect(h.handle.db.execute(sql`update emergency_accesses set expires_at = expires_at + interval '1 hour' where id = ${open!.id}`)).rejects.toThrow();
  });

  it("is refused to a clinician on the team, a patient, an admin and a compliance officer", async () => {
    const input = { name: "Alex Morgan", dateOfBirth: "1988-04-12", reason: REASON };
    expect(await codeOf(h.callerFor("physician").emergencyAccess.open(input))).toMatch(/^BAD_REQUEST: You are on this patient's care team/);
    for (const who of ["alex", "admin", "compliance"] as const) expect(await codeOf(h.callerFor(who).emergencyAccess.open(input)), who).toMatch(/^FORBIDDEN/);
  });

  it("waits for review; a compliance officer reviews it once, with a note; the patient sees it and its reason", async () => {
    const compliance = h.callerFor("compliance");
    const waiting = await compliance.compliance.emergencyAccesses({ status: "waiting" });
    expect(waiting.items).toHaveLength(1);
    const item = waiting.items[0]!;
    expect(item).toMatchObject({ clinicianName: "Dr. Elena Vargas", patientName: "Alex Morgan", reason: REASON, reviewedAt: null });
    expect(item.readsDuring).toBeGreaterThanOrEqual(4);
    const shown = await queryRows<{ n: number }>(
      h.handle.db,
      sql`select count(*)::int as n from audit_events where action = 'compliance.emergencyAccesses' and patient_id = ${alex} and actor_id = ${h.ids.users.compliance}`,
    );
    expect(Number(shown[0]?.n)).toBe(1);
    expect(await codeOf(compliance.compliance.reviewEmergencyAccess({ id: item.id, note: "  " }))).toMatch(/^BAD_REQUEST: note:/);
    await compliance.compliance.reviewEmergencyAccess({ id: item.id, note: "Matches the ED attendance record." });
    expect(await codeOf(compliance.compliance.reviewEmergencyAccess({ id: item.id, note: "again" }))).toMatch(/^CONFLICT/);
    expect((await compliance.compliance.emergencyAccesses({ status: "waiting" })).items).toHaveLength(0);
    expect((await compliance.compliance.emergencyAccesses({ status: "reviewed" })).items[0]).toMatchObject({ reviewNote: "Matches the ED attendance record.", reviewerName: "Noor Haddad" });
    await expect(h.handle.db.execute(sql`update emergency_accesses set review_note = 'changed' where id = ${item.id}`)).rejects.toThrow();
    await expect(h.handle.db.execute(sql`delete from emergency_accesses where id = ${item.id}`)).rejects.toThrow();

    const log = await h.callerFor("alex").patients.accessLog({ patientId: alex });
    const entries = log.days.flatMap((d) => d.entries);
    expect(entries.find((e) => e.what === "opened your record in an emergency")).toMatchObject({ who: "Dr. Elena Vargas", emergency: true, reason: REASON });
    expect(entries.find((e) => e.who === "Dr. Elena Vargas" && e.what === "read your care plan")).toMatchObject({ emergency: true });
  });

  it("is reviewed once it has ended, so the review sees every read made under it", async () => {
    const opened = await h.callerFor("outsider").emergencyAccess.open({ name: "Jordan Lee", dateOfBirth: "1975-09-30", reason: REASON });
    const compliance = h.callerFor("compliance").compliance;
    expect(await codeOf(compliance.reviewEmergencyAccess({ id: opened.id, note: "Too early." }))).toMatch(/^CONFLICT: This emergency access is still open/);
    await expect(h.handle.db.execute(sql`update emergency_accesses set reviewed_at = now(), reviewed_by = ${h.ids.users.compliance}, review_note = 'x' where id = ${opened.id}`)).rejects.toThrow();
    await h.callerFor("outsider").emergencyAccess.end({ id: opened.id });
    expect(await compliance.reviewEmergencyAccess({ id: opened.id, note: "Checked after it ended." })).toMatchObject({ id: opened.id });
  });
});
