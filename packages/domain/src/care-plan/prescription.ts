import { z } from "zod";
import { safeString } from "../text";
import { CATEGORY_PRESCRIPTION_KIND, type PrescriptionKind, type Therapy, getTherapy } from "./catalogue";
import { calendarDateSchema } from "../dates/index";
import { firstIssueMessage, requiredText, wholeNumberBetween } from "./fields";
import { MAX_DOSES_PER_DAY } from "./medication-agents";
import { MEDICATION_FIELDS, type MedicationField, medicationInput, medicationProblem } from "./medication-dosing";
import { DOSE_UNITS, MEDICATION_ROUTES } from "./medication-units";
import { EXERCISE_BOUNDS, PLAN_TEXT_LIMITS } from "./limits";
import { GMI_STAGES, PROCEDURE_SIDES, SESSION_TYPES, type TherapyRef, takesGmiStage } from "./prescription-options";

// The browser-safe parts live in zod-free modules; re-exported so this stays the place to import the model from.
export { doseOn } from "./medication-dosing";
export {
  type CustomTherapy,
  GMI_STAGES,
  GMI_STAGE_DAYS,
  GMI_STAGE_LABELS,
  GMI_THERAPY_ID,
  type GmiStage,
  PROCEDURE_SIDES,
  SESSION_TYPES,
  type TherapyRef,
  nextGmiStage,
  takesGmiStage,
} from "./prescription-options";

export {
  DOSE_UNITS,
  type DoseUnit,
  formatDose,
  MEDICATION_ROUTES,
  type MedicationRoute,
  PRESCRIBABLE_UNITS,
  ROUTE_LABELS,
  timesADay,
} from "./medication-units";

export const doseUnitSchema = z.enum(DOSE_UNITS, { error: "Choose a dose unit: mg, mcg, g, ml, patch or application." });
export const medicationRouteSchema = z.enum(MEDICATION_ROUTES, { error: "Choose a route: oral, topical, IV or subcutaneous." });

export const doseValueSchema = z
  .number({ error: "Enter the dose as a number." })
  .positive({ error: "A dose must be more than 0." });
const frequency = requiredText(2, PLAN_TEXT_LIMITS.frequency, "Say how often, e.g. “daily” or “twice a week”.");
const instructions = safeString({ error: "Instructions must be text." }).trim().max(PLAN_TEXT_LIMITS.instructions, { error: `Keep instructions under ${PLAN_TEXT_LIMITS.instructions} characters.` }).default("");

export const titrationStepSchema = z.object({
  dose: doseValueSchema,
  startsOn: calendarDateSchema,
  note: safeString({ error: "A step's note must be text." }).trim().max(PLAN_TEXT_LIMITS.stepNote, { error: `Keep a step's note under ${PLAN_TEXT_LIMITS.stepNote} characters.` }).optional(),
});
export type TitrationStep = z.infer<typeof titrationStepSchema>;

export const DOSES_PER_DAY_MESSAGE = `Doses per day must be a whole number from 1 to ${MAX_DOSES_PER_DAY}.`;

/**
 * A medication as prescribed: the agent (which fixes route, unit and bounds), the dose, and how
 * many doses a day, so the daily total can be checked. `schedule` is a free-text timing note
 * ("at night", "with food"); it no longer carries the frequency.
 */
