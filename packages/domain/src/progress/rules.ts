import { z } from "zod";
import { invalid } from "../errors";
import type { Discipline } from "../roles";
import { weeklyAdherence } from "./adherence";
import { ADHERENCE_STATUSES, CHECK_IN_RED_FLAGS, CHECK_IN_RED_FLAG_LABELS, type CheckInRedFlag } from "./check-in-questions";
import { CSS_MAX_TOTAL, CSS_SMALLEST_REAL_DIFFERENCE } from "./css";
import { addDays, addMonths, daysBetween, isoDateSchema } from "../dates/index";

/**
 * Transparent decision support. Each rule states its logic in words and cites its source; every
 * firing carries the rule, the evidence it used and a suggestion that starts with "Consider".
 * Rules support the care team; they never diagnose or prescribe.
 *
 * Two kinds of rule:
 * - answer rules read one submitted record (a check-in as submitted or edited, a PHQ-9 form), whatever
 *   its date. Each new red-flag answer raises: the dedupe key is the record and the answer, never the day.
 * - pattern rules read the patient's recent history (pain over weeks, adherence, CSS over time) and
 *   cool down after an alert, so a persisting pattern does not raise every day.
 */

/** How soon an alert asks for attention: "urgent" (acknowledged within URGENT_ACKNOWLEDGE_MINUTES) or "review". */
export const ALERT_SEVERITIES = ["urgent", "review"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type RuleKind = "answer" | "pattern";

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const snapshotCheckInSchema = z.object({
  date: isoDateSchema,
  painAverage: int(0, 10),
  adherence: z.array(z.object({ status: z.enum(ADHERENCE_STATUSES) })),
});
export type SnapshotCheckIn = z.infer<typeof snapshotCheckInSchema>;

export const progressSnapshotSchema = z.object({
  today: isoDateSchema,
  crpsOnsetDate: isoDateSchema.nullable(),
  checkIns: z.array(snapshotCheckInSchema),
  /** Every CSS on record (a few a year), any order; `id` names the measure. */
  cssScores: z.array(z.object({ id: z.string().min(1), date: isoDateSchema, total: int(0, CSS_MAX_TOTAL) })),
  psychologicalEvaluationOnRecord: z.boolean(),
  conservativeCareStartedOn: isoDateSchema.nullable(),
});
export type ProgressSnapshot = z.infer<typeof progressSnapshotSchema>;

const redFlagAnswersShape = Object.fromEntries(CHECK_IN_RED_FLAGS.map((f) => [f, z.boolean().optional()])) as Record<
  CheckInRedFlag,
  z.ZodOptional<z.ZodBoolean>
>;

/** The record just submitted or edited, which the answer rules read. */
export const ruleSubmissionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("check_in"),
    id: z.string().min(1),
    date: isoDateSchema,
    painAverage: int(0, 10),
    answers: z.object(redFlagAnswersShape),
  }),
  z.object({ kind: z.literal("phq9"), id: z.string().min(1), date: isoDateSchema, item9: int(0, 3), total: int(0, 27) }),
  z.object({ kind: z.literal("css"), id: z.string().min(1), date: isoDateSchema, total: int(0, CSS_MAX_TOTAL) }),
]);
export type RuleSubmission = z.infer<typeof ruleSubmissionSchema>;

export interface RuleEvidence {
  label: string;
  value: string | number;
}

/** The record an alert came from: a check-in, a measure, or the pattern in the history. */
export const ALERT_SOURCE_KINDS = ["check_in", "measure", "pattern"] as const;
export type AlertSourceKind = (typeof ALERT_SOURCE_KINDS)[number];

export interface RuleRecord {
  kind: AlertSourceKind;
  id: string | null;
}

