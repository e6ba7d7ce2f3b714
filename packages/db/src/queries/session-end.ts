import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { authSessions, users } from "../schema/index";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "./users";

export type SessionEnd = "idle" | "expired";

/**
 * Why a session id from a cookie no longer signs anyone in, so the sign-in page can say so: unused
 * for the idle window, or past the absolute limit. Null when the session is unknown, still live, or
 * ended on purpose (signed out, deactivated, revoked): those need no explanation on the sign-in page.
 * Uses the same limits as resolveSession.
 */
export async function findSessionEnd(db: Database, sessionId: string, now = new Date()): Promise<SessionEnd | null> {
  const [row] = await db
    .select({ session: authSessions, active: users.active })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  const { session, active } = row;
  if (session.revokedAt || !active) return null;
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_MS) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return "idle";
  return null;
}
