import { tracked } from "@trpc/server";
import { type Actor, type MessageEventKind, decide } from "@concord/domain";
import {
  type Database,
  type MessageView,
  getMessagesByIds,
  getPatientFacts,
  latestRealtimeEventId,
  listPatientEventsAfter,
  subscriberStillValid,
} from "@concord/db";
import { visibleSpaces } from "../use-cases/message-access";
import type { EventBus } from "./event-bus";

export type MessagingEvent =
  | { kind: Exclude<MessageEventKind, "message.read">; threadId: string; message: MessageView }
  | { kind: "message.read"; threadId: string };

/** Even with no NOTIFY (listener reconnecting), a stream catches up at least this often. */
const SAFETY_POLL_MS = 15_000;
const BATCH = 200;

/**
 * Access is decided again before every batch: a clinician removed from the team (or deactivated)
 * stops receiving at once, and a patient never gets team-space events.
 */
async function currentAccess(db: Database, actor: Actor, sessionId: string | null, patientId: string) {
  const [valid, facts] = await Promise.all([subscriberStillValid(db, { userId: actor.userId, sessionId }), getPatientFacts(db, actor.userId, patientId)]);
  if (!valid || !facts) return null;
  const live: Actor = { ...actor, active: true };
  if (!decide(live, "message.read", facts).allowed) return null;
  return { spaces: visibleSpaces(live, facts) };
}

/**
 * One subscriber's stream of a patient's messaging events. Starts after `lastEventId` (resume) or at
 * the newest event; every event is re-read through the authorized query before it is yielded.
 */
export async function* patientEventStream(params: {
  db: Database;
  bus: EventBus;
  actor: Actor;
  sessionId: string | null;
  patientId: string;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}) {
  const { db, bus, actor, patientId } = params;
  const signal = params.signal ?? new AbortController().signal;
  // Listen before reading the backlog: nothing committed in between can slip past.
  const waiter = bus.waiter((hint) => hint.patientId === patientId);
  try {
    let cursor = params.lastEventId ? Number(params.lastEventId) : await latestRealtimeEventId(db);
    while (!signal.aborted) {
      const access = await currentAccess(db, actor, params.sessionId, patientId);
      if (!access) return;
      const events = await listPatientEventsAfter(db, {
        patientId,
        afterId: cursor,
        includeTeam: access.spaces.includes("team"),
        limit: BATCH,
      });
      const messageIds = [...new Set(events.flatMap((e) => (e.messageId && e.kind.startsWith("message.") && e.kind !== "message.read" ? [e.messageId] : [])))];
      const messages = new Map((await getMessagesByIds(db, { patientId, spaces: access.spaces, ids: messageIds })).map((m) => [m.id, m]));
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