export interface RuleFiring {
  ruleId: RuleId;
  severity: AlertSeverity;
  kind: RuleKind;
  /** The rule that fired, shown with the result. */
  title: string;
  logic: string;
  consider: string;
  /** Where the rule comes from. */
  source: string;
  message: string;
  evidence: RuleEvidence[];
  /** Answer rules: rule + record + answer. Pattern rules: rule + the date of the triggering data. */
  dedupeKey: string;
  record: RuleRecord;
  /** Disciplines to notify first; when none of them is on the team, every clinician on it. */
  notify: Discipline[];
  /** Pattern rules: days after an acknowledged alert before the same rule may raise again. */
  cooldownDays: number;
  /** True when the patient should be shown crisis resources now. */
  patientCrisisResources: boolean;
  /** True when the patient should be told to call emergency services now. */
  patientEmergency: boolean;
}

export interface DecisionRule {
  id: RuleId;
  title: string;
  severity: AlertSeverity;
  kind: RuleKind;
  /** Plain-language statement of what the rule checks. */
  logic: string;
  /** What the clinician might consider; always starts with "Consider". */
  consider: string;
  source: string;
  evaluate(snapshot: ProgressSnapshot, submission?: RuleSubmission | null): RuleFiring | null;
}

export const RULE_IDS = [
  "phq9-self-harm",
  "red-flag-chest-symptoms",
  "red-flag-limb-swelling",
  "red-flag-cold-limb",
  "red-flag-infection-or-device",
  "red-flag-after-procedure",
  "phq9-severe",
  "symptom-spread",
  "pain-flare",
  "pain-not-improving",
  "css-rising",
  "low-adherence",
  "no-psych-evaluation",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

// Thresholds, exported so the UI can show them and tests can pin them.
export const PAIN_RULE = { minDaysOfConservativeCare: 56, windowDays: 7, minImprovementPercent: 30 } as const;
export const PAIN_FLARE_RULE = { risePoints: 3, recentDays: 2, baselineDays: 7, minBaselineCheckIns: 4, cooldownDays: 2 } as const;
export const ADHERENCE_RULE = { belowPercent: 50, weeks: 2 } as const;
export const PSYCH_EVALUATION_RULE = { monthsSinceOnset: 2 } as const;
export const PHQ9_SEVERE_TOTAL = 20;
export const PATTERN_COOLDOWN_DAYS = 14;
/** Urgent alerts must be acknowledged within this many minutes (escalation reads the deadline). */
export const URGENT_ACKNOWLEDGE_MINUTES = 30;

/** Citations, one home: docs/clinical-rules.md repeats them for readers (a test keeps the two equal). */
export const RULE_SOURCES = {
  domainRedFlags: "Concord domain reference (CRPS-DOMAIN.md), “Red flags that must reach a person fast”",
  phq9: "Kroenke K, Spitzer RL, Williams JB. The PHQ-9. J Gen Intern Med 2001;16:606–613",
  css: "Harden RN et al. Pain 2017;158:1430–1436 (CSS smallest real difference 4.9 points)",
  vte: "NICE guideline NG158, Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (2020)",
  neuromodulation: "Deer TR et al. The Neurostimulation Appropriateness Consensus Committee (NACC) recommendations for infection prevention and management. Neuromodulation 2017;20:31–50",
  conservativeCare: "Concord domain reference (CRPS-DOMAIN.md), “Escalation”: interventional procedures are considered when conservative care is not enough",
  consistency: "Concord domain reference (CRPS-DOMAIN.md), “The condition”: consistency matters, progress is often slow",
  psychology: "Concord domain reference (CRPS-DOMAIN.md), “The team”: the psychologist is part of every CRPS team",
} as const;

const round1 = (n: number) => Math.round(n * 10) / 10;
const fmt1 = (n: number) => round1(n).toFixed(1);
const weeksAndDays = (days: number) => `${Math.floor(days / 7)} weeks ${days % 7} days`;

interface Trigger {
  message: string;
  evidence: RuleEvidence[];
  /** Pattern rules: the date of the triggering data (the dedupe key). */
  triggerDate: string;
  record?: RuleRecord;
  patientCrisisResources?: boolean;
}

type RuleDefinition = Omit<DecisionRule, "evaluate" | "kind"> & {
  notify?: Discipline[];
  cooldownDays?: number;
  patientEmergency?: boolean;
};

function firing(rule: RuleDefinition, kind: RuleKind, t: Trigger, dedupeKey: string, record: RuleRecord): RuleFiring {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    kind,
    title: rule.title,
    logic: rule.logic,
    consider: rule.consider,
    source: rule.source,
    message: t.message,
    evidence: t.evidence,
    dedupeKey,
    record,
    notify: [...(rule.notify ?? [])],
    cooldownDays: kind === "pattern" ? (rule.cooldownDays ?? PATTERN_COOLDOWN_DAYS) : 0,
    patientCrisisResources: t.patientCrisisResources ?? false,
    patientEmergency: rule.patientEmergency ?? false,
  };
}

