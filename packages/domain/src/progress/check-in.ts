import { z } from "zod";
import { safeString } from "../text";
import { invalid } from "../errors";
import { isoDateSchema } from "../dates/index";
import { ADHERENCE_STATUSES, BODY_LIMBS, CHECK_IN_RED_FLAG_LABELS, CHECK_IN_SYMPTOMS, type CheckInSymptom } from "./check-in-questions";

// The browser-safe parts live in ./check-in-questions; re-exported so this stays the place to import them from.
export * from "./check-in-questions";

const wholeNumber = (name: string, min: number, max: number) => {
  const error = `${name} must be a whole number from ${min} to ${max}.`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const symptomsShape = Object.fromEntries(CHECK_IN_SYMPTOMS.map((s) => [s, z.boolean().default(false)])) as Record<
  CheckInSymptom,
  z.ZodDefault<z.ZodBoolean>
>;

/** Unticked symptoms default to false; unknown keys are rejected so a typo cannot drop an answer. */
export const checkInSymptomsSchema = z.strictObject(symptomsShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys" ? `Unknown symptom: ${issue.keys.join(", ")}.` : "Symptoms must be a list of yes/no answers.",
});

/** Red-flag answers are required explicitly: a missing answer must not be read as "no". */
const redFlag = (label: string) => z.boolean({ error: `Please answer: ${label}.` });

export const bodyLocationSchema = z.discriminatedUnion(
  "site",
  [
    z.object({ site: z.enum(BODY_LIMBS) }),
    z.object({
      site: z.literal("other"),
      detail: safeString({ error: "Please say where, for a location that is not an arm or leg." })
        .trim()
        .min(1, { error: "Please say where, for a location that is not an arm or leg." })
        .max(200, { error: "The location description must be 200 characters or fewer." }),
    }),
  ],
  { error: "Body location must be left_arm, right_arm, left_leg, right_leg or other." },
);
export type BodyLocation = z.infer<typeof bodyLocationSchema>;

export const adherenceEntrySchema = z.object({
  interventionId: safeString({ error: "Each adherence entry needs an intervention." }).min(1, { error: "Each adherence entry needs an intervention." }),
  status: z.enum(ADHERENCE_STATUSES, { error: "Adherence status must be done, partly or skipped." }),
  sideEffects: safeString().trim().max(500, { error: "Side effects must be 500 characters or fewer." }).optional(),
});
export type AdherenceEntry = z.infer<typeof adherenceEntrySchema>;

/** The 0–10 numeric rating scale every pain score is on (charts and sparklines draw against it). */
export const PAIN_SCALE_MAX = 10;

const checkInObject = z.object({
  date: isoDateSchema,
  painNow: wholeNumber("Pain now", 0, PAIN_SCALE_MAX),
  painAverage: wholeNumber("Average pain", 0, PAIN_SCALE_MAX),
  painWorst: wholeNumber("Worst pain", 0, PAIN_SCALE_MAX),
  symptoms: checkInSymptomsSchema,
  chestPainOrBreathlessness: redFlag(CHECK_IN_RED_FLAG_LABELS.chestPainOrBreathlessness),
  suddenSwelling: redFlag(CHECK_IN_RED_FLAG_LABELS.suddenSwelling),
  coldPaleLimb: redFlag(CHECK_IN_RED_FLAG_LABELS.coldPaleLimb),
  signsOfInfection: redFlag(CHECK_IN_RED_FLAG_LABELS.signsOfInfection),
  /** Asked only after a stimulator or spinal procedure; required then (the use case checks the plan). */
  neuroDeficitAfterProcedure: redFlag(CHECK_IN_RED_FLAG_LABELS.neuroDeficitAfterProcedure).optional(),
  newLimbAffected: redFlag(CHECK_IN_RED_FLAG_LABELS.newLimbAffected),
  bodyLocations: z.array(bodyLocationSchema).max(20),
  sleepHours: z
    .number({ error: "Sleep hours must be a number from 0 to 24." })
    .min(0, { error: "Sleep hours must be a number from 0 to 24." })
    .max(24, { error: "Sleep hours must be a number from 0 to 24." }),
  sleepQuality: wholeNumber("Sleep quality", 0, 10),
  mood: wholeNumber("Mood", 0, 10),
  adherence: z.array(adherenceEntrySchema).max(100),
  note: safeString().trim().max(2000, { error: "The note must be 2000 characters or fewer." }).optional(),
});

/** The daily check-in, without the date-versus-today check (use `makeCheckInSchema` or `parseCheckIn`). */
export const checkInSchema = checkInObject.superRefine((c, ctx) => {
  const limbs = c.bodyLocations.filter((l) => l.site !== "other").map((l) => l.site);
  if (new Set(limbs).size !== limbs.length) {
    ctx.addIssue({ code: "custom", path: ["bodyLocations"], message: "Each limb can be listed once." });
  }
  const ids = c.adherence.map((a) => a.interventionId);
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: "custom", path: ["adherence"], message: "Each intervention can be reported once a check-in." });
  }
});
export type CheckIn = z.infer<typeof checkInSchema>;
export type CheckInInput = z.input<typeof checkInSchema>;

export const FUTURE_CHECK_IN_MESSAGE = "A check-in cannot be dated in the future.";

/** Throws DomainError INVALID when the date is malformed or after `today` (both YYYY-MM-DD). */
export function validateCheckInDate(date: string, today: string): void {
  const d = isoDateSchema.safeParse(date);
  if (!d.success) throw invalid(d.error.issues[0]?.message ?? "Invalid date.", { field: "date" });
  if (!isoDateSchema.safeParse(today).success) throw invalid("Today's date is not a YYYY-MM-DD calendar date.");
  if (date > today) throw invalid(FUTURE_CHECK_IN_MESSAGE, { field: "date" });
}

/** The check-in schema bound to the patient's local `today`. */
export function makeCheckInSchema(today: string) {
  return checkInSchema.superRefine((c, ctx) => {
    if (c.date > today) ctx.addIssue({ code: "custom", path: ["date"], message: FUTURE_CHECK_IN_MESSAGE });
  });
}

/** Parses a check-in; throws DomainError INVALID with the first problem as the message and all issues in details. */
export function parseCheckIn(input: unknown, today: string): CheckIn {
  const r = makeCheckInSchema(today).safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw invalid(issues[0]?.message ?? "The check-in is not valid.", { issues });
}
