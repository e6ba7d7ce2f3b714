import { z } from "zod";
import { safeString } from "./text";
import { COMMENT_MAX } from "./patient-question-rules";

// The browser-safe parts live in ./patient-question-rules; re-exported so this stays the place to import them from.
export * from "./patient-question-rules";

/**
 * A patient's comment on their care plan is a question to the team: it reaches the clinician
 * responsible for the item it names (the whole team when nobody is) and stays open on the team's
 * worklist until a clinician answers it or marks it handled. Only patient-authored top-level
 * comments are questions; a clinician's comment never is.
 */

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
