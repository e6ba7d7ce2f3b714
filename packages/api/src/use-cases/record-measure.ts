import {
  type Actor,
  type BudapestInput,
  type ClinicSettings,
  type CssItemId,
  type ItemAnswers,
  type PsfsActivity,
  type RuleSubmission,
  DATE_FORMAT_MESSAGE,
  crisisResourcesFor,
  cssChange,
  evaluateBudapest,
  invalid,
  isIsoDate,
  scoreCss,
  scoreGad7,
  scorePhq9,
  scorePsfs,
  validateLicensedScore,
} from "@concord/domain";
import { type Database, type MeasureRow, insertMeasure, latestMeasure } from "@concord/db";
import { evaluateAlerts } from "./evaluate-alerts";
import { patientToday } from "./patient-clock";

export const FUTURE_MEASURE_MESSAGE = "A measure cannot be dated in the future.";

function checkTakenOn(takenOn: string, today: string) {
  if (!isIsoDate(takenOn)) throw invalid(DATE_FORMAT_MESSAGE, { field: "takenOn" });
  if (takenOn > today) throw invalid(FUTURE_MEASURE_MESSAGE, { field: "takenOn" });
}

export function presentMeasure(m: MeasureRow) {
  return { id: m.id, kind: m.kind, takenOn: m.takenOn, score: m.score, result: m.result, recordedAt: m.recordedAt };
}

/**
 * Scores (in the domain: out-of-range and missing items are refused with INVALID before anything
 * is written), stores, then runs the rules in the same transaction.
 */
async function record(
  db: Database,
  actor: Actor,
  patientId: string,
  kind: string,
  takenOn: string,
  score: number | null,
  result: Record<string, unknown>,
  settings: ClinicSettings,
  /** The record the answer rules read (PHQ-9, CSS), once the measure has its id. */
  submission: ((measureId: string) => RuleSubmission) | undefined,
  /** When it was recorded (a replayed history passes its own); absent, the present moment and the database's clock. */
  now: Date | undefined,
) {
  const measure = await insertMeasure(db, { patientId, kind, takenOn, recordedBy: actor.userId, recordedByRole: actor.role, score, result, recordedAt: now });
  const raised = await evaluateAlerts(db, patientId, settings, { submission: submission ? submission(measure.id) : null, now });
  return { measure: presentMeasure(measure), alertsRaised: raised.alerts.length, teamNotified: raised.teamNotified };
}

export async function recordBudapest(db: Database, actor: Actor, patientId: string, input: BudapestInput & { takenOn: string }, settings: ClinicSettings, now?: Date) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const { takenOn, ...checklist } = input;
  const evaluation = evaluateBudapest(checklist);
  const saved = await record(db, actor, patientId, "budapest", takenOn, evaluation.symptomCategories, { checklist, evaluation }, settings, undefined, now);
  return { ...saved, evaluation };
}

export async function recordCss(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { takenOn: string; items: Record<string, boolean | null> },
  settings: ClinicSettings,
  now?: Date,
) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const score = scoreCss(input.items as Partial<Record<CssItemId, boolean>>);
  const previous = await latestMeasure(db, patientId, "css");
  const change = cssChange(previous ? Number(previous.score) : null, score.total);
  const saved = await record(db, actor, patientId, "css", input.takenOn, score.total, {
    ...score,
    previousTotal: previous ? Number(previous.score) : null,
    previousTakenOn: previous?.takenOn ?? null,
    change,
  }, settings, (id) => ({ kind: "css", id, date: input.takenOn, total: score.total }), now);
  return { ...saved, score, change, previous: previous ? { takenOn: previous.takenOn, total: Number(previous.score) } : null };
}

export async function submitPhq9(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { takenOn: string; answers: ItemAnswers },
  settings: ClinicSettings,
  now?: Date,
) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const result = scorePhq9(input.answers);
  const saved = await record(db, actor, patientId, "phq9", input.takenOn, result.total, { answers: input.answers, ...result }, settings, (id) => ({
    kind: "phq9",
    id,
    date: input.takenOn,
    item9: result.item9,
    total: result.total,
  }), now);
  // Shown at once, whatever else happens: the patient must not wait for the team.
  return { ...saved, result, crisisResources: result.selfHarmFlag ? crisisResourcesFor(settings) : null };
}

export async function submitGad7(db: Database, actor: Actor, patientId: string, input: { takenOn: string; answers: ItemAnswers }, settings: ClinicSettings, now?: Date) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const result = scoreGad7(input.answers);
  const saved = await record(db, actor, patientId, "gad7", input.takenOn, result.total, { answers: input.answers, ...result }, settings, undefined, now);
  return { ...saved, result };
}

export async function submitPsfs(db: Database, actor: Actor, patientId: string, input: { takenOn: string; activities: PsfsActivity[] }, settings: ClinicSettings, now?: Date) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const result = scorePsfs(input.activities);
  const activities = input.activities.map((a) => ({ activity: a.activity.trim(), score: a.score }));
  const saved = await record(db, actor, patientId, "psfs", input.takenOn, result.score, { activities, ...result }, settings, undefined, now);
  return { ...saved, result };
}

export async function recordLimbTemperature(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { takenOn: string; differenceCelsius: number; site?: string | undefined },
  settings: ClinicSettings,
  now?: Date,
) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const difference = Math.round(input.differenceCelsius * 10) / 10;
  const saved = await record(db, actor, patientId, "limb_temperature", input.takenOn, difference, {
    differenceCelsius: difference,
    site: input.site ?? null,
    // Budapest vasomotor sign: more than 1 °C between limbs.
    aboveOneDegree: Math.abs(difference) > 1,
  }, settings, undefined, now);
  return saved;
}

/** Licensed instruments: the score only. No item text or item answers are accepted or stored. */
export async function recordLicensedScore(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { takenOn: string; measureId: string; score: number },
  settings: ClinicSettings,
  now?: Date,
) {
  checkTakenOn(input.takenOn, (await patientToday(db, patientId, settings, now)).today);
  const { measureId, score } = validateLicensedScore(input.measureId, input.score);
  return record(db, actor, patientId, measureId, input.takenOn, score, {}, settings, undefined, now);
}