/** A rule over the patient's history; `check` sees the submission too (a back-dated check-in moves the window). */
function defineRule(def: RuleDefinition & { check(s: ProgressSnapshot, submission: RuleSubmission | null): Trigger | null }): DecisionRule {
  const { check, notify: _n, cooldownDays: _c, patientEmergency: _e, ...rule } = def;
  return {
    ...rule,
    kind: "pattern",
    evaluate(snapshot, submission = null) {
      const t = check(snapshot, submission);
      if (!t) return null;
      return firing(def, "pattern", t, `${rule.id}:${t.triggerDate}`, t.record ?? { kind: "pattern", id: null });
    },
  };
}

/** A rule over one submitted record: fires on the answer, keyed by the record and the answer. */
function defineAnswerRule(
  def: RuleDefinition & { check(submission: RuleSubmission): (Trigger & { answer: string; record: RuleRecord }) | null },
): DecisionRule {
  const { check, notify: _n, cooldownDays: _c, patientEmergency: _e, ...rule } = def;
  return {
    ...rule,
    kind: "answer",
    evaluate(_snapshot, submission) {
      if (!submission) return null;
      const t = check(submission);
      if (!t) return null;
      return firing(def, "answer", t, `${rule.id}:${t.record.kind}:${t.record.id}:${t.answer}`, t.record);
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

/* ------------------------------------------------------------------ answer rules (one record) */

interface CheckInRedFlagRule {
  id: RuleId;
  flag: CheckInRedFlag;
  severity: AlertSeverity;
  title: string;
  meaning: string;
  consider: string;
  source: string;
  notify?: Discipline[];
  patientEmergency?: boolean;
}

function checkInRedFlagRule(r: CheckInRedFlagRule): DecisionRule {
  return defineAnswerRule({
    id: r.id,
    title: r.title,
    severity: r.severity,
    logic: `Fires when a check-in, as submitted or edited and whatever its date, answers yes to “${CHECK_IN_RED_FLAG_LABELS[r.flag]}” (${r.meaning}).${
      r.patientEmergency ? " The patient is told to call emergency services now." : ""
    }`,
    consider: r.consider,
    source: r.source,
    ...(r.notify ? { notify: r.notify } : {}),
    ...(r.patientEmergency ? { patientEmergency: true } : {}),
    check(sub) {
      if (sub.kind !== "check_in" || sub.answers[r.flag] !== true) return null;
      return {
        message: `On the check-in for ${sub.date} the patient answered yes to “${CHECK_IN_RED_FLAG_LABELS[r.flag]}”.`,
        evidence: [
          { label: "Check-in date", value: sub.date },
          { label: CHECK_IN_RED_FLAG_LABELS[r.flag], value: "yes" },
          { label: "Average pain that day (0–10)", value: sub.painAverage },
        ],
        triggerDate: sub.date,
        answer: r.flag,
        record: { kind: "check_in", id: sub.id },
      };
    },
  });
}

const chestSymptoms = checkInRedFlagRule({
  id: "red-flag-chest-symptoms",
  flag: "chestPainOrBreathlessness",
  severity: "urgent",
  title: "Chest pain or breathlessness reported",
  meaning: "possible pulmonary embolism",
  consider: "Consider contacting the patient now to confirm they have called emergency services.",
  source: `${RULE_SOURCES.domainRedFlags}; ${RULE_SOURCES.vte}`,
  patientEmergency: true,
});

const limbSwelling = checkInRedFlagRule({
  id: "red-flag-limb-swelling",
  flag: "suddenSwelling",
  severity: "urgent",
  title: "Sudden limb swelling or a swollen calf reported",
  meaning: "possible deep vein thrombosis",
  consider: "Consider contacting the patient today to assess for deep vein thrombosis.",
  source: `${RULE_SOURCES.domainRedFlags}; ${RULE_SOURCES.vte}`,
  patientEmergency: true,
});

const coldLimb = checkInRedFlagRule({
  id: "red-flag-cold-limb",
  flag: "coldPaleLimb",
  severity: "urgent",
  title: "Suddenly cold, pale or dusky limb reported",
  meaning: "possible loss of blood supply",
  consider: "Consider contacting the patient now to assess the limb's circulation.",
  source: RULE_SOURCES.domainRedFlags,
  notify: ["pain_physician"],
});

const infectionOrDevice = checkInRedFlagRule({
  id: "red-flag-infection-or-device",
  flag: "signsOfInfection",
  severity: "urgent",
  title: "Signs of infection or a device or wound-site problem reported",
  meaning: "possible infection, at a device or wound site or elsewhere",
  consider: "Consider contacting the patient today to examine the site.",
  source: `${RULE_SOURCES.domainRedFlags}; ${RULE_SOURCES.neuromodulation}`,
  notify: ["pain_physician"],
});

const afterProcedure = checkInRedFlagRule({
  id: "red-flag-after-procedure",
  flag: "neuroDeficitAfterProcedure",
  severity: "urgent",
  title: "New numbness, weakness or bladder/bowel change after a stimulator or spinal procedure",
  meaning: "possible compression, haematoma or abscess",
  consider: "Consider contacting the patient now for an urgent neurological assessment.",
  source: `${RULE_SOURCES.domainRedFlags}; ${RULE_SOURCES.neuromodulation}`,
  notify: ["pain_physician"],
});

const symptomSpread = checkInRedFlagRule({
  id: "symptom-spread",
  flag: "newLimbAffected",
  severity: "review",
  title: "Symptoms spreading to another limb or area",
  meaning: "spread of CRPS symptoms",
  consider: "Consider reviewing the plan and examining the newly affected area.",
  source: RULE_SOURCES.domainRedFlags,
});

export const PHQ9_SELF_HARM_NOTIFY: readonly Discipline[] = ["psychologist", "pain_physician"];

const phq9SelfHarm = defineAnswerRule({
  id: "phq9-self-harm",
  title: "PHQ-9 item 9 (thoughts of self-harm) answered above 0",
  severity: "urgent",
  logic:
    "Fires for every PHQ-9 form with an answer above 0 on item 9, whatever its date; a second form the same day raises again. The psychologist and the pain physician are notified first (the whole team when neither is on it), and the patient is shown crisis resources.",
  consider: "Consider contacting the patient today to check their safety.",
  source: `${RULE_SOURCES.phq9}; ${RULE_SOURCES.domainRedFlags}`,
  notify: [...PHQ9_SELF_HARM_NOTIFY],
  check(sub) {
    if (sub.kind !== "phq9" || sub.item9 === 0) return null;
    return {
      message: `On the PHQ-9 of ${sub.date} the patient answered ${sub.item9} (of 3) on item 9, thoughts of being better off dead or of self-harm.`,
      evidence: [
        { label: "PHQ-9 date", value: sub.date },
        { label: "Item 9 answer (0–3)", value: sub.item9 },
        { label: "PHQ-9 total (0–27)", value: sub.total },
      ],
      triggerDate: sub.date,
      answer: `item9=${sub.item9}`,
      record: { kind: "measure", id: sub.id },
      patientCrisisResources: true,
    };
  },
});

const phq9Severe = defineAnswerRule({
  id: "phq9-severe",
  title: "PHQ-9 total in the severe range",
  severity: "review",
  logic: `Fires for every PHQ-9 form with a total of ${PHQ9_SEVERE_TOTAL} or more (the severe band, 20–27), whatever its date.`,
  consider: "Consider a review of mood and of the psychological support in the plan.",
  source: RULE_SOURCES.phq9,
  check(sub) {
    if (sub.kind !== "phq9" || sub.total < PHQ9_SEVERE_TOTAL) return null;
    return {
      message: `The PHQ-9 of ${sub.date} totals ${sub.total} of 27 (${PHQ9_SEVERE_TOTAL} or more is the severe band).`,
      evidence: [
        { label: "PHQ-9 date", value: sub.date },
        { label: "PHQ-9 total (0–27)", value: sub.total },
        { label: "Severe band starts at", value: PHQ9_SEVERE_TOTAL },
      ],
      triggerDate: sub.date,
      answer: `total=${sub.total}`,
      record: { kind: "measure", id: sub.id },
    };
  },
});

/* ------------------------------------------------------------------ pattern rules (history) */

const painFlare = defineRule({
  id: "pain-flare",
  title: "Pain worse by 3 or more points over 48 hours",
  severity: "review",
  logic: `Compares average pain on the check-ins of the last ${PAIN_FLARE_RULE.recentDays} days (ending on the check-in just submitted, or the latest) with the patient's average over the ${PAIN_FLARE_RULE.baselineDays} days before them; fires when it is ${PAIN_FLARE_RULE.risePoints} or more points higher. Needs at least ${PAIN_FLARE_RULE.minBaselineCheckIns} check-ins in those ${PAIN_FLARE_RULE.baselineDays} days.`,
  consider: "Consider contacting the patient to review the flare and the plan.",
  source: RULE_SOURCES.domainRedFlags,
  cooldownDays: PAIN_FLARE_RULE.cooldownDays,
  check(s, submission) {
    const days = onePerDate(upTo(s.checkIns, s.today));
    const focus = submission?.kind === "check_in" ? submission.date : days[days.length - 1]?.date;
    if (!focus) return null;
    const recentFrom = addDays(focus, -(PAIN_FLARE_RULE.recentDays - 1));
    const baselineFrom = addDays(recentFrom, -PAIN_FLARE_RULE.baselineDays);
    const recent = days.filter((c) => c.date >= recentFrom && c.date <= focus);
    const baseline = days.filter((c) => c.date >= baselineFrom && c.date < recentFrom);
    if (recent.length === 0 || baseline.length < PAIN_FLARE_RULE.minBaselineCheckIns) return null;
    const mean = (xs: SnapshotCheckIn[]) => xs.reduce((a, c) => a + c.painAverage, 0) / xs.length;
    const rise = mean(recent) - mean(baseline);
    if (rise < PAIN_FLARE_RULE.risePoints) return null;
    return {
      message: `Average pain over ${recentFrom} to ${focus} was ${fmt1(mean(recent))}, ${fmt1(rise)} points above the 7-day average of ${fmt1(mean(baseline))} before it.`,
      evidence: [
        { label: `Average pain ${recentFrom} to ${focus} (${recent.length} check-ins)`, value: round1(mean(recent)) },
        { label: `7-day average ${baselineFrom} to ${addDays(recentFrom, -1)} (${baseline.length} check-ins)`, value: round1(mean(baseline)) },
        { label: "Rise (points)", value: round1(rise) },
        { label: "Rise looked for (points)", value: PAIN_FLARE_RULE.risePoints },
      ],
      triggerDate: focus,
    };
  },
});

const painNotImproving = defineRule({
  id: "pain-not-improving",
  title: "Pain not improving on conservative care",
  severity: "review",
  logic:
    "After at least 8 weeks of conservative care, compares average pain over the first 7 days with check-ins from the start of conservative care (baseline) with the last 7 days with check-ins; fires when pain has not fallen by at least 30%. Needs 14 days with check-ins so the two periods do not overlap.",
  consider: "Consider an interventional review.",
  source: RULE_SOURCES.conservativeCare,
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
  logic: `Fires when the latest CRPS Severity Score is ${CSS_SMALLEST_REAL_DIFFERENCE} or more points above the baseline (the first score) or above any earlier score, over any span: a change of ${CSS_SMALLEST_REAL_DIFFERENCE} or more points is beyond measurement error (smallest real difference, Harden 2017).`,
  consider: "Consider reviewing the plan.",
  source: RULE_SOURCES.css,
  check(s) {
    const scores = upTo(s.cssScores, s.today);
    const latest = scores[scores.length - 1];
    const earlier = scores.slice(0, -1);
    const baseline = earlier[0];
    if (!latest || !baseline) return null;
    const lowest = earlier.reduce((low, c) => (c.total < low.total ? c : low), baseline);
    const rise = latest.total - lowest.total;
    if (rise < CSS_SMALLEST_REAL_DIFFERENCE) return null;
    const fromBaseline = latest.total - baseline.total;
    const span = lowest === baseline ? `the baseline of ${baseline.total} on ${baseline.date}` : `${lowest.total} on ${lowest.date} (baseline ${baseline.total} on ${baseline.date})`;
    return {
      message: `CRPS Severity Score is ${latest.total} on ${latest.date}, ${rise} points above ${span}.`,
      evidence: [
        { label: `Baseline CSS (${baseline.date})`, value: baseline.total },
        { label: `Lowest earlier CSS (${lowest.date})`, value: lowest.total },
        { label: `Latest CSS (${latest.date})`, value: latest.total },
        { label: "Rise from baseline (points)", value: fromBaseline },
        { label: "Rise from the lowest earlier score (points)", value: rise },
        { label: "Smallest real difference (points)", value: CSS_SMALLEST_REAL_DIFFERENCE },
      ],
      triggerDate: latest.date,
      record: { kind: "measure", id: latest.id },
    };
  },
});

const lowAdherence = defineRule({
  id: "low-adherence",
  title: "Low adherence two weeks running",
  severity: "review",
  logic: `Fires when reported adherence is below ${ADHERENCE_RULE.belowPercent}% in each of the last two 7-day periods, and both periods have check-ins (done counts 1, partly 0.5, skipped 0; days without a check-in are not counted).`,
  consider: "Consider checking barriers with the patient.",
  source: RULE_SOURCES.consistency,
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
  source: RULE_SOURCES.psychology,
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

/** Every rule, urgent first. */
export const RULES: readonly DecisionRule[] = [
  phq9SelfHarm,
  chestSymptoms,
  limbSwelling,
  coldLimb,
  infectionOrDevice,
  afterProcedure,
  phq9Severe,
  symptomSpread,
  painFlare,
  painNotImproving,
  cssRising,
  lowAdherence,
  noPsychEvaluation,
];

function parseOrInvalid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw invalid(`The ${what} is not valid${first ? ` at ${first.path.join(".") || "root"}: ${first.message}` : "."}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/**
 * Validates the snapshot and the submitted record (throws INVALID) and returns the rules that fired:
 * urgent first, then in RULES order. Answer rules read only `submission`; pattern rules the snapshot.
 */
export function evaluateRules(snapshot: unknown, submission: unknown = null): RuleFiring[] {
  const s = parseOrInvalid(progressSnapshotSchema, snapshot, "progress snapshot");
  const sub = submission === null ? null : parseOrInvalid(ruleSubmissionSchema, submission, "submitted record");
  const fired = RULES.map((r) => r.evaluate(s, sub)).filter((f): f is RuleFiring => f !== null);
  const rank = (sev: AlertSeverity) => (sev === "urgent" ? 0 : 1);
  return fired.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** Who an urgent alert reaches: the disciplines the rule names, else the whole team, else nobody (the caller tells admins). */
export function urgentAlertRecipients(
  notify: readonly Discipline[],
  team: readonly { clinicianId: string; discipline: Discipline; active: boolean }[],
): { clinicianIds: string[]; routedTo: "named-disciplines" | "whole-team" | "nobody" } {
  const active = team.filter((m) => m.active);
  const named = active.filter((m) => notify.includes(m.discipline));
  if (named.length > 0) return { clinicianIds: [...new Set(named.map((m) => m.clinicianId))], routedTo: "named-disciplines" };
  if (active.length > 0) return { clinicianIds: [...new Set(active.map((m) => m.clinicianId))], routedTo: "whole-team" };
  return { clinicianIds: [], routedTo: "nobody" };
}

/** When an urgent alert raised at `raisedAt` must be acknowledged by. */
export function acknowledgeBy(raisedAt: Date): Date {
  return new Date(raisedAt.getTime() + URGENT_ACKNOWLEDGE_MINUTES * 60_000);
}
