import type { Actor, ClinicSettings } from "@concord/domain";
import type { Database } from "@concord/db";
import { loadOpenQuestion, settleQuestion } from "./patient-question-access";

/**
 * A clinician settles a patient's question without a written answer (e.g. answered at the visit or
 * by phone). The patient then reads "Seen by your team"; no notification is sent.
 */
export async function markPatientQuestionHandled(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { commentId: string },
  settings: Pick<ClinicSettings, "timeZone">,
) {
  const question = await loadOpenQuestion(db, { patientId, commentId: input.commentId, timeZone: settings.timeZone });
  const resolution = await settleQuestion(db, question, { how: "handled", answerId: null, resolvedBy: actor.userId, timeZone: settings.timeZone });
  return { questionId: question.id, resolvedAt: resolution.resolvedAt.toISOString() };
}
