import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@concord/domain";
import { listAuditForPatient } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { type Harness, codeOf, openHarness } from "../testing/harness";

describe.each(testBackends())("patients.secondOpinion on %s", (backend) => {
  let h: Harness;
  let alex: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("gives the care team the diagnosis with its ICD-10-CM code, date of birth, team, medications, scores and open alerts", async () => {
    const s = await h.callerFor("physician").patients.secondOpinion({ patientId: alex });
    expect(s.patient).toMatchObject({ dateOfBirth: "1988-04-12", diagnosis: { code: "G90.512", crpsType: "I", limb: "left upper limb" } });
    expect(s.patient.onsetDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.careTeam.map((m) => m.discipline)).toContain("Pain physician");
    expect(s.medications.length).toBeGreaterThan(0);
    for (const m of s.medications) {
      expect(m.currentDose).toMatch(/\d/);
      expect(m.status).not.toBe("proposed");
    }
    expect(s.interventions.every((i) => i.status !== "proposed")).toBe(true);
    expect(s.scores.map((x) => x.kind)).toEqual(["css", "phq9", "gad7", "psfs"]);
    expect(s.openAlerts).not.toBeNull();
    expect(s.forPatient).toBe(false);
  });

  it("gives the patient their own copy without the team's alerts", async () => {
    const s = await h.callerFor("alex").patients.secondOpinion({ patientId: alex });
    expect(s.patient.diagnosis.code).toBe("G90.512");
    expect(s.forPatient).toBe(true);
    expect(s.openAlerts).toBeNull();
  });

  it("is not found for a clinician outside the team, an administrator, another patient and the signed-out", async () => {
    for (const who of ["outsider", "admin", "jordan", "unassigned"] as const) {
      expect(await codeOf(h.callerFor(who).patients.secondOpinion({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    }
    expect(await codeOf(h.callerFor(null).patients.secondOpinion({ patientId: alex }))).toMatch(/^UNAUTHORIZED/);
  });

  it("gives the trend charts an axis inside the window and the patient a plain-language summary", async () => {
    const me = await h.callerFor("alex").me.get();
    const from = addDays(me.today, -89);
    const trends = await h.callerFor("alex").measures.trends({ patientId: alex, from, to: me.today });
    expect(trends.axis.from >= from && trends.axis.to <= addDays(me.today, 3)).toBe(true);
    expect(trends.summary.map((x) => x.label)).toEqual(["average pain", "worst pain", "share of plan activities done"]);
    for (const x of trends.summary) expect(x.text).toMatch(/^(Your .* over the last 4 weeks|Not enough check-ins yet to see a trend in your .*)/);
  });

  it("audits every download, allowed and denied", async () => {
    await h.callerFor("pt").patients.secondOpinion({ patientId: alex });
    await codeOf(h.callerFor("outsider").patients.secondOpinion({ patientId: alex }));
    const rows = (await listAuditForPatient(h.handle.db, alex, 20)).filter((a) => a.action === "patients.secondOpinion");
    expect(rows.find((a) => a.actorId === h.ids.users.pt)).toMatchObject({ outcome: "allowed" });
    expect(rows.find((a) => a.actorId === h.ids.users.outsider)).toMatchObject({ outcome: "denied" });
  });
});
