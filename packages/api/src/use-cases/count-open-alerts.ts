import type { Actor } from "@concord/domain";
import { type Database, type OpenAlertCounts, openAlertCountsForClinician } from "@concord/db";

/**
 * The numbers on the Worklist link: open urgent and review alerts over the signed-in clinician's
 * own care teams. Only counts leave (no patient is named), so no per-patient audit row is written:
 * the procedure's own row per call is the whole record of a poll.
 */
export function countOpenAlerts(db: Database, actor: Actor): Promise<OpenAlertCounts> {
  return openAlertCountsForClinician(db, actor.userId);
}