export const medicationDetailsSchema = z
  .object({
    kind: z.literal("medication"),
    /** The catalogue agent; null for a custom medication, or for an entry from before agents awaiting review. */
    agentId: safeString({ error: "Choose the medicine." }).trim().min(1, { error: "Choose the medicine." }).nullable().default(null),
    dose: doseValueSchema,
    unit: doseUnitSchema,
    route: medicationRouteSchema,
    /** For an infusion course, 1: one infusion on each infusion day. null only on a migrated entry awaiting review. */
    dosesPerDay: wholeNumberBetween(1, MAX_DOSES_PER_DAY, DOSES_PER_DAY_MESSAGE).nullable(),
    /** Physician-entered, in the dose's unit, for a custom medication only (the catalogue bounds its agents). */
    maxDailyDose: z
      .number({ error: "Enter the maximum daily dose as a number." })
      .positive({ error: "The maximum daily dose must be more than 0." })
      .nullable()
      .default(null),
    schedule: safeString({ error: "The timing note must be text." }).trim().max(PLAN_TEXT_LIMITS.timingNote, { error: `Keep the timing note under ${PLAN_TEXT_LIMITS.timingNote} characters.` }).default(""),
    titrationSteps: z
      .array(titrationStepSchema)
      .default([])
      .refine((steps) => steps.every((s, i) => i === 0 || (steps[i - 1]?.startsOn ?? "") < s.startsOn), {
        error: "List titration steps in date order, one step a day at most.",
      }),
    /**
     * What a physician must settle on an entry written before medications were recorded by agent
     * (legacy-medication.ts). Always empty on an entry saved since: a save passes every check.
     */
    reviewNeeded: z.array(safeString()).default([]),
  })
  .refine((d) => d.dosesPerDay !== null || d.reviewNeeded.length > 0, { error: DOSES_PER_DAY_MESSAGE, path: ["dosesPerDay"] });

export const exerciseDetailsSchema = z
  .object({
    kind: z.literal("exercise"),
    sets: wholeNumberBetween(EXERCISE_BOUNDS.sets.min, EXERCISE_BOUNDS.sets.max, `Sets must be a whole number from ${EXERCISE_BOUNDS.sets.min} to ${EXERCISE_BOUNDS.sets.max}.`),
    repetitions: wholeNumberBetween(EXERCISE_BOUNDS.repetitions.min, EXERCISE_BOUNDS.repetitions.max, `Repetitions must be a whole number from ${EXERCISE_BOUNDS.repetitions.min} to ${EXERCISE_BOUNDS.repetitions.max}.`),
    frequency,
    durationMinutes: wholeNumberBetween(
      EXERCISE_BOUNDS.durationMinutes.min,
      EXERCISE_BOUNDS.durationMinutes.max,
      `Duration must be a whole number of minutes from ${EXERCISE_BOUNDS.durationMinutes.min} to ${EXERCISE_BOUNDS.durationMinutes.max}.`,
    ).optional(),
    instructions,
    stage: z.enum(GMI_STAGES, { error: "Choose a graded motor imagery stage." }).optional(),
    stageStartedOn: calendarDateSchema.optional(),
  })
  .refine((d) => d.stageStartedOn === undefined || d.stage !== undefined, {
    error: "Choose the graded motor imagery stage that started on that date.",
    path: ["stage"],
  });

export const psychologicalDetailsSchema = z.object({
  kind: z.literal("psychological"),
  sessionType: z.enum(SESSION_TYPES, { error: "Choose individual, group or online sessions." }),
  frequency,
  nextSessionDate: calendarDateSchema.optional(),
});

export const procedureDetailsSchema = z.object({
  kind: z.literal("procedure"),
  plannedDate: calendarDateSchema,
  side: z.enum(PROCEDURE_SIDES, { error: "Choose the side: left, right or bilateral." }),
  level: safeString().trim().max(PLAN_TEXT_LIMITS.procedureLevel).optional(),
  /** Ask the patient for a pain score before and after, to judge the procedure's effect. */
  recordPainBeforeAfter: z.boolean({ error: "Say whether to record pain before and after." }),
});

export const experimentalDetailsSchema = z.object({
  kind: z.literal("experimental"),
  consentRecordedAt: calendarDateSchema.nullable(),
  studyReference: safeString().trim().min(1, { error: "Enter the study reference, or leave it empty." }).max(PLAN_TEXT_LIMITS.studyReference).nullable(),
});

export const selfManagementDetailsSchema = z.object({
  kind: z.literal("self_management"),
  frequency,
  instructions,
});

export const prescriptionDetailsSchema = z.discriminatedUnion(
  "kind",
  [
    medicationDetailsSchema,
    exerciseDetailsSchema,
    psychologicalDetailsSchema,
    procedureDetailsSchema,
    experimentalDetailsSchema,
    selfManagementDetailsSchema,
  ],
  { error: "Choose what kind of prescription this is." },
);
export type PrescriptionDetails = z.infer<typeof prescriptionDetailsSchema>;
export type PrescriptionDetailsInput = z.input<typeof prescriptionDetailsSchema>;
export type MedicationDetails = z.infer<typeof medicationDetailsSchema>;
export type ExerciseDetails = z.infer<typeof exerciseDetailsSchema>;
export type PsychologicalDetails = z.infer<typeof psychologicalDetailsSchema>;
export type ProcedureDetails = z.infer<typeof procedureDetailsSchema>;
export type ExperimentalDetails = z.infer<typeof experimentalDetailsSchema>;
export type SelfManagementDetails = z.infer<typeof selfManagementDetailsSchema>;

