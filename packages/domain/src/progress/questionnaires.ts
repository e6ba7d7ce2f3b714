import { invalid } from "../errors";

/**
 * Questionnaire scoring. PHQ-9 and GAD-7 are free to reproduce, so their item text is here for the
 * patient form. Licensed measures store scores only: their item text must never appear in code.
 *
 * Every scorer throws DomainError INVALID on missing or out-of-range answers.
 */

export const FREQUENCY_OPTIONS = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "Several days" },
  { value: 2, label: "More than half the days" },
  { value: 3, label: "Nearly every day" },
] as const;

export const PHQ9_STEM = "Over the last 2 weeks, how often have you been bothered by any of the following problems?";
export const PHQ9_ITEMS = [
  "Little interest or pleasure in doing things",
  "Feeling down, depressed, or hopeless",
  "Trouble falling or staying asleep, or sleeping too much",
  "Feeling tired or having little energy",
  "Poor appetite or overeating",
  "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
  "Trouble concentrating on things, such as reading the newspaper or watching television",
  "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
  "Thoughts that you would be better off dead or of hurting yourself in some way",
] as const;

export const GAD7_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?";
export const GAD7_ITEMS = [
  "Feeling nervous, anxious, or on edge",
  "Not being able to stop or control worrying",
  "Worrying too much about different things",
  "Trouble relaxing",
  "Being so restless that it is hard to sit still",
  "Becoming easily annoyed or irritable",
  "Feeling afraid, as if something awful might happen",
] as const;

export interface SeverityBand<B extends string> {
  band: B;
  label: string;
  min: number;
  max: number;
}

export const PHQ9_BAND_IDS = ["minimal", "mild", "moderate", "moderately_severe", "severe"] as const;
export type Phq9Band = (typeof PHQ9_BAND_IDS)[number];
export const PHQ9_BANDS: readonly SeverityBand<Phq9Band>[] = [
  { band: "minimal", label: "Minimal", min: 0, max: 4 },
  { band: "mild", label: "Mild", min: 5, max: 9 },
  { band: "moderate", label: "Moderate", min: 10, max: 14 },
  { band: "moderately_severe", label: "Moderately severe", min: 15, max: 19 },
  { band: "severe", label: "Severe", min: 20, max: 27 },
];

export const GAD7_BAND_IDS = ["minimal", "mild", "moderate", "severe"] as const;
export type Gad7Band = (typeof GAD7_BAND_IDS)[number];
export const GAD7_BANDS: readonly SeverityBand<Gad7Band>[] = [
  { band: "minimal", label: "Minimal", min: 0, max: 4 },
  { band: "mild", label: "Mild", min: 5, max: 9 },
  { band: "moderate", label: "Moderate", min: 10, max: 14 },
  { band: "severe", label: "Severe", min: 15, max: 21 },
];

/** Answers in item order: index 0 is item 1. null or undefined (or a hole) means not answered. */
export type ItemAnswers = readonly (number | null | undefined)[];

function listNumbers(ns: readonly number[]): string {
  if (ns.length === 1) return String(ns[0]);
  return `${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`;
}

/** Checks a fixed-length form whose items are whole numbers in [min, max]; returns the answers as numbers. */
function checkItems(measure: string, answers: ItemAnswers, count: number, min: number, max: number): number[] {
  if (!Array.isArray(answers)) throw invalid(`${measure} answers must be a list.`);
  if (answers.length > count) {
    throw invalid(`${measure} has ${count} items; ${answers.length} answers were given.`, { expected: count, given: answers.length });
  }
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (answers[i] === undefined || answers[i] === null) missing.push(i + 1);
  if (missing.length > 0) {
    const msg = missing.length === 1 ? `${measure} item ${missing[0]} is missing.` : `${measure} items ${listNumbers(missing)} are missing.`;
    throw invalid(msg, { missingItems: missing });
  }
  const values = answers as readonly number[];
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      throw invalid(`${measure} item ${i + 1} must be a whole number from ${min} to ${max}.`, { item: i + 1, min, max });
    }
  }
  return values.slice(0, count);
}

