import { z } from "zod";
import type { Role } from "@concord/domain";
import { and, asc, eq, ilike, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { authSessions, users } from "../schema/index";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

/** True when the database has no accounts at all: nobody has used it (the demo is only ever loaded into such a database). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0) === 0;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function insertUser(
  db: Database,
  values: { email: string; name: string; role: Role; passwordHash: string | null; active?: boolean; timeZone?: string | null | undefined },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function setUserActive(db: Database, userId: string, active: boolean): Promise<UserRow | null> {
  const [row] = await db.update(users).set({ active }).where(eq(users.id, userId)).returning();
  return row ?? null;
}

/**
 * Active administrators who can sign in (they have set a password), other than `exceptUserId`:
 * deactivating the last one would lock the clinic out.
 */
export async function countOtherActiveAdmins(db: Database, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), isNotNull(users.passwordHash), ne(users.id, exceptUserId)));
  return row?.n ?? 0;
}

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

/** Keyset pagination on (name, id). */
export async function listUsers(db: Database, params: { search?: string | undefined; cursor?: string | undefined; limit: number }) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.text, cursorPart.uuid]));
  const conditions = [];
  if (params.search) {
    const pattern = `%${params.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (after) conditions.push(sql`(${users.name}, ${users.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows: UserListItem[] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.name), asc(users.id))
    .limit(params.limit + 1);
  return keysetPage(rows, params.limit, (last) => [last.name, last.id]);
}

// --- Sessions -------------------------------------------------------------------------------

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** Writing last_seen on every request would turn each read into a write; a minute's slack is enough. */
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(db: Database, userId: string): Promise<string> {
  const [row] = await db.insert(authSessions).values({ userId }).returning({ id: authSessions.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export interface LiveSession {
  sessionId: string;
  user: UserRow;
}

/**
 * Returns the session and its user only while it is live: not revoked, used within the idle
 * window, younger than the absolute limit, and its user still active.
 */
export async function resolveSession(db: Database, sessionId: string, now = new Date()): Promise<LiveSession | null> {
  const [row] = await db
    .select({ session: authSessions, user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  const { session, user } = row;
  if (session.revokedAt || !user.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sessionId));
  }
  return { sessionId: session.id, user };
}

export async function revokeSession(db: Database, sessionId: string, reason: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where(and(eq(authSessions.id, sessionId), sql`${authSessions.revokedAt} is null`));
}

export async function revokeUserSessions(db: Database, userId: string, reason: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where(and(eq(authSessions.userId, userId), sql`${authSessions.revokedAt} is null`));
}

/** Ends every other session of a user (a password change), keeping the one the change was made in. */
export async function revokeOtherUserSessions(db: Database, userId: string, keepSessionId: string | null, reason: string): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where(
      and(
        eq(authSessions.userId, userId),
        sql`${authSessions.revokedAt} is null`,
        keepSessionId ? sql`${authSessions.id} <> ${keepSessionId}::uuid` : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Test support: make a session look idle or old without waiting. */
export async function backdateSession(db: Database, sessionId: string, fields: { lastSeenAt?: Date; createdAt?: Date }) {
  await db.update(authSessions).set(fields).where(eq(authSessions.id, sessionId));
}

