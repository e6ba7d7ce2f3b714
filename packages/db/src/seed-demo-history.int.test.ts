import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, weeklyAdherence } from "@concord/domain";
import { sql } from "drizzle-orm";
import { type DbHandle, queryRows } from "./client";
import { listReportedSideEffects } from "./queries/check-in-review";
import { listMessages, listThreads } from "./queries/messaging";
import { alertWorklist, listAlertsForPatient, listCheckIns, listMeasures, ruleInputs } from "./queries/progress";
import { type DemoIds, seedDemo } from "./seed";
import { ALEX_HISTORY, DEMO_THREAD_TITLES, JORDAN_HISTORY, seedDemoHistory } from "./seed-demo-history";
import { fixtureHash, openTestDatabase, testBackends } from "./testing";

const NOW = new Date("2026-11-25T09:30:00Z");
const TODAY = "2026-11-25";
const ago = (days: number) => addDays(TODAY, -days);

describe.each(testBackends())("demo history on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  let first: Awaited<ReturnType<typeof seedDemoHistory>>;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await seedDemo(handle.db, { hashPassword: fixtureHash, today: NOW });
    first = await seedDemoHistory(handle.db, ids, { today: NOW });
  });
  afterAll(async () => handle?.close());

  it("gives Jordan about ten weeks of daily check-ins with a few days missed and pain stuck at 6–7", async () => {
    const rows = (await listCheckIns(handle.db, ids.patients.jordan, { limit: 200 })).items;
    expect(rows).toHaveLength(JORDAN_HISTORY.firstDay - JORDAN_HISTORY.missedDays.length);
    expect(rows).toHaveLength(64);
    expect(first.checkIns.jordan).toBe(64);
    expect(rows[0]?.date).toBe(ago(1));
    expect(rows[rows.length - 1]?.date).toBe(ago(70));
    expect(rows.map((r) => r.date)).not.toContain(ago(30));
    const mean = rows.reduce((a, r) => a + r.painAverage, 0) / rows.length;
    expect(mean).toBeGreaterThanOrEqual(6);
    expect(mean).toBeLessThanOrEqual(7);
    // Stored like the app stores them: the day's adherence figure beside the answers.
    expect(rows.every((r) => r.adherencePercent !== null && r.data.adherence.length === 5)).toBe(true);
  });

  it("has Jordan's adherence below 50% in each of the last two weeks and good before", async () => {
    const inputs = await ruleInputs(handle.db, ids.patients.jordan, ago(70));
    const weeks = weeklyAdherence(inputs.checkIns, TODAY, 4);
    expect(weeks[2]!.percentage!).toBeLessThan(50);
    expect(weeks[3]!.percentage!).toBeLessThan(50);
    expect(weeks[0]!.percentage!).toBeGreaterThan(50);
  });

  it("records Jordan's monthly CSS 11 → 12 → 12, PHQ-9 and GAD-7 every four weeks (moderate, item 9 = 0) and a PSFS", async () => {
    const measures = async (kind: string) => (await listMeasures(handle.db, ids.patients.jordan, { kind, limit: 20 })).items.reverse();
    const css = await measures("css");
    expect(css.map((m) => [m.takenOn, Number(m.score)])).toEqual([
      [ago(63), 11],
      [ago(35), 12],
      [ago(7), 12],
    ]);
    expect(css[2]?.result).toMatchObject({ previousTotal: 12, previousTakenOn: ago(35), change: { change: 0, direction: "unchanged" } });
    const phq9 = await measures("phq9");
    expect(phq9.map((m) => m.takenOn)).toEqual([ago(62), ago(34), ago(6)]);
    expect(phq9.every((m) => (m.result as { band: string; item9: number }).band === "moderate" && (m.result as { item9: number }).item9 === 0)).toBe(true);
    const gad7 = await measures("gad7");
    expect(gad7.map((m) => (m.result as { band: string }).band)).toEqual(["moderate", "moderate", "moderate"]);
    const psfs = await measures("psfs");
    expect(psfs.map((m) => [m.takenOn, Number(m.score), m.recordedByRole])).toEqual([[ago(28), 3.7, "occupational_therapist"]]);
  });

  it("leaves the alerts the rules raise open on Jordan's record and the team's worklist", async () => {
    const open = (await listAlertsForPatient(handle.db, ids.patients.jordan, { includeAcknowledged: false, limit: 20 })).items;
    expect(open.map((a) => a.ruleId).sort()).toEqual(["low-adherence", "pain-not-improving"]);
    expect(open.map((a) => a.dedupeKey).sort()).toEqual([`low-adherence:${ago(1)}`, `pain-not-improving:${ago(1)}`]);
    const pain = open.find((a) => a.ruleId === "pain-not-improving")!;
    expect(pain.evidence).toContainEqual({ label: "Conservative care started", value: ago(JORDAN_HISTORY.careStartedDaysAgo) });
    expect(pain.consider).toMatch(/^Consider/);

    const worklist = (await alertWorklist(handle.db, ids.users.physician, { limit: 20 })).items;
    expect(worklist.filter((a) => a.patientName === "Jordan Lee").map((a) => a.ruleId).sort()).toEqual(["low-adherence", "pain-not-improving"]);
    // Alex has no psychological evaluation on record more than two months after onset.
    expect(worklist.filter((a) => a.patientName === "Alex Morgan").map((a) => a.ruleId)).toEqual(["no-psych-evaluation"]);
    expect((await alertWorklist(handle.db, ids.users.outsider, { limit: 20 })).items).toEqual([]);
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

  it("writes Alex's team conversation with a mention and a shared one with the patient", async () => {
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
    // The PT has read up to their own message: the two after it are unread.
    expect(team[0]!.unread).toBe(2);

    // The patient sees only the shared space.
    const mine = (await listThreads(handle.db, { patientId: ids.patients.alex, spaces: ["patient"], viewerId: ids.users.alex, limit: 10 })).items;
    expect(mine.map((t) => t.title)).toEqual([DEMO_THREAD_TITLES.shared]);
    expect(mine[0]!.unread).toBe(1);
    const shared = (await listMessages(handle.db, { threadId: mine[0]!.id, limit: 20 })).items.reverse();
    expect(shared.map((m) => m.authorId)).toEqual([ids.users.alex, ids.users.pt]);
  });

  it("adds nothing when run again", async () => {
    const counts = async () => ({
      jordan: (await listCheckIns(handle.db, ids.patients.jordan, { limit: 200 })).items.length,
      alex: (await listCheckIns(handle.db, ids.patients.alex, { limit: 200 })).items.length,
      measures: (await listMeasures(handle.db, ids.patients.jordan, { limit: 200 })).items.length,
      alerts: (await listAlertsForPatient(handle.db, ids.patients.jordan, { includeAcknowledged: true, limit: 50 })).items.length,
      threads: (await listThreads(handle.db, { patientId: ids.patients.alex, spaces: ["team", "patient"], viewerId: ids.users.physician, limit: 10 })).items.length,
    });
    const before = await counts();
    expect(before.threads).toBe(2);
    const again = await seedDemoHistory(handle.db, ids, { today: NOW });
    expect(again).toEqual({ checkIns: { jordan: 0, alex: 0 }, alerts: [], threads: 0 });
    expect(await counts()).toEqual(before);
  });
});
