import type { Actor, Role } from "@concord/domain";
import { type Database, type SessionEnd, countUnusedRecoveryCodes, findPatientByUserId, findSessionEnd, getSecondFactor, resolveSession, revokeSession, writeAudit } from "@concord/db";

export interface SessionActor {
  actor: Actor;
  name: string;
  email: string;
  sessionId: string;
}

/** Turns a session id from the cookie into an actor, or null when the session is no longer live. */
export async function actorFromSession(db: Database, sessionId: string | null | undefined): Promise<SessionActor | null> {
  if (!sessionId) return null;
  const live = await resolveSession(db, sessionId);
  if (!live) return null;
  const { user } = live;
  const patient = user.role === "patient" ? await findPatientByUserId(db, user.id) : null;
  return {
    actor: { userId: user.id, role: user.role as Role, patientId: patient?.id ?? null, active: user.active },
    name: user.name,
    email: user.email,
    sessionId: live.sessionId,
  };
}

export async function signOutSession(db: Database, sessionId: string | null | undefined, userId?: string | null): Promise<void> {
  if (!sessionId) return;
  await db.transaction(async (tx) => {
    await revokeSession(tx, sessionId, "signed out");
    await writeAudit(tx, { actorId: userId ?? null, actorRole: null, action: "auth.signOut", patientId: null, outcome: "allowed" });
  });
}

/**
 * Why the session in the cookie timed out ("idle" after 30 minutes, "expired" after 12 hours),
 * for the reason the sign-in page shows; null otherwise (no session, still live, or signed out).
 */
export async function sessionEndReason(db: Database, sessionId: string | null | undefined): Promise<SessionEnd | null> {
  return sessionId ? findSessionEnd(db, sessionId) : null;
}

/** One's own two-factor state for the security page: on since when, and recovery codes left (never the secret). */
export async function secondFactorStatus(db: Database, userId: string): Promise<{ on: boolean; since: Date | null; recoveryCodesLeft: number }> {
  const factor = await getSecondFactor(db, userId);
  const on = Boolean(factor?.enabledAt);
  return { on, since: factor?.enabledAt ?? null, recoveryCodesLeft: on ? await countUnusedRecoveryCodes(db, userId) : 0 };
}
