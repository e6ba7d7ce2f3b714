import { z } from "zod";
import { invalid } from "../errors";
import type { Discipline } from "../roles";
import { weeklyAdherence } from "./adherence";
import { ADHERENCE_STATUSES } from "./check-in";
import { CSS_MAX_TOTAL, CSS_MEANINGFUL_CHANGE } from "./css";
import { addMonths, daysBetween, isoDateSchema } from "./dates";

/**
 * Transparent decision support. Each rule states its logic in words, and every firing carries the
 * rule, the evidence it used and a suggestion that starts with "Consider". Rules support the care
 * team; they never diagnose or prescribe.
 */

export type RuleSeverity = "urgent" | "review";

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const snapshotCheckInSchema = z.object({
  date: isoDateSchema,
  painAverage: int(0, 10),
  adherence: z.array(z.object({ status: z.enum(ADHERENCE_STATUSES) })),
  suddenSwelling: z.boolean(),
  signsOfInfection: z.boolean(),
  newLimbAffected: z.boolean(),
});
export type SnapshotCheckIn = z.infer<typeof snapshotCheckInSchema>;

export const progressSnapshotSchema = z.object({
  today: isoDateSchema,
  crpsOnsetDate: isoDateSchema.nullable(),
  checkIns: z.array(snapshotCheckInSchema),
  cssScores: z.array(z.object({ date: isoDateSchema, total: int(0, CSS_MAX_TOTAL) })),
  phq9: z.array(z.object({ date: isoDateSchema, item9: int(0, 3), total: int(0, 27) })),
  psychologicalEvaluationOnRecord: z.boolean(),
  conservativeCareStartedOn: isoDateSchema.nullable(),
});
export type ProgressSnapshot = z.infer<typeof progressSnapshotSchema>;

export interface RuleEvidence {
  label: string;
  value: string | number;
}

export interface RuleFiring {
  ruleId: RuleId;
  severity: RuleSeverity;
  /** The rule that fired, shown with the result. */
  title: string;
  logic: string;
  consider: string;
  message: string;
  evidence: RuleEvidence[];
  /** Rule id + the date of the triggering data: the same data always yields the same key. */
  dedupeKey: string;
  /** Disciplines to notify at once (beyond the caller's usual routing for the severity). */
  notify: Discipline[];
  /** True when the patient should be shown crisis resources now. */
  patientCrisisResources: boolean;
}

export interface DecisionRule {
  id: RuleId;
  title: string;
  severity: RuleSeverity;
  /** Plain-language statement of what the rule checks. */
  logic: string;
  /** What the clinician might consider; always starts with "Consider". */
  consider: string;
  evaluate(snapshot: ProgressSnapshot): RuleFiring | null;
}

export const RULE_IDS = [
  "phq9-self-harm",
  "red-flag-symptoms",
  "pain-not-improving",
  "css-rising",
  "low-adherence",
  "no-psych-evaluation",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

// Thresholds, exported so the UI can show them and tests can pin them.
export const PAIN_RULE = { minDaysOfConservativeCare: 56, windowDays: 7, minImprovementPercent: 30 } as const;
export const ADHERENCE_RULE = { belowPercent: 50, weeks: 2 } as const;
export const PSYCH_EVALUATION_RULE = { monthsSinceOnset: 2 } as const;

interface Trigger {
  message: string;
  evidence: RuleEvidence[];
  triggerDate: string;
  notify?: Discipline[];
  patientCrisisResources?: boolean;
}

function defineRule(def: Omit<DecisionRule, "evaluate"> & { check(s: ProgressSnapshot): Trigger | null }): DecisionRule {
  const { check, ...rule } = def;
  return {
    ...rule,
    evaluate(snapshot) {
      const t = check(snapshot);
      if (!t) return null;
      return {
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title,
        logic: rule.logic,
        consider: rule.consider,
        message: t.message,
        evidence: t.evidence,
        dedupeKey: `${rule.id}:${t.triggerDate}`,
        notify: t.notify ?? [],
        patientCrisisResources: t.patientCrisisResources ?? false,
      };
    },
  };
}

/** Items dated on or before `today`, sorted by date; for equal dates the later-given item comes last. */
function upTo<T extends { date: string }>(items: readonly T[], today: string): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.date <= today)
    .sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.i - b.i))
    .map(({ item }) => item);
}

