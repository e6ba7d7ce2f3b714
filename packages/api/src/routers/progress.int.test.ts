import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSS_ITEM_IDS, latestPossibleToday, addDays } from "@concord/domain";
import { listAuditForPatient, queryRows, sql } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { demoCalendarDay } from "../demo/index";
import { type Harness, openHarness, codeOf, checkInInput } from "../testing/harness";


// The demo patients live in Los Angeles and New York: the day in the westernmost zone is "today" for
// both (never a future date for either, whatever the hour in UTC).
const today = demoCalendarDay(new Date());
const daysAgo = (n: number) => addDays(today, -n);

const checkIn = checkInInput;

const cssItems = (present: number) => Object.fromEntries(CSS_ITEM_IDS.map((id, i) => [id, i < present]));

describe.each(testBackends())("progress procedures on %s", (backend) => {
  let h: Harness;
  let alex: string;
  let jordan: string;
  const count = async (table: string, patientId: string) =>
    Number((await queryRows<{ n: number }>(h.handle.db, sql`select count(*)::int as n from ${sql.identifier(table)} where patient_id = ${patientId}`))[0]?.n);

  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
    jordan = h.ids.patients.jordan;
  });
  afterAll(async () => h?.close());

  it("saves one check-in a day, refuses a second without editing, and keeps every edit in the history", async () => {
    const patient = h.callerFor("alex");
    const first = await patient.checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(1)) });
    expect(first.checkIn).toMatchObject({ date: daysAgo(1), version: 1, painNow: 6 });

    expect(await codeOf(patient.checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(1), { painNow: 2 }) }))).toBe(
      `CONFLICT: You have already checked in for ${daysAgo(1)}. Edit that check-in instead.`,
    );
    expect((await patient.checkIns.get({ patientId: alex, date: daysAgo(1) }))?.painNow).toBe(6);

    const edited = await patient.checkIns.edit({ patientId: alex, checkIn: checkIn(daysAgo(1), { painNow: 3 }), expectedVersion: 1 });
    expect(edited.checkIn).toMatchObject({ version: 2, painNow: 3 });
    expect(await codeOf(patient.checkIns.edit({ patientId: alex, checkIn: checkIn(daysAgo(1), { painNow: 9 }), expectedVersion: 1 }))).toMatch(
      /^CONFLICT: This check-in was changed somewhere else/,
    );
    const history = await h.callerFor("pt").checkIns.history({ patientId: alex, date: daysAgo(1) });
    expect(history.map((r) => [r.version, r.data.painNow])).toEqual([
      [1, 6],
      [2, 3],
    ]);
    await expect(h.handle.db.execute(sql`update check_in_revisions set data = '{}'::jsonb`)).rejects.toThrow();
    await expect(h.handle.db.execute(sql`delete from check_in_revisions`)).rejects.toThrow();
  });

  it("refuses bad check-ins with clear messages and writes nothing", async () => {
    const patient = h.callerFor("alex");
    const before = await count("check_ins", alex);
    const tomorrowEverywhere = addDays(latestPossibleToday(), 1);
    expect(await codeOf(patient.checkIns.submit({ patientId: alex, checkIn: checkIn(tomorrowEverywhere) }))).toBe(
      "BAD_REQUEST: A check-in cannot be dated in the future.",
    );
    expect(await codeOf(patient.checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(3), { painNow: 11 }) }))).toBe(
      "BAD_REQUEST: checkIn.painNow: Pain now must be a whole number from 0 to 10.",
    );
    expect(
      await codeOf(patient.checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(3), { adherence: [{ interventionId: "not-in-plan", status: "done" }] }) })),
    ).toMatch(/^BAD_REQUEST: Some of the treatments reported are not in your care plan/);
    expect(await codeOf(patient.checkIns.edit({ patientId: alex, checkIn: checkIn(daysAgo(4)), expectedVersion: 1 }))).toMatch(/^NOT_FOUND/);
    expect(await count("check_ins", alex)).toBe(before);
    // A clinician cannot submit the patient's check-in, and another patient cannot see it exists.
    expect(await codeOf(h.callerFor("physician").checkIns.submit({ patientId: alex, checkIn: checkIn(daysAgo(3)) }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("casey").checkIns.get({ patientId: alex, date: daysAgo(1) }))).toMatch(/^NOT_FOUND/);
  });

  it("scores measures, shows the CSS change and refuses bad or out-of-team measures without writing", async () => {
    const pt = h.callerFor("pt");
    const budapest = await h.callerFor("physician").measures.recordBudapest({
      patientId: alex,
      takenOn: daysAgo(10),
      disproportionatePain: true,
      noBetterExplanation: true,
      symptoms: { sensory: ["allodynia"], vasomotor: ["temperature_asymmetry"], sudomotor_oedema: ["oedema"] },
      signs: { sensory: ["allodynia_light_touch"], motor_trophic: ["weakness"] },
    });
    expect(budapest.evaluation).toMatchObject({ symptomCategories: 3, signCategories: 2, clinicalCriteriaMet: true, researchCriteriaMet: false });
    expect(budapest.evaluation.explanation).toContain("not a diagnosis");

    const first = await pt.measures.recordCss({ patientId: alex, takenOn: daysAgo(9), items: cssItems(4) });
    expect(first.change).toEqual({ change: null, beyondMeasurementError: false, direction: null });
    const second = await pt.measures.recordCss({ patientId: alex, takenOn: daysAgo(2), items: cssItems(10) });
    expect(second.change).toEqual({ change: 6, beyondMeasurementError: true, direction: "worse" });

    const before = await count("measures", alex);
    const bad: Array<[() => Promise<unknown>, RegExp]> = [
      [() => pt.measures.recordCss({ patientId: alex, takenOn: daysAgo(1), items: { ...cssItems(3), sign_allodynia: null } }), /^BAD_REQUEST: CSS needs all 17 items answered/],
      [() => h.callerFor("alex").measures.submitPhq9({ patientId: alex, takenOn: daysAgo(1), answers: [0, 1, 2, 3, 4, 0, 0, 0, 0] }), /^BAD_REQUEST: PHQ-9 item 5 must be a whole number from 0 to 3/],
      [() => h.callerFor("alex").measures.submitGad7({ patientId: alex, takenOn: daysAgo(1), answers: [0, 1, 2] }), /^BAD_REQUEST: GAD-7 items 4, 5, 6 and 7 are missing/],
      [() => pt.measures.recordLicensed({ patientId: alex, takenOn: daysAgo(1), measureId: "tsk_17", score: 12 }), /^BAD_REQUEST: Tampa Scale of Kinesiophobia \(TSK-17\) total score must be a whole number from 17 to 68/],
      [() => pt.measures.recordLimbTemperature({ patientId: alex, takenOn: daysAgo(1), differenceCelsius: 25 }), /^BAD_REQUEST: differenceCelsius: The temperature difference must be between/],
      [() => pt.measures.recordCss({ patientId: alex, takenOn: addDays(latestPossibleToday(), 1), items: cssItems(3) }), /^BAD_REQUEST: A measure cannot be dated in the future/],
      [() => h.callerFor("outsider").measures.recordCss({ patientId: alex, takenOn: daysAgo(1), items: cssItems(3) }), /^NOT_FOUND: This patient was not found, or you do not have access/],
      [() => h.callerFor("alex").measures.recordCss({ patientId: alex, takenOn: daysAgo(1), items: cssItems(3) }), /^NOT_FOUND/],
    ];
    for (const [call, message] of bad) expect(await codeOf(call())).toMatch(message);
    expect(await count("measures", alex)).toBe(before);

    const licensed = await pt.measures.recordLicensed({ patientId: alex, takenOn: daysAgo(1), measureId: "pcs", score: 30 });
    expect(licensed.measure).toMatchObject({ kind: "pcs", score: 30, result: {} });
    const listed = await pt.measures.list({ patientId: alex, limit: 2 });
    expect(listed.items).toHaveLength(2);
    const rest = await pt.measures.list({ patientId: alex, limit: 10, cursor: listed.nextCursor ?? undefined });
    expect(new Set([...listed.items, ...rest.items].map((m) => m.id)).size).toBe(before + 1);
    await expect(h.handle.db.execute(sql`update measures set score = 0`)).rejects.toThrow();
  });

  it("raises rule alerts once: CSS up by 5, no psychological evaluation (deduped and cooled down)", async () => {
    const alerts = await h.callerFor("physician").alerts.list({ patientId: alex, limit: 50 });
    const rules = alerts.items.map((a) => a.ruleId).sort();
    expect(rules).toEqual(["css-rising", "no-psych-evaluation"]);
    const css = alerts.items.find((a) => a.ruleId === "css-rising");
    expect(css?.consider).toMatch(/^Consider/);
    expect(css?.evidence).toContainEqual({ label: "Rise from the lowest earlier score (points)", value: 6 });
    expect(css?.source).toContain("Pain 2017;158:1430");
  });

  it("PHQ-9 item 9 above 0: urgent alert to psychologist and physician, crisis resources for the patient, no duplicate", async () => {
    const patient = h.callerFor("jordan");
    const calm = await patient.measures.submitPhq9({ patientId: jordan, takenOn: daysAgo(1), answers: [1, 1, 1, 1, 0, 0, 0, 0, 0] });
    expect(calm.crisisResources).toBeNull();
    const before = await count("notifications", jordan);

    const urgent = await patient.measures.submitPhq9({ patientId: jordan, takenOn: today, answers: [2, 2, 1, 1, 0, 1, 0, 0, 1] });
    expect(urgent.result).toMatchObject({ total: 8, band: "mild", selfHarmFlag: true });
    expect(urgent.crisisResources?.heading).toBe("You do not have to face this alone");
    const list = await h.callerFor("psychologist").alerts.list({ patientId: jordan, limit: 50, includeAcknowledged: false });
    const selfHarm = list.items.filter((a) => a.ruleId === "phq9-self-harm");
    expect(selfHarm).toHaveLength(1);
    expect(selfHarm[0]).toMatchObject({ severity: "urgent", notify: ["psychologist", "pain_physician"] });

    const notified = await queryRows<{ user_id: string; kind: string }>(
      h.handle.db,
      sql`select user_id, kind from notifications where patient_id = ${jordan} order by id desc limit 10`,
    );
    expect(await count("notifications", jordan)).toBe(before + 2);
    expect(notified.slice(0, 2).map((n) => n.user_id).sort()).toEqual([h.ids.users.physician, h.ids.users.psychologist].sort());

    // A second form the same day with item 9 rising from 1 to 2 is a new answer: it raises and notifies again.
    await patient.measures.submitPhq9({ patientId: jordan, takenOn: today, answers: [2, 2, 1, 1, 0, 1, 0, 0, 2] });
    const again = await h.callerFor("psychologist").alerts.list({ patientId: jordan, limit: 50 });
    expect(again.items.filter((a) => a.ruleId === "phq9-self-harm").map((a) => a.evidence.find((e) => e.label === "Item 9 answer (0–3)")?.value)).toEqual([2, 1]);
    expect(await count("notifications", jordan)).toBe(before + 4);
  });

  it("a red-flag check-in raises an urgent alert to the disciplines it names; an edit adding a flag raises that flag, not a duplicate", async () => {
    const patient = h.callerFor("jordan");
    const before = await count("notifications", jordan);
    const saved = await patient.checkIns.submit({ patientId: jordan, checkIn: checkIn(today, { coldPaleLimb: true, newLimbAffected: true }) });
    expect(saved).toMatchObject({ redFlagAdvice: true, teamNotified: true, emergency: null, alertsRaised: 2 });
    await patient.checkIns.edit({ patientId: jordan, checkIn: checkIn(today, { coldPaleLimb: true, newLimbAffected: true, signsOfInfection: true }), expectedVersion: 1 });
    const list = await h.callerFor("ot").alerts.list({ patientId: jordan, limit: 50 });
    const byRule = (id: string) => list.items.filter((a) => a.ruleId === id);
    expect(byRule("red-flag-cold-limb")).toHaveLength(1);
    expect(byRule("red-flag-infection-or-device")).toHaveLength(1);
    expect(byRule("symptom-spread")).toMatchObject([{ severity: "review" }]);
    expect(byRule("red-flag-cold-limb")[0]).toMatchObject({ sourceKind: "check_in", severity: "urgent" });
    // Both urgent alerts name the pain physician, who is on Jordan's team: one notification each, to them only.
    const notified = await queryRows<{ user_id: string; kind: string }>(
      h.handle.db,
      sql`select user_id, kind from notifications where patient_id = ${jordan} order by id desc limit 2`,
    );
    expect(await count("notifications", jordan)).toBe(before + 2);
    expect(notified.map((n) => n.user_id)).toEqual([h.ids.users.physician, h.ids.users.physician]);
  });

  it("the worklist shows open alerts on one's own teams only; acknowledging needs a note, is audited, and happens once", async () => {
    const worklist = await h.callerFor("psychologist").alerts.worklist({ limit: 50 });
    expect(worklist.items[0]).toMatchObject({ severity: "urgent", patientName: "Jordan Lee" });
    expect(new Set(worklist.items.map((a) => a.patientName))).toEqual(new Set(["Alex Morgan", "Jordan Lee"]));
    expect((await h.callerFor("outsider").alerts.worklist({ limit: 50 })).items).toEqual([]);
    expect((await h.callerFor("unassigned").alerts.worklist({ limit: 50 })).items).toEqual([]);
    // Keyset pages cover the same list without repeats.
    const pageOne = await h.callerFor("psychologist").alerts.worklist({ limit: 2 });
    const pageTwo = await h.callerFor("psychologist").alerts.worklist({ limit: 50, cursor: pageOne.nextCursor ?? undefined });
    expect([...pageOne.items, ...pageTwo.items].map((a) => a.id)).toEqual(worklist.items.map((a) => a.id));

    const target = worklist.items.find((a) => a.ruleId === "phq9-self-harm")!;
    const psych = h.callerFor("psychologist");
    expect(await codeOf(psych.alerts.acknowledge({ patientId: jordan, alertId: target.id, note: "  " }))).toBe(
      "BAD_REQUEST: note: Add a note saying what was done.",
    );
    expect(await codeOf(h.callerFor("outsider").alerts.acknowledge({ patientId: jordan, alertId: target.id, note: "x" }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(psych.alerts.acknowledge({ patientId: alex, alertId: target.id, note: "wrong patient" }))).toBe(
      "NOT_FOUND: This alert was not found, or you do not have access to it.",
    );
    const ack = await psych.alerts.acknowledge({ patientId: jordan, alertId: target.id, note: "Called Jordan; safety plan agreed." });
    expect(ack.acknowledgementNote).toBe("Called Jordan; safety plan agreed.");
    const audit = await listAuditForPatient(h.handle.db, jordan, 5);
    expect(audit.map((a) => a.action)).toContain("alert.acknowledged");
    expect(audit.find((a) => a.action === "alert.acknowledged")).toMatchObject({ actorId: h.ids.users.psychologist, detail: { alertId: target.id } });
    expect(await codeOf(h.callerFor("physician").alerts.acknowledge({ patientId: jordan, alertId: target.id, note: "again" }))).toBe(
      "CONFLICT: This alert has already been acknowledged.",
    );
    const after = await psych.alerts.worklist({ limit: 50 });
    expect(after.items.map((a) => a.id)).not.toContain(target.id);
    // The database itself refuses rewriting what fired or deleting alerts.
    await expect(h.handle.db.execute(sql`update alerts set message = 'changed' where id = ${target.id}`)).rejects.toThrow();
    await expect(h.handle.db.execute(sql`delete from alerts`)).rejects.toThrow();
  });

  it("returns trend series and plan-change markers in a few queries", async () => {
    const trends = await h.callerFor("physician").measures.trends({ patientId: alex, from: daysAgo(30), to: today });
    expect(trends.series.painNow?.resolution).toBe("daily");
    expect(trends.series.painNow?.points).toEqual([{ date: daysAgo(1), value: 3 }]);
    expect(trends.series.css?.points.map((p) => p.value)).toEqual([4, 10]);
    const long = await h.callerFor("alex").measures.trends({ patientId: alex, from: daysAgo(700), to: today });
    expect(long.series.css?.resolution).toBe("weekly");
    expect(await codeOf(h.callerFor("alex").measures.trends({ patientId: alex, from: today, to: daysAgo(3) }))).toMatch(/^BAD_REQUEST/);
  });
});
