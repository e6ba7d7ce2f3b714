import {
  PAIN_FLARE_RULE,
  type ProgressSnapshot,
  type RuleFiring,
  acknowledgeBy,
  alertsToRaise,
  conservativeCareStartedOn,
  addDays,
  psychologicalEvaluationOnRecord,
} from "@concord/domain";
import type { Database } from "../client";
import { type AlertRow, alertHistoryForRules, insertAlerts, readCarePlanDocument, ruleInputs } from "./progress";

/** Days of check-ins the adherence rule needs (two 7-day windows). */
const ADHERENCE_DAYS = 14;
/** Days before a check-in the pain-flare rule reads (48 hours and the 7 days before them). */
const FLARE_LOOKBACK_DAYS = PAIN_FLARE_RULE.recentDays + PAIN_FLARE_RULE.baselineDays;

/** Everything the decision rules read about one patient, as of `today`, in one set of queries. */
export async function ruleSnapshot(db: Database, patientId: string, today: string, options: { alsoFrom?: string } = {}): Promise<ProgressSnapshot> {
  const plan = await readCarePlanDocument(db, patientId);
  const careStart = conservativeCareStartedOn(plan);
  const adherenceStart = addDays(today, -(ADHERENCE_DAYS - 1));
  // A back-dated check-in is read with the days before it (the pain-flare window).
  const starts = [adherenceStart, careStart, options.alsoFrom ? addDays(options.alsoFrom, -FLARE_LOOKBACK_DAYS) : null].filter(
    (d): d is string => d !== null,
  );
  const since = starts.sort()[0] ?? adherenceStart;
  const inputs = await ruleInputs(db, patientId, since);
  return {
    today,
    crpsOnsetDate: inputs.crpsOnsetDate,
    checkIns: inputs.checkIns,
    cssScores: inputs.cssScores,
    psychologicalEvaluationOnRecord: psychologicalEvaluationOnRecord(plan, inputs.psychologistMeasureOnRecord),
    conservativeCareStartedOn: careStart,
  };
}

/**
 * Stores the alerts the firings call for, after de-duplication and the cool-down policy, each with
 * the record it came from and, when urgent, the time it must be acknowledged by. Returns the rows
 * inserted together with the firings they came from (routing is the caller's job).
 */
export async function raiseAlerts(
  db: Database,
  patientId: string,
  firings: RuleFiring[],
  clock: { today: string; timeZone: string; now: Date },
): Promise<Array<{ alert: AlertRow; firing: RuleFiring }>> {
  if (firings.length === 0) return [];
  const raised = alertsToRaise(firings, await alertHistoryForRules(db, patientId, clock.timeZone), clock.today);
  const inserted = await insertAlerts(
    db,
    raised.map((f) => ({
      patientId,
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      logic: f.logic,
      consider: f.consider,
      source: f.source,
      message: f.message,
      evidence: f.evidence,
      notify: f.notify,
      dedupeKey: f.dedupeKey,
      sourceKind: f.record.kind,
      sourceId: f.record.id,
      acknowledgeBy: f.severity === "urgent" ? acknowledgeBy(clock.now) : null,
    })),
  );
  return inserted.flatMap((alert) => {
    const firing = raised.find((f) => f.dedupeKey === alert.dedupeKey);
    return firing ? [{ alert, firing }] : [];
  });
}
