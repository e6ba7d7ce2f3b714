import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail, listAuditForActor } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { type Harness, openHarness, codeOf } from "../testing/harness";


describe.each(testBackends())("admin procedures on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.close());

  it("creates a patient account with its record, and audits it", async () => {
    const admin = h.callerFor("admin");
    const created = await admin.admin.users.create({
      email: "New.Patient@Example.org",
      name: "Robin Patel",
      role: "patient",
      password: "a-long-enough-password",
      patient: { dateOfBirth: "1990-02-03", diagnosisCode: "G90.511", onsetDate: "2026-09-01" },
    });
    expect(created).toMatchObject({ email: "new.patient@example.org", role: "patient" });
    expect(created.patientId).toBeTruthy();
    const [audit] = await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.users.create", 1);
    expect(audit).toMatchObject({ outcome: "allowed", patientId: created.patientId });
  });

  it("refuses bad input with messages that name the field, writing nothing", async () => {
    const admin = h.callerFor("admin");
    expect(await codeOf(admin.admin.users.create({ email: "pt@concord.demo", name: "Dup", role: "admin", password: "a-long-enough-password" }))).toBe(
      "BAD_REQUEST: An account with this email already exists.",
    );
    const missing = await codeOf(admin.admin.users.create({ email: "p2@example.org", name: "No Details", role: "patient", password: "a-long-enough-password" }));
    expect(missing).toContain("A patient account needs date of birth, diagnosis code and onset date.");
    const badCode = await codeOf(
      admin.admin.users.create({
        email: "p3@example.org",
        name: "Bad Code",
        role: "patient",
        password: "a-long-enough-password",
        patient: { dateOfBirth: "1990-02-03", diagnosisCode: "M79.1" as never, onsetDate: "2026-09-01" },
      }),
    );
    expect(badCode).toContain("Choose a CRPS diagnosis code");
    expect(await findUserByEmail(h.handle.db, "p2@example.org")).toBeNull();
    expect(await findUserByEmail(h.handle.db, "p3@example.org")).toBeNull();
  });

  it("will not let an admin lock themself out", async () => {
    expect(await codeOf(h.callerFor("admin").admin.users.setActive({ userId: h.ids.users.admin, active: false }))).toBe(
      "BAD_REQUEST: You cannot deactivate your own account.",
    );
  });

  it("assigns only active clinicians, once", async () => {
    const admin = h.callerFor("admin");
    expect(await codeOf(admin.admin.careTeams.assign({ patientId: h.ids.patients.casey, clinicianId: h.ids.users.jordan }))).toBe(
      "BAD_REQUEST: Only clinicians can join a care team.",
    );
    expect(await codeOf(admin.admin.careTeams.assign({ patientId: h.ids.patients.alex, clinicianId: h.ids.users.pt }))).toBe(
      "BAD_REQUEST: Sam Lindqvist is already on this care team.",
    );
    await admin.admin.careTeams.assign({ patientId: h.ids.patients.casey, clinicianId: h.ids.users.psychologist });
    const team = await h.callerFor("psychologist").patients.careTeam({ patientId: h.ids.patients.casey });
    expect(team.map((m) => m.name)).toContain("Dr. Jonah Weiss");
  });

  it("shows admins names and teams but no clinical fields", async () => {
    const page = await h.callerFor("admin").admin.careTeams.list({ limit: 10 });
    const alex = page.items.find((p) => p.name === "Alex Morgan");
    expect(Object.keys(alex ?? {}).sort()).toEqual(["id", "name", "team"]);
  });

  it("audits every patient a list shows, for clinicians and admins alike", async () => {
    await h.callerFor("ot").patients.list({ limit: 10 });
    const otRows = await listAuditForActor(h.handle.db, h.ids.users.ot, "patients.list", 10);
    expect(new Set(otRows.map((r) => r.patientId))).toEqual(new Set([h.ids.patients.alex, h.ids.patients.jordan]));
    const before = (await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.careTeams.list", 100)).length;
    const page = await h.callerFor("admin").admin.careTeams.list({ limit: 2 });
    const after = await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.careTeams.list", 100);
    expect(after).toHaveLength(before + 2);
    expect(new Set(after.slice(0, 2).map((r) => r.patientId))).toEqual(new Set(page.items.map((p) => p.id)));
  });

  it("rejects a forged page cursor with a clear message", async () => {
    expect(await codeOf(h.callerFor("physician").patients.list({ limit: 5, cursor: "not-a-cursor" }))).toBe(
      "BAD_REQUEST: The page cursor is not valid. Reload the list.",
    );
  });

  it("names the field in validation errors", async () => {
    expect(await codeOf(h.callerFor("physician").patients.get({ patientId: "123" }))).toBe("BAD_REQUEST: patientId: This identifier is not valid.");
  });
});
