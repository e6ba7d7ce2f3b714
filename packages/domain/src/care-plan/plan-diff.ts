import { DISCIPLINE_LABELS } from "../roles";
import { formatCalendarDate } from "../dates/index";
import type { Goal } from "./goals";
import { describeTarget, goalLabel } from "./treatment-goals";
import type { Intervention } from "./intervention";
import { interventionName } from "./intervention-name";
import type { TrialEntry } from "./medication-trial";
import type { CarePlan } from "./plan";
import { getAgent } from "./medication-agents";
import { formatDose } from "./medication-units";
import { GMI_STAGE_LABELS, type GmiStage } from "./prescription-options";
import type { PrescriptionDetails, TitrationStep } from "./prescription";

export const PLAN_DIFF_KINDS = ["added", "removed", "changed"] as const;
export type PlanDiffKind = (typeof PLAN_DIFF_KINDS)[number];

export interface PlanDiffEntry {
  /** Dotted path keyed by ids, e.g. "interventions.iv-1.details.dose", stable across reordering. */
  path: string;
  kind: PlanDiffKind;
  before?: unknown;
  after?: unknown;
  /** What a clinician reads in the revision history. */
  label: string;
}

export const DIFF_SUMMARY_MAX = 200;

/** A structured, labelled list of what changed between two versions of a plan. */
export function diffPlans(before: CarePlan, after: CarePlan): PlanDiffEntry[] {
  const diff: PlanDiffEntry[] = [];
  if (before.reviewDueAt !== after.reviewDueAt) {
    diff.push({
      path: "reviewDueAt",
      kind: "changed",
      before: before.reviewDueAt,
      after: after.reviewDueAt,
      label: `Review date ${formatCalendarDate(before.reviewDueAt)} → ${formatCalendarDate(after.reviewDueAt)}`,
    });
  }
  diffById(before.goals, after.goals, (g) => g.id, {
    added: (g) => ({ path: `goals.${g.id}`, kind: "added", after: g, label: `Added goal ‘${goalLabel(g.id)}’` }),
    removed: (g) => ({ path: `goals.${g.id}`, kind: "removed", before: g, label: `Removed goal ‘${goalLabel(g.id)}’` }),
    changed: diffGoal,
  }).forEach((e) => {
    diff.push(e);
  });
  diffById(before.interventions, after.interventions, (i) => i.id, {
    added: (i) => ({
      path: `interventions.${i.id}`,
      kind: "added",
      after: i,
      label: `Added ${interventionName(i)} (${i.status})`,
    }),
    removed: (i) => ({ path: `interventions.${i.id}`, kind: "removed", before: i, label: `Removed ${interventionName(i)}` }),
    changed: diffIntervention,
  }).forEach((e) => {
    diff.push(e);
  });
  return diff;
}

/** One line for a revision list; lists as many changes as fit, then counts the rest. */
export function summariseDiff(diff: readonly PlanDiffEntry[]): string {
  if (diff.length === 0) return "No changes.";
  const labels = diff.map((d) => d.label);
  for (let shown = labels.length; shown >= 1; shown--) {
    const rest = labels.length - shown;
    const text = labels.slice(0, shown).join("; ") + (rest > 0 ? `; and ${rest} more` : "");
    if (text.length <= DIFF_SUMMARY_MAX) return text;
  }
  const suffix = labels.length > 1 ? `; and ${labels.length - 1} more` : "";
  return `${(labels[0] ?? "").slice(0, DIFF_SUMMARY_MAX - suffix.length - 1).trimEnd()}…${suffix}`;
}

function diffById<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  make: { added: (a: T) => PlanDiffEntry; removed: (b: T) => PlanDiffEntry; changed: (b: T, a: T) => PlanDiffEntry[] },
): PlanDiffEntry[] {
  const beforeById = new Map(before.map((b) => [key(b), b]));
  const afterIds = new Set(after.map(key));
  const out: PlanDiffEntry[] = [];
  for (const a of after) {
    const b = beforeById.get(key(a));
    out.push(...(b === undefined ? [make.added(a)] : make.changed(b, a)));
  }
  for (const b of before) if (!afterIds.has(key(b))) out.push(make.removed(b));
  return out;
}

