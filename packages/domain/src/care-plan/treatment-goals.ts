// Zod-free: the four goals, their wording and targets' descriptions, read by forms in the browser.
// ./goals.ts builds the schemas from these.
import { formatCalendarDate } from "../dates/format";
import type { PlanReader } from "./fields";

/** The four goals every CRPS care plan is organised around; a plan holds at most one of each. */
export const GOAL_IDS = ["pain", "mobility", "function", "wellbeing"] as const;
export type GoalId = (typeof GOAL_IDS)[number];

export interface TreatmentGoal {
  id: GoalId;
  clinicianLabel: string;
  patientLabel: string;
}

export const TREATMENT_GOALS = {
  pain: { id: "pain", clinicianLabel: "Reduce pain and hypersensitivity", patientLabel: "Ease pain and sensitivity to touch" },
  mobility: { id: "mobility", clinicianLabel: "Improve mobility and strength", patientLabel: "Move more easily and build strength" },
  function: { id: "function", clinicianLabel: "Restore daily function", patientLabel: "Get back to everyday activities" },
  wellbeing: { id: "wellbeing", clinicianLabel: "Support emotional well-being", patientLabel: "Look after how you feel" },
} as const satisfies Record<GoalId, TreatmentGoal>;

export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "revised", "discontinued"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const OUTCOME_MEASURES = ["phq9", "gad7", "css"] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** Score ranges from the domain reference; a target outside them could never be met or missed. */
export const OUTCOME_MEASURE_RANGES: Record<OutcomeMeasure, { label: string; max: number }> = {
  phq9: { label: "PHQ-9", max: 27 },
  gad7: { label: "GAD-7", max: 21 },
  css: { label: "CRPS Severity Score", max: 17 },
};

export function goalLabel(id: GoalId, audience: PlanReader = "clinician"): string {
  const goal = TREATMENT_GOALS[id];
  return audience === "clinician" ? goal.clinicianLabel : goal.patientLabel;
}

/**
 * The fields of each kind of target (goals.ts's GoalTarget has them all), written out rather than
 * imported so goals.ts (which builds its schemas from the lists above) and this module do not import
 * each other.
 */
type DescribedTarget =
  | { kind: "pain_average_at_most"; value: number; byDate: string }
  | { kind: "activity_minutes"; activity: string; minutes: number; byDate?: string | undefined }
  | { kind: "psfs_activity_score"; activity: string; atLeast: number; byDate?: string | undefined }
  | { kind: "measure_at_most"; measure: OutcomeMeasure; value: number; byDate?: string | undefined }
  | { kind: "custom"; description: string; measure: string };

/** Plain wording of a target, usable for clinicians and patients alike. */
export function describeTarget(target: DescribedTarget): string {
  const by = "byDate" in target && target.byDate ? ` by ${formatCalendarDate(target.byDate)}` : "";
  switch (target.kind) {
    case "pain_average_at_most":
      return `Average pain at most ${target.value}/10${by}`;
    case "activity_minutes":
      return `${target.activity} for ${target.minutes} minutes${by}`;
    case "psfs_activity_score":
      return `${target.activity}: ability score at least ${target.atLeast}/10${by}`;
    case "measure_at_most":
      return `${OUTCOME_MEASURE_RANGES[target.measure].label} at most ${target.value}${by}`;
    case "custom":
      return `${target.description} (measured by ${target.measure})`;
  }
}
