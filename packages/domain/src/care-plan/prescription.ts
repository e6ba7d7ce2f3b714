import { z } from "zod";
import type { Discipline } from "../roles";
import {
  CATEGORY_PRESCRIPTION_KIND,
  type DoseLimit,
  type PrescriptionKind,
  type Therapy,
  type TherapyCategory,
  getTherapy,
} from "./catalogue";
import { calendarDateSchema, formatCalendarDate } from "./dates";
import { firstIssueMessage, requiredText, wholeNumberBetween } from "./fields";

export const DOSE_UNITS = ["mg", "mcg", "%", "patch", "ml"] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];
export const doseUnitSchema = z.enum(DOSE_UNITS, { error: "Choose a dose unit: mg, mcg, %, patch or ml." });

export const MEDICATION_ROUTES = ["oral", "topical", "iv", "subcutaneous"] as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];
export const medicationRouteSchema = z.enum(MEDICATION_ROUTES, { error: "Choose a route: oral, topical, IV or subcutaneous." });

export const ROUTE_LABELS: Record<MedicationRoute, string> = {
  oral: "oral",
  topical: "topical",
  iv: "IV",
  subcutaneous: "subcutaneous",
};

/** Graded motor imagery runs its stages in this order, about two weeks each. */
export const GMI_STAGES = ["left_right_judgement", "imagined_movement", "mirror_therapy"] as const;
export type GmiStage = (typeof GMI_STAGES)[number];
export const GMI_STAGE_LABELS: Record<GmiStage, string> = {
  left_right_judgement: "left/right judgement",
  imagined_movement: "imagined movement",
  mirror_therapy: "mirror therapy",
};
export const GMI_STAGE_DAYS = 14;

export function nextGmiStage(stage: GmiStage): GmiStage | null {
  return GMI_STAGES[GMI_STAGES.indexOf(stage) + 1] ?? null;
}

export const SESSION_TYPES = ["individual", "group", "online"] as const;
export const PROCEDURE_SIDES = ["left", "right", "bilateral"] as const;

export const doseValueSchema = z
  .number({ error: "Enter the dose as a number." })
  .positive({ error: "A dose must be more than 0." });
const frequency = requiredText(2, 200, "Say how often, e.g. “daily” or “twice a week”.");
const instructions = z.string({ error: "Instructions must be text." }).trim().max(2000, { error: "Keep instructions under 2000 characters." }).default("");

export const titrationStepSchema = z.object({
  dose: doseValueSchema,
  startsOn: calendarDateSchema,
  note: z.string().trim().max(500).optional(),
});
export type TitrationStep = z.infer<typeof titrationStepSchema>;

export const medicationDetailsSchema = z.object({
  kind: z.literal("medication"),
  dose: doseValueSchema,
  unit: doseUnitSchema,
  route: medicationRouteSchema,
  schedule: requiredText(2, 200, "Enter the schedule, e.g. “twice daily”."),
  titrationSteps: z
    .array(titrationStepSchema)
    .default([])
    .refine((steps) => steps.every((s, i) => i === 0 || (steps[i - 1]?.startsOn ?? "") < s.startsOn), {
      error: "List titration steps in date order, one step a day at most.",
    }),
});

export const exerciseDetailsSchema = z
  .object({
    kind: z.literal("exercise"),
    sets: wholeNumberBetween(1, 20, "Sets must be a whole number from 1 to 20."),
    repetitions: wholeNumberBetween(1, 200, "Repetitions must be a whole number from 1 to 200."),
    frequency,
    durationMinutes: wholeNumberBetween(1, 240, "Duration must be a whole number of minutes from 1 to 240.").optional(),
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
  level: z.string().trim().max(100).optional(),
  /** Ask the patient for a pain score before and after, to judge the procedure's effect. */
  recordPainBeforeAfter: z.boolean({ error: "Say whether to record pain before and after." }),
});

