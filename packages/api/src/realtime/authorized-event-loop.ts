import { tracked } from "@trpc/server";
import type { Actor } from "@concord/domain";
import { type Database, latestRealtimeEventId, subscriberStillValid } from "@concord/db";
import { type PatientScope, authorizePatientAccess } from "../access";
import { type EventBus, requireEventBus } from "./event-bus";

/** Even with no NOTIFY (listener reconnecting), a stream catches up at least this often. */
const SAFETY_POLL_MS = 15_000;
/** Events read at most per batch; a full batch is followed at once by the next. */
export const EVENT_BATCH = 200;

/** What a stream subscribed to one patient's events is opened with (its procedure's admitted scope). */
export interface PatientStreamParams {
  db: Database;
  /** This instance's bus; without one (a caller built for server components) the stream refuses on its first read. */
  bus: EventBus | undefined;
  actor: Actor;
  sessionId: string | null;
  /** The scope the subscription procedure admitted the subscriber with. */
  scope: PatientScope;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}

/** One batch as a stream reads it: how far it read in the event log, and what it sends (each with its event id). */
export interface EventBatch<T> {
  /** The id of the last event row read (sent or not), or null when there was none. */
  lastEventId: number | null;
  /** Rows read; a full batch (EVENT_BATCH) is followed at once by the next. */
  read: number;
  send: Array<{ eventId: number; data: T }>;
}

/**
 * The loop every patient event stream shares. It listens before reading the backlog (nothing committed in
 * between can slip past), starts after `lastEventId` (resume) or at the newest event, and before every
 * batch takes the procedure's access decision again: the subscriber's session and account must still be
 * live, and `authorizePatientAccess` must still admit them for the permission the stream was opened with.
 * A clinician removed from the team (or deactivated, or signed out) stops receiving at once.
 * `readBatch` reads and re-reads what to send through scoped queries, with the access just granted.
 */
export async function* authorizedEventLoop<T>(
  params: PatientStreamParams,
  readBatch: (input: { live: Actor; scope: PatientScope; afterId: number }) => Promise<EventBatch<T>>,
) {
  const { db, actor, scope } = params;
  const bus = requireEventBus(params.bus);
  const signal = params.signal ?? new AbortController().signal;
  const waiter = bus.waiter((hint) => hint.patientId === scope.patientId);
  try {
    let cursor = params.lastEventId ? Number(params.lastEventId) : await latestRealtimeEventId(db);
    while (!signal.aborted) {
      // The account's liveness is what subscriberStillValid checks; the actor is otherwise the one the stream was opened with.
      const live: Actor = { ...actor, active: true };
      const [valid, access] = await Promise.all([
        subscriberStillValid(db, { userId: actor.userId, sessionId: params.sessionId }),
        authorizePatientAccess(db, live, scope.permission, scope.patientId),
      ]);
      if (!valid || !access.allowed) return;
      const batch = await readBatch({ live, scope: access.scope, afterId: cursor });
      for (const { eventId, data } of batch.send) yield tracked(String(eventId), data);
      if (batch.lastEventId !== null) cursor = batch.lastEventId;
      if (batch.read === EVENT_BATCH) continue;
      await waiter.wait(signal, SAFETY_POLL_MS);
    }
  } finally {
    waiter.close();
  }
}
