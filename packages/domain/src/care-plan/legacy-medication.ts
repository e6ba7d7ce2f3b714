import { getTherapy } from "./catalogue";
import { agentsOf, fixedDosesPerDay } from "./medication-agents";
import { medicationProblem } from "./medication-dosing";
import { medicationDetailsSchema } from "./prescription";

/**
 * Plans saved before medications were recorded by agent hold `{ dose, unit, route, schedule }` with
 * the frequency only in the free-text schedule, and a class (NSAIDs, bisphosphonates) without its
 * agent. Such an entry is upgraded when it is read, never by inventing a number:
 * - the agent is filled in only when the therapy has exactly one (gabapentin, pregabalin…);
 * - doses per day are read from the schedule text only when it says one count plainly ("twice
 *   daily", "tds", "every 8 hours", "at night"); "as needed", "up to", ranges, "weekly" and
 *   anything unrecognised stay unknown (null);
 * - whatever is missing or no longer within the agent's bounds is listed in `reviewNeeded`, in words
 *   the physician acts on. The entry keeps its dose and text; the team sees the review, and the next
 *   save of that medication must pass every check, which clears the list.
 * Entries that already have `dosesPerDay` (saved since) pass through untouched.
 */
export function upgradeLegacyIntervention(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.details) || raw.details.kind !== "medication" || "dosesPerDay" in raw.details) return raw;
  const therapyId = raw.custom === true || typeof raw.therapyId !== "string" ? null : raw.therapyId;
  return { ...raw, details: upgradeLegacyMedication(raw.details, therapyId) };
}

/** The plan document as stored, with every legacy medication entry upgraded; anything else untouched. */
export function upgradeCarePlanDocument<T>(document: T): T {
  if (!isRecord(document) || !Array.isArray(document.interventions)) return document;
  return { ...document, interventions: document.interventions.map(upgradeLegacyIntervention) };
}

function upgradeLegacyMedication(details: Record<string, unknown>, therapyId: string | null): Record<string, unknown> {
  const reasons: string[] = [];
  const text = typeof details.schedule === "string" ? details.schedule.trim() : "";
  const read = dosesPerDayFromSchedule(text);
  const therapy = therapyId ? getTherapy(therapyId) : undefined;
  const agents = therapyId ? agentsOf(therapyId) : [];
  const agent = agents.length === 1 ? agents[0] : undefined;

  if (therapyId && !agent) {
    reasons.push(`Name the medicine: this entry was recorded before medicines were recorded by name, as “${therapy?.name ?? therapyId}” only.`);
  }
  if (agent && details.unit !== agent.unit) {
    reasons.push(`The dose was recorded in ${String(details.unit)}; ${agent.name} is recorded in ${agent.unit}. Enter the dose again.`);
  }
  const fixed = agent ? fixedDosesPerDay(agent) : null;
  const dosesPerDay = fixed ?? read?.dosesPerDay ?? null;
  if (dosesPerDay === null) {
    reasons.push(text ? `Enter how many doses a day: the old schedule “${text}” does not say one number.` : "Enter how many doses a day.");
  }
  if (!therapyId) reasons.push("Enter the maximum daily dose: a custom medication now needs one.");

  const upgraded: Record<string, unknown> = {
    ...details,
    agentId: agent?.id ?? null,
    dosesPerDay,
    maxDailyDose: null,
    schedule: fixed === null && read ? read.note : text,
    titrationSteps: Array.isArray(details.titrationSteps) ? details.titrationSteps : [],
    reviewNeeded: reasons,
  };
  // A complete entry is checked as a new one would be: a dose the old per-dose bound let through
  // (gabapentin 1200 mg six times a day) is flagged rather than carried on silently.
  if (reasons.length === 0) {
    const parsed = medicationDetailsSchema.safeParse(upgraded);
    const subject = { custom: false as const, therapyName: therapy?.name ?? "", therapyId: therapyId ?? "" };
    const problem = parsed.success ? medicationProblem(subject, parsed.data) : { message: parsed.error.issues[0]?.message ?? "Check the entry." };
    if (problem) upgraded.reviewNeeded = [`Check this entry against the medicine's bounds: ${problem.message}`];
  }
  return upgraded;
}

