import type { CalendarDate } from "../dates/calendar";
import { formatCalendarDate } from "../dates/format";
import type { Therapy } from "./catalogue";
import type { PlanReader } from "./fields";
import { type MedicationAgent, agentsOf, fixedDosesPerDay, getAgent, maxDosesPerDay } from "./medication-agents";
import { type DoseUnit, type MedicationRoute, ROUTE_LABELS, formatDose, timesADay } from "./medication-units";
import type { CustomTherapy } from "./prescription-options";

/**
 * The medication fields the dose checks read; prescription.ts's MedicationDetails has them all.
 * Written out here rather than imported, so prescription.ts (which runs these checks) and this
 * module do not import each other.
 */
interface TitrationStep {
  dose: number;
  startsOn: CalendarDate;
}
interface MedicationDetails {
  agentId: string | null;
  dose: number;
  unit: DoseUnit;
  route: MedicationRoute;
  dosesPerDay: number | null;
  maxDailyDose: number | null;
  titrationSteps: readonly TitrationStep[];
}

/** The fields of a medication's details a check can point at, so a form shows the message beside it. */
export const MEDICATION_FIELDS = ["agentId", "dose", "unit", "route", "dosesPerDay", "maxDailyDose", "schedule", "titrationSteps"] as const;
export type MedicationField = (typeof MEDICATION_FIELDS)[number];

export interface MedicationProblem {
  field: MedicationField;
  message: string;
}

/** What a form shows and the checks apply: one home for the numbers, read from the agent. */
export interface DoseBounds {
  unit: DoseUnit;
  perDose: { min: number; max: number };
  perDayMax: number;
  /** The most doses a day: 1 for a fixed regimen, the labelled cap, else the plan-wide 6. */
  maxDosesPerDay: number;
  /** 1 when the agent's labelling fixes one dose (infusion, application) a day; null when the prescriber chooses. */
  fixedDosesPerDay: 1 | null;
}

export function doseBounds(agent: MedicationAgent): DoseBounds {
  return {
    unit: agent.unit,
    perDose: { min: agent.perDose.min, max: agent.perDose.max },
    perDayMax: agent.perDay.max,
    maxDosesPerDay: maxDosesPerDay(agent),
    fixedDosesPerDay: fixedDosesPerDay(agent),
  };
}

function perDoseRange(bounds: DoseBounds): string {
  const { min, max } = bounds.perDose;
  return min === max ? `${formatDose(max, bounds.unit)} per dose` : `${min}–${formatDose(max, bounds.unit)} per dose`;
}

/** "25–300 mg per dose, at most 600 mg a day", for a form's hint and the domain reference. */
export function describeDoseBounds(agent: MedicationAgent): string {
  const bounds = doseBounds(agent);
  return `${perDoseRange(bounds)}, at most ${formatDose(bounds.perDayMax, bounds.unit)} a day`;
}

/** The dose in effect on a day: the latest titration step already started, else the starting dose. */
export function doseOn(details: Pick<MedicationDetails, "dose" | "titrationSteps">, date: string): number {
  let dose = details.dose;
  for (const step of details.titrationSteps) if (step.startsOn <= date) dose = step.dose;
  return dose;
}

/** Rounded so that 0.1 × 3 is 0.3, not 0.30000000000000004, before it is compared with a bound. */
export function dailyTotal(dose: number, dosesPerDay: number): number {
  return Math.round(dose * dosesPerDay * 1e6) / 1e6;
}

const FIXED_FREQUENCY: Record<Exclude<MedicationAgent["dosing"], "daily">, { clinician: string; patient: string; rule: string }> = {
  once_a_day: { clinician: "once a day", patient: "once a day", rule: "applied once a day" },
  infusion: { clinician: "one infusion per infusion day", patient: "one infusion on each treatment day", rule: "given as one infusion on each infusion day" },
  single_application: { clinician: "single application", patient: "a single application", rule: "a single application" },
};

/** How often, in words: "twice a day", "one infusion per infusion day"; null when a migrated entry does not say. */
export function frequencyText(details: Pick<MedicationDetails, "agentId" | "dosesPerDay">, audience: PlanReader): string | null {
  const agent = details.agentId ? getAgent(details.agentId) : undefined;
  if (agent && agent.dosing !== "daily") return FIXED_FREQUENCY[agent.dosing][audience];
  return details.dosesPerDay === null ? null : timesADay(details.dosesPerDay);
}

/** Who the checks are about: a catalogue therapy with its agents, or a custom medication. */
export type MedicationSubject =
  | { custom: false; therapyName: string; therapyId: string }
  | { custom: true; name: string };

/**
 * Every rule a medication's details must meet before they are saved, first failure first: the
 * agent (for a class), the route and unit it fixes, doses per day, the per-dose bounds and the
 * daily total (dose × doses per day), for the current dose and every titration step. A custom
 * medication is checked against its physician-entered maximum daily dose.
 */
