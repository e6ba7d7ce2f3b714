import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type DbHandle, queryRows } from "../client";
import { openTestDatabase } from "../testing";
import { REALTIME_CHANNEL, type RealtimeHint } from "./messaging-events";
import { type RealtimeListener, listenForRealtimeEvents } from "./messaging-listener";

async function waitFor(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("the PostgreSQL LISTEN connection", () => {
  let handle: DbHandle;
  let listener: RealtimeListener;
  const hints: RealtimeHint[] = [];
  let resyncs = 0;
  beforeAll(async () => {
    handle = await openTestDatabase("postgres");
    listener = await listenForRealtimeEvents(handle, { onHint: (h) => hints.push(h), onResync: () => resyncs++, onError: () => undefined });
  });
  afterAll(async () => {
    await listener?.close();
    await handle?.close();
  });

  it("receives hints, and after the server drops it, reconnects, asks subscribers to resync and receives again", async () => {
    await queryRows(handle.db, sql`select pg_notify(${REALTIME_CHANNEL}, '1::')`);
    await waitFor(() => hints.length === 1, "the first hint");
    expect(resyncs).toBe(1);

    const [dropped] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where application_name = 'concord-realtime' and datname = current_database()`,
    );
    expect(dropped?.n).toBe(1);
    await waitFor(() => resyncs === 2, "the reconnect");

    await queryRows(handle.db, sql`select pg_notify(${REALTIME_CHANNEL}, '2::')`);
    await waitFor(() => hints.length === 2, "a hint after the reconnect");
    expect(hints.map((h) => h.eventId)).toEqual([1, 2]);
  });
});