interface ScheduleReading {
  dosesPerDay: number;
  /** What the text says beyond the count, kept as the timing note ("with food"). */
  note: string;
}

/** Counts said plainly; `strip` removes the phrase from the note when it only repeats the count. */
const COUNT_PHRASES: ReadonlyArray<{ pattern: RegExp; dosesPerDay: number; strip: boolean }> = [
  { pattern: /\b(six times (a |per )?day|six times daily)(?![a-z])/, dosesPerDay: 6, strip: true },
  { pattern: /\bevery 4 hours\b/, dosesPerDay: 6, strip: false },
  { pattern: /\b(five times (a |per )?day|five times daily)(?![a-z])/, dosesPerDay: 5, strip: true },
  { pattern: /\b(four times (a |per )?day|four times daily|qds|qid|q\.i\.d\.)(?![a-z])/, dosesPerDay: 4, strip: true },
  { pattern: /\bevery 6 hours\b/, dosesPerDay: 4, strip: false },
  { pattern: /\b(three times (a |per )?day|three times daily|tds|tid|t\.i\.d\.)(?![a-z])/, dosesPerDay: 3, strip: true },
  { pattern: /\bevery 8 hours\b/, dosesPerDay: 3, strip: false },
  { pattern: /\b(twice (a |per )?day|twice daily|two times (a |per )?day|bd|bid|b\.i\.d\.)(?![a-z])/, dosesPerDay: 2, strip: true },
  { pattern: /\b(every 12 hours|morning and (at )?(evening|night))\b/, dosesPerDay: 2, strip: false },
];
const ONCE_PHRASES: ReadonlyArray<{ pattern: RegExp; strip: boolean }> = [
  { pattern: /\b(once (a |per )?day|once daily|od|qd)\b/, strip: true },
  { pattern: /\bdaily\b/, strip: true },
  { pattern: /\b(at night|at bedtime|nightly|every (morning|evening|night)|in the (morning|evening))\b/, strip: false },
  // The lidocaine 5% patch regimen: one application of up to 12 hours in each 24.
  { pattern: /\b12 hours on\b/, strip: false },
];
/** Words that make any count a guess: as-needed use, ranges, alternatives, non-daily rhythms. */
const UNCERTAIN = /\b(as needed|as required|when needed|when required|if needed|prn|p\.r\.n\.|up to|or|weekly|a week|every other|alternate|month)\b|\d\s*([-–]|to)\s*\d/;

export function dosesPerDayFromSchedule(text: string): ScheduleReading | null {
  const lower = text.toLowerCase();
  if (!lower || UNCERTAIN.test(lower)) return null;
  const counts = new Set(COUNT_PHRASES.filter((p) => p.pattern.test(lower)).map((p) => p.dosesPerDay));
  if (counts.size > 1) return null;
  const count = COUNT_PHRASES.find((p) => p.pattern.test(lower));
  if (count) return { dosesPerDay: count.dosesPerDay, note: count.strip ? stripPhrase(text, count.pattern) : text };
  const once = ONCE_PHRASES.find((p) => p.pattern.test(lower));
  if (once) return { dosesPerDay: 1, note: once.strip ? stripPhrase(text, once.pattern) : text };
  return null;
}

function stripPhrase(text: string, pattern: RegExp): string {
  const flags = pattern.flags.includes("i") ? pattern.flags : `${pattern.flags}i`;
  return text
    .replace(new RegExp(pattern.source, flags), " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.-]+|[\s,;:.-]+$/g, "")
    .replace(/^(and|,)\s+/i, "")
    .trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
