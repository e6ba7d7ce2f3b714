import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { AccountTokenPurpose, EmailDeliveryOutcome } from "@concord/domain";
import type { Database } from "../client";
import { accountTokens, users } from "../schema/index";

export type AccountTokenRow = typeof accountTokens.$inferSelect;

export async function insertAccountToken(
  db: Database,
  v: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date; createdBy: string | null },
): Promise<AccountTokenRow> {
  const [row] = await db.insert(accountTokens).values(v).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The token with this hash and purpose, whatever its state (the caller tells expired, used and revoked apart). */
export async function findAccountToken(db: Database, tokenHash: string, purpose: AccountTokenPurpose) {
  const [row] = await db
    .select({ token: accountTokens, user: { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active } })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose)))
    .limit(1);
  return row ?? null;
}

/**
 * Uses a token once: compare-and-set on "not used, not revoked, not expired", so two requests with
 * the same link cannot both succeed. Null when it was not usable.
 */
export async function consumeAccountToken(db: Database, tokenId: string, now: Date = new Date()): Promise<AccountTokenRow | null> {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt), gt(accountTokens.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** Revokes every open token of a purpose for a user (a new invitation or reset replaces the old). */
export async function revokeOpenAccountTokens(db: Database, userId: string, purpose: AccountTokenPurpose, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(accountTokens)
    .set({ revokedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)))
    .returning({ id: accountTokens.id });
  return rows.length;
}

/** Records whether the email carrying a token went out. */
export async function setAccountTokenEmailStatus(db: Database, tokenId: string, status: EmailDeliveryOutcome, error: string | null = null): Promise<void> {
  await db.update(accountTokens).set({ emailStatus: status, emailError: error }).where(eq(accountTokens.id, tokenId));
}

/** The newest token of a purpose for a user (an admin's "invitation sent / not sent / expired" view). */
export async function latestAccountToken(db: Database, userId: string, purpose: AccountTokenPurpose): Promise<AccountTokenRow | null> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)))
    .orderBy(desc(accountTokens.createdAt), desc(accountTokens.id))
    .limit(1);
  return row ?? null;
}

/** How many tokens of a purpose were issued to a user since a moment (a limit on reset emails). */
export async function countAccountTokensSince(db: Database, userId: string, purpose: AccountTokenPurpose, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, since)));
  return row?.n ?? 0;
}

/** Sets a user's password hash (invitation accepted, reset or change), stamping when. */
export async function setUserPassword(db: Database, userId: string, passwordHash: string, now: Date = new Date()): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
}