export const experimentalDetailsSchema = z.object({
  kind: z.literal("experimental"),
  consentRecordedAt: calendarDateSchema.nullable(),
  studyReference: z.string().trim().min(1, { error: "Enter the study reference, or leave it empty." }).max(200).nullable(),
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
  medication: "medication details (dose, unit, route and schedule)",
  exercise: "exercise details (sets, repetitions and frequency)",
  psychological: "session details (type and frequency)",
  procedure: "procedure details (planned date and side)",
  experimental: "research details (consent and study reference)",
  self_management: "self-management details (frequency and instructions)",
};

/** An intervention the team defines itself when nothing in the catalogue fits. */
export interface CustomTherapy {
  custom: true;
  name: string;
  category: TherapyCategory;
  ownerDiscipline: Discipline;
}

export type TherapyRef = string | CustomTherapy;

export type PrescriptionResult = { ok: true; value: PrescriptionDetails } | { ok: false; message: string };

export function unknownTherapyMessage(id: string): string {
  return `Unknown therapy “${id}”. Choose one from the catalogue or add a custom intervention.`;
}

export function formatDose(value: number, unit: DoseUnit): string {
  if (unit === "%") return `${value}%`;
  if (unit === "patch") return `${value} ${value === 1 ? "patch" : "patches"}`;
  return `${value} ${unit}`;
}

/** The dose in effect on a day: the latest titration step already started, else the starting dose. */
export function doseOn(details: MedicationDetails, date: string): number {
  let dose = details.dose;
  for (const step of details.titrationSteps) if (step.startsOn <= date) dose = step.dose;
  return dose;
}

/**
 * Checks prescription details for a catalogue therapy (by id) or a custom intervention. Returns a
 * message a clinician can act on rather than throwing, because forms show it next to the field.
 */
export function validatePrescription(therapy: TherapyRef, details: unknown): PrescriptionResult {
  const resolved = typeof therapy === "string" ? getTherapy(therapy) : therapy;
  if (!resolved) return { ok: false, message: unknownTherapyMessage(String(therapy)) };

  const name = resolved.name;
  const kind = "custom" in resolved ? CATEGORY_PRESCRIPTION_KIND[resolved.category] : resolved.prescriptionKind;
  if (typeof details !== "object" || details === null || Array.isArray(details)) {
    return { ok: false, message: `Enter the ${KIND_DESCRIPTIONS[kind]} for ${name}.` };
  }
  const given = (details as { kind?: unknown }).kind;
  if (given !== undefined && given !== kind) {
    const other = typeof given === "string" && given in KIND_DESCRIPTIONS ? `${given.replace("_", "-")} details` : "other details";
    return { ok: false, message: `${name} needs ${KIND_DESCRIPTIONS[kind]}, not ${other}.` };
  }

  const parsed = prescriptionDetailsSchema.safeParse({ ...details, kind });
  if (!parsed.success) return { ok: false, message: `${name}: ${firstIssueMessage(parsed.error)}` };
  const value = parsed.data;

  if ("custom" in resolved) return { ok: true, value };
  const problem = catalogueProblem(resolved, value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

function catalogueProblem(therapy: Therapy, details: PrescriptionDetails): string | null {
  if (details.kind === "exercise" && details.stage !== undefined && therapy.id !== "mirror-therapy") {
    return `${therapy.name}: a graded motor imagery stage only applies to mirror therapy.`;
  }
  if (details.kind !== "medication" || therapy.prescriptionKind !== "medication") return null;

  const limit = therapy.doseLimits.find((l) => l.unit === details.unit);
  if (!limit) {
    const units = therapy.doseLimits.map((l) => l.unit).join(" or ");
    return `Record ${therapy.name} in ${units}, not ${details.unit}.`;
  }
  if (!therapy.routes.includes(details.route)) {
    const routes = therapy.routes.map((r) => ROUTE_LABELS[r]).join(" or ");
    return `${therapy.name} is recorded as ${routes}, not ${ROUTE_LABELS[details.route]}. Check the route.`;
  }
  if (details.dose > limit.max) return `${therapy.name} ${outOfRange(details.dose, limit)}`;
  const step = details.titrationSteps.find((s) => s.dose > limit.max);
  if (step) return `${therapy.name} step from ${formatCalendarDate(step.startsOn)}: ${outOfRange(step.dose, limit)}`;
  return null;
}

function outOfRange(dose: number, limit: DoseLimit): string {
  return `dose ${formatDose(dose, limit.unit)} is outside the accepted range (up to ${formatDose(limit.max, limit.unit)} ${limit.per}). Check the value.`;
}
