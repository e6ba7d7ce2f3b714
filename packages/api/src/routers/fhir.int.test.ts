import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordResources, searchsetBundle, type FhirPatientRecordInput } from "@concord/fhir";
import { validateResources } from "@concord/fhir/validation";
import { listAuditForPatient } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { DEMO_THREAD_TITLES, buildDemoHistory } from "../demo/index";
import { type DemoActorKey, type Harness, codeOf, openHarness } from "../testing/harness";

const TEAM_MEMBERS: DemoActorKey[] = ["physician", "outsider", "pt", "ot", "psychologist"];

describe.each(testBackends())("fhir router on %s", (backend) => {
  let h: Harness;
  let alex: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    // The demo's months of check-ins, measures, plan changes and alerts, as the portal's demo has them.
    await buildDemoHistory(h.handle, h.ids, { settings: TEST_CLINIC_SETTINGS });
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("gives the care team the whole record, alerts included", async () => {
    const r = await h.callerFor("physician").fhir.patientRecord({ patientId: alex });
    expect(r.patient).toMatchObject({ id: alex, dateOfBirth: "1988-04-12", diagnosis: { code: "G90.512", crpsType: "I" } });
    expect(r.careTeam.length).toBeGreaterThan(0);
    expect(r.carePlan?.interventions.length).toBeGreaterThan(0);
    expect(r.checkIns.length).toBeGreaterThan(0);
    expect(r.alerts).not.toBeNull();
  });

  it("gives the patient their own record without the team's alerts", async () => {
    const r = await h.callerFor("alex").fhir.patientRecord({ patientId: alex });
    expect(r.patient.id).toBe(alex);
    expect(r.alerts).toBeNull();
  });

  it("is not found for a clinician outside the team, an administrator and another patient; unauthorized signed out", async () => {
    for (const who of ["outsider", "unassigned", "admin", "jordan"] as const) {
      expect(await codeOf(h.callerFor(who).fhir.patientRecord({ patientId: alex }))).toMatch(/^NOT_FOUND/);
      expect(await codeOf(h.callerFor(who).fhir.observations({ patientId: alex, source: "checkIns" }))).toMatch(/^NOT_FOUND/);
    }
    expect(await codeOf(h.callerFor(null).fhir.patientRecord({ patientId: alex }))).toMatch(/^UNAUTHORIZED/);
  });

  it("pages observations by keyset, newest first, without repeats, inside a date range", async () => {
    const caller = h.callerFor("physician");
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const p = await caller.fhir.observations({ patientId: alex, source: "checkIns", limit: 7, cursor });
      seen.push(...p.checkIns.map((c) => c.date));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    expect(seen.length).toBeGreaterThan(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort().reverse()).toEqual(seen);

    const to = seen[3] as string;
    const from = seen[9] as string;
    const ranged = await caller.fhir.observations({ patientId: alex, source: "checkIns", from, to, limit: 100 });
    expect(ranged.checkIns.map((c) => c.date)).toEqual(seen.filter((d) => d >= from && d <= to));
    expect(ranged.nextCursor).toBeNull();

    const phq9 = await caller.fhir.observations({ patientId: alex, source: "measures", kind: "phq9", limit: 100 });
    expect(phq9.measures.every((m) => m.kind === "phq9")).toBe(true);
    expect(await codeOf(caller.fhir.observations({ patientId: alex, source: "checkIns", cursor: "not-a-cursor" }))).toMatch(/^BAD_REQUEST/);
  });

  it("gives shared-thread messages to the patient and the team, never a team-only thread's", async () => {
    for (const who of ["alex", "physician"] as const) {
      const { communications } = await h.callerFor(who).fhir.communications({ patientId: alex });
      const titles = new Set(communications.map((c) => c.threadTitle));
      expect(titles.has(DEMO_THREAD_TITLES.shared), who).toBe(true);
      expect(titles.has(DEMO_THREAD_TITLES.team), who).toBe(false);
      expect(communications.some((c) => c.fromPatient)).toBe(true);
    }
    for (const who of ["outsider", "admin", "jordan"] as const) {
      expect(await codeOf(h.callerFor(who).fhir.communications({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    }
  });

  it("audits each read, allowed and denied", async () => {
    await h.callerFor("pt").fhir.patientRecord({ patientId: alex });
    await codeOf(h.callerFor("outsider").fhir.patientRecord({ patientId: alex }));
    const rows = (await listAuditForPatient(h.handle.db, alex, 50)).filter((a) => a.action === "fhir.patientRecord");
    expect(rows.find((a) => a.actorId === h.ids.users.pt)).toMatchObject({ outcome: "allowed" });
    expect(rows.find((a) => a.actorId === h.ids.users.outsider)).toMatchObject({ outcome: "denied" });
  });

  it("maps every demo patient's record to FHIR R4 resources that validate with zero errors", async () => {
    const resources = [];
    for (const patientId of Object.values(h.ids.patients)) {
      // As the team sees it (alerts included), so every resource type is produced.
      let record: FhirPatientRecordInput | null = null;
      for (const who of TEAM_MEMBERS) {
        record = await h.callerFor(who).fhir.patientRecord({ patientId }).catch(() => null);
        if (record) break;
      }
      expect(record, patientId).not.toBeNull();
      if (record) {
        const { communications } = await h.callerFor("alex").fhir.communications({ patientId }).catch(() => ({ communications: [] }));
        resources.push(...recordResources({ ...record, communications }));
      }
    }
    const bundle = searchsetBundle(resources.slice(0, 20), { baseUrl: "http://localhost/fhir/R4", selfUrl: "http://localhost/fhir/R4/Patient/x/$everything" });
    const report = await validateResources([...resources, bundle]);
    const types = [...new Set(resources.map((r) => r.resourceType))].sort();
    console.log(`[fhir validation] demo clinic on ${backend}: ${report.validated} resources validated (${types.join(", ")}), ${report.errors.length} with errors`);
    expect(report.errors).toEqual([]);
    expect(types).toEqual(expect.arrayContaining(["CarePlan", "CareTeam", "Communication", "Condition", "Flag", "Goal", "MedicationRequest", "Observation", "Patient", "ServiceRequest"]));
  });
});
