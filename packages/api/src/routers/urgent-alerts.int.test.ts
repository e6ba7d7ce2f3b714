import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { type AlertSeverity, type ClinicSettings, PHONE_MESSAGE, crisisResourcesFor, urgentSymptomResourcesFor } from "@concord/domain";
import { type NewAlert, acknowledgeAlert, addCareTeamMember, encodeCursor, getPatient, insertAlerts, insertPatient } from "@concord/db";
import { TEST_CLINIC_SETTINGS, testBackends } from "@concord/db/testing";
import { createCaller } from "../root";
import { type Harness, openHarness } from "../testing/harness";

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : String(e);
  }
}

let serial = 0;
function alert(patientId: string, severity: AlertSeverity, overrides: Partial<NewAlert> = {}): NewAlert {
  serial += 1;
  return {
    patientId,
    ruleId: severity === "urgent" ? "phq9-self-harm" : "css-rising",
    severity,
    title: `Test ${severity} alert ${serial}`,
    logic: "Test rule.",
    consider: "Consider checking.",
    message: `Clinical wording ${serial} for the care team only.`,
    evidence: [],
    notify: [],
    dedupeKey: `urgent-alerts-test:${serial}`,
    ...overrides,
  };
}

describe.each(testBackends())("urgent alerts, counts, crisis resources and the patient's phone on %s", (backend) => {
  let h: Harness;
  let alex: string;
  let jordan: string;
  let casey: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    ({ alex, jordan, casey } = h.ids.patients);
  });
  afterAll(async () => h?.close());

  const acknowledgeAll = async (patientId: string) => {
    const open = await h.callerFor("physician").alerts.list({ patientId, includeAcknowledged: false, limit: 100 });
    for (const a of open.items) await h.callerFor("physician").alerts.acknowledge({ patientId, alertId: a.id, note: "Handled in test." });
  };

  describe("alerts.counts", () => {
    it("counts open alerts over the clinician's own care teams only, and drops with acknowledgement", async () => {
      const before = await h.callerFor("physician").alerts.counts();
      const outsiderBefore = await h.callerFor("outsider").alerts.counts();
      await insertAlerts(h.handle.db, [alert(alex, "urgent"), alert(jordan, "review"), alert(jordan, "review"), alert(casey, "urgent")]);

      expect(await h.callerFor("physician").alerts.counts()).toEqual({ urgent: before.urgent + 1, review: before.review + 2 });
      expect(await h.callerFor("psychologist").alerts.counts()).toEqual({ urgent: before.urgent + 1, review: before.review + 2 });
      // Casey is on the outsider's team only: their alert counts there, and nowhere else.
      expect(await h.callerFor("outsider").alerts.counts()).toEqual({ urgent: outsiderBefore.urgent + 1, review: outsiderBefore.review });
      expect(await h.callerFor("unassigned").alerts.counts()).toEqual({ urgent: 0, review: 0 });

      await acknowledgeAll(alex);
      await acknowledgeAll(jordan);
      expect(await h.callerFor("physician").alerts.counts()).toEqual({ urgent: 0, review: 0 });
      expect((await h.callerFor("outsider").alerts.counts()).urgent).toBe(outsiderBefore.urgent + 1);
    });

    it("refuses patients, administrators and anonymous callers", async () => {
      expect(await codeOf(h.callerFor("alex").alerts.counts())).toBe("FORBIDDEN");
      expect(await codeOf(h.callerFor("admin").alerts.counts())).toBe("FORBIDDEN");
      expect(await codeOf(h.callerFor(null).alerts.counts())).toBe("UNAUTHORIZED");
    });
  });

  describe("My patients: urgent first, keyset pages", () => {
    it("lists patients with an open urgent alert first, with per-row counts, and pages without gaps or repeats", async () => {
      // Eight more patients on the physician's team; three of them (not the first names) get urgent alerts.
      const names = ["Aaron Abbott", "Bea Brandt", "Cal Cruz", "Dee Dunn", "Eli Ek", "Fay Fox", "Gus Gray", "Hal Hart"];
      const extra: Record<string, string> = {};
      for (const name of names) {
        const p = await insertPatient(h.handle.db, { userId: null, name, dateOfBirth: "1980-01-01", diagnosisCode: "G90.50", onsetDate: "2025-01-01" });
        await addCareTeamMember(h.handle.db, { patientId: p.id, clinicianId: h.ids.users.physician, discipline: "pain_physician", addedBy: h.ids.users.admin });
        extra[name] = p.id;
      }
      const ids = (n: string) => extra[n] as string;
      await insertAlerts(h.handle.db, [
        alert(ids("Gus Gray"), "urgent"),
        alert(ids("Gus Gray"), "urgent"),
        alert(ids("Gus Gray"), "review"),
        alert(ids("Cal Cruz"), "urgent"),
        alert(ids("Fay Fox"), "urgent"),
        alert(ids("Aaron Abbott"), "review"),
      ]);
      // An acknowledged urgent alert does not count.
      const [handled] = await insertAlerts(h.handle.db, [alert(ids("Bea Brandt"), "urgent")]);
      await acknowledgeAlert(h.handle.db, { patientId: ids("Bea Brandt"), alertId: handled?.id as string, userId: h.ids.users.physician, note: "done" });

      const physician = h.callerFor("physician");
      const all = await physician.patients.list({ limit: 100 });
      expect(all.nextCursor).toBeNull();
      expect(all.items.map((p) => p.name)).toEqual([
        "Cal Cruz",
        "Fay Fox",
        "Gus Gray",
        "Aaron Abbott",
        "Alex Morgan",
        "Bea Brandt",
        "Dee Dunn",
        "Eli Ek",
        "Hal Hart",
        "Jordan Lee",
      ]);
      const row = (name: string) => all.items.find((p) => p.name === name);
      expect(row("Gus Gray")).toMatchObject({ openUrgentAlerts: 2, openReviewAlerts: 1 });
      expect(row("Aaron Abbott")).toMatchObject({ openUrgentAlerts: 0, openReviewAlerts: 1 });
      expect(row("Bea Brandt")).toMatchObject({ openUrgentAlerts: 0, openReviewAlerts: 0 });
      // The outsider's patient never appears, whatever is open for them.
      expect(all.items.some((p) => p.id === casey)).toBe(false);

      for (const limit of [1, 2, 3, 4]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 20; guard += 1) {
          const page = await physician.patients.list({ limit, cursor });
          seen.push(...page.items.map((p) => p.name));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(seen, `pages of ${limit}`).toEqual(all.items.map((p) => p.name));
      }

      // Searching keeps the order and the scope.
      expect((await physician.patients.list({ search: "r", limit: 100 })).items.map((p) => p.name)).toEqual([
        "Cal Cruz",
        "Gus Gray",
        "Aaron Abbott",
        "Alex Morgan",
        "Bea Brandt",
        "Hal Hart",
        "Jordan Lee",
      ]);

      for (const name of names) await acknowledgeAll(ids(name));
      expect((await physician.patients.list({ limit: 3 })).items.map((p) => p.name)).toEqual(["Aaron Abbott", "Alex Morgan", "Bea Brandt"]);
    });

    it("refuses a forged or damaged cursor with BAD_REQUEST, not a database error", async () => {
      const physician = h.callerFor("physician");
      const forged = [
        encodeCursor([0, "Alex Morgan", "not-a-uuid"]),
        encodeCursor([7, "Alex Morgan", alex]),
        encodeCursor(["Alex Morgan", alex]),
        encodeCursor([1, 5, alex]),
        "%%%",
      ];
      for (const cursor of forged) expect(await codeOf(physician.patients.list({ limit: 5, cursor })), cursor).toBe("BAD_REQUEST");
      // A cursor the list itself handed out still works (its shape now carries the sort: see patient-list.int.test).
      const first = await physician.patients.list({ limit: 1 });
      expect(first.nextCursor).toBeTruthy();
      expect(await codeOf(physician.patients.list({ limit: 5, cursor: first.nextCursor ?? "" }))).toBe("OK");
    });
  });

  describe("the patient's phone", () => {
    it("is on the summary for the care team and the patient themself; an outsider or another patient gets NOT FOUND", async () => {
      expect((await h.callerFor("physician").patients.get({ patientId: alex })).phone).toBe("+1 415 555 0142");
      expect((await h.callerFor("ot").patients.get({ patientId: alex })).phone).toBe("+1 415 555 0142");
      expect((await h.callerFor("alex").patients.get({ patientId: alex })).phone).toBe("+1 415 555 0142");
      expect(await codeOf(h.callerFor("outsider").patients.get({ patientId: alex }))).toBe("NOT_FOUND");
      expect(await codeOf(h.callerFor("jordan").patients.get({ patientId: alex }))).toBe("NOT_FOUND");
      expect(await codeOf(h.callerFor("admin").patients.get({ patientId: alex }))).toBe("NOT_FOUND");
    });

    it("is on every alert for the care team: the patient's alert list and the worklist, never another team's patient", async () => {
      await insertAlerts(h.handle.db, [alert(alex, "urgent"), alert(casey, "review")]);
      const list = await h.callerFor("psychologist").alerts.list({ patientId: alex, includeAcknowledged: false, limit: 10 });
      expect(list.items.length).toBeGreaterThan(0);
      for (const a of list.items) expect(a).toMatchObject({ patientName: "Alex Morgan", patientPhone: "+1 415 555 0142" });
      expect(await codeOf(h.callerFor("outsider").alerts.list({ patientId: alex, limit: 10 }))).toBe("NOT_FOUND");

      const worklist = (await h.callerFor("psychologist").alerts.worklist({ limit: 100 })).items;
      expect(worklist.some((a) => a.patientId === alex && a.patientPhone === "+1 415 555 0142")).toBe(true);
      expect(worklist.some((a) => a.patientId === casey)).toBe(false);
      const outsiders = (await h.callerFor("outsider").alerts.worklist({ limit: 100 })).items;
      expect(outsiders.map((a) => a.patientPhone)).toContain("+44 20 7946 0321");
      expect(outsiders.some((a) => a.patientPhone === "+1 415 555 0142" || a.patientId === alex)).toBe(false);
      await acknowledgeAll(alex);
    });

    it("is accepted, validated and stored on admin account creation", async () => {
      const admin = h.callerFor("admin");
      const patient = { dateOfBirth: "1990-05-01", diagnosisCode: "G90.511" as const, onsetDate: "2026-01-10" };
      const created = await admin.patients.register({
        email: "phone.patient@concord.test",
        name: "Phone Patient",
        patient: { ...patient, phone: " +1 (415) 555-0199 " },
      });
      expect((await getPatient(h.handle.db, created.patientId as string))?.phone).toBe("+1 (415) 555-0199");

      const noPhone = await admin.patients.register({
        email: "nophone.patient@concord.test",
        name: "No Phone",
        patient: { ...patient, phone: "" },
      });
      expect((await getPatient(h.handle.db, noPhone.patientId as string))?.phone).toBeNull();

      const bad = admin.patients.register({
        email: "badphone.patient@concord.test",
        name: "Bad Phone",
        patient: { ...patient, phone: "call me maybe" },
      });
      await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST", message: `patient.phone: ${PHONE_MESSAGE}` });
      const users = await admin.admin.users.list({ search: "Bad Phone", limit: 5 });
      expect(users.items).toHaveLength(0);
    });
  });

  describe("patients.safety (the patient's home)", () => {
    it("shows the region's crisis resources while an urgent alert is open, without the alert's clinical wording", async () => {
      const patient = h.callerFor("alex");
      await acknowledgeAll(alex);
      expect(await patient.patients.safety({ patientId: alex })).toEqual({ showCrisisResources: false, resources: null, reason: null });

      // A review alert alone does not bring them up.
      await insertAlerts(h.handle.db, [alert(alex, "review")]);
      expect((await patient.patients.safety({ patientId: alex })).showCrisisResources).toBe(false);

      const [urgent] = await insertAlerts(h.handle.db, [alert(alex, "urgent")]);
      const shown = await patient.patients.safety({ patientId: alex });
      expect(shown).toEqual({ showCrisisResources: true, resources: crisisResourcesFor(TEST_CLINIC_SETTINGS), reason: "self-harm" });
      const text = JSON.stringify(shown);
      expect(text).not.toContain(urgent?.message);
      expect(text).not.toContain(urgent?.title);
      expect(text).toContain("tel:988");

      const uk: ClinicSettings = { ...TEST_CLINIC_SETTINGS, crisisRegion: "uk-ie" };
      const ukCaller = createCaller({ db: h.handle.db, dbKind: h.handle.kind, actor: h.actor("alex"), actorName: "alex", sessionId: null, settings: uk, services: h.services });
      expect((await ukCaller.patients.safety({ patientId: alex })).resources?.entries.map((e) => e.number)).toEqual(["999", "112", "116 123"]);

      await acknowledgeAll(alex);
      expect((await patient.patients.safety({ patientId: alex })).showCrisisResources).toBe(false);

      // An urgent symptom (not self-harm): the emergency number, with words about the symptom, no crisis line.
      await insertAlerts(h.handle.db, [alert(alex, "urgent", { ruleId: "red-flag-cold-limb" })]);
      const symptom = await patient.patients.safety({ patientId: alex });
      expect(symptom).toEqual({ showCrisisResources: true, resources: urgentSymptomResourcesFor(TEST_CLINIC_SETTINGS), reason: "symptom" });
      expect(JSON.stringify(symptom)).not.toMatch(/harming yourself|988/);
      await acknowledgeAll(alex);
    });

    it("is for the patient themself only", async () => {
      for (const who of ["physician", "psychologist", "outsider", "jordan", "admin"] as const) {
        expect(await codeOf(h.callerFor(who).patients.safety({ patientId: alex })), who).toBe("NOT_FOUND");
      }
      expect(await codeOf(h.callerFor(null).patients.safety({ patientId: alex }))).toBe("UNAUTHORIZED");
    });
  });
});
