import { z } from "zod";
import { safeString } from "../text";
import { calendarDateSchema, formatCalendarDate } from "../dates/index";
import { type PlanReader, numberBetween, requiredText, wholeNumberBetween } from "./fields";
import { PLAN_TEXT_LIMITS } from "./limits";

/** The four goals every CRPS care plan is organised around; a plan holds at most one of each. */
export const GOAL_IDS = ["pain", "mobility", "function", "wellbeing"] as const;
export const goalIdSchema = z.enum(GOAL_IDS, { error: "Choose one of the four treatment goals." });
export type GoalId = z.infer<typeof goalIdSchema>;

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
export const goalStatusSchema = z.enum(GOAL_STATUSES, { error: "Choose a goal status." });
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const OUTCOME_MEASURES = ["phq9", "gad7", "css"] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** Score ranges from the domain reference; a target outside them could never be met or missed. */
export const OUTCOME_MEASURE_RANGES: Record<OutcomeMeasure, { label: string; max: number }> = {
  phq9: { label: "PHQ-9", max: 27 },
  gad7: { label: "GAD-7", max: 21 },
  css: { label: "CRPS Severity Score", max: 17 },
};

const activity = requiredText(2, 200, "Name the activity this target is about.");

export const goalTargetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("pain_average_at_most"),
      value: numberBetween(0, 10, "Average pain target must be between 0 and 10."),
      byDate: calendarDateSchema,
    }),
    z.object({
      kind: z.literal("activity_minutes"),
      activity,
      minutes: wholeNumberBetween(1, 600, "Activity minutes must be a whole number from 1 to 600."),
      byDate: calendarDateSchema.optional(),
    }),
    z.object({
      kind: z.literal("psfs_activity_score"),
      activity,
      atLeast: numberBetween(0, 10, "A PSFS activity score must be between 0 and 10."),
      byDate: calendarDateSchema.optional(),
    }),
    z
      .object({
        kind: z.literal("measure_at_most"),
        measure: z.enum(OUTCOME_MEASURES, { error: "Choose PHQ-9, GAD-7 or the CRPS Severity Score." }),
        value: z.number({ error: "Enter the target score." }).int({ error: "Scores are whole numbers." }),
        byDate: calendarDateSchema.optional(),
      })
      .superRefine((target, ctx) => {
        const { label, max } = OUTCOME_MEASURE_RANGES[target.measure];
        if (target.value < 0 || target.value > max) {
          ctx.addIssue({ code: "custom", path: ["value"], message: `A ${label} target must be between 0 and ${max}.` });
        }
      }),
    z.object({
      kind: z.literal("custom"),
      description: requiredText(5, 500, "Describe the target in at least 5 characters."),
      measure: requiredText(1, 200, "Say how the custom target will be measured."),
    }),
  ],
  { error: "Choose a kind of measurable target." },
);
export type GoalTarget = z.infer<typeof goalTargetSchema>;

export const GOAL_NEEDS_TARGET = "A goal needs at least one measurable target.";

export const goalTargetsSchema = z
  .array(goalTargetSchema, { error: GOAL_NEEDS_TARGET })
  .min(1, { error: GOAL_NEEDS_TARGET });

/** A goal in one patient's plan: one of the four treatment goals made measurable for them. */
export const goalSchema = z.object({
  id: goalIdSchema,
  targets: goalTargetsSchema,
  status: goalStatusSchema,
  note: safeString().trim().max(PLAN_TEXT_LIMITS.note).nullable(),
});
export type Goal = z.infer<typeof goalSchema>;

export function goalLabel(id: GoalId, audience: PlanReader = "clinician"): string {
  const goal = TREATMENT_GOALS[id];
  return audience === "clinician" ? goal.clinicianLabel : goal.patientLabel;
}

/** Plain wording of a target, usable for clinicians and patients alike. */
export function describeTarget(target: GoalTarget): string {
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
