import { DISCIPLINE_LABELS, type Discipline } from "../roles";
import { getTherapy } from "./catalogue";
import { type CalendarDate, addCalendarDays, daysBetween, formatCalendarDate } from "../dates/index";
import { GOAL_IDS, type GoalId, type GoalStatus, describeTarget, goalLabel } from "./treatment-goals";
import type { Intervention } from "./intervention";
import { interventionName } from "./intervention-name";
import type { CarePlan } from "./plan";
import { doseOn, frequencyText } from "./medication-dosing";
import { type MedicationRoute, formatDose } from "./medication-units";
import { GMI_STAGE_LABELS } from "./prescription-options";
import type { MedicationDetails, PrescriptionDetails } from "./prescription";

/** How far ahead "coming up" looks. */
export const UPCOMING_WINDOW_DAYS = 14;

export interface PatientViewOptions {
  clinicianNames: Record<string, string>;
  /** Each responsible clinician's own discipline: an OT can look after a PT-owned item. */
  clinicianDisciplines?: Record<string, Discipline>;
  today: CalendarDate;
  lastSeenVersion?: number;
  revisionsSinceSeen?: ReadonlyArray<{ summary: string; createdAt: string }>;
}

export interface PatientAction {
  interventionId: string;
  name: string;
  /** What the team set, restated in plain words, e.g. "Pregabalin 75 mg by mouth, twice daily". */
  action: string;
  instructions: string | null;
  /** The next planned dose step, e.g. "From 8 Mar 2026: 150 mg". */
  nextStep: string | null;
  about: string | null;
  responsible: string;
  patientLed: boolean;
  /** Patient labels of the other goals this item also serves (besides the goal it is listed under). */
  alsoHelps: string[];
}

export interface PatientGoalGroup {
  goalId: GoalId;
  label: string;
  status: GoalStatus | null;
  targets: string[];
  /** Every active item serving this goal: an item serving several goals is under each of them. */
  actions: PatientAction[];
  /** Items paused for now: named so they do not silently vanish, but not to-dos. */
  onHold: string[];
}

export interface PatientUpcoming {
  interventionId: string;
  date: CalendarDate;
  dateLabel: string;
  inDays: number;
  what: string;
}

export interface PatientView {
  patientId: string;
  version: number;
  reviewDue: string;
  /** Each active item once, in plan order: "this week" and "who does what" list these, not the goals' copies. */
  actions: PatientAction[];
  goals: PatientGoalGroup[];
  upcoming: PatientUpcoming[];
  changes: {
    firstLook: boolean;
    unseen: boolean;
    items: Array<{ summary: string; createdAt: string }>;
  };
}

const ROUTE_PHRASES: Record<MedicationRoute, string> = {
  oral: "by mouth",
  topical: "on the skin",
  iv: "through a drip (IV)",
  subcutaneous: "as an injection under the skin",
};

const SIDE_PHRASES = { left: "left side", right: "right side", bilateral: "both sides" } as const;

/**
 * The plan as the patient sees it: only what the team has started, in plain words, grouped by
 * goal. Team notes and stop reasons stay out, and nothing here adds advice the team did not set.
 */
export function toPatientView(plan: CarePlan, options: PatientViewOptions): PatientView {
  const { today } = options;
  const groups = new Map<GoalId, PatientGoalGroup>();
  const group = (id: GoalId): PatientGoalGroup => {
    let g = groups.get(id);
    if (!g) {
      const goal = plan.goals.find((x) => x.id === id);
      g = {
        goalId: id,
        label: goalLabel(id, "patient"),
        status: goal?.status ?? null,
        targets: goal?.targets.map(describeTarget) ?? [],
        actions: [],
        onHold: [],
      };
      groups.set(id, g);
    }
    return g;
  };
  for (const g of plan.goals) group(g.id);

  const actions: PatientAction[] = [];
  for (const item of plan.interventions) {
    if (item.status === "active") actions.push(toAction(item, item.goalIds.slice(1), options));
    for (const goalId of item.goalIds) {
      const others = item.goalIds.filter((g) => g !== goalId);
      if (item.status === "active") group(goalId).actions.push(toAction(item, others, options));
      else if (item.status === "paused") group(goalId).onHold.push(patientName(item));
    }
  }

  return {
    patientId: plan.patientId,
    version: plan.version,
    reviewDue: formatCalendarDate(plan.reviewDueAt),
    actions,
    goals: GOAL_IDS.flatMap((id) => groups.get(id) ?? []),
    upcoming: upcoming(plan, today),
    changes: changesSinceSeen(plan, options),
  };
}

function toAction(item: Intervention, otherGoals: GoalId[], options: PatientViewOptions): PatientAction {
  const therapy = item.therapyId ? getTherapy(item.therapyId) : undefined;
  const name = patientName(item);
  const d = item.details;
  return {
    interventionId: item.id,
    name,
    action: describeAction(name, d, options.today, item.custom),
    instructions: instructionsOf(d, item.custom),
    nextStep: nextStep(d, options.today),
    about: therapy?.patientExplanation ?? null,
    responsible: responsible(item, options.clinicianNames, options.clinicianDisciplines ?? {}),
    patientLed: item.category === "self_management",
    alsoHelps: otherGoals.map((g) => goalLabel(g, "patient")),
  };
}

