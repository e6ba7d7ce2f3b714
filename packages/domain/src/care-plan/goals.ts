import { z } from "zod";
import { safeString } from "../text";
import { calendarDateSchema } from "../dates/index";
import { numberBetween, requiredText, wholeNumberBetween } from "./fields";
import { PLAN_TEXT_LIMITS } from "./limits";
import { GOAL_IDS, GOAL_STATUSES, OUTCOME_MEASURES, OUTCOME_MEASURE_RANGES } from "./treatment-goals";

// The browser-safe parts live in ./treatment-goals; re-exported so this stays the place to import the model from.
export {
  GOAL_IDS,
  GOAL_STATUSES,
  type GoalId,
  type GoalStatus,
  OUTCOME_MEASURES,
  OUTCOME_MEASURE_RANGES,
  type OutcomeMeasure,
  TREATMENT_GOALS,
  type TreatmentGoal,
  describeTarget,
  goalLabel,
} from "./treatment-goals";

export const goalIdSchema = z.enum(GOAL_IDS, { error: "Choose one of the four treatment goals." });
export const goalStatusSchema = z.enum(GOAL_STATUSES, { error: "Choose a goal status." });

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
