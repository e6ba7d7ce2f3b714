import { type Actor, type PatientFacts, type Permission, decide } from "@concord/domain";
import { type Database, getPatientFacts } from "@concord/db";

export interface PatientScope {
  patientId: string;
  facts: PatientFacts;
  /** How the actor was admitted: "careTeam", "patientSelf", "admin", or "emergencyAccess" (read-only). */
  via: string;
  /** The permission the access was decided for: a long-lived stream re-decides the same one. */
  permission: Permission;
}

export type PatientAccess = { allowed: true; scope: PatientScope } | { allowed: false; reason: string };

/**
 * The one access decision for one patient's data: the actor's relation to the patient read from the
 * database, decided by the domain rule. `patientProcedure` asks it once per call; a real-time stream
 * asks it again before every batch, so a subscriber removed from the team (or whose emergency access
 * ran out) stops at once. A patient that does not exist is denied like any other.
 */
export async function authorizePatientAccess(db: Database, actor: Actor, permission: Permission, patientId: string): Promise<PatientAccess> {
  const facts = await getPatientFacts(db, actor.userId, patientId);
  if (!facts) return { allowed: false, reason: "no such patient" };
  const decision = decide(actor, permission, facts);
  if (!decision.allowed) return { allowed: false, reason: decision.reason };
  return { allowed: true, scope: { patientId, facts, via: decision.via, permission } };
}
