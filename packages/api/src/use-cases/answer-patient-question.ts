import { type Actor, type AnswerPatientQuestionInput, type ClinicSettings, QUESTION_ANSWERED_TITLE } from "@concord/domain";
import { type Database, createNotifications, insertCarePlanComment, patientUserId } from "@concord/db";
import { loadOpenQuestion, settleQuestion } from "./patient-question-access";

/**
 * A clinician answers a patient's question: the reply is a plan comment (visible to the patient)
 * that points at the question, and the resolution "answered" names it. Both are written in the
 * caller's transaction with the patient's notification, so a refused answer leaves no reply behind.
 */
export async function answerPatientQuestion(
  db: Database,
  actor: Actor,
  patientId: string,
  input: AnswerPatientQuestionInput,
  settings: Pick<ClinicSettings, "timeZone">,
) {
  const question = await loadOpenQuestion(db, { patientId, commentId: input.commentId, timeZone: settings.timeZone });
  const reply = await insertCarePlanComment(db, {
    planId: question.planId,
    patientId,
    interventionId: question.interventionId,
    authorId: actor.userId,
    body: input.body,
    replyToId: question.id,
  });
  const resolution = await settleQuestion(db, question, { how: "answered", answerId: reply.id, resolvedBy: actor.userId, timeZone: settings.timeZone });
  const patientUser = await patientUserId(db, patientId);
  if (patientUser) {
    await createNotifications(db, {
      userIds: [patientUser],
      patientId,
      kind: "patient_question",
      title: QUESTION_ANSWERED_TITLE,
      link: `/me/plan#comment-${question.id}`,
      ref: { commentId: question.id, answerId: reply.id },
    });
  }
  return { questionId: question.id, answerId: reply.id, resolvedAt: resolution.resolvedAt.toISOString() };
}
