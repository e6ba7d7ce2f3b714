import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { AuditOutcome } from "@concord/domain";
import { type Database, queryRows } from "../client";
import { auditEvents } from "../schema/index";

export interface AuditEventInput {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  patientId: string | null;
  outcome: AuditOutcome;
  detail?: Record<string, unknown>;
  /** When it happened; the database's clock when absent (a replayed history passes its own). */
  at?: Date | undefined;
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
  event: { actorId: string; actorRole: string; action: string; detail?: Record<string, unknown>; at?: Date | undefined },
  patientIds: string[],
): Promise<void> {
  const unique = [...new Set(patientIds)];
  if (unique.length === 0) return;
  await db.insert(auditEvents).values(unique.map((patientId) => ({ ...event, patientId, outcome: "allowed" as const, detail: event.detail ?? null })));
}

/** What the sign-in throttle counts for one attempted email (account or not) and one client address. */
export interface SignInAttemptCountsParams {
  email: string;
  address: string;
  /** Failures from this address are counted after this moment (and after its last success). */
  addressSince: Date;
  /** Failures on the account from every address are counted after this moment. */
  accountSince: Date;
}

/**
 * Failed sign-ins from the audit trail, so the limits hold across app instances. From the address:
 * password failures and tries refused as too early (`auth.signIn.throttled`), since the later of
 * `addressSince` and that address's last successful sign-in to this email. For the account: password
 * failures only, from every address, since `accountSince`.
 */
export async function signInAttemptCounts(db: Database, params: SignInAttemptCountsParams) {
  const { email, address, addressSince, accountSince } = params;
  const emailIs = sql`${auditEvents.detail}->>'email' = ${email}`;
  const ipIs = sql`${auditEvents.detail}->>'ip' = ${address}`;
  const lastSuccess = db
    .select({ at: sql`max(${auditEvents.at})` })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.signIn"), eq(auditEvents.outcome, "allowed"), emailIs, ipIs));
  const [fromAddress] = await db
    .select({ failures: sql<number>`count(*)::int`, lastFailureAt: sql<Date | null>`max(${auditEvents.at})`.mapWith(auditEvents.at) })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.action, ["auth.signIn", "auth.signIn.throttled"]),
        eq(auditEvents.outcome, "denied"),
        emailIs,
        ipIs,
        gt(auditEvents.at, addressSince),
        sql`${auditEvents.at} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    );
  const [onAccount] = await db
    .select({ failures: sql<number>`count(*)::int`, lastFailureAt: sql<Date | null>`max(${auditEvents.at})`.mapWith(auditEvents.at) })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.signIn"), eq(auditEvents.outcome, "denied"), emailIs, gt(auditEvents.at, accountSince)));
  const count = (row: { failures: number; lastFailureAt: Date | null } | undefined) => ({
    failures: Number(row?.failures ?? 0),
    lastFailureAt: row?.lastFailureAt ?? null,
  });
  return { address: count(fromAddress), account: count(onAccount) };
}

/**
 * Who opened or changed a patient's record, by day in the patient's zone: one row per (day, person,
 * action) with how often and when last, for the `days` days before `before` (exclusive) that have any
 * access. The patient's own actions are left out. Keyset by day: the next page starts before the
 * last day shown.
 */
export async function recordAccessByDay(
  db: Database,
  params: { patientId: string; excludeActorId: string | null; timeZone: string; before: string | null; days: number },
) {
  const day = sql`(${auditEvents.at} at time zone ${params.timeZone})::date`;
  return queryRows<{
    day: string;
    actor_id: string;
    actor_name: string | null;
    actor_role: string | null;
    action: string;
    emergency: boolean;
    reason: string | null;
    times: number;
    last_at: string;
  }>(
    db,
    sql`with accesses as (
          select ${day} as day, ${auditEvents.actorId} as actor_id, ${auditEvents.actorRole} as actor_role, ${auditEvents.action} as action, ${auditEvents.at} as at,
                 (${auditEvents.detail}->>'via' = 'emergencyAccess' or ${auditEvents.action} in ('emergencyAccess.open', 'emergencyAccess.end')) as emergency,
                 case when ${auditEvents.action} = 'emergencyAccess.open' then ${auditEvents.detail}->>'reason' end as reason
          from ${auditEvents}
          where ${auditEvents.patientId} = ${params.patientId}
            and ${auditEvents.outcome} = 'allowed'
            and ${auditEvents.actorId} is not null
            ${params.excludeActorId ? sql`and ${auditEvents.actorId} <> ${params.excludeActorId}` : sql``}
            ${params.before ? sql`and ${day} < ${params.before}::date` : sql``}
        ),
        shown_days as (select distinct day from accesses order by day desc limit ${params.days})
        select a.day::text as day, a.actor_id, u.name as actor_name, a.actor_role, a.action, coalesce(a.emergency, false) as emergency, a.reason,
               count(*)::int as times, max(a.at)::text as last_at
        from accesses a
        join shown_days d on d.day = a.day
        left join users u on u.id = a.actor_id
        group by a.day, a.actor_id, u.name, a.actor_role, a.action, coalesce(a.emergency, false), a.reason
        order by a.day desc, max(a.at) desc`,
  );
}
