// Zod-free: the check-in's questions and labels, read by the patient's form in the browser; ./check-in.ts
// builds the schema from them.

/** Symptoms a patient can tick on the daily check-in. */
export const CHECK_IN_SYMPTOMS = [
  "burningPain",
  "stabbingPain",
  "throbbingPain",
  "allodynia",
  "swelling",
  "temperatureChange",
  "colourChange",
  "stiffness",
  "weakness",
  "reducedRangeOfMotion",
  "hairOrNailChange",
] as const;
export type CheckInSymptom = (typeof CHECK_IN_SYMPTOMS)[number];

/** Plain-language labels for the patient form and the clinician's view. */
export const CHECK_IN_SYMPTOM_LABELS: Record<CheckInSymptom, string> = {
  burningPain: "Burning pain",
  stabbingPain: "Stabbing pain",
  throbbingPain: "Throbbing pain",
  allodynia: "Pain from light touch, clothing or bedsheets (allodynia)",
  swelling: "Swelling",
  temperatureChange: "Skin feels warmer or colder than usual",
  colourChange: "Skin colour has changed (red, blue, purple or pale)",
  stiffness: "Stiffness",
  weakness: "Weakness",
  reducedRangeOfMotion: "Cannot move the limb as far as usual",
  hairOrNailChange: "Changes in hair or nail growth",
};

/**
 * Red-flag questions on the daily check-in, in the patient's words. Each "yes" is a new answer that
 * must reach a person (see the rules in ./rules.ts); the order is the order of urgency on the form.
 * `neuroDeficitAfterProcedure` is asked only of patients with a stimulator or spinal procedure in
 * their plan (see `asksAboutProcedureRedFlag`).
 */
export const CHECK_IN_RED_FLAGS = [
  "chestPainOrBreathlessness",
  "suddenSwelling",
  "coldPaleLimb",
  "signsOfInfection",
  "neuroDeficitAfterProcedure",
  "newLimbAffected",
] as const;
export type CheckInRedFlag = (typeof CHECK_IN_RED_FLAGS)[number];

export const CHECK_IN_RED_FLAG_LABELS: Record<CheckInRedFlag, string> = {
  chestPainOrBreathlessness: "New chest pain, or sudden shortness of breath",
  suddenSwelling: "Sudden swelling of an arm or leg, or a swollen, painful calf",
  coldPaleLimb: "A hand, arm, foot or leg that suddenly turned cold, pale, blue or dusky",
  signsOfInfection: "Redness, heat, discharge or fever, or a problem at a stimulator, wound or injection site",
  neuroDeficitAfterProcedure: "Since your stimulator or spinal procedure: new numbness or weakness, or a change in bladder or bowel control",
  newLimbAffected: "Symptoms have spread to another limb or another part of the body",
};

/** Short names for the clinician's tables. */
export const CHECK_IN_RED_FLAG_SHORT_LABELS: Record<CheckInRedFlag, string> = {
  chestPainOrBreathlessness: "chest pain or breathlessness",
  suddenSwelling: "sudden limb swelling or swollen calf",
  coldPaleLimb: "cold, pale or dusky limb",
  signsOfInfection: "infection or device/wound-site problem",
  neuroDeficitAfterProcedure: "numbness, weakness or bladder/bowel change after a procedure",
  newLimbAffected: "spread to another limb or area",
};

/** The red flags a check-in answered "yes" (answers missing from older check-ins count as not asked). */
export function reportedRedFlags(answers: Partial<Record<CheckInRedFlag, boolean | undefined>>): CheckInRedFlag[] {
  return CHECK_IN_RED_FLAGS.filter((flag) => answers[flag] === true);
}

export const BODY_LIMBS = ["left_arm", "right_arm", "left_leg", "right_leg"] as const;
export type BodyLimb = (typeof BODY_LIMBS)[number];
export type BodySite = BodyLimb | "other";

export const BODY_SITE_LABELS: Record<BodySite, string> = {
  left_arm: "Left arm or hand",
  right_arm: "Right arm or hand",
  left_leg: "Left leg or foot",
  right_leg: "Right leg or foot",
  other: "Somewhere else",
};

export const ADHERENCE_STATUSES = ["done", "partly", "skipped"] as const;
export type AdherenceStatus = (typeof ADHERENCE_STATUSES)[number];

export const ADHERENCE_STATUS_LABELS: Record<AdherenceStatus, string> = {
  done: "Done",
  partly: "Partly done",
  skipped: "Skipped",
};
