/**
 * The sizes the care-plan schemas accept, in one place: the schemas are built from these and the
 * portal's forms read them (maxLength, min/max), so a form never offers what the server refuses.
 * A leaf module (no imports), so every schema file can use it without an import cycle.
 */
export const PLAN_TEXT_LIMITS = {
  /** A note on a goal or an item, and a patient's instructions. */
  note: 2000,
  instructions: 2000,
  /** Why an item stopped (or changed status). */
  statusReason: 500,
  /** How often, e.g. "daily". */
  frequency: 200,
  /** A custom intervention's name. */
  customName: 200,
  /** A medication's free-text timing note ("with food"). */
  timingNote: 200,
  /** A planned titration step's note. */
  stepNote: 500,
  /** A procedure's level, e.g. "L3". */
  procedureLevel: 100,
  studyReference: 200,
  /** A trial log: a response note, a side effect's name, a dose change's reason. */
  responseNote: 1000,
  sideEffectName: 200,
  doseChangeReason: 500,
} as const;

/** Whole-number bounds of an exercise prescription. */
export const EXERCISE_BOUNDS = {
  sets: { min: 1, max: 20 },
  repetitions: { min: 1, max: 200 },
  durationMinutes: { min: 1, max: 240 },
} as const;

/** A pain score recorded as a response to a medication trial (numeric rating scale). */
export const TRIAL_PAIN_RANGE = { min: 0, max: 10 } as const;
