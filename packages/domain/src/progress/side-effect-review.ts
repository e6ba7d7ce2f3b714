// Zod-free: how a physician settles a patient-reported side effect, with its labels (read in the browser);
// ./inputs.ts builds the input schema.

export const SIDE_EFFECT_REVIEW_STATUSES = ["confirmed", "noted"] as const;
export type SideEffectReviewStatus = (typeof SIDE_EFFECT_REVIEW_STATUSES)[number];
export const SIDE_EFFECT_REVIEW_LABELS: Record<SideEffectReviewStatus, string> = {
  confirmed: "Confirmed by the physician",
  noted: "Reviewed, with a note",
};