function diffGoal(before: Goal, after: Goal): PlanDiffEntry[] {
  const out: PlanDiffEntry[] = [];
  const base = `goals.${after.id}`;
  const name = `Goal ‘${goalLabel(after.id)}’`;
  if (before.status !== after.status) {
    out.push(change(`${base}.status`, before.status, after.status, `${name}: status ${before.status} → ${after.status}`));
  }
  const beforeTargets = new Set(before.targets.map(stableJson));
  const afterTargets = new Set(after.targets.map(stableJson));
  for (const t of after.targets) {
    if (!beforeTargets.has(stableJson(t))) {
      out.push({ path: `${base}.targets`, kind: "added", after: t, label: `${name}: target added: ${describeTarget(t)}` });
    }
  }
  for (const t of before.targets) {
    if (!afterTargets.has(stableJson(t))) {
      out.push({ path: `${base}.targets`, kind: "removed", before: t, label: `${name}: target removed: ${describeTarget(t)}` });
    }
  }
  if (before.note !== after.note) out.push(change(`${base}.note`, before.note, after.note, `${name}: note ${noteVerb(before.note, after.note)}`));
  return out;
}

function diffIntervention(before: Intervention, after: Intervention): PlanDiffEntry[] {
  const out: PlanDiffEntry[] = [];
  const base = `interventions.${after.id}`;
  const name = interventionName(after);
  const push = (field: string, label: string, b: unknown, a: unknown) => out.push(change(`${base}.${field}`, b, a, `${name}: ${label}`));

  if (before.customName !== after.customName) push("customName", `renamed from ${interventionName(before)}`, before.customName, after.customName);
  if (before.status !== after.status) {
    const reason = after.status === "stopped" && after.stopReason ? ` (reason: ${after.stopReason})` : "";
    push("status", `status ${before.status} → ${after.status}${reason}`, before.status, after.status);
  } else if (before.stopReason !== after.stopReason) {
    push("stopReason", `reason for stopping ${noteVerb(before.stopReason, after.stopReason)}`, before.stopReason, after.stopReason);
  }
  out.push(...diffDetails(base, name, before.details, after.details));
  if (before.ownerDiscipline !== after.ownerDiscipline) {
    push(
      "ownerDiscipline",
      `owner ${DISCIPLINE_LABELS[before.ownerDiscipline]} → ${DISCIPLINE_LABELS[after.ownerDiscipline]}`,
      before.ownerDiscipline,
      after.ownerDiscipline,
    );
  }
  if (before.responsibleClinicianId !== after.responsibleClinicianId) {
    push("responsibleClinicianId", "responsible clinician changed", before.responsibleClinicianId, after.responsibleClinicianId);
  }
  for (const g of after.goalIds.filter((id) => !before.goalIds.includes(id))) {
    out.push({ path: `${base}.goalIds`, kind: "added", after: g, label: `${name}: now linked to goal ‘${goalLabel(g)}’` });
  }
  for (const g of before.goalIds.filter((id) => !after.goalIds.includes(id))) {
    out.push({ path: `${base}.goalIds`, kind: "removed", before: g, label: `${name}: no longer linked to goal ‘${goalLabel(g)}’` });
  }
  for (const field of ["startDate", "nextReviewDate"] as const) {
    if (before[field] !== after[field]) {
      const label = field === "startDate" ? "start date" : "next review";
      push(field, `${label} ${formatValue(before[field])} → ${formatValue(after[field])}`, before[field], after[field]);
    }
  }
  if (before.note !== after.note) push("note", `note ${noteVerb(before.note, after.note)}`, before.note, after.note);
  out.push(...diffTrial(base, name, before.trialEntries, after.trialEntries));
  return out;
}

const DETAIL_LABELS: Record<string, string> = {
  agentId: "medicine",
  route: "route",
  dosesPerDay: "doses per day",
  maxDailyDose: "maximum daily dose",
  schedule: "timing note",
  sets: "sets",
  repetitions: "repetitions",
  frequency: "frequency",
  durationMinutes: "minutes",
  stage: "stage",
  stageStartedOn: "stage started",
  sessionType: "session type",
  nextSessionDate: "next session",
  plannedDate: "planned date",
  side: "side",
  level: "level",
  recordPainBeforeAfter: "pain before/after",
  consentRecordedAt: "consent recorded",
  studyReference: "study reference",
};

/** Free-text fields are reported as changed rather than quoted, to keep labels short. */
const DESCRIBED_AS_CHANGED: Record<string, string> = { instructions: "instructions" };
const DETAIL_ORDER = [...Object.keys(DETAIL_LABELS), ...Object.keys(DESCRIBED_AS_CHANGED)];

