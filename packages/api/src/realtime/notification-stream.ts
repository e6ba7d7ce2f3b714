import { tracked } from "@trpc/server";
import type { Actor } from "@concord/domain";
import { type Database, countUnreadNotifications, latestRealtimeEventId, listUserEventsAfter, subscriberStillValid } from "@concord/db";
import { type EventBus, requireEventBus } from "./event-bus";

const SAFETY_POLL_MS = 15_000;

/**
 * The signed-in person's own notification events (across patients), each sent with the fresh
 * unread count. Only rows addressed to this user are read, so nothing about anyone else can leak.
 */
export async function* notificationStream(params: {
  db: Database;
  /** This instance's bus; without one (a caller built for server components) the stream refuses on its first read. */
  bus: EventBus | undefined;
  actor: Actor;
  sessionId: string | null;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}) {
  const { db, actor } = params;
  const bus = requireEventBus(params.bus);
  const signal = params.signal ?? new AbortController().signal;
  const waiter = bus.waiter((hint) => hint.userId === actor.userId);
  try {
    let cursor = params.lastEventId ? Number(params.lastEventId) : await latestRealtimeEventId(db);
    while (!signal.aborted) {
      if (!(await subscriberStillValid(db, { userId: actor.userId, sessionId: params.sessionId }))) return;
      const events = await listUserEventsAfter(db, { userId: actor.userId, afterId: cursor, limit: 200 });
      const last = events[events.length - 1];
      if (last) {
        cursor = last.id;
        // Many events collapse into one "your count changed": the count is re-read, never summed.
        yield tracked(String(last.id), { unread: await countUnreadNotifications(db, actor.userId) });
      }
      if (events.length === 200) continue;
      await waiter.wait(signal, SAFETY_POLL_MS);
    }
  } finally {
    waiter.close();
  }
}
