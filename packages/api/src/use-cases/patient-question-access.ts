import { type QuestionResolutionHow, alreadyResolvedMessage, conflict, invalid, notFound } from "@concord/domain";
import { type Database, type PlanCommentForQuestion, getPlanCommentForQuestion, insertPatientQuestionResolution } from "@concord/db";

/**
 * The patient's open question on this patient's plan, or a refusal a clinician can act on: "not
 * found" for an id that is not on this plan, "invalid" for a comment that is not a patient's
 * question, "conflict" (who settled it, and when) for one already answered or handled.
 */
export async function loadOpenQuestion(db: Database, params: { patientId: string; commentId: string; timeZone: string }): Promise<PlanCommentForQuestion> {
  const comment = await getPlanCommentForQuestion(db, params);
  if (!comment) throw notFound("This question");
  if (!comment.byPatient || comment.replyToId !== null) {
    throw invalid(`This comment is by ${comment.authorName}, not a question from the patient: only the patient's own questions are answered or marked handled.`);
  }
  if (comment.resolution) throw alreadyResolved(comment.resolution, params.timeZone);
  return comment;
}

/** Writes the one resolution a question may have; a concurrent second one is refused like any other. */
export async function settleQuestion(
  db: Database,
  question: PlanCommentForQuestion,
  values: { how: QuestionResolutionHow; answerId: string | null; resolvedBy: string; timeZone: string },
) {
  const row = await insertPatientQuestionResolution(db, {
    commentId: question.id,
    patientId: question.patientId,
    how: values.how,
    answerId: values.answerId,
    resolvedBy: values.resolvedBy,
  });
  if (row) return row;
  // Someone else settled it between our read and our write: throwing rolls back our reply too.
  const settled = await getPlanCommentForQuestion(db, { patientId: question.patientId, commentId: question.id });
  if (settled?.resolution) throw alreadyResolved(settled.resolution, values.timeZone);
  throw conflict("Someone else settled this question at the same moment. Reload to see it.");
}

function alreadyResolved(resolution: NonNullable<PlanCommentForQuestion["resolution"]>, timeZone: string) {
  return conflict(alreadyResolvedMessage(resolution.how, resolution.resolvedByName, resolution.resolvedAt, timeZone), {
    how: resolution.how,
    resolvedByName: resolution.resolvedByName,
    resolvedAt: resolution.resolvedAt.toISOString(),
  });
}
