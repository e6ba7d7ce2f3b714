import { z } from "zod";
import { INT4_MAX, safeString } from "../text";
import { BUDAPEST_CATEGORIES } from "./budapest";
import { checkInSchema } from "./check-in";
import { CSS_ITEM_IDS } from "./css";
import { isoDateSchema } from "../dates/index";
import { LICENSED_MEASURES, PSFS_ACTIVITY_MAX_LENGTH } from "./questionnaires";
import { SIDE_EFFECT_REVIEW_STATUSES } from "./side-effect-review";

// The browser-safe parts live in ./side-effect-review; re-exported so this stays the place to import them from.
export * from "./side-effect-review";

/**
 * Procedure inputs for progress. Scoring itself (ranges, missing items) is done by the scorers,
 * which throw INVALID with item-level messages; these schemas only fix the shape.
 */

const uuid = z.uuid({ error: "This identifier is not valid." });
const patientId = uuid;

export const MEASURE_KINDS = ["budapest", "css", "phq9", "gad7", "psfs", "limb_temperature", ...LICENSED_MEASURES.map((m) => m.id)] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const measureKindSchema = z.enum(MEASURE_KINDS as unknown as [MeasureKind, ...MeasureKind[]], { error: "Unknown measure." });

export const MEASURE_LABELS: Record<string, string> = {
  budapest: "Budapest criteria checklist",
  css: "CRPS Severity Score",
  phq9: "PHQ-9 (mood)",
  gad7: "GAD-7 (anxiety)",
  psfs: "Patient-Specific Functional Scale",
  limb_temperature: "Limb temperature difference",
  ...Object.fromEntries(LICENSED_MEASURES.map((m) => [m.id, m.name])),
};

export const submitCheckInInput = z.object({ patientId, checkIn: checkInSchema });
export const editCheckInInput = z.object({
  patientId,
  checkIn: checkInSchema,
  /** The version the patient was editing: a stale edit is refused, never overwritten. */
  expectedVersion: z.number({ error: "The version being edited is missing." }).int().min(1).max(INT4_MAX, { error: "The version being edited is not valid." }),
});
export const checkInOnDateInput = z.object({ patientId, date: isoDateSchema });
export const checkInFormInput = z.object({ patientId, date: isoDateSchema });

const pageInput = {
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(30),
};
export const listCheckInsInput = z.object({ patientId, ...pageInput });
export const listMeasuresInput = z.object({ patientId, kind: measureKindSchema.optional(), ...pageInput });

const takenOn = { takenOn: isoDateSchema };
const answers = (n: number) => z.array(z.number().nullable(), { error: "Answers must be a list of numbers." }).max(n + 5);

export const budapestInput = z.object({
  patientId,
  ...takenOn,
  disproportionatePain: z.boolean({ error: "Please answer whether the pain is disproportionate." }),
  noBetterExplanation: z.boolean({ error: "Please answer whether another diagnosis explains it better." }),
  symptoms: z.partialRecord(z.enum(BUDAPEST_CATEGORIES), z.array(safeString().max(60)).max(10)),
  signs: z.partialRecord(z.enum(BUDAPEST_CATEGORIES), z.array(safeString().max(60)).max(10)),
});
export const cssInput = z.object({
  patientId,
  ...takenOn,
  items: z.record(safeString().max(60), z.boolean().nullable()).refine((r) => Object.keys(r).length <= CSS_ITEM_IDS.length + 5, {
    error: "Too many CSS items.",
  }),
});
export const phq9Input = z.object({ patientId, ...takenOn, answers: answers(9) });
export const gad7Input = z.object({ patientId, ...takenOn, answers: answers(7) });
export const psfsInput = z.object({
  patientId,
  ...takenOn,
  activities: z
    .array(z.object({ activity: safeString().max(PSFS_ACTIVITY_MAX_LENGTH + 50), score: z.number().nullable() }))
    .max(10),
});

/** Side-to-side skin temperature difference, affected minus unaffected, in °C. */
export const LIMB_TEMPERATURE_RANGE = { min: -10, max: 10 } as const;
export const limbTemperatureInput = z.object({
  patientId,
  ...takenOn,
  differenceCelsius: z
    .number({ error: "Enter the temperature difference in °C." })
    .min(LIMB_TEMPERATURE_RANGE.min, { error: "The temperature difference must be between −10 and 10 °C." })
    .max(LIMB_TEMPERATURE_RANGE.max, { error: "The temperature difference must be between −10 and 10 °C." }),
  site: safeString().trim().max(200).optional(),
});
export const licensedScoreInput = z.object({
  patientId,
  ...takenOn,
  measureId: safeString().max(60),
  score: z.number({ error: "Enter the score as a number." }),
});

export const trendsInput = z.object({ patientId, from: isoDateSchema.optional(), to: isoDateSchema.optional() });

export const listAlertsInput = z.object({ patientId, includeAcknowledged: z.boolean().default(true), ...pageInput });
export const acknowledgeAlertInput = z.object({
  patientId,
  alertId: uuid,
  note: safeString({ error: "Add a note saying what was done." })
    .trim()
    .min(1, { error: "Add a note saying what was done." })
    .max(2000, { error: "The note must be 2000 characters or fewer." }),
});
export const worklistInput = z.object({ ...pageInput });

export const latestCheckInReviewInput = z.object({ patientId });

export const listSideEffectsInput = z.object({
  patientId,
  interventionId: safeString().trim().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** Confirm a patient-reported side effect, or annotate it (a note is then required). */
export const reviewSideEffectInput = z
  .object({
    patientId,
    reportId: uuid,
    status: z.enum(SIDE_EFFECT_REVIEW_STATUSES, { error: "Choose confirm or add a note." }),
    note: safeString({ error: "The note must be text." })
      .trim()
      .max(500, { error: "Keep the note under 500 characters." })
      .refine((v) => !v.includes("\u0000"), { error: "The note contains a character that cannot be saved." })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === "noted" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Add a note saying what you make of it." });
  });
