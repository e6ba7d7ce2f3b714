import { type Actor, type ClinicSettings, THERAPY_CATEGORY_LABELS, type TherapyCategory, addCalendarDays, reviewDue } from "@concord/domain";
import { type Database, listMyTasks, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";
import { viewerTimeZone } from "./patient-clock";

/** How far ahead "My tasks" looks: reviews due today or earlier, or within the next two weeks. */
export const MY_TASKS_HORIZON_DAYS = 14;

/**
 * The caller's own plan items due for review (they are the responsible clinician and on the
 * patient's team; the query's joins are the scope), overdue first. Read on the clinician's own
 * calendar, like the other cross-patient lists.
 */
export async function listMyTasksForClinician(
  db: Database,
  actor: Actor,
  audit: ProcedureAudit,
  input: { cursor?: string | undefined; limit: number },
  settings: ClinicSettings,
) {
  const { today } = await viewerTimeZone(db, actor, settings);
  const until = addCalendarDays(today, MY_TASKS_HORIZON_DAYS);
  const page = await listMyTasks(db, actor.userId, { until, cursor: input.cursor, limit: input.limit });
  // A global read that names patients: a row for each patient whose items were shown.
  await writeAuditForPatients(db, { ...audit, detail: { permission: "tasks.mine" } }, page.items.map((t) => t.patientId));
  return {
    today,
    until,
    nextCursor: page.nextCursor,
    items: page.items.map((t) => ({
      patientId: t.patientId,
      patientName: t.patientName,
      itemId: t.itemId,
      name: t.name,
      categoryLabel: THERAPY_CATEGORY_LABELS[t.category as TherapyCategory] ?? t.category,
      status: t.status,
      nextReviewDate: t.nextReviewDate,
      ...reviewDue(t.nextReviewDate, today),
    })),
  };
}
