import pg from "pg";
import type { DbHandle } from "../client";
import { REALTIME_CHANNEL, type RealtimeHint, decodeRealtimeHint } from "./messaging-events";

export interface RealtimeListener {
  close(): Promise<void>;
}

export interface RealtimeListenerHandlers {
  onHint(hint: RealtimeHint): void;
  /**
   * NOTIFY is not queued for a listener that was away: after (re)connecting, every subscriber must
   * catch up from its own cursor in realtime_events.
   */
  onResync(): void;
  onError?(error: unknown): void;
}

/**
 * One LISTEN per process. On PostgreSQL a dedicated connection (not from the pool: a pooled client
 * would drop the LISTEN when released), reconnecting with back-off; on PGlite the in-process
 * listen/notify of the single connection.
 */
export async function listenForRealtimeEvents(handle: DbHandle, handlers: RealtimeListenerHandlers): Promise<RealtimeListener> {
  const deliver = (payload: string | undefined) => {
    const hint = payload ? decodeRealtimeHint(payload) : null;
    if (hint) handlers.onHint(hint);
  };
  if (handle.kind === "pglite") {
    if (!handle.pglite) throw new Error("PGlite handle without a client");
    const unlisten = await handle.pglite.listen(REALTIME_CHANNEL, deliver);
    return { close: () => unlisten() };
  }
  if (!handle.url) throw new Error("A PostgreSQL listener needs the server URL");
  const url = handle.url;
  let closed = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let attempt = 0;

  /** Tries again after a back-off; a failed attempt schedules the next one. */
  const retryLater = () => {
    if (closed || retryTimer) return;
    const delay = Math.min(5_000, 100 * 2 ** attempt++);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch((error: unknown) => {
        handlers.onError?.(error);
        retryLater();
      });
    }, delay);
    retryTimer.unref?.();
  };

  /** Only the connection currently listening may trigger a reconnect (its error and end both fire). */
  const dropAndRetry = (failed: pg.Client) => {
    if (client !== failed) return;
    client = null;
    failed.end().catch(() => undefined);
    retryLater();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: "concord-realtime" });
    next.on("notification", (message) => {
      if (message.channel === REALTIME_CHANNEL) deliver(message.payload);
    });
    next.on("error", (error) => {
      handlers.onError?.(error);
      dropAndRetry(next);
    });
    next.on("end", () => dropAndRetry(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${REALTIME_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    attempt = 0;
    handlers.onResync();
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