/** One item per date (the last given wins), sorted by date. */
function onePerDate<T extends { date: string }>(sorted: readonly T[]): T[] {
  const byDate = new Map<string, T>();
  for (const item of sorted) byDate.set(item.date, item);
  return [...byDate.values()];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const fmt1 = (n: number) => round1(n).toFixed(1);
const weeksAndDays = (days: number) => `${Math.floor(days / 7)} weeks ${days % 7} days`;

const painNotImproving = defineRule({
  id: "pain-not-improving",
  title: "Pain not improving on conservative care",
  severity: "review",
  logic:
    "After at least 8 weeks of conservative care, compares average pain over the first 7 days with check-ins from the start of conservative care (baseline) with the last 7 days with check-ins; fires when pain has not fallen by at least 30%. Needs 14 days with check-ins so the two periods do not overlap.",
  consider: "Consider an interventional review.",
  check(s) {
    const start = s.conservativeCareStartedOn;
    if (start === null) return null;
    const daysOfCare = daysBetween(start, s.today);
    if (daysOfCare < PAIN_RULE.minDaysOfConservativeCare) return null;
    const n = PAIN_RULE.windowDays;
    const days = onePerDate(upTo(s.checkIns, s.today).filter((c) => c.date >= start));
    if (days.length < 2 * n) return null;
    const baseline = days.slice(0, n);
    const recent = days.slice(-n);
    const baseSum = baseline.reduce((a, c) => a + c.painAverage, 0);
    const recentSum = recent.reduce((a, c) => a + c.painAverage, 0);
    if (baseSum === 0) return null; // no pain at baseline: nothing to improve on
    // improvement >= 30%  ⇔  100·(B − R) >= 30·B, in whole numbers (both windows hold n days).
    const improved = 100 * (baseSum - recentSum) >= PAIN_RULE.minImprovementPercent * baseSum;
    if (improved) return null;
    const baseMean = baseSum / n;
    const recentMean = recentSum / n;
    const improvement = ((baseSum - recentSum) / baseSum) * 100;
    const change =
      improvement > 0
        ? `fallen by ${fmt1(improvement)}%`
        : improvement < 0
          ? `risen by ${fmt1(-improvement)}%`
          : "not changed";
    const lastRecent = recent[recent.length - 1]!;
    return {
      message: `Average pain has ${change} (baseline ${fmt1(baseMean)}, recent ${fmt1(recentMean)}) after ${weeksAndDays(daysOfCare)} of conservative care; the rule looks for a fall of at least ${PAIN_RULE.minImprovementPercent}%.`,
      evidence: [
        { label: "Conservative care started", value: start },
        { label: "Time on conservative care", value: weeksAndDays(daysOfCare) },
        { label: `Baseline average pain (${baseline[0]!.date} to ${baseline[n - 1]!.date})`, value: round1(baseMean) },
        { label: `Recent average pain (${recent[0]!.date} to ${lastRecent.date})`, value: round1(recentMean) },
        { label: "Improvement (%)", value: round1(improvement) },
        { label: "Improvement looked for (%)", value: PAIN_RULE.minImprovementPercent },
      ],
      triggerDate: lastRecent.date,
    };
  },
});

const cssRising = defineRule({
  id: "css-rising",
  title: "CRPS Severity Score rising",
  severity: "review",
  logic: `Fires when the latest CRPS Severity Score is at least ${CSS_MEANINGFUL_CHANGE} points above the one before it (about 5 points is a clinically meaningful change).`,
  consider: "Consider reviewing the plan.",
  check(s) {
    const scores = upTo(s.cssScores, s.today);
    const latest = scores[scores.length - 1];
    const previous = scores[scores.length - 2];
    if (!latest || !previous) return null;
    const change = latest.total - previous.total;
    if (change < CSS_MEANINGFUL_CHANGE) return null;
    return {
      message: `CRPS Severity Score rose by ${change} points, from ${previous.total} on ${previous.date} to ${latest.total} on ${latest.date}.`,
      evidence: [
        { label: `Previous CSS (${previous.date})`, value: previous.total },
        { label: `Latest CSS (${latest.date})`, value: latest.total },
        { label: "Change (points)", value: change },
        { label: "Meaningful change (points)", value: CSS_MEANINGFUL_CHANGE },
      ],
      triggerDate: latest.date,
    };
  },
});

const lowAdherence = defineRule({
  id: "low-adherence",
  title: "Low adherence two weeks running",
  severity: "review",
  logic: `Fires when reported adherence is below ${ADHERENCE_RULE.belowPercent}% in each of the last two 7-day periods, and both periods have check-ins (done counts 1, partly 0.5, skipped 0; days without a check-in are not counted).`,
  consider: "Consider checking barriers with the patient.",
  check(s) {
    const weeks = weeklyAdherence(s.checkIns, s.today, ADHERENCE_RULE.weeks);
    const low = weeks.every((w) => w.percentage !== null && w.percentage < ADHERENCE_RULE.belowPercent);
    if (!low) return null;
    const withData = upTo(s.checkIns, s.today).filter((c) => c.date >= weeks[0]!.from && c.adherence.length > 0);
    const lastDate = withData[withData.length - 1]!.date;
    return {
      message: `Adherence was ${weeks.map((w) => `${Math.round(w.percentage!)}%`).join(" and then ")} in the last two weeks (below ${ADHERENCE_RULE.belowPercent}% in both).`,
      evidence: weeks.map((w) => ({
        label: `Adherence ${w.from} to ${w.to} (${w.daysWithData} of ${w.daysInWindow} days with data)`,
        value: `${fmt1(w.percentage!)}%`,
      })),
      triggerDate: lastDate,
    };
  },
});

const noPsychEvaluation = defineRule({
  id: "no-psych-evaluation",
  title: "No psychological evaluation on record",
  severity: "review",
  logic: `Fires when more than ${PSYCH_EVALUATION_RULE.monthsSinceOnset} months have passed since CRPS onset and no psychological evaluation is on record.`,
  consider: "Consider a psychological evaluation.",
  check(s) {
    const onset = s.crpsOnsetDate;
    if (onset === null || s.psychologicalEvaluationOnRecord) return null;
    if (s.today <= addMonths(onset, PSYCH_EVALUATION_RULE.monthsSinceOnset)) return null;
    return {
      message: `CRPS began on ${onset}, ${weeksAndDays(daysBetween(onset, s.today))} ago, and no psychological evaluation is on record.`,
      evidence: [
        { label: "CRPS onset", value: onset },
        { label: "Time since onset", value: weeksAndDays(daysBetween(onset, s.today)) },
        { label: "Psychological evaluation on record", value: "no" },
      ],
      triggerDate: onset,
    };
  },
});

export const PHQ9_SELF_HARM_NOTIFY: readonly Discipline[] = ["psychologist", "pain_physician"];

const phq9SelfHarm = defineRule({
  id: "phq9-self-harm",
  title: "PHQ-9 item 9 (thoughts of self-harm) answered above 0",
  severity: "urgent",
  logic: "Fires when the latest PHQ-9 has an answer above 0 on item 9. The psychologist and the pain physician are notified at once, and the patient is shown crisis resources.",
  consider: "Consider contacting the patient today to check their safety.",
  check(s) {
    const forms = upTo(s.phq9, s.today);
    const latest = forms[forms.length - 1];
    if (!latest || latest.item9 === 0) return null;
    return {
      message: `On the PHQ-9 of ${latest.date} the patient answered ${latest.item9} (of 3) on item 9, thoughts of being better off dead or of self-harm. Notify the psychologist and the pain physician now.`,
      evidence: [
        { label: "PHQ-9 date", value: latest.date },
        { label: "Item 9 answer (0–3)", value: latest.item9 },
        { label: "PHQ-9 total (0–27)", value: latest.total },
      ],
      triggerDate: latest.date,
      notify: [...PHQ9_SELF_HARM_NOTIFY],
      patientCrisisResources: true,
    };
  },
});

const redFlagSymptoms = defineRule({
  id: "red-flag-symptoms",
  title: "Red-flag symptoms reported",
  severity: "urgent",
  logic: "Fires when the latest check-in reports sudden swelling of the limb (possible deep vein thrombosis), signs of infection, or symptoms spreading to another limb.",
  consider: "Consider contacting the patient today to assess these symptoms.",
  check(s) {
    const checkIns = upTo(s.checkIns, s.today);
    const latest = checkIns[checkIns.length - 1];
    if (!latest) return null;
    const flags: string[] = [];
    if (latest.suddenSwelling) flags.push("sudden swelling of the limb (possible deep vein thrombosis)");
    if (latest.signsOfInfection) flags.push("signs of infection (redness, heat, fever or discharge)");
    if (latest.newLimbAffected) flags.push("symptoms spreading to another limb");
    if (flags.length === 0) return null;
    return {
      message: `The check-in of ${latest.date} reports ${flags.join("; ")}.`,
      evidence: [
        { label: "Check-in date", value: latest.date },
        { label: "Sudden swelling", value: latest.suddenSwelling ? "yes" : "no" },
        { label: "Signs of infection", value: latest.signsOfInfection ? "yes" : "no" },
        { label: "Spread to another limb", value: latest.newLimbAffected ? "yes" : "no" },
      ],
      triggerDate: latest.date,
    };
  },
});

/** Every rule, urgent first. */
export const RULES: readonly DecisionRule[] = [phq9SelfHarm, redFlagSymptoms, painNotImproving, cssRising, lowAdherence, noPsychEvaluation];

/** Validates the snapshot (throws INVALID) and returns the rules that fired: urgent first, then in RULES order. */
export function evaluateRules(snapshot: unknown): RuleFiring[] {
  const parsed = progressSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw invalid(`The progress snapshot is not valid${first ? ` at ${first.path.join(".") || "root"}: ${first.message}` : "."}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const fired = RULES.map((r) => r.evaluate(parsed.data)).filter((f): f is RuleFiring => f !== null);
  const rank = (s: RuleSeverity) => (s === "urgent" ? 0 : 1);
  return fired.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/**
 * Crisis resources for the patient, shown when `patientCrisisResources` is true. Generic on purpose;
 * the phone numbers are examples only and each is marked (verify) for confirmation before release.
 */
export const PATIENT_CRISIS_RESOURCES = {
  heading: "You do not have to face this alone",
  message:
    "If you are thinking about harming yourself, contact your local emergency number now, or a crisis line. If you are in immediate danger, call your emergency number or go to the nearest emergency department. Your care team will be told about your answer, but they may not see it straight away, so please do not wait for them to contact you.",
  examples: [
    { region: "United States", text: "Call or text 988 (Suicide & Crisis Lifeline).", verify: true },
    { region: "United Kingdom and Ireland", text: "Call Samaritans free on 116 123.", verify: true },
  ],
  examplesNote: "Examples only (verify). Outside these countries, use your local emergency number or crisis line.",
} as const;

