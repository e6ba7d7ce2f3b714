import type { Actor } from "@concord/domain";
import { type Database, listPlansPastReview, writeAudit } from "@concord/db";
import { todayUtc } from "./update-care-plan";

/** Plans past their review date on the clinician's own teams; the query's care-team join is the scope. */
export async function listPlansPastReviewForClinician(
  db: Database,
  actor: Actor,
  input: { patientIds?: string[] | undefined; cursor?: string | undefined; limit: number },
) {
  const today = todayUtc();
  const page = await listPlansPastReview(db, actor.userId, { ...input, today });
  // A global read that names patients: audited once, listing whose plans were shown.
  await writeAudit(db, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "carePlan.pastReview",
    patientId: null,
    outcome: "allowed",
    detail: { patientIds: page.items.map((p) => p.patientId) },
  });
  return { today, nextCursor: page.nextCursor, items: page.items };
}
