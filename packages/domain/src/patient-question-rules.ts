// Zod-free: a question's states, who it reaches and its wording, and the comment limit (read in the browser).
// ./patient-questions.ts builds the input schemas.

export const COMMENT_MAX = 2000;

/** How a patient's question was settled: with a written answer, or marked handled (e.g. at the visit). */
export const QUESTION_RESOLUTIONS = ["answered", "handled"] as const;
export type QuestionResolutionHow = (typeof QUESTION_RESOLUTIONS)[number];
export const QUESTION_STATES = ["open", ...QUESTION_RESOLUTIONS] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export interface QuestionRecipientCandidate {
  clinicianId: string;
  active: boolean;
}

/**
 * Who is told about a patient's question: the clinician responsible for the item it names, while
 * they are an active member of the care team; otherwise every active clinician on the team, so a
 * question is never addressed to nobody (or to someone who has left the team).
 */
export function questionRecipients(responsibleClinicianId: string | null | undefined, team: readonly QuestionRecipientCandidate[]): string[] {
  const active = team.filter((m) => m.active).map((m) => m.clinicianId);
  if (responsibleClinicianId && active.includes(responsibleClinicianId)) return [responsibleClinicianId];
  return [...new Set(active)];
}

/** "Question from Alex Morgan about Mirror therapy" — the title the team reads in its notifications. */
export function questionNotificationTitle(patientName: string, itemName: string | null): string {
  return itemName ? `Question from ${patientName} about ${itemName}` : `Question from ${patientName} about their care plan`;
}

export const QUESTION_ANSWERED_TITLE = "Your team answered your question";

/** What the patient reads beside their question. */
export function patientQuestionStatus(state: QuestionState, resolvedByName: string | null): string {
  if (state === "answered") return `Answered by ${resolvedByName ?? "your care team"}`;
  if (state === "handled") return "Seen by your team";
  return "Your team has been told";
}

/** What a clinician reads beside a patient's question on the plan page. */
export function teamQuestionStatus(state: QuestionState, resolvedByName: string | null): string {
  if (state === "answered") return `Answered by ${resolvedByName ?? "a team member"}`;
  if (state === "handled") return `Marked handled by ${resolvedByName ?? "a team member"}`;
  return "Open question: waiting for an answer";
}

/** The refusal of a second resolution: who settled it first, and when (in the given time zone). */
export function alreadyResolvedMessage(how: QuestionResolutionHow, resolvedByName: string, resolvedAt: Date, timeZone: string): string {
  const when = resolvedAt.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  const what = how === "answered" ? "Already answered" : "Already marked handled";
  return `${what} by ${resolvedByName} at ${when}. Reload to see it.`;
}
