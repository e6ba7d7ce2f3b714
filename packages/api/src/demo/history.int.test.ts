import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  CSS_ITEM_IDS,
  type CssItemId,
  addDays,
  adherenceOverWindow,
  cssChange,
  diffPlans,
  localDateOf,
  scoreCss,
  summariseDiff,
  weeklyAdherence,
} from "@concord/domain";
import {
  type DbHandle,
  alertWorklist,
  countUnreadNotifications,
  getCarePlanAtVersion,
  listAlertsForPatient,
  listCheckIns,
  listMeasures,
  listMessages,
  listNotifications,
  listReportedSideEffects,
  listThreads,
  queryRows,
  ruleInputs,
  sql,
} from "@concord/db";
import { TEST_CLINIC_SETTINGS, fixtureHash, openTestDatabase, testBackends } from "@concord/db/testing";
import { createCaller } from "../root";
import { testServices } from "../testing/services";
import { ALEX_HISTORY, DEMO_THREAD_TITLES, DEMO_TIMELINE, DEMO_TIME_ZONES, type DemoIds, JORDAN_HISTORY, buildDemoClinic, buildDemoHistory, demoCalendarDay } from "./index";

// The real present: the last step replays a request through a procedure, which runs on the real clock.
const NOW = new Date();
const TODAY = demoCalendarDay(NOW);
const ago = (days: number) => addDays(TODAY, -days);
const settings = TEST_CLINIC_SETTINGS;

