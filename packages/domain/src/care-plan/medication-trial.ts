import { z } from "zod";
import { safeString } from "../text";
import { calendarDateSchema } from "../dates/index";
import { requiredText, wholeNumberBetween } from "./fields";
import { doseUnitSchema, doseValueSchema, titrationStepSchema } from "./prescription";
import { PLAN_TEXT_LIMITS, TRIAL_PAIN_RANGE } from "./limits";
import { SIDE_EFFECT_SEVERITIES } from "./trial-summary";

// The browser-safe parts live in ./trial-summary; re-exported so this stays the place to import the model from.
export {
  type Dose,
  type MedicationTrial,
  SIDE_EFFECT_SEVERITIES,
  type SideEffectSeverity,
  type TrialSummary,
  rankTrialSummaries,
  summariseTrial,
  summariseTrials,
} from "./trial-summary";

export const doseChangeEntrySchema = z.object({
  type: z.literal("dose_change"),
  /** null for the first dose of a trial. */
  from: doseValueSchema.nullable(),
  to: doseValueSchema,
  unit: doseUnitSchema,
  date: calendarDateSchema,
  reason: requiredText(2, PLAN_TEXT_LIMITS.doseChangeReason, "Give a reason for the dose change."),
  /** Planned steps the change made meaningless, taken out of the plan with it (titration.ts). */
  withdrawnSteps: z.array(titrationStepSchema).optional(),
});

export const responseEntrySchema = z.object({
  type: z.literal("response"),
  pain: wholeNumberBetween(TRIAL_PAIN_RANGE.min, TRIAL_PAIN_RANGE.max, `Pain must be a whole number from ${TRIAL_PAIN_RANGE.min} to ${TRIAL_PAIN_RANGE.max}.`),
  note: safeString().trim().max(PLAN_TEXT_LIMITS.responseNote).default(""),
  date: calendarDateSchema,
});

export const sideEffectEntrySchema = z.object({
  type: z.literal("side_effect"),
  name: requiredText(2, PLAN_TEXT_LIMITS.sideEffectName, "Name the side effect."),
  severity: z.enum(SIDE_EFFECT_SEVERITIES, { error: "Choose mild, moderate or severe." }),
  date: calendarDateSchema,
});

/**
 * Medications are tried in steps to find the best relief with the fewest side effects, so each
 * trial keeps what changed (dose), what it did (pain response) and what it cost (side effects).
 */
export const trialEntrySchema = z.discriminatedUnion(
  "type",
  [doseChangeEntrySchema, responseEntrySchema, sideEffectEntrySchema],
  { error: "Choose a dose change, a response or a side effect." },
);
export type TrialEntry = z.infer<typeof trialEntrySchema>;
export type TrialEntryInput = z.input<typeof trialEntrySchema>;
