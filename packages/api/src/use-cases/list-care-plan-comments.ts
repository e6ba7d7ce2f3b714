import { type QuestionState, ROLE_LABELS } from "@concord/domain";
import { type Database, getCarePlan, listCarePlanComments } from "@concord/db";

/**
 * The plan's comments, newest first. A patient's top-level comment is a question and carries its
 * state (open, answered with the answer's words, or handled) for both the team and the patient;
 * a reply names the question it answers.
 */
export async function listCarePlanCommentsWithQuestions(db: Database, patientId: string, params: { cursor?: string | undefined; limit: number }) {
  const record = await getCarePlan(db, patientId);
  if (!record) return { items: [], nextCursor: null };
  const page = await listCarePlanComments(db, record.id, params);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((c) => {
      const isQuestion = c.byPatient && c.replyToId === null;
      const state: QuestionState = c.resolvedHow ?? "open";
      return {
        id: c.id,
        interventionId: c.interventionId,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
        authorName: c.authorName,
        authorRole: ROLE_LABELS[c.authorRole],
        replyToId: c.replyToId,
        question: isQuestion
          ? {
              state,
              resolvedByName: c.resolvedByName,
              resolvedAt: c.resolvedAt?.toISOString() ?? null,
              answer: c.answerBody,
            }
          : null,
      };
    }),
  };
}
