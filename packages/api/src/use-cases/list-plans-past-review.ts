import type { Actor, ClinicSettings } from "@concord/domain";
import { type Database, listPlansPastReview, writeAudit } from "@concord/db";
import { viewerTimeZone } from "./patient-clock";

/** Plans past their review date on the clinician's own teams; the query's care-team join is the scope. */
export async function listPlansPastReviewForClinician(
  db: Database,
  actor: Actor,
  input: { patientIds?: string[] | undefined; cursor?: string | undefined; limit: number },
  settings: ClinicSettings,
) {
  // A list across patients is read on the clinician's own calendar (their zone, else the clinic's):
  // at most a few hours from any one patient's day, and the same "today" the clinician sees.
  const { today } = await viewerTimeZone(db, actor, settings);
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