/** Catalogue names carry clinical abbreviations in brackets; the patient sees the plain name. */
function patientName(item: Intervention): string {
  return interventionName(item).replace(/\s*\([^)]*\)$/, "");
}

function describeAction(name: string, d: PrescriptionDetails, today: CalendarDate, custom: boolean): string {
  switch (d.kind) {
    case "medication":
      return describeMedication(name, d, today, custom);
    case "exercise": {
      const minutes = d.durationMinutes ? `, about ${d.durationMinutes} minutes` : "";
      const stage = d.stage ? ` — stage: ${GMI_STAGE_LABELS[d.stage]}` : "";
      return `${name}: ${d.sets} ${d.sets === 1 ? "set" : "sets"} of ${d.repetitions}, ${d.frequency}${minutes}${stage}`;
    }
    case "psychological":
      return `${name}: ${d.sessionType} sessions, ${d.frequency}`;
    case "procedure": {
      const where = [SIDE_PHRASES[d.side], d.level ? `level ${d.level}` : null].filter(Boolean).join(", ");
      return `${name} planned for ${formatCalendarDate(d.plannedDate)} (${where})`;
    }
    case "experimental":
      return `${name} (research study)`;
    case "self_management":
      return `${name}: ${d.frequency}`;
  }
}

/**
 * "Naproxen 250 mg by mouth, twice a day (with food)". An entry from before medicines were
 * recorded by name, still awaiting the physician's review, shows no dose: without its agent the
 * number alone ("Anti-inflammatory drugs 500 mg") could be read as the wrong medicine's dose.
 */
function describeMedication(name: string, d: MedicationDetails, today: CalendarDate, custom: boolean): string {
  if (!custom && d.agentId === null) return `${name}: ${REVIEW_NOTE.charAt(0).toLowerCase()}${REVIEW_NOTE.slice(1)}`;
  const how = frequencyText(d, "patient");
  const note = d.schedule ? ` (${d.schedule})` : "";
  return `${name} ${formatDose(doseOn(d, today), d.unit)} ${ROUTE_PHRASES[d.route]}${how ? `, ${how}` : ""}${note}`;
}

const REVIEW_NOTE = "Your team is checking how this medicine is written in your plan and will confirm the details with you.";

function instructionsOf(d: PrescriptionDetails, custom: boolean): string | null {
  // A class entry without its medicine already says so in its action line.
  if (d.kind === "medication" && d.reviewNeeded.length > 0) return !custom && d.agentId === null ? null : REVIEW_NOTE;
  if (d.kind === "procedure" && d.recordPainBeforeAfter) return "Your team will ask you to rate your pain before and after.";
  if ((d.kind === "exercise" || d.kind === "self_management") && d.instructions) return d.instructions;
  return null;
}

/**
 * The next planned step that changes the dose. Dose changes reconcile planned steps (titration.ts),
 * but a plan saved before that rule may still hold a step at the dose already taken: never show it.
 */
function nextStep(d: PrescriptionDetails, today: CalendarDate): string | null {
  if (d.kind !== "medication") return null;
  const step = d.titrationSteps.find((s) => s.startsOn > today && s.dose !== doseOn(d, addCalendarDays(s.startsOn, -1)));
  if (!step) return null;
  return `From ${formatCalendarDate(step.startsOn)}: ${formatDose(step.dose, d.unit)}${step.note ? ` (${step.note})` : ""}`;
}

function responsible(item: Intervention, names: Record<string, string>, disciplines: Record<string, Discipline>): string {
  const id = item.responsibleClinicianId;
  const name = id ? names[id] : undefined;
  if (!name || !id) return `Your ${DISCIPLINE_LABELS[item.ownerDiscipline].toLowerCase()}`;
  return `${name} (${DISCIPLINE_LABELS[disciplines[id] ?? item.ownerDiscipline]})`;
}

function upcoming(plan: CarePlan, today: CalendarDate): PatientUpcoming[] {
  const horizon = addCalendarDays(today, UPCOMING_WINDOW_DAYS);
  const out: PatientUpcoming[] = [];
  for (const item of plan.interventions) {
    if (item.status !== "active") continue;
    const d = item.details;
    const name = patientName(item);
    const event =
      d.kind === "procedure"
        ? { date: d.plannedDate, what: `${name} (${SIDE_PHRASES[d.side]})` }
        : d.kind === "psychological" && d.nextSessionDate
          ? { date: d.nextSessionDate, what: `${name} session (${d.sessionType})` }
          : null;
    if (event && event.date >= today && event.date <= horizon) {
      out.push({
        interventionId: item.id,
        date: event.date,
        dateLabel: formatCalendarDate(event.date),
        inDays: daysBetween(today, event.date),
        what: event.what,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function changesSinceSeen(plan: CarePlan, options: PatientViewOptions): PatientView["changes"] {
  const { lastSeenVersion, revisionsSinceSeen = [] } = options;
  const firstLook = lastSeenVersion === undefined;
  const unseen = firstLook || plan.version > lastSeenVersion;
  return { firstLook, unseen, items: unseen ? [...revisionsSinceSeen] : [] };
}
