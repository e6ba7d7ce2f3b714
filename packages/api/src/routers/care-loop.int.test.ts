import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URGENT_ACKNOWLEDGE_MINUTES, addDays, todayInZone } from "@concord/domain";
import { addCareTeamMember, queryRows, removeCareTeamMember, sql } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { DEMO_TIME_ZONES } from "../demo/index";
import { type Harness, openHarness, codeOf, checkInInput } from "../testing/harness";

/**
 * The care loop across people: what the patient reports reaches the team, and every red flag
 * reaches a person — whatever the date of the check-in, after an earlier alert was acknowledged, on
 * a team without the disciplines a rule names, and on a team with no clinician at all.
 */


// Alex's day (Los Angeles); Casey (London) is never behind it.
const today = todayInZone(DEMO_TIME_ZONES.alex);
const daysAgo = (n: number) => addDays(today, -n);

const checkIn = checkInInput;

describe.each(testBackends())("the care loop on %s", (backend) => {
  let h: Harness;
  let alex: string;
  let casey: string;
  const notificationsOf = async (patientId: string | null, kind: string) =>
    queryRows<{ user_id: string; title: string }>(
      h.handle.db,
      patientId
        ? sql`select user_id, title from notifications where patient_id = ${patientId} and kind = ${kind} order by id`
        : sql`select user_id, title from notifications where patient_id is null and kind = ${kind} order by id`,
    );
  const alertsOf = async (patientId: string, ruleId: string) =>
    queryRows<{ id: string; source_kind: string; source_id: string; source: string; created_at: string; acknowledge_by: string | null }>(
      h.handle.db,
      sql`select id, source_kind, source_id, source, created_at::text, acknowledge_by::text from alerts where patient_id = ${patientId} and rule_id = ${ruleId} order by created_at`,
    );

  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
    casey = h.ids.patients.casey;
  });
  afterAll(async () => h?.close());

  it("a back-dated check-in with a red flag raises an urgent alert, with its source record and an acknowledge-by time", async () => {
    const patient = h.callerFor("alex");
    await patient.checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(1)) });
    const backDated = await patient.checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(4), { signsOfInfection: true }) });
    expect(backDated).toMatchObject({ redFlagAdvice: true, teamNotified: true, alertsRaised: 1 });
    const [alert] = await alertsOf(alex, "red-flag-infection-or-device");
    expect(alert).toMatchObject({ source_kind: "check_in", source_id: backDated.checkIn.id });
    expect(alert?.source).toContain("Red flags");
    const due = new Date(alert!.acknowledge_by!).getTime() - new Date(alert!.created_at).getTime();
    expect(Math.abs(due - URGENT_ACKNOWLEDGE_MINUTES * 60_000)).toBeLessThan(5_000);
  });

  it("after today's alert was acknowledged, an edit that adds a red flag raises a new alert and notifies again", async () => {
    const patient = h.callerFor("alex");
    const first = await patient.checkIns.submit({ patientId: alex, checkIn: checkIn(today, { coldPaleLimb: true }) });
    const [cold] = await alertsOf(alex, "red-flag-cold-limb");
    await h.callerFor("physician").alerts.acknowledge({ patientId: alex, alertId: cold!.id, note: "Called Alex: hand warm again." });
    const before = (await notificationsOf(alex, "alert")).length;

    const edited = await patient.checkIns.edit({
      patientId: alex,
      checkIn: checkIn(today, { coldPaleLimb: true, chestPainOrBreathlessness: true }),
      expectedVersion: first.checkIn.version,
    });
    expect(edited.emergency).toMatchObject({ number: "911", tel: "tel:911" });
    expect(await alertsOf(alex, "red-flag-cold-limb")).toHaveLength(1); // the same answer on the same record: not again
    expect(await alertsOf(alex, "red-flag-chest-symptoms")).toHaveLength(1);
    // The chest rule names no discipline: every active clinician on Alex's team (four) is told.
    const after = await notificationsOf(alex, "alert");
    expect(after.length - before).toBe(4);
    expect(after.at(-1)?.title).toContain("Chest pain or breathlessness reported");
  });

  it("PHQ-9 item 9 on a team without a psychologist or pain physician reaches every clinician on it", async () => {
    // Casey's team: the outside pain physician only. Replace them with a physical therapist.
    expect(await removeCareTeamMember(h.handle.db, casey, h.ids.users.outsider)).toBe(true);
    await addCareTeamMember(h.handle.db, { patientId: casey, clinicianId: h.ids.users.unassigned, discipline: "physical_therapist", addedBy: null });
    const result = await h.callerFor("casey").measures.submitPhq9({ patientId: casey, takenOn: today, answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
    expect(result.crisisResources).not.toBeNull();
    const notified = await notificationsOf(casey, "alert");
    expect(notified.map((n) => n.user_id)).toEqual([h.ids.users.unassigned]);
  });

  it("a team with no active clinician: admins are told without clinical content, the patient is told the truth", async () => {
    expect(await removeCareTeamMember(h.handle.db, casey, h.ids.users.unassigned)).toBe(true);
    const saved = await h.callerFor("casey").checkIns.submit({ patientId: casey, checkIn: checkIn(today, { suddenSwelling: true }) });
    expect(saved).toMatchObject({ redFlagAdvice: true, teamNotified: false, emergency: { number: "911" } });
    const admin = await notificationsOf(null, "unrouted_alert");
    expect(admin.map((n) => n.user_id)).toEqual([h.ids.users.admin]);
    expect(admin[0]?.title).toContain("Casey");
    expect(admin[0]?.title).not.toMatch(/swelling|thrombosis|calf/i);

    const listed = await h.callerFor("admin").admin.unroutedAlerts();
    expect(listed).toMatchObject([{ patientId: casey, openUrgentAlerts: 2 }]); // the PHQ-9 alert and this one
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(["openUrgentAlerts", "patientId", "patientName", "since"]);
    expect(await codeOf(h.callerFor("physician").admin.unroutedAlerts())).toMatch(/^FORBIDDEN/);
    // Once a clinician is on the team, the patient leaves the admin list.
    await addCareTeamMember(h.handle.db, { patientId: casey, clinicianId: h.ids.users.outsider, discipline: "pain_physician", addedBy: null });
    expect(await h.callerFor("admin").admin.unroutedAlerts()).toEqual([]);
  });

  it("a side effect reported on a medication joins its trial record as patient-reported; the physician confirms it", async () => {
    const form = await h.callerFor("alex").checkIns.form({ patientId: alex, date: daysAgo(2) });
    const medication = form.adherenceItems.find((i) => i.category === "medication");
    expect(medication).toBeDefined();
    const entry = { interventionId: medication!.interventionId, status: "done" as const, sideEffects: "a bit drowsy in the morning" };
    const saved = await h.callerFor("alex").checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(2), { adherence: [entry] }) });
    // Saving the same words again (an edit) does not duplicate the report.
    await h.callerFor("alex").checkIns.edit({ patientId: alex, checkIn: checkIn(daysAgo(2), { adherence: [entry], mood: 5 }), expectedVersion: saved.checkIn.version });

    const reports = await h.callerFor("physician").checkIns.sideEffects({ patientId: alex, interventionId: medication!.interventionId, limit: 10 });
    expect(reports).toMatchObject([{ text: "a bit drowsy in the morning", reportedOn: daysAgo(2), name: medication!.name, review: null }]);
    expect(await codeOf(h.callerFor("pt").checkIns.reviewSideEffect({ patientId: alex, reportId: reports[0]!.id, status: "confirmed" }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("physician").checkIns.reviewSideEffect({ patientId: alex, reportId: reports[0]!.id, status: "noted" }))).toBe(
      "BAD_REQUEST: note: Add a note saying what you make of it.",
    );
    await h.callerFor("physician").checkIns.reviewSideEffect({ patientId: alex, reportId: reports[0]!.id, status: "confirmed" });
    const [reviewed] = await h.callerFor("alex").checkIns.sideEffects({ patientId: alex, interventionId: medication!.interventionId, limit: 10 });
    expect(reviewed?.review).toMatchObject({ status: "confirmed", reviewedByName: expect.any(String) });
    await expect(h.handle.db.execute(sql`delete from reported_side_effects`)).rejects.toThrow();
  });

  it("the clinician's summary shows the latest check-in in the patient's words, new until that clinician has looked", async () => {
    const note = "Typing at work was easier today";
    const latestDay = await h.callerFor("alex").checkIns.get({ patientId: alex, date: today });
    await h.callerFor("alex").checkIns.edit({
      patientId: alex,
      checkIn: checkIn(today, { coldPaleLimb: true, chestPainOrBreathlessness: true, note, symptoms: { allodynia: true } }),
      expectedVersion: latestDay!.version,
    });
    const first = await h.callerFor("ot").checkIns.latestForReview({ patientId: alex });
    expect(first.newSinceLastLook).toBe(true);
    expect(first.checkIn).toMatchObject({ date: today, note, redFlags: ["chestPainOrBreathlessness", "coldPaleLimb"] });
    expect((await h.callerFor("ot").checkIns.latestForReview({ patientId: alex })).newSinceLastLook).toBe(false);
    // Another clinician has not looked yet; and a new edit is new again for the OT.
    expect((await h.callerFor("pt").checkIns.latestForReview({ patientId: alex })).newSinceLastLook).toBe(true);
    await h.callerFor("alex").checkIns.edit({ patientId: alex, checkIn: checkIn(today, { coldPaleLimb: true, chestPainOrBreathlessness: true, note, mood: 3 }), expectedVersion: latestDay!.version + 1 });
    expect((await h.callerFor("ot").checkIns.latestForReview({ patientId: alex })).newSinceLastLook).toBe(true);
    // The list the Progress page shows reports the red flags truthfully, older check-ins included.
    const list = await h.callerFor("physician").checkIns.list({ patientId: alex, limit: 10 });
    expect(list.items.find((c) => c.date === daysAgo(4))?.redFlags).toEqual(["signsOfInfection"]);
    expect(list.items.find((c) => c.date === daysAgo(1))?.redFlags).toEqual([]);
    expect(await codeOf(h.callerFor("alex").checkIns.latestForReview({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("outsider").checkIns.latestForReview({ patientId: alex }))).toMatch(/^NOT_FOUND/);
  });
});
