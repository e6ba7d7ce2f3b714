import { type Actor, interventionName, invalid } from "@concord/domain";
import { type Database, getCarePlan, insertCarePlanComment } from "@concord/db";

/** Comments are discussion, not changes: they never move the plan's version. */
export async function commentOnCarePlan(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { interventionId?: string | undefined; body: string },
) {
  const plan = await getCarePlan(db, patientId);
  if (!plan) throw invalid("There is no care plan to comment on yet.");
  let about: string | null = null;
  if (input.interventionId) {
    const item = plan.document.interventions.find((i) => i.id === input.interventionId);
    if (!item) throw invalid("That item is not in this plan. Reload the plan and try again.");
    about = interventionName(item);
  }
  const row = await insertCarePlanComment(db, {
    planId: plan.id,
    patientId,
    interventionId: input.interventionId ?? null,
    authorId: actor.userId,
    body: input.body,
  });
  return { id: row.id, createdAt: row.createdAt.toISOString(), about };
}
