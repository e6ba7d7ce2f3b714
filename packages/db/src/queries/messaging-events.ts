import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { ThreadSpace } from "@concord/domain";
import { type Database, queryRows } from "../client";
import { type RealtimeAudience, type RealtimeEventKind, realtimeEvents } from "../schema/messaging";

/** The one channel every instance LISTENs on; the payload carries ids only (NOTIFY caps it at 8 kB). */
export const REALTIME_CHANNEL = "concord_events";

export type RealtimeEventRow = typeof realtimeEvents.$inferSelect;

/** Who hears about an event in a thread: a team thread's only the team, a shared thread's the patient too. */
export function audienceOfSpace(space: ThreadSpace): RealtimeAudience {
  return space === "team" ? "team" : "all";
}

export interface RealtimeEventInput {
  patientId: string | null;
  audience: RealtimeAudience;
  userId?: string | null;
  kind: RealtimeEventKind;
  threadId?: string | null;
  messageId?: number | null;
  notificationId?: number | null;
}

/**
 * Appends to the real-time log and NOTIFYs in the caller's transaction, so listeners hear about
 * it only once it has committed (and never if it rolls back).
 *
 * Ordering: a bigserial is allocated at insert but becomes visible at commit, so two concurrent
 * writers could commit ids out of order and a subscriber that had already moved past the higher id
 * would miss the lower one. A transaction-scoped advisory lock per patient (taken before the id is
 * drawn, held to commit) makes ids commit in order within one patient, which is the unit every
 * patient stream filters on.
 */
export async function emitRealtimeEvents(tx: Database, events: RealtimeEventInput[]): Promise<number[]> {
  if (events.length === 0) return [];
  const lockKeys = [...new Set(events.map((e) => e.patientId ?? `user:${e.userId ?? ""}`))].sort();
  for (const key of lockKeys) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`concord_rt:${key}`}, 0))`);
  }
  const rows = await tx
    .insert(realtimeEvents)
    .values(
      events.map((e) => ({
        patientId: e.patientId,
        audience: e.audience,
        userId: e.userId ?? null,
        kind: e.kind,
        threadId: e.threadId ?? null,
        messageId: e.messageId ?? null,
        notificationId: e.notificationId ?? null,
      })),
    )
    .returning({ id: realtimeEvents.id, patientId: realtimeEvents.patientId, userId: realtimeEvents.userId });
  for (const row of rows) {
    await tx.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${encodeRealtimeHint(row)})`);
  }
  return rows.map((r) => r.id);
}

export interface RealtimeHint {
  eventId: number;
  patientId: string | null;
  userId: string | null;
}

/** "id:patientId:userId" — ids only; receivers re-read the event through an authorized query. */
export function encodeRealtimeHint(row: { id: number; patientId: string | null; userId: string | null }): string {
  return `${row.id}:${row.patientId ?? ""}:${row.userId ?? ""}`;
}

export function decodeRealtimeHint(payload: string): RealtimeHint | null {
  const [id, patientId, userId] = payload.split(":");
  const eventId = Number(id);
  if (!Number.isSafeInteger(eventId) || eventId <= 0) return null;
  return { eventId, patientId: patientId || null, userId: userId || null };
}

/** The newest event id, where a fresh subscription starts. */
export async function latestRealtimeEventId(db: Database): Promise<number> {
  const [row] = await queryRows<{ id: string | number | null }>(db, sql`select max(id) as id from ${realtimeEvents}`);
  return Number(row?.id ?? 0);
}

/**
 * Conversation events of one patient after `afterId` in the thread spaces the receiver was decided
 * to see (person-addressed events travel on the notification stream instead). The caller decides
 * the receiver's access and spaces before each batch; this only maps spaces to audiences, the same
 * way the writers do.
 */
export async function listPatientEventsAfter(
  db: Database,
  params: { patientId: string; afterId: number; spaces: readonly ThreadSpace[]; limit?: number },
): Promise<RealtimeEventRow[]> {
  const audiences = [...new Set(params.spaces.map(audienceOfSpace))];
  if (audiences.length === 0) return [];
  return db
    .select()
    .from(realtimeEvents)
    .where(
      and(
        eq(realtimeEvents.patientId, params.patientId),
        gt(realtimeEvents.id, params.afterId),
        inArray(realtimeEvents.audience, audiences),
      ),
    )
    .orderBy(asc(realtimeEvents.id))
    .limit(params.limit ?? 200);
}

/** A person's own user-addressed events (notifications) after `afterId`, across patients. */
export async function listUserEventsAfter(db: Database, params: { userId: string; afterId: number; limit?: number }): Promise<RealtimeEventRow[]> {
  return db
    .select()
    .from(realtimeEvents)
    .where(and(eq(realtimeEvents.userId, params.userId), eq(realtimeEvents.audience, "user"), gt(realtimeEvents.id, params.afterId)))
    .orderBy(asc(realtimeEvents.id))
    .limit(params.limit ?? 200);
}

/**
 * Whether a long-lived stream may keep sending: the account is active and, when the stream was
 * opened with a session, that session has not been revoked (sign-out, deactivation). Read-only:
 * an open stream must not extend the session's idle timeout the way a request does.
 */
export async function subscriberStillValid(db: Database, params: { userId: string; sessionId: string | null }): Promise<boolean> {
  const rows = params.sessionId
    ? await queryRows<{ ok: number }>(
        db,
        sql`select 1 as ok from auth_sessions s join users u on u.id = s.user_id
            where s.id = ${params.sessionId} and s.user_id = ${params.userId} and s.revoked_at is null and u.active`,
      )
    : await queryRows<{ ok: number }>(db, sql`select 1 as ok from users where id = ${params.userId} and active`);
  return rows.length > 0;
}
