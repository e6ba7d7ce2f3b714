import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, CSS_ITEM_IDS, TIME_ZONE_MESSAGE, addDays, todayInZone } from "@concord/domain";
import { type DbHandle, findUserByEmail, getPatient, listAuditForActor } from "@concord/db";
import { TEST_CLINIC_SETTINGS, fixtureHash, openTestDatabase, testBackends } from "@concord/db/testing";
import { createCaller } from "../root";
import { DEMO_TIME_ZONES, type DemoIds, buildDemoClinic } from "../demo/index";
import { testServices } from "../testing/services";
import { codeOf } from "../testing/harness";
import { patientToday } from "../use-cases/patient-clock";
import { getCarePlanForEditing } from "../use-cases/read-care-plan";
import { readMeasureTrends } from "../use-cases/read-measure-trends";
import { viewCarePlanAsPatient } from "../use-cases/view-care-plan-as-patient";

const TEST_SERVICES = testServices();


/**
 * The demo clinic seeded on 25 Nov 2026 (noon in Los Angeles): Alex's pregabalin goes from 75 mg to
 * 150 mg a week later, on 2 Dec 2026. At 2026-12-02T01:30Z it is still 17:30 on 1 Dec in Los Angeles
 * but already 14:30 on 2 Dec in Auckland.
 */
const SEEDED_AT = new Date("2026-11-25T20:00:00Z");
const EVENING_IN_LOS_ANGELES = new Date("2026-12-02T01:30:00Z");
const STEP_DAY = "2026-12-02";

