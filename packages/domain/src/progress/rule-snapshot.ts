import { addDays } from "../dates/index";
import { type PlanLike, conservativeCareStartedOn, psychologicalEvaluationOnRecord } from "./plan-context";
import { ADHERENCE_RULE, PAIN_FLARE_RULE, type ProgressSnapshot, type SnapshotCheckIn } from "./rules";

/** Days of check-ins the adherence rule reads: its 7-day periods. */
const ADHERENCE_DAYS = ADHERENCE_RULE.weeks * 7;
/** Days before a check-in the pain-flare rule reads (48 hours and the days before them). */
const FLARE_LOOKBACK_DAYS = PAIN_FLARE_RULE.recentDays + PAIN_FLARE_RULE.baselineDays;

/**
 * The first day of check-ins the rules need as of `today`: the adherence periods, everything since
 * conservative care started (the pain rule's baseline), and, for a back-dated check-in, the
 * pain-flare window before its date. Reading less would silently change what a rule sees.
 */
export function ruleCheckInsSince(today: string, options: { conservativeCareStartedOn: string | null; alsoFrom?: string | null }): string {
  const adherenceStart = addDays(today, -(ADHERENCE_DAYS - 1));
  const starts = [adherenceStart, options.conservativeCareStartedOn, options.alsoFrom ? addDays(options.alsoFrom, -FLARE_LOOKBACK_DAYS) : null].filter(
    (d): d is string => d !== null,
  );
  return starts.sort()[0] ?? adherenceStart;
}

/** What the database holds for the rules about one patient (check-ins since `ruleCheckInsSince`). */
export interface RuleInputs {
  crpsOnsetDate: string | null;
  checkIns: SnapshotCheckIn[];
  cssScores: ProgressSnapshot["cssScores"];
  /** A psychologist has recorded a measure for the patient. */
  psychologistMeasureOnRecord: boolean;
}

/** Everything the decision rules read about one patient as of `today`, from the plan and the stored inputs. */
export function progressSnapshot(today: string, plan: PlanLike | null, inputs: RuleInputs): ProgressSnapshot {
  return {
    today,
    crpsOnsetDate: inputs.crpsOnsetDate,
    checkIns: inputs.checkIns,
    cssScores: inputs.cssScores,
    psychologicalEvaluationOnRecord: psychologicalEvaluationOnRecord(plan, inputs.psychologistMeasureOnRecord),
    conservativeCareStartedOn: conservativeCareStartedOn(plan),
  };
}
