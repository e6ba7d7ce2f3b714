// Zod-free: the CRPS diagnosis codes and stages, read by forms in the browser; ./patients.ts builds the schema.

/** CRPS I (no confirmed nerve injury) and CRPS II (causalgia). */
export const CRPS_TYPES = ["I", "II"] as const;
export type CrpsType = (typeof CRPS_TYPES)[number];

/**
 * ICD-10-CM codes for CRPS. CRPS I (G90.5x) and CRPS II / causalgia (G56.4x upper limb,
 * G57.7x lower limb) are never used together, so a patient carries exactly one.
 */
export const CRPS_CODES = {
  "G90.50": { type: "I", limb: "unspecified", label: "CRPS I, unspecified" },
  "G90.511": { type: "I", limb: "right upper limb", label: "CRPS I of right upper limb" },
  "G90.512": { type: "I", limb: "left upper limb", label: "CRPS I of left upper limb" },
  "G90.513": { type: "I", limb: "upper limb, bilateral", label: "CRPS I of upper limb, bilateral" },
  "G90.519": { type: "I", limb: "upper limb, unspecified side", label: "CRPS I of unspecified upper limb" },
  "G90.521": { type: "I", limb: "right lower limb", label: "CRPS I of right lower limb" },
  "G90.522": { type: "I", limb: "left lower limb", label: "CRPS I of left lower limb" },
  "G90.523": { type: "I", limb: "lower limb, bilateral", label: "CRPS I of lower limb, bilateral" },
  "G90.529": { type: "I", limb: "lower limb, unspecified side", label: "CRPS I of unspecified lower limb" },
  "G90.59": { type: "I", limb: "other site", label: "CRPS I of other specified site" },
  "G56.40": { type: "II", limb: "upper limb, unspecified side", label: "Causalgia of unspecified upper limb" },
  "G56.41": { type: "II", limb: "right upper limb", label: "Causalgia of right upper limb" },
  "G56.42": { type: "II", limb: "left upper limb", label: "Causalgia of left upper limb" },
  "G56.43": { type: "II", limb: "upper limb, bilateral", label: "Causalgia of bilateral upper limbs" },
  "G57.70": { type: "II", limb: "lower limb, unspecified side", label: "Causalgia of unspecified lower limb" },
  "G57.71": { type: "II", limb: "right lower limb", label: "Causalgia of right lower limb" },
  "G57.72": { type: "II", limb: "left lower limb", label: "Causalgia of left lower limb" },
  "G57.73": { type: "II", limb: "lower limb, bilateral", label: "Causalgia of bilateral lower limbs" },
} as const satisfies Record<string, { type: CrpsType; limb: string; label: string }>;
export type CrpsCode = keyof typeof CRPS_CODES;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A diagnosis code with its words; a code outside the CRPS list keeps its code as the label and no type or limb. */
export function describeDiagnosis(code: string): { code: string; label: string; crpsType: CrpsType | null; limb: string | null } {
  const known = (CRPS_CODES as Record<string, (typeof CRPS_CODES)[CrpsCode] | undefined>)[code];
  return known ? { code, label: known.label, crpsType: known.type, limb: known.limb } : { code, label: code, crpsType: null, limb: null };
}

export const CRPS_STAGES = ["early", "chronic"] as const;
export type CrpsStage = (typeof CRPS_STAGES)[number];

/** Early CRPS is under 6 months from onset; chronic is beyond. */
export function crpsStage(onsetDate: string, today: string): CrpsStage {
  const months = (Date.parse(today) - Date.parse(onsetDate)) / (DAY_MS * 30.4375);
  return months < 6 ? "early" : "chronic";
}