async function tableCount(handle: DbHandle, table: string, patientId?: string): Promise<number> {
  const where = patientId ? sql` where patient_id = ${patientId}` : sql``;
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}${where}`);
  return Number(row?.n ?? 0);
}

describe.each(testBackends())("demo history on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  let first: Awaited<ReturnType<typeof buildDemoHistory>>;
  let clinicRevisions: number;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash, now: NOW, settings });
    clinicRevisions = await tableCount(handle, "care_plan_revisions");
    first = await buildDemoHistory(handle, ids, { now: NOW, settings });
  });
  afterAll(async () => handle?.close());

  it("reports what it wrote: every count matches the tables", async () => {
    expect(first).toEqual({ checkIns: { jordan: 64, alex: 20 }, measures: 13, planChanges: 1, alertsRaised: 3, threads: 2, messages: 6 });
    expect(await tableCount(handle, "check_ins", ids.patients.jordan)).toBe(first.checkIns.jordan);
    expect(await tableCount(handle, "check_ins", ids.patients.alex)).toBe(first.checkIns.alex);
    expect(await tableCount(handle, "check_in_revisions")).toBe(first.checkIns.jordan + first.checkIns.alex);
    expect(await tableCount(handle, "measures")).toBe(first.measures);
    expect(await tableCount(handle, "alerts")).toBe(first.alertsRaised);
    expect(await tableCount(handle, "care_plan_revisions")).toBe(clinicRevisions + first.planChanges);
    expect(await tableCount(handle, "message_threads")).toBe(first.threads);
    expect(await tableCount(handle, "messages")).toBe(first.messages);
  });

  it("gives Jordan about ten weeks of daily check-ins with a few days missed and pain stuck at 6–7", async () => {
    const rows = (await listCheckIns(handle.db, ids.patients.jordan, { limit: 200 })).items;
    expect(rows).toHaveLength(JORDAN_HISTORY.firstDay - JORDAN_HISTORY.missedDays.length);
    expect(rows[0]?.date).toBe(ago(1));
    expect(rows[rows.length - 1]?.date).toBe(ago(70));
    expect(rows.map((r) => r.date)).not.toContain(ago(30));
    const mean = rows.reduce((a, r) => a + r.painAverage, 0) / rows.length;
    expect(mean).toBeGreaterThanOrEqual(6);
    expect(mean).toBeLessThanOrEqual(7);
    // Each on the plan's items that day, with the day's adherence figure the use case computes.
    expect(rows.every((r) => r.data.adherence.length === 5)).toBe(true);
    for (const r of rows) {
      expect(r.adherencePercent).toBe(adherenceOverWindow([{ date: r.date, ...r.data }], r.date, r.date).percentage);
      // Submitted that evening, on the patient's own clock, by the patient.
      expect(localDateOf(r.createdAt, DEMO_TIME_ZONES.jordan)).toBe(r.date);
      expect(r.updatedBy).toBe(ids.users.jordan);
    }
  });

  it("has Jordan's adherence below 50% in each of the last two weeks and good before", async () => {
    const inputs = await ruleInputs(handle.db, ids.patients.jordan, ago(70));
    const weeks = weeklyAdherence(inputs.checkIns, TODAY, 4);
    expect(weeks[2]!.percentage!).toBeLessThan(50);
    expect(weeks[3]!.percentage!).toBeLessThan(50);
    expect(weeks[0]!.percentage!).toBeGreaterThan(50);
  });

  it("records Jordan's monthly CSS 11 → 12 → 12, PHQ-9 and GAD-7 every four weeks (moderate, item 9 = 0) and a PSFS, each scored as the measure forms score it", async () => {
    const measures = async (kind: string) => (await listMeasures(handle.db, ids.patients.jordan, { kind, limit: 20 })).items.reverse();
    const css = await measures("css");
    expect(css.map((m) => [m.takenOn, Number(m.score), m.recordedByRole])).toEqual([
      [ago(63), 11, "pain_physician"],
      [ago(35), 12, "pain_physician"],
      [ago(7), 12, "pain_physician"],
    ]);
    expect(css[2]?.result).toMatchObject({ previousTotal: 12, previousTakenOn: ago(35), change: cssChange(12, 12) });
    // The stored result is the scorer's, from the items the physician ticked.
    for (const m of css) {
      const present = (m.result as { present: CssItemId[] }).present;
      const items = Object.fromEntries(CSS_ITEM_IDS.map((id) => [id, present.includes(id)])) as Record<CssItemId, boolean>;
      expect(m.result).toMatchObject({ ...scoreCss(items) });
      expect(Number(m.score)).toBe(scoreCss(items).total);
    }
    for (const m of css) expect(localDateOf(m.recordedAt, DEMO_TIME_ZONES.jordan)).toBe(m.takenOn);
    const phq9 = await measures("phq9");
    expect(phq9.map((m) => [m.takenOn, m.recordedByRole])).toEqual([
      [ago(62), "patient"],
      [ago(34), "patient"],
      [ago(6), "patient"],
    ]);
    expect(phq9.every((m) => (m.result as { band: string; item9: number }).band === "moderate" && (m.result as { item9: number }).item9 === 0)).toBe(true);
    const gad7 = await measures("gad7");
    expect(gad7.map((m) => (m.result as { band: string }).band)).toEqual(["moderate", "moderate", "moderate"]);
    const psfs = await measures("psfs");
    expect(psfs.map((m) => [m.takenOn, Number(m.score), m.recordedByRole])).toEqual([[ago(28), 3.7, "occupational_therapist"]]);
  });

  it("keeps every plan revision as the plan editor's use case writes it: the diff between versions and its summary, by the author, on its day", async () => {
    for (const [patient, madeDaysAgo] of [
      ["jordan", DEMO_TIMELINE.clinicOpened],
      ["alex", DEMO_TIMELINE.alexDiagnosed],
    ] as const) {
      const rows = await queryRows<{ version: number; summary: string; diff: unknown; author_id: string; created_at: string }>(
        handle.db,
        sql`select version, summary, diff, author_id, created_at::text from care_plan_revisions where patient_id = ${ids.patients[patient]} order by version`,
      );
      expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
      expect(rows[0]?.summary).toMatch(/^Added goal/);
      expect(localDateOf(new Date(rows[0]!.created_at), DEMO_TIME_ZONES[patient])).toBe(ago(madeDaysAgo));
      for (let v = 2; v <= rows.length; v++) {
        const before = (await getCarePlanAtVersion(handle.db, ids.patients[patient], v - 1))?.plan;
        const after = (await getCarePlanAtVersion(handle.db, ids.patients[patient], v))?.plan;
        if (!before || !after) throw new Error(`version ${v} has no stored plan`);
        const diff = diffPlans(before, after);
        expect(rows[v - 1]?.diff).toEqual(JSON.parse(JSON.stringify(diff)));
        expect(rows[v - 1]?.summary).toBe(summariseDiff(diff));
      }
    }
    // Jordan's plan was made twelve weeks and ten days ago: its first review is ten days overdue.
    const [plan] = await queryRows<{ review_due_at: string }>(handle.db, sql`select review_due_at::text from care_plans where patient_id = ${ids.patients.jordan}`);
    expect(plan?.review_due_at).toBe(ago(10));
  });

  it("leaves the alerts the rules raised, on the day they first fired, open on Jordan's record and the team's worklist", async () => {
    const open = (await listAlertsForPatient(handle.db, ids.patients.jordan, { includeAcknowledged: false, limit: 20 })).items;
    expect(open.map((a) => a.ruleId).sort()).toEqual(["low-adherence", "pain-not-improving"]);
    const checkInDays = new Set((await listCheckIns(handle.db, ids.patients.jordan, { limit: 200 })).items.map((r) => r.date));
    for (const alert of open) {
      // Raised by the evening's check-in, as the app would have raised it that day, and kept open since.
      const raisedOn = localDateOf(alert.createdAt, DEMO_TIME_ZONES.jordan);
      expect(checkInDays.has(raisedOn)).toBe(true);
      expect(alert.dedupeKey).toMatch(new RegExp(`^${alert.ruleId}:\\d{4}-\\d{2}-\\d{2}$`));
      expect(alert.dedupeKey.slice(-10) <= raisedOn).toBe(true);
      expect(alert.severity).toBe("review");
    }
    const pain = open.find((a) => a.ruleId === "pain-not-improving")!;
    expect(pain.evidence).toContainEqual({ label: "Conservative care started", value: ago(JORDAN_HISTORY.careStartedDaysAgo) });
    expect(pain.consider).toMatch(/^Consider/);

    const worklist = (await alertWorklist(handle.db, ids.users.physician, { limit: 20 })).items;
    expect(worklist.filter((a) => a.patientName === "Jordan Lee").map((a) => a.ruleId).sort()).toEqual(["low-adherence", "pain-not-improving"]);
    // Alex has no psychological evaluation on record more than two months after onset.
    expect(worklist.filter((a) => a.patientName === "Alex Morgan").map((a) => a.ruleId)).toEqual(["no-psych-evaluation"]);
    expect((await alertWorklist(handle.db, ids.users.outsider, { limit: 20 })).items).toEqual([]);
    // Review alerts go to the worklist without notifications.
    const alertNotes = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from notifications where kind in ('alert', 'unrouted_alert')`);
    expect(alertNotes[0]?.n).toBe(0);
  });

  it("gives Alex three weeks of improving check-ins, a CSS and a Budapest checklist by the physician, and a mild PHQ-9", async () => {
    const rows = (await listCheckIns(handle.db, ids.patients.alex, { limit: 50 })).items.reverse();
    expect(rows).toHaveLength(ALEX_HISTORY.firstDay - ALEX_HISTORY.missedDays.length);
    expect(rows[0]?.date).toBe(ago(21));
    const firstWeek = rows.slice(0, 7).reduce((a, r) => a + r.painAverage, 0) / 7;
    const lastWeek = rows.slice(-7).reduce((a, r) => a + r.painAverage, 0) / 7;
    expect(firstWeek).toBeGreaterThanOrEqual(6.5);
    expect(lastWeek).toBeLessThanOrEqual(5.5);
    const inputs = await ruleInputs(handle.db, ids.patients.alex, ago(21));
    expect(weeklyAdherence(inputs.checkIns, TODAY, 3).every((w) => (w.percentage ?? 0) >= 80)).toBe(true);

    const measures = (await listMeasures(handle.db, ids.patients.alex, { limit: 20 })).items;
    expect(measures.map((m) => [m.kind, m.recordedByRole]).sort()).toEqual([
      ["budapest", "pain_physician"],
      ["css", "pain_physician"],
      ["phq9", "patient"],
    ]);
    expect(measures.find((m) => m.kind === "budapest")?.result).toMatchObject({ evaluation: { clinicalCriteriaMet: true } });
    expect(measures.find((m) => m.kind === "phq9")?.result).toMatchObject({ band: "mild", item9: 0 });
    // Yesterday's words reach the team: a note, and a side effect on pregabalin on its trial record.
    expect(rows.at(-1)).toMatchObject({ date: ago(1), data: { note: "Typing at work was easier today." } });
    const reported = await listReportedSideEffects(handle.db, ids.patients.alex, { limit: 10 });
    expect(reported).toMatchObject([{ reportedOn: ago(1), text: "A bit drowsy in the morning.", review: null }]);
  });

  it("writes Alex's team conversation with a mention and a shared one with the patient, each person having read what they answered", async () => {
    const team = (await listThreads(handle.db, { patientId: ids.patients.alex, spaces: ["team"], viewerId: ids.users.pt, limit: 10 })).items;
    expect(team.map((t) => t.title)).toEqual([DEMO_THREAD_TITLES.team]);
    const teamMessages = (await listMessages(handle.db, { threadId: team[0]!.id, limit: 20 })).items.reverse();
    expect(teamMessages.map((m) => m.authorId)).toEqual([ids.users.physician, ids.users.pt, ids.users.psychologist, ids.users.physician]);
    const mentioning = teamMessages.filter((m) => m.body?.includes("@PT"));
    expect(mentioning).toHaveLength(1);
    const mentioned = await queryRows<{ user_id: string }>(handle.db, sql`select user_id from message_mentions where message_id = ${mentioning[0]!.id}`);
    expect(mentioned.map((r) => r.user_id)).toEqual([ids.users.pt]);
    // Dated over the last few days, in order, and the thread list sorts by the last one.
    const times = teamMessages.map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThan(NOW.getTime() - 5 * 86_400_000);
    expect(times[times.length - 1]).toBeLessThan(NOW.getTime());
    expect(team[0]!.lastMessageAt.getTime()).toBe(times[times.length - 1]);
    // The PT has read up to their own message: the two after it are unread, the mention among them.
    expect(team[0]!.unread).toBe(2);
    const ptNotes = (await listNotifications(handle.db, { userId: ids.users.pt, unreadOnly: true, limit: 20 })).items;
    expect(ptNotes.map((n) => n.kind).sort()).toEqual(["mention", "message"]);
    // The psychologist opened the thread before writing: nothing before their message is unread to them.
    const psych = (await listThreads(handle.db, { patientId: ids.patients.alex, spaces: ["team"], viewerId: ids.users.psychologist, limit: 10 })).items;
    expect(psych[0]!.unread).toBe(1);

    // The patient sees only the shared space.
    const mine = (await listThreads(handle.db, { patientId: ids.patients.alex, spaces: ["patient"], viewerId: ids.users.alex, limit: 10 })).items;
    expect(mine.map((t) => t.title)).toEqual([DEMO_THREAD_TITLES.shared]);
    expect(mine[0]!.unread).toBe(1);
    expect(await countUnreadNotifications(handle.db, ids.users.alex)).toBe(1);
    const shared = (await listMessages(handle.db, { threadId: mine[0]!.id, limit: 20 })).items.reverse();
    expect(shared.map((m) => m.authorId)).toEqual([ids.users.alex, ids.users.pt]);
  });

  it("stores check-ins and alerts that submitting the same answers again computes: an edit through the procedure changes neither", async () => {
    const jordan: Actor = { userId: ids.users.jordan, role: "patient", patientId: ids.patients.jordan, active: true };
    const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: jordan, actorName: "Jordan Lee", sessionId: null, settings, services: testServices() });
    const [latest] = (await listCheckIns(handle.db, ids.patients.jordan, { limit: 1 })).items;
    if (!latest) throw new Error("Jordan has no check-ins");
    const alertsBefore = await tableCount(handle, "alerts", ids.patients.jordan);
    const saved = await caller.checkIns.edit({ patientId: ids.patients.jordan, expectedVersion: latest.version, checkIn: { date: latest.date, ...latest.data } });
    expect(saved.checkIn.adherencePercent).toBe(latest.adherencePercent);
    expect(saved.alertsRaised).toBe(0);
    expect(await tableCount(handle, "alerts", ids.patients.jordan)).toBe(alertsBefore);
  });

  it("adds nothing when run again", async () => {
    const counts = async () => ({
      checkIns: await tableCount(handle, "check_ins"),
      measures: await tableCount(handle, "measures"),
      alerts: await tableCount(handle, "alerts"),
      revisions: await tableCount(handle, "care_plan_revisions"),
      threads: await tableCount(handle, "message_threads"),
      messages: await tableCount(handle, "messages"),
    });
    const before = await counts();
    expect(before.threads).toBe(2);
    const again = await buildDemoHistory(handle, ids, { now: NOW, settings });
    expect(again).toEqual({ checkIns: { jordan: 0, alex: 0 }, measures: 0, planChanges: 0, alertsRaised: 0, threads: 0, messages: 0 });
    expect(await counts()).toEqual(before);
  });
});
