import type { Actor, ClinicSettings } from "@concord/domain";
import type { Database } from "@concord/db";
import { viewerTimeZone } from "./patient-clock";

/**
 * Who is signed in, and their clock: `timeZone` is the zone every time is shown in (their own
 * choice, else the clinic's: `ownTimeZone` null), `today` the day it is there.
 */
export async function readMe(db: Database, actor: Actor, actorName: string | null, settings: ClinicSettings) {
  return { userId: actor.userId, name: actorName, role: actor.role, patientId: actor.patientId, ...(await viewerTimeZone(db, actor, settings)) };
}
