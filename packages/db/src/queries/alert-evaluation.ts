import {
  type ProgressSnapshot,
  type RuleFiring,
  alertsToRaise,
  conservativeCareStartedOn,
  progressDates,
  psychologicalEvaluationOnRecord,
} from "@concord/domain";
import type { Database } from "../client";
import { type AlertRow, alertHistoryForRules, insertAlerts, readCarePlanDocument, ruleInputs } from "./progress";

/** Days of check-ins the adherence rule needs (two 7-day windows). */
const ADHERENCE_DAYS = 14;

/** Everything the decision rules read about one patient, as of `today`, in one set of queries. */
export async function ruleSnapshot(db: Database, patientId: string, today: string): Promise<ProgressSnapshot> {
  const plan = await readCarePlanDocument(db, patientId);
  const careStart = conservativeCareStartedOn(plan);
  const adherenceStart = progressDates.addDays(today, -(ADHERENCE_DAYS - 1));
  const since = careStart && careStart < adherenceStart ? careStart : adherenceStart;
  const inputs = await ruleInputs(db, patientId, since);
  return {
    today,
    crpsOnsetDate: inputs.crpsOnsetDate,
    checkIns: inputs.checkIns,
    cssScores: inputs.cssScores,
    phq9: inputs.phq9,
    psychologicalEvaluationOnRecord: psychologicalEvaluationOnRecord(plan, inputs.psychologistMeasureOnRecord),
    conservativeCareStartedOn: careStart,
  };
}

/**
 * Stores the alerts the firings call for, after de-duplication and the cool-down policy. Returns
 * the rows inserted together with the firings they came from (notification is the caller's job).
 */
export async function raiseAlerts(db: Database, patientId: string, firings: RuleFiring[], today: string): Promise<{ inserted: AlertRow[]; raised: RuleFiring[] }> {
  if (firings.length === 0) return { inserted: [], raised: [] };
  const raised = alertsToRaise(firings, await alertHistoryForRules(db, patientId), today);
  const inserted = await insertAlerts(
    db,
    raised.map((f) => ({
      patientId,
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      logic: f.logic,
      consider: f.consider,
      message: f.message,
      evidence: f.evidence,
      notify: f.notify,
      dedupeKey: f.dedupeKey,
    })),
  );
  return { inserted, raised };
}