describe.each(testBackends())("time zones on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  const roles = { physician: "pain_physician", outsider: "pain_physician", admin: "admin", alex: "patient", jordan: "patient" } as const;
  const actor = (key: keyof typeof roles): Actor => ({
    userId: ids.users[key],
    role: roles[key],
    patientId: key === "alex" ? ids.patients.alex : key === "jordan" ? ids.patients.jordan : null,
    active: true,
  });
  const callerFor = (key: keyof typeof roles, overrides: Partial<Actor> = {}) =>
    createCaller({ db: handle.db, dbKind: handle.kind, actor: { ...actor(key), ...overrides }, actorName: key, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
  const pregabalin = async (now: Date) => {
    const result = await viewCarePlanAsPatient(handle.db, actor("alex"), ids.patients.alex, TEST_CLINIC_SETTINGS, now);
    return result.view?.goals.flatMap((g) => g.actions).find((a) => a.name.startsWith("Pregabalin"));
  };

  beforeAll(async () => {
      handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash, now: SEEDED_AT });
  });
  afterAll(async () => handle?.close());

  it("seeds the demo patients in their own zones", async () => {
    expect((await getPatient(handle.db, ids.patients.alex))?.timeZone).toBe(DEMO_TIME_ZONES.alex);
    expect((await getPatient(handle.db, ids.patients.jordan))?.timeZone).toBe("America/New_York");
    expect((await getPatient(handle.db, ids.patients.casey))?.timeZone).toBe("Europe/London");
  });

  describe("the patient's day decides today, this week and the next titration step", () => {
    it("in Los Angeles at 17:30 on 1 Dec: today is 1 Dec and this week still shows 75 mg", async () => {
      const clock = await patientToday(handle.db, ids.patients.alex, TEST_CLINIC_SETTINGS, EVENING_IN_LOS_ANGELES);
      expect(clock).toMatchObject({ today: "2026-12-01", timeZone: "America/Los_Angeles" });
      // The clinic's zone in tests is UTC, where it is already 2 Dec: the patient's own zone must win.
      expect(todayInZone(TEST_CLINIC_SETTINGS.timeZone, EVENING_IN_LOS_ANGELES)).toBe(STEP_DAY);

      const action = await pregabalin(EVENING_IN_LOS_ANGELES);
      expect(action?.action).toMatch(/^Pregabalin 75 mg/);
      expect(action?.nextStep).toMatch(/^From 2 Dec 2026: 150 mg/);
      const editing = await getCarePlanForEditing(handle.db, ids.patients.alex, "pain_physician", TEST_CLINIC_SETTINGS, EVENING_IN_LOS_ANGELES);
      expect(editing.today).toBe("2026-12-01");
      const trends = await readMeasureTrends(handle.db, ids.patients.alex, {}, TEST_CLINIC_SETTINGS, EVENING_IN_LOS_ANGELES);
      expect(trends.to).toBe("2026-12-01");
    });

    it("the same instant for a patient in Auckland is 2 Dec: the 150 mg step has begun", async () => {
      const moved = await callerFor("physician").patients.setTimeZone({ patientId: ids.patients.alex, timeZone: "Pacific/Auckland" });
      expect(moved).toMatchObject({ timeZone: "Pacific/Auckland", ownTimeZone: "Pacific/Auckland" });
      try {
        expect((await patientToday(handle.db, ids.patients.alex, TEST_CLINIC_SETTINGS, EVENING_IN_LOS_ANGELES)).today).toBe(STEP_DAY);
        const action = await pregabalin(EVENING_IN_LOS_ANGELES);
        expect(action?.action).toMatch(/^Pregabalin 150 mg/);
        expect(action?.nextStep).toBeNull();
        const trends = await readMeasureTrends(handle.db, ids.patients.alex, {}, TEST_CLINIC_SETTINGS, EVENING_IN_LOS_ANGELES);
        expect(trends.to).toBe(STEP_DAY);
      } finally {
        await callerFor("physician").patients.setTimeZone({ patientId: ids.patients.alex, timeZone: DEMO_TIME_ZONES.alex });
      }
    });

    // A check-in at 23:30 belongs to that evening's day; one at 00:30 to the new day, in either zone.
    it.each([
      ["America/Los_Angeles", "2026-12-02T07:30:00Z", "2026-12-01"],
      ["America/Los_Angeles", "2026-12-02T08:30:00Z", "2026-12-02"],
      ["Pacific/Auckland", "2026-12-01T10:30:00Z", "2026-12-01"],
      ["Pacific/Auckland", "2026-12-01T11:30:00Z", "2026-12-02"],
      // Auckland's clocks go back an hour on 5 Apr 2026: 23:30 that night is 11:30 UTC, not 10:30.
      ["Pacific/Auckland", "2026-04-05T11:30:00Z", "2026-04-05"],
      ["Pacific/Auckland", "2026-04-05T12:30:00Z", "2026-04-06"],
    ])("a check-in from %s at %s is dated %s", async (zone, instant, day) => {
      await callerFor("physician").patients.setTimeZone({ patientId: ids.patients.jordan, timeZone: zone });
      expect((await patientToday(handle.db, ids.patients.jordan, TEST_CLINIC_SETTINGS, new Date(instant))).today).toBe(day);
    });

    it("refuses a measure dated in the patient's tomorrow", async () => {
      const tomorrow = addDays(todayInZone(DEMO_TIME_ZONES.alex), 1);
      const css = Object.fromEntries(CSS_ITEM_IDS.map((k) => [k, false]));
      expect(await codeOf(callerFor("physician").measures.recordCss({ patientId: ids.patients.alex, takenOn: tomorrow, items: css }))).toMatch(
        /^BAD_REQUEST: A measure cannot be dated in the future/,
      );
    });
  });

  describe("choosing a zone", () => {
    it("shows a clinician the clinic's zone until they choose their own, and audits the change", async () => {
      const physician = callerFor("physician");
      expect(await physician.me.get()).toMatchObject({ timeZone: "UTC", ownTimeZone: null, clinicTimeZone: "UTC" });
      const chosen = await physician.me.setTimeZone({ timeZone: "America/Chicago" });
      expect(chosen).toMatchObject({ timeZone: "America/Chicago", ownTimeZone: "America/Chicago", today: todayInZone("America/Chicago") });
      expect(await physician.me.get()).toMatchObject({ timeZone: "America/Chicago" });
      const [, audit] = await listAuditForActor(handle.db, ids.users.physician, "me.setTimeZone", 2);
      expect(audit).toMatchObject({ outcome: "allowed", detail: { from: null, to: "America/Chicago" } });
      expect(await physician.me.setTimeZone({ timeZone: null })).toMatchObject({ timeZone: "UTC", ownTimeZone: null });
    });

    it("moves a patient's own day when the patient chooses a zone", async () => {
      const alex = callerFor("alex");
      expect(await alex.me.get()).toMatchObject({ timeZone: "America/Los_Angeles", ownTimeZone: "America/Los_Angeles" });
      await alex.me.setTimeZone({ timeZone: "Europe/London" });
      expect(await alex.patients.get({ patientId: ids.patients.alex })).toMatchObject({ timeZone: "Europe/London", today: todayInZone("Europe/London") });
      await alex.me.setTimeZone({ timeZone: DEMO_TIME_ZONES.alex });
    });

    it("lets the team and an administrator set a patient's zone, and nobody else", async () => {
      const input = { patientId: ids.patients.alex, timeZone: DEMO_TIME_ZONES.alex };
      expect(await codeOf(callerFor("admin").patients.setTimeZone(input))).toBe("OK");
      expect(await codeOf(callerFor("outsider").patients.setTimeZone(input))).toMatch(/^NOT_FOUND/);
      expect(await codeOf(callerFor("jordan").patients.setTimeZone(input))).toMatch(/^NOT_FOUND/);
    });

    it.each(["Mars/Olympus_Mons", "", "EST5EDT; drop table users"])("refuses the zone %j in words a person understands", async (timeZone) => {
      expect(await codeOf(callerFor("physician").me.setTimeZone({ timeZone }))).toBe(`BAD_REQUEST: timeZone: ${TIME_ZONE_MESSAGE}`);
      expect(await codeOf(callerFor("physician").patients.setTimeZone({ patientId: ids.patients.alex, timeZone }))).toBe(
        `BAD_REQUEST: timeZone: ${TIME_ZONE_MESSAGE}`,
      );
    });
  });

  describe("account creation parses dates strictly", () => {
    const patientAccount = (email: string, patient: Record<string, string>, timeZone?: string | null) => ({
      email,
      name: "Robin Patel",
      patient: { dateOfBirth: "1990-02-03", diagnosisCode: "G90.511" as const, onsetDate: "2026-09-01", ...patient },
      ...(timeZone === undefined ? {} : { timeZone }),
    });

    it.each([
      [{ dateOfBirth: "2023-02-30" }, "patient.dateOfBirth: Date of birth 2023-02-30 is not a real calendar day: February 2023 has 28 days."],
      [{ onsetDate: "2026-04-31" }, "patient.onsetDate: Onset date 2026-04-31 is not a real calendar day: April 2026 has 30 days."],
      [{ dateOfBirth: "03/02/1990" }, "patient.dateOfBirth: Date of birth must be written as YYYY-MM-DD, for example 2026-03-01."],
      [{ dateOfBirth: "2026-09-02" }, "patient.onsetDate: The onset date cannot be before the date of birth."],
      [{ dateOfBirth: "2999-01-01", onsetDate: "2999-01-02" }, "The date of birth cannot be in the future."],
      [{ onsetDate: "2999-01-02" }, "The onset date cannot be in the future."],
    ])("refuses %j with a 400 naming the field, writing nothing", async (patient, message) => {
      const email = `strict-${Object.values(patient).join("-").replaceAll("/", "")}@example.org`;
      expect(await codeOf(callerFor("admin").patients.register(patientAccount(email, patient)))).toBe(`BAD_REQUEST: ${message}`);
      expect(await findUserByEmail(handle.db, email)).toBeNull();
    });

    it("refuses an unknown zone and stores a chosen one on the account and the patient's record", async () => {
      expect(await codeOf(callerFor("admin").patients.register(patientAccount("zone-bad@example.org", {}, "Atlantis/Capital")))).toBe(
        `BAD_REQUEST: timeZone: ${TIME_ZONE_MESSAGE}`,
      );
      const created = await callerFor("admin").patients.register(patientAccount("zone-akl@example.org", {}, "Pacific/Auckland"));
      expect(created.patientId).toBeTruthy();
      expect((await findUserByEmail(handle.db, "zone-akl@example.org"))?.timeZone).toBe("Pacific/Auckland");
      expect((await getPatient(handle.db, created.patientId ?? ""))?.timeZone).toBe("Pacific/Auckland");
      const robin = createCaller({
        db: handle.db,
        dbKind: handle.kind,
        actor: { userId: created.id, role: "patient", patientId: created.patientId, active: true },
        actorName: "Robin",
        sessionId: null,
        settings: TEST_CLINIC_SETTINGS,
        services: TEST_SERVICES,
      });
      expect(await robin.me.get()).toMatchObject({ timeZone: "Pacific/Auckland", today: todayInZone("Pacific/Auckland") });
      // Left to the clinic default, the zone is stored as null and follows the clinic.
      const byDefault = await callerFor("admin").patients.register(patientAccount("zone-default@example.org", {}, null));
      expect((await getPatient(handle.db, byDefault.patientId ?? ""))?.timeZone).toBeNull();
    });
  });
});
