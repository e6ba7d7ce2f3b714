import { type Database, insertAlerts, insertCheckIn, listReportedSideEffects, insertReportedSideEffects } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { CSS_ITEM_IDS, addDays } from "@concord/domain";
import { type MatrixContext, type MatrixRow, TEAM, allow } from "./types";

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => addDays(today, -n);
const FIXTURE_CHECK_IN_DATE = daysAgo(30);

const checkIn = (date: string) => ({
  date,
  painNow: 4,
  painAverage: 4,
  painWorst: 6,
  symptoms: {},
  chestPainOrBreathlessness: false,
  suddenSwelling: false,
  coldPaleLimb: false,
  signsOfInfection: false,
  newLimbAffected: false,
  bodyLocations: [],
  sleepHours: 7,
  sleepQuality: 6,
  mood: 6,
  adherence: [],
});

/** A check-in to edit, and one open alert per team member so each "allow" acknowledgement has its own. */
export async function progressFixtures(db: Database, ids: DemoIds): Promise<Record<string, string>> {
  const { date, ...data } = checkIn(FIXTURE_CHECK_IN_DATE);
  const fixtureCheckIn = await insertCheckIn(db, { patientId: ids.patients.alex, date, data: { ...data, symptoms: data.symptoms as never }, adherencePercent: null, actorId: ids.users.alex });
  if (!fixtureCheckIn) throw new Error("the matrix check-in fixture was not written");
  await insertReportedSideEffects(db, [
    { patientId: ids.patients.alex, interventionId: "matrix-item", checkInId: fixtureCheckIn.id, reportedOn: date, text: "matrix fixture side effect" },
  ]);
  const [sideEffect] = await listReportedSideEffects(db, ids.patients.alex, { interventionIds: ["matrix-item"], limit: 1 });
  const rows = await insertAlerts(
    db,
    TEAM.map((kind) => ({
      patientId: ids.patients.alex,
      ruleId: "css-rising",
      severity: "review" as const,
      title: "Matrix fixture",
      logic: "fixture",
      consider: "Consider.",
      message: `fixture for ${kind}`,
      evidence: [],
      notify: [],
      dedupeKey: `matrix:${kind}`,
    })),
  );
  return { ...Object.fromEntries(rows.map((r, i) => [`alert-${TEAM[i]}`, r.id])), "side-effect": sideEffect?.id ?? "" };
}

const alertFor = (c: MatrixContext) => c.fixtures[`alert-${c.actor}`] ?? c.fixtures["alert-physician"];
const p = (c: MatrixContext) => ({ patientId: c.patientId });
const TEAM_AND_PATIENT = allow(...TEAM, "patient");

export const progressRows: MatrixRow[] = [
  { path: "checkIns.form", patientScoped: true, input: (c) => ({ ...p(c), date: today }), expect: TEAM_AND_PATIENT },
  { path: "checkIns.submit", patientScoped: true, input: (c) => ({ ...p(c), checkIn: checkIn(daysAgo(31)) }), expect: allow("patient") },
  {
    path: "checkIns.edit",
    patientScoped: true,
    input: (c) => ({ ...p(c), checkIn: checkIn(FIXTURE_CHECK_IN_DATE), expectedVersion: 1 }),
    expect: allow("patient"),
  },
  { path: "checkIns.get", patientScoped: true, input: (c) => ({ ...p(c), date: FIXTURE_CHECK_IN_DATE }), expect: TEAM_AND_PATIENT },
  { path: "checkIns.list", patientScoped: true, input: (c) => ({ ...p(c), limit: 5 }), expect: TEAM_AND_PATIENT },
  { path: "checkIns.history", patientScoped: true, input: (c) => ({ ...p(c), date: FIXTURE_CHECK_IN_DATE }), expect: TEAM_AND_PATIENT },
  { path: "checkIns.latestForReview", patientScoped: true, input: (c) => p(c), expect: allow(...TEAM) },
  { path: "checkIns.sideEffects", patientScoped: true, input: (c) => ({ ...p(c), limit: 5 }), expect: TEAM_AND_PATIENT },
  {
    path: "checkIns.reviewSideEffect",
    patientScoped: true,
    input: (c) => ({ ...p(c), reportId: c.fixtures["side-effect"], status: "noted", note: `matrix ${c.unique}` }),
    expect: allow("physician"),
  },
  {
    path: "measures.recordBudapest",
    patientScoped: true,
    input: (c) => ({ ...p(c), takenOn: daysAgo(5), disproportionatePain: true, noBetterExplanation: true, symptoms: { sensory: ["allodynia"] }, signs: {} }),
    expect: allow(...TEAM),
  },
  {
    path: "measures.recordCss",
    patientScoped: true,
    input: (c) => ({ ...p(c), takenOn: daysAgo(5), items: Object.fromEntries(CSS_ITEM_IDS.map((id, i) => [id, i < 6])) }),
    expect: allow(...TEAM),
  },
  { path: "measures.recordLimbTemperature", patientScoped: true, input: (c) => ({ ...p(c), takenOn: daysAgo(5), differenceCelsius: 1.4 }), expect: allow(...TEAM) },
  { path: "measures.recordLicensed", patientScoped: true, input: (c) => ({ ...p(c), takenOn: daysAgo(5), measureId: "pcs", score: 20 }), expect: allow(...TEAM) },
  { path: "measures.submitPhq9", patientScoped: true, input: (c) => ({ ...p(c), takenOn: daysAgo(5), answers: [1, 1, 0, 0, 0, 0, 0, 0, 0] }), expect: TEAM_AND_PATIENT },
  { path: "measures.submitGad7", patientScoped: true, input: (c) => ({ ...p(c), takenOn: daysAgo(5), answers: [1, 1, 0, 0, 0, 0, 0] }), expect: TEAM_AND_PATIENT },
  {
    path: "measures.submitPsfs",
    patientScoped: true,
    input: (c) => ({ ...p(c), takenOn: daysAgo(5), activities: [{ activity: "Typing", score: 4 }, { activity: "Dressing", score: 6 }, { activity: "Carrying shopping", score: 3 }] }),
    expect: TEAM_AND_PATIENT,
  },
  { path: "measures.list", patientScoped: true, input: (c) => ({ ...p(c), limit: 5 }), expect: TEAM_AND_PATIENT },
  { path: "measures.trends", patientScoped: true, input: (c) => ({ ...p(c), from: daysAgo(60), to: today }), expect: TEAM_AND_PATIENT },
  { path: "alerts.list", patientScoped: true, input: (c) => ({ ...p(c), limit: 5 }), expect: allow(...TEAM) },
  {
    path: "alerts.acknowledge",
    patientScoped: true,
    input: (c) => ({ ...p(c), alertId: alertFor(c), note: `Reviewed (${c.unique})` }),
    expect: allow(...TEAM),
  },
  { path: "alerts.worklist", patientScoped: false, input: () => ({ limit: 10 }), expect: allow("physician", "pt", "ot", "psychologist", "outsider") },
  { path: "alerts.counts", patientScoped: false, input: () => undefined, expect: allow("physician", "pt", "ot", "psychologist", "outsider") },
  // The patient's home only: whether to show crisis resources, never the alert.
  { path: "patients.safety", patientScoped: true, input: p, expect: allow("patient") },
];
