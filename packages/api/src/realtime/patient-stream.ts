import { tracked } from "@trpc/server";
import type { Actor, MessageEventKind } from "@concord/domain";
import { type Database, type MessageView, getMessagesByIds, latestRealtimeEventId, listPatientEventsAfter, subscriberStillValid } from "@concord/db";
import { type PatientScope, authorizePatientAccess } from "../access";
import { visibleSpaces } from "../use-cases/message-access";
import { type EventBus, requireEventBus } from "./event-bus";

export type MessagingEvent =
  | { kind: Exclude<MessageEventKind, "message.read">; threadId: string; message: MessageView }
  | { kind: "message.read"; threadId: string };

/** Even with no NOTIFY (listener reconnecting), a stream catches up at least this often. */
const SAFETY_POLL_MS = 15_000;
const BATCH = 200;

/**
 * The procedure's access decision, taken again before every batch: the subscriber's session and
 * account must still be live, and `authorizePatientAccess` must still admit them for the permission
 * the stream was opened with. A clinician removed from the team (or deactivated, or signed out)
 * stops receiving at once, and a patient never gets team-space events.
 */
async function currentSpaces(db: Database, actor: Actor, sessionId: string | null, opened: PatientScope) {
  // The account's liveness is what subscriberStillValid checks; the actor the stream was opened with
  // is otherwise the same.
  const live: Actor = { ...actor, active: true };
  const [valid, access] = await Promise.all([
    subscriberStillValid(db, { userId: actor.userId, sessionId }),
    authorizePatientAccess(db, live, opened.permission, opened.patientId),
  ]);
  if (!valid || !access.allowed) return null;
  return visibleSpaces(live, access.scope.facts);
}

/**
 * One subscriber's stream of a patient's messaging events. Starts after `lastEventId` (resume) or at
 * the newest event; every event is re-read through the authorized query before it is yielded.
 */
export async function* patientEventStream(params: {
  db: Database;
  /** This instance's bus; without one (a caller built for server components) the stream refuses on its first read. */
  bus: EventBus | undefined;
  actor: Actor;
  sessionId: string | null;
  /** The scope the subscription procedure admitted the subscriber with. */
  scope: PatientScope;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}) {
  const { db, actor, scope } = params;
  const bus = requireEventBus(params.bus);
  const { patientId } = scope;
  const signal = params.signal ?? new AbortController().signal;
  // Listen before reading the backlog: nothing committed in between can slip past.
  const waiter = bus.waiter((hint) => hint.patientId === patientId);
  try {
    let cursor = params.lastEventId ? Number(params.lastEventId) : await latestRealtimeEventId(db);
    while (!signal.aborted) {
      const spaces = await currentSpaces(db, actor, params.sessionId, scope);
      if (!spaces) return;
      const events = await listPatientEventsAfter(db, { patientId, afterId: cursor, spaces, limit: BATCH });
      const messageIds = [...new Set(events.flatMap((e) => (e.messageId && (e.kind === "message.created" || e.kind === "message.updated") ? [e.messageId] : [])))];
      const messages = new Map((await getMessagesByIds(db, { patientId, spaces, ids: messageIds })).map((m) => [m.id, m]));
      for (const event of events) {
        cursor = event.id;
        let data: MessagingEvent | null = null;
        if ((event.kind === "message.created" || event.kind === "message.updated") && event.messageId && event.threadId) {
          const message = messages.get(event.messageId);
          if (message) data = { kind: event.kind, threadId: event.threadId, message };
        } else if (event.kind === "message.read" && event.threadId) {
          data = { kind: "message.read", threadId: event.threadId };
        }
        if (data) yield tracked(String(event.id), data);
      }
      if (events.length === BATCH) continue;
      await waiter.wait(signal, SAFETY_POLL_MS);
    }
  } finally {
    waiter.close();
  }
}