export function medicationProblem(subject: MedicationSubject, d: MedicationDetails): MedicationProblem | null {
  if (d.unit === "%") {
    return { field: "unit", message: "Record the amount given (for example mg, g or patches), not a strength in %." };
  }
  if (subject.custom) return customProblem(subject.name, d);

  const agent = agentsOf(subject.therapyId).find((a) => a.id === d.agentId);
  if (!agent) return agentProblem(subject, d.agentId) ?? { field: "agentId", message: `Choose the medicine for ${subject.therapyName}.` };

  const name = agent.name;
  if (d.unit !== agent.unit) return { field: "unit", message: `Record ${name} in ${agent.unit}, not ${d.unit}.` };
  if (d.route !== agent.route) {
    return { field: "route", message: `${name} is recorded as ${ROUTE_LABELS[agent.route]}, not ${ROUTE_LABELS[d.route]}. Check the route.` };
  }
  const fixed = fixedDosesPerDay(agent);
  if (d.dosesPerDay === null) return { field: "dosesPerDay", message: `Enter how many doses of ${name} a day, from 1 to 6.` };
  if (fixed !== null && d.dosesPerDay !== fixed && agent.dosing !== "daily") {
    return { field: "dosesPerDay", message: `${name} is ${FIXED_FREQUENCY[agent.dosing].rule}: doses per day must be 1.` };
  }
  if (d.dosesPerDay > maxDosesPerDay(agent)) {
    return { field: "dosesPerDay", message: `${name} is given at most ${timesADay(maxDosesPerDay(agent))}: doses per day must be ${maxDosesPerDay(agent)} or fewer.` };
  }
  if (d.maxDailyDose !== null) {
    return {
      field: "maxDailyDose",
      message: `The catalogue sets ${name}'s maximum (${formatDose(agent.perDay.max, agent.unit)} a day); leave the maximum daily dose empty.`,
    };
  }
  const bounds = doseBounds(agent);
  const check = (dose: number, prefix: string, field: MedicationField): MedicationProblem | null => {
    if (dose < bounds.perDose.min || dose > bounds.perDose.max) {
      return { field, message: `${prefix}dose ${formatDose(dose, d.unit)} is outside the accepted range (${perDoseRange(bounds)}). Check the value.` };
    }
    const total = dailyTotal(dose, d.dosesPerDay ?? 1);
    if (total > bounds.perDayMax) {
      return {
        field,
        message: `${prefix}${formatDose(dose, d.unit)} ${timesADay(d.dosesPerDay ?? 1)} is ${formatDose(total, d.unit)} a day, more than the accepted ${formatDose(bounds.perDayMax, d.unit)} a day. Check the dose and the doses per day.`,
      };
    }
    return null;
  };
  return check(d.dose, `${name} `, "dose") ?? firstStepProblem(d.titrationSteps, (step) => check(step.dose, `${name} step from ${formatCalendarDate(step.startsOn)}: `, "titrationSteps"));
}

/** The medicine a catalogue therapy's entry names must be one of its agents; a class names one explicitly. */
export function agentProblem(subject: Extract<MedicationSubject, { custom: false }>, agentId: unknown): MedicationProblem | null {
  const agents = agentsOf(subject.therapyId);
  if (agents.some((a) => a.id === agentId)) return null;
  const names = listNames(agents.map((a) => a.name));
  if (agentId === null || agentId === undefined || agentId === "") {
    return { field: "agentId", message: `Name the medicine, not only its class (${subject.therapyName}): choose ${names}.` };
  }
  const given = typeof agentId === "string" ? `“${agentId}”` : "That medicine";
  return { field: "agentId", message: `${given} is not listed under ${subject.therapyName}; choose ${names}.` };
}

function customProblem(name: string, d: MedicationDetails): MedicationProblem | null {
  if (d.agentId !== null) return { field: "agentId", message: `${name} is a custom medication: it has no catalogue agent.` };
  if (d.dosesPerDay === null) return { field: "dosesPerDay", message: `Enter how many doses of ${name} a day, from 1 to 6.` };
  const max = d.maxDailyDose;
  if (max === null) {
    return {
      field: "maxDailyDose",
      message: `Enter the maximum daily dose of ${name}: a custom medication has no catalogue bound, so the physician sets one.`,
    };
  }
  const check = (dose: number, prefix: string, field: MedicationField): MedicationProblem | null => {
    const total = dailyTotal(dose, d.dosesPerDay ?? 1);
    if (total <= max) return null;
    return {
      field,
      message: `${prefix}${formatDose(dose, d.unit)} ${timesADay(d.dosesPerDay ?? 1)} is ${formatDose(total, d.unit)} a day, more than the maximum daily dose entered (${formatDose(max, d.unit)}). Check the dose, the doses per day or the maximum.`,
    };
  };
  return check(d.dose, `${name} `, "dose") ?? firstStepProblem(d.titrationSteps, (step) => check(step.dose, `${name} step from ${formatCalendarDate(step.startsOn)}: `, "titrationSteps"));
}

function firstStepProblem(steps: readonly TitrationStep[], check: (step: TitrationStep) => MedicationProblem | null): MedicationProblem | null {
  for (const step of steps) {
    const problem = check(step);
    if (problem) return problem;
  }
  return null;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * What the prescriber may leave out because the agent decides it: a single-agent therapy names its
 * agent, the agent fixes route and unit, and an infusion or single application is one a day.
 * A review note cannot be sent in: it is cleared by a save that passes every check.
 */
export function medicationInput(
  therapy: Therapy | CustomTherapy,
  details: Record<string, unknown>,
): { input: Record<string, unknown> } | { problem: { message: string; field: MedicationField } } {
  const { reviewNeeded: _ignored, ...input } = details;
  if ("custom" in therapy) return { input };
  const agents = agentsOf(therapy.id);
  const agentId = input.agentId ?? (agents.length === 1 ? agents[0]?.id : undefined);
  const agent = agents.find((a) => a.id === agentId);
  if (!agent) {
    // Checked before the rest: without the medicine, its unit and bounds are unknown.
    const subject = { custom: false as const, therapyName: therapy.name, therapyId: therapy.id };
    const problem = agentProblem(subject, agentId);
    return { problem: problem ?? { field: "agentId", message: `Choose the medicine for ${therapy.name}.` } };
  }
  return {
    input: {
      ...input,
      agentId,
      unit: input.unit ?? agent.unit,
      route: input.route ?? agent.route,
      dosesPerDay: input.dosesPerDay ?? fixedDosesPerDay(agent) ?? undefined,
    },
  };
}