function bandFor<B extends string>(bands: readonly SeverityBand<B>[], total: number): SeverityBand<B> {
  const b = bands.find((x) => total >= x.min && total <= x.max);
  if (!b) throw new RangeError(`No band for total ${total}`);
  return b;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export interface Phq9Result {
  total: number;
  band: Phq9Band;
  bandLabel: string;
  /** The answer to item 9 (thoughts of self-harm), 0–3. */
  item9: number;
  /** True when item 9 is above 0: a clinician must be alerted at once. */
  selfHarmFlag: boolean;
}

export function scorePhq9(answers: ItemAnswers): Phq9Result {
  const items = checkItems("PHQ-9", answers, 9, 0, 3);
  const total = sum(items);
  const band = bandFor(PHQ9_BANDS, total);
  const item9 = items[8] ?? 0;
  return { total, band: band.band, bandLabel: band.label, item9, selfHarmFlag: item9 > 0 };
}

export interface Gad7Result {
  total: number;
  band: Gad7Band;
  bandLabel: string;
}

export function scoreGad7(answers: ItemAnswers): Gad7Result {
  const items = checkItems("GAD-7", answers, 7, 0, 3);
  const total = sum(items);
  const band = bandFor(GAD7_BANDS, total);
  return { total, band: band.band, bandLabel: band.label };
}

/** Patient-Specific Functional Scale: 3–5 activities the patient names, each rated 0–10. */
export const PSFS_MIN_ACTIVITIES = 3;
export const PSFS_MAX_ACTIVITIES = 5;
export const PSFS_ACTIVITY_MAX_LENGTH = 200;

export interface PsfsActivity {
  activity: string;
  score: number | null | undefined;
}

export interface PsfsResult {
  /** Mean of the activity scores, rounded to 1 decimal place. */
  score: number;
  activityCount: number;
}

export function scorePsfs(activities: readonly PsfsActivity[]): PsfsResult {
  if (!Array.isArray(activities) || activities.length < PSFS_MIN_ACTIVITIES || activities.length > PSFS_MAX_ACTIVITIES) {
    throw invalid(`PSFS needs ${PSFS_MIN_ACTIVITIES} to ${PSFS_MAX_ACTIVITIES} activities; ${Array.isArray(activities) ? activities.length : 0} were given.`);
  }
  const unnamed: number[] = [];
  const missing: number[] = [];
  activities.forEach((a, i) => {
    if (typeof a.activity !== "string" || a.activity.trim() === "") unnamed.push(i + 1);
    if (a.score === undefined || a.score === null) missing.push(i + 1);
  });
  if (unnamed.length > 0) {
    throw invalid(`PSFS ${unnamed.length === 1 ? "activity" : "activities"} ${listNumbers(unnamed)} need${unnamed.length === 1 ? "s" : ""} a name.`, { unnamedActivities: unnamed });
  }
  if (missing.length > 0) {
    const msg = missing.length === 1 ? `PSFS activity ${missing[0]} score is missing.` : `PSFS activities ${listNumbers(missing)} scores are missing.`;
    throw invalid(msg, { missingItems: missing });
  }
  const scores: number[] = [];
  activities.forEach((a, i) => {
    if (a.activity.trim().length > PSFS_ACTIVITY_MAX_LENGTH) {
      throw invalid(`PSFS activity ${i + 1} name must be ${PSFS_ACTIVITY_MAX_LENGTH} characters or fewer.`);
    }
    const s = a.score as number;
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0 || s > 10) {
      throw invalid(`PSFS activity ${i + 1} score must be a whole number from 0 to 10.`, { item: i + 1, min: 0, max: 10 });
    }
    scores.push(s);
  });
  // Whole-number arithmetic before the one division keeps the rounding exact (half rounds up).
  return { score: Math.round((sum(scores) * 10) / scores.length) / 10, activityCount: scores.length };
}

/**
 * Licensed measures: the product records the total a clinician obtained with the licensed form.
 * Never add their item text here.
 */
export interface LicensedMeasure {
  id: string;
  name: string;
  min: number;
  max: number;
  /** Whether the total is always a whole number. */
  wholeNumber: boolean;
  scoreKind: string;
  note?: string;
}

export const LICENSED_MEASURES = [
  { id: "tsk_17", name: "Tampa Scale of Kinesiophobia (TSK-17)", min: 17, max: 68, wholeNumber: true, scoreKind: "total score" },
  { id: "pcs", name: "Pain Catastrophizing Scale", min: 0, max: 52, wholeNumber: true, scoreKind: "total score" },
  {
    id: "promis_pain_interference",
    name: "PROMIS Pain Interference",
    min: 20,
    max: 80,
    wholeNumber: false,
    scoreKind: "T-score",
    note: "Approximate T-score range (verify against the scoring manual for the form in use).",
  },
  { id: "dash", name: "DASH", min: 0, max: 100, wholeNumber: false, scoreKind: "disability score" },
  { id: "quickdash", name: "QuickDASH", min: 0, max: 100, wholeNumber: false, scoreKind: "disability score" },
  {
    id: "lefs",
    name: "Lower Extremity Functional Scale (LEFS)",
    min: 0,
    max: 80,
    wholeNumber: true,
    scoreKind: "total score",
    note: "Licence to be checked; handled as a licensed measure until confirmed.",
  },
] as const satisfies readonly LicensedMeasure[];

export type LicensedMeasureId = (typeof LICENSED_MEASURES)[number]["id"];

export function findLicensedMeasure(measureId: string): LicensedMeasure | undefined {
  return (LICENSED_MEASURES as readonly LicensedMeasure[]).find((m) => m.id === measureId);
}

/** Checks a licensed measure's total against its range; returns it unchanged or throws INVALID. */
export function validateLicensedScore(measureId: string, score: number): { measureId: LicensedMeasureId; score: number } {
  const m = findLicensedMeasure(measureId);
  if (!m) throw invalid(`Unknown licensed measure: ${measureId}.`);
  const ok = typeof score === "number" && Number.isFinite(score) && score >= m.min && score <= m.max && (!m.wholeNumber || Number.isInteger(score));
  if (!ok) {
    throw invalid(`${m.name} ${m.scoreKind} must be ${m.wholeNumber ? "a whole number" : "a number"} from ${m.min} to ${m.max}.`, {
      measureId: m.id,
      min: m.min,
      max: m.max,
    });
  }
  return { measureId: m.id as LicensedMeasureId, score };
}