const KIND_DESCRIPTIONS: Record<PrescriptionKind, string> = {
  medication: "medication details (medicine, dose and doses per day)",
  exercise: "exercise details (sets, repetitions and frequency)",
  psychological: "session details (type and frequency)",
  procedure: "procedure details (planned date and side)",
  experimental: "research details (consent and study reference)",
  self_management: "self-management details (frequency and instructions)",
};

export type PrescriptionResult = { ok: true; value: PrescriptionDetails } | { ok: false; message: string };
/** The same outcome, naming the medication field a refusal is about (when it is one), for forms. */
export type PrescriptionCheck = { ok: true; value: PrescriptionDetails } | { ok: false; message: string; field: MedicationField | null };

export function unknownTherapyMessage(id: string): string {
  return `Unknown therapy “${id}”. Choose one from the catalogue or add a custom intervention.`;
}

/**
 * Checks prescription details for a catalogue therapy (by id) or a custom intervention. Returns a
 * message a clinician can act on rather than throwing, because forms show it next to the field.
 */
export function validatePrescription(therapy: TherapyRef, details: unknown): PrescriptionResult {
  const result = checkPrescription(therapy, details);
  return result.ok ? result : { ok: false, message: result.message };
}

export function checkPrescription(therapy: TherapyRef, details: unknown): PrescriptionCheck {
  const resolved = typeof therapy === "string" ? getTherapy(therapy) : therapy;
  if (!resolved) return { ok: false, message: unknownTherapyMessage(String(therapy)), field: null };

  const name = resolved.name;
  const kind = "custom" in resolved ? CATEGORY_PRESCRIPTION_KIND[resolved.category] : resolved.prescriptionKind;
  if (typeof details !== "object" || details === null || Array.isArray(details)) {
    return { ok: false, message: `Enter the ${KIND_DESCRIPTIONS[kind]} for ${name}.`, field: null };
  }
  const given = (details as { kind?: unknown }).kind;
  if (given !== undefined && given !== kind) {
    const other = typeof given === "string" && given in KIND_DESCRIPTIONS ? `${given.replace("_", "-")} details` : "other details";
    return { ok: false, message: `${name} needs ${KIND_DESCRIPTIONS[kind]}, not ${other}.`, field: null };
  }

  let input = details;
  if (kind === "medication") {
    const prepared = medicationInput(resolved, details as Record<string, unknown>);
    if ("problem" in prepared) return { ok: false, ...prepared.problem };
    input = prepared.input;
  }
  const parsed = prescriptionDetailsSchema.safeParse({ ...input, kind });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = kind === "medication" ? fieldOf(issue?.path[0]) : null;
    return { ok: false, message: `${name}: ${firstIssueMessage(parsed.error)}`, field };
  }
  const value = parsed.data;

  if (value.kind === "medication") {
    const subject = "custom" in resolved ? { custom: true as const, name } : { custom: false as const, therapyName: name, therapyId: resolved.id };
    const problem = medicationProblem(subject, value);
    if (problem) return { ok: false, message: problem.message, field: problem.field };
    return { ok: true, value: { ...value, reviewNeeded: [] } };
  }
  if ("custom" in resolved) return { ok: true, value };
  const problem = catalogueProblem(resolved, value);
  return problem ? { ok: false, message: problem, field: null } : { ok: true, value };
}

function fieldOf(key: PropertyKey | undefined): MedicationField | null {
  return MEDICATION_FIELDS.find((f) => f === key) ?? null;
}

function catalogueProblem(therapy: Therapy, details: PrescriptionDetails): string | null {
  if (details.kind === "exercise" && details.stage !== undefined && !takesGmiStage({ custom: false, therapyId: therapy.id })) {
    return `${therapy.name}: a graded motor imagery stage only applies to mirror therapy.`;
  }
  return null;
}
