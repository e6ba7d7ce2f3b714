import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditEvents } from "../schema/index";

export interface AuditEventInput {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  patientId: string | null;
  outcome: "allowed" | "denied" | "error";
  detail?: Record<string, unknown>;
}

export async function writeAudit(db: Database, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({ ...event, detail: event.detail ?? null });
}

export async function listAuditForPatient(db: Database, patientId: string, limit = 100) {
  return db.select().from(auditEvents).where(eq(auditEvents.patientId, patientId)).orderBy(desc(auditEvents.id)).limit(limit);
}

export async function listAuditForActor(db: Database, actorId: string, action?: string, limit = 100) {
  return db
    .select()
    .from(auditEvents)
    .where(action ? and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, action)) : eq(auditEvents.actorId, actorId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** One audit row per patient whose data a global read showed (one insert, not one per patient). */
export async function writeAuditForPatients(
  db: Database,
  event: { actorId: string; actorRole: string; action: string; detail?: Record<string, unknown> },
  patientIds: string[],
): Promise<void> {
  const unique = [...new Set(patientIds)];
  if (unique.length === 0) return;
  await db.insert(auditEvents).values(unique.map((patientId) => ({ ...event, patientId, outcome: "allowed" as const, detail: event.detail ?? null })));
}

/** Failed sign-in attempts for one email since a moment (by attempted email, whether or not it has an account). */
export async function countFailedSignIns(db: Database, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "auth.signIn"),
        eq(auditEvents.outcome, "denied"),
        sql`${auditEvents.detail}->>'email' = ${email}`,
        gt(auditEvents.at, since),
      ),
    );
  return Number(row?.n ?? 0);
}
