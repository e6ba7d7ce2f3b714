import type { Actor, ClinicSettings } from "@concord/domain";
import { type Database, listPlansPastReview, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";
import { viewerTimeZone } from "./patient-clock";

/** Plans past their review date on the clinician's own teams; the query's care-team join is the scope. */
export async function listPlansPastReviewForClinician(
  db: Database,
  actor: Actor,
  audit: ProcedureAudit,
  input: { patientIds?: string[] | undefined; cursor?: string | undefined; limit: number },
  settings: ClinicSettings,
) {
  // A list across patients is read on the clinician's own calendar (their zone, else the clinic's):
  // at most a few hours from any one patient's day, and the same "today" the clinician sees.
  const { today } = await viewerTimeZone(db, actor, settings);
  const page = await listPlansPastReview(db, actor.userId, { ...input, today });
  // A global read that names patients: a row for each patient whose plan was shown.
  await writeAuditForPatients(db, { ...audit, detail: { permission: "carePlan.reviewList" } }, page.items.map((p) => p.patientId));
  return { today, nextCursor: page.nextCursor, items: page.items };
}
