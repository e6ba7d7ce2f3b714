import { z } from "zod";
import { safeString } from "./text";

/**
 * A patient's comment on their care plan is a question to the team: it reaches the clinician
 * responsible for the item it names (the whole team when nobody is) and stays open on the team's
 * worklist until a clinician answers it or marks it handled. Only patient-authored top-level
 * comments are questions; a clinician's comment never is.
 */

export const COMMENT_MAX = 2000;

/** The words of a plan comment, and of a clinician's answer to a patient's question. */
export const commentBodySchema = safeString({ error: "Write a comment." })
  .trim()
  .min(1, { error: "Write a comment." })
  .max(COMMENT_MAX, { error: `Keep comments under ${COMMENT_MAX} characters.` });

const commentId = z.uuid({ error: "This question's identifier is not valid. Reload the page and try again." });

/** `patientId` is merged in by the patient-scoped procedure. */
export const answerPatientQuestionInput = z.object({ commentId, body: commentBodySchema });
export const markPatientQuestionHandledInput = z.object({ commentId });
export const patientQuestionsInput = z.object({
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type AnswerPatientQuestionInput = z.infer<typeof answerPatientQuestionInput>;

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
