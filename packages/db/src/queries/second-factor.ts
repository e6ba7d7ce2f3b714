import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { recoveryCodes, secondFactors } from "../schema/index";

export interface SecondFactorRow {
  secretEncrypted: string;
  enabledAt: Date | null;
  lastStep: number | null;
}

/** A person's second factor (enabled, or an enrolment waiting for its first code), or null. */
export async function getSecondFactor(db: Database, userId: string): Promise<SecondFactorRow | null> {
  const [row] = await db
    .select({ secretEncrypted: secondFactors.secretEncrypted, enabledAt: secondFactors.enabledAt, lastStep: secondFactors.lastStep })
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .limit(1);
  return row ?? null;
}

/**
 * Starts (or restarts) an enrolment: a new secret and new recovery codes, not in force until the
 * first code confirms them. Refused (false) while a second factor is enabled: it must be reset first.
 */
export async function startSecondFactorEnrolment(db: Database, userId: string, secretEncrypted: string, codeHashes: string[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ enabledAt: secondFactors.enabledAt }).from(secondFactors).where(eq(secondFactors.userId, userId)).for("update");
    if (current?.enabledAt) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(secondFactors).where(eq(secondFactors.userId, userId));
    await tx.insert(secondFactors).values({ userId, secretEncrypted });
    if (codeHashes.length) await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
    return true;
  });
}

/** The first code confirms the enrolment (compare-and-set: only a pending one). */
export async function enableSecondFactor(db: Database, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(secondFactors)
    .set({ enabledAt: sql`now()`, lastStep: step })
    .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.enabledAt)))
    .returning({ userId: secondFactors.userId });
  return rows.length === 1;
}

/** Accepts a code's time step once: a later step than the last accepted, so a seen code cannot be replayed. */
export async function acceptSecondFactorStep(db: Database, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(secondFactors)
    .set({ lastStep: step })
    .where(
      and(eq(secondFactors.userId, userId), isNotNull(secondFactors.enabledAt), or(isNull(secondFactors.lastStep), lt(secondFactors.lastStep, step))),
    )
    .returning({ userId: secondFactors.userId });
  return rows.length === 1;
}

/** Uses a recovery code once (compare-and-set on used_at). */
export async function useRecoveryCode(db: Database, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/** Removes a person's second factor and recovery codes (an admin's reset). True when there was one. */
export async function removeSecondFactor(db: Database, userId: string): Promise<boolean> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const rows = await db.delete(secondFactors).where(eq(secondFactors.userId, userId)).returning({ userId: secondFactors.userId });
  return rows.length === 1;
}