function diffDetails(base: string, name: string, before: PrescriptionDetails, after: PrescriptionDetails): PlanDiffEntry[] {
  const out: PlanDiffEntry[] = [];
  if (before.kind !== after.kind) {
    return [change(`${base}.details`, before, after, `${name}: prescription replaced`)];
  }
  if (before.kind === "medication" && after.kind === "medication" && (before.dose !== after.dose || before.unit !== after.unit)) {
    out.push(
      change(
        `${base}.details.dose`,
        formatDose(before.dose, before.unit),
        formatDose(after.dose, after.unit),
        `${name}: dose ${formatDose(before.dose, before.unit)} → ${formatDose(after.dose, after.unit)}`,
      ),
    );
  }
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  // A fixed order, not the stored one: JSONB reorders keys, and the history should read the same either way.
  const order = (key: string) => {
    const at = DETAIL_ORDER.indexOf(key);
    return at === -1 ? DETAIL_ORDER.length : at;
  };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => order(x) - order(y) || x.localeCompare(y));
  const itemised = new Set(["kind", "dose", "unit", "titrationSteps", "reviewNeeded"]);
  for (const key of keys) {
    if (itemised.has(key) || stableJson(b[key]) === stableJson(a[key])) continue;
    const path = `${base}.details.${key}`;
    const described = DESCRIBED_AS_CHANGED[key];
    const show = (value: unknown) =>
      key === "maxDailyDose" && typeof value === "number" && after.kind === "medication" ? formatDose(value, after.unit) : formatValue(value, key);
    const label = described ? `${name}: ${described} changed` : `${name}: ${DETAIL_LABELS[key] ?? key} ${show(b[key])} → ${show(a[key])}`;
    out.push(change(path, b[key], a[key], label));
  }
  if (before.kind === "medication" && after.kind === "medication") {
    out.push(...diffSteps(base, name, before.titrationSteps, after.titrationSteps, after.unit));
    if (before.reviewNeeded.length > 0 && after.reviewNeeded.length === 0) {
      out.push(change(`${base}.details.reviewNeeded`, before.reviewNeeded, [], `${name}: entry reviewed and completed`));
    }
  }
  return out;
}

/**
 * Titration steps one by one, so the history says which step was planned or withdrawn (a dose
 * change withdraws the planned steps it makes meaningless: the team must see which).
 */
function diffSteps(base: string, name: string, before: readonly TitrationStep[], after: readonly TitrationStep[], unit: Parameters<typeof formatDose>[1]): PlanDiffEntry[] {
  const describe = (s: TitrationStep) => `${formatDose(s.dose, unit)} from ${formatCalendarDate(s.startsOn)}${s.note ? ` (${s.note})` : ""}`;
  const beforeKeys = new Set(before.map(stableJson));
  const afterKeys = new Set(after.map(stableJson));
  const path = `${base}.details.titrationSteps`;
  return [
    ...after
      .filter((s) => !beforeKeys.has(stableJson(s)))
      .map((s): PlanDiffEntry => ({ path, kind: "added", after: s, label: `${name}: titration step planned: ${describe(s)}` })),
    ...before
      .filter((s) => !afterKeys.has(stableJson(s)))
      .map((s): PlanDiffEntry => ({ path, kind: "removed", before: s, label: `${name}: titration step withdrawn: ${describe(s)}` })),
  ];
}

function diffTrial(base: string, name: string, before: readonly TrialEntry[], after: readonly TrialEntry[]): PlanDiffEntry[] {
  // Trial history is append-only; anything else is reported as a rewrite rather than guessed at.
  const appended = before.every((e, i) => stableJson(e) === stableJson(after[i]));
  if (!appended) return [change(`${base}.trialEntries`, before, after, `${name}: trial history rewritten`)];
  return after.slice(before.length).map((entry, offset) => ({
    path: `${base}.trialEntries.${before.length + offset}`,
    kind: "added" as const,
    after: entry,
    label: `${name}: ${describeTrialEntry(entry)}`,
  }));
}

function describeTrialEntry(entry: TrialEntry): string {
  switch (entry.type) {
    case "dose_change":
      return `dose change recorded (${entry.reason})${entry.withdrawnSteps?.length ? `, ${entry.withdrawnSteps.length === 1 ? "1 planned step" : `${entry.withdrawnSteps.length} planned steps`} withdrawn` : ""}`;
    case "response":
      return `pain ${entry.pain}/10 recorded`;
    case "side_effect":
      return `side effect recorded: ${entry.name} (${entry.severity})`;
  }
}

function change(path: string, before: unknown, after: unknown, label: string): PlanDiffEntry {
  return { path, kind: "changed", before, after, label };
}

function noteVerb(before: string | null, after: string | null): string {
  if (!before) return "added";
  if (!after) return "removed";
  return "changed";
}

function formatValue(value: unknown, key?: string): string {
  if (value === null || value === undefined || value === "") return "none";
  if (key === "agentId" && typeof value === "string") return getAgent(value)?.name ?? value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (key === "stage" && typeof value === "string" && value in GMI_STAGE_LABELS) return GMI_STAGE_LABELS[value as GmiStage];
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatCalendarDate(value);
  return String(value);
}

/** JSON with sorted keys, so equal values built in a different key order compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
