import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CarePlan, carePlanSchema } from "@concord/domain";
import { type DbHandle, latestRealtimeEventId, queryRows, schema, sql } from "@concord/db";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { createCaller } from "../root";
import { type RealtimeRuntime, startRealtime } from "../realtime/event-bus";
import type { MessagingEvent } from "../realtime/patient-stream";
import { type DemoIds, buildDemoClinic } from "../demo/index";
import { testServices } from "../testing/services";
import { codeOf } from "../testing/harness";

/**
 * Deleted means deleted: once a clinician deletes a message, its words and the words of its earlier
 * versions are in no answer of any procedure, for any role (the author included), and in no table
 * but deleted_message_archive.
 */

const TEST_SERVICES = testServices();

type Key = "physician" | "pt" | "ot" | "alex";
const ROLE = { physician: "pain_physician", pt: "physical_therapist", ot: "occupational_therapist", alex: "patient" } as const;
const NAME = { physician: "Dr. Maya Okafor", pt: "Sam Lindqvist", ot: "Priya Raman", alex: "Alex Morgan" } as const;

/** A small valid plan (stored plans are parsed by the domain schema on every read). */
function plan(patientId: string, interventionId: string): CarePlan {
  return carePlanSchema.parse({
    patientId,
    version: 1,
    reviewDueAt: "2027-01-01",
    goals: [{ id: "pain", targets: [{ kind: "pain_average_at_most", value: 4, byDate: "2027-06-01" }], status: "in_progress", note: null }],
    interventions: [
      {
        id: interventionId,
        custom: true,
        customName: "Mirror therapy",
        therapyId: null,
        category: "self_management",
        ownerDiscipline: "physical_therapist",
        responsibleClinicianId: null,
        goalIds: ["pain"],
        status: "active",
        startDate: null,
        nextReviewDate: null,
        note: null,
        details: { kind: "self_management", frequency: "daily", instructions: "Ten minutes a day." },
        stopReason: null,
      },
    ],
  });
}

function reader(iterable: AsyncIterable<unknown>) {
  const iterator = iterable[Symbol.asyncIterator]();
  return {
    async next(): Promise<{ id: string; data: MessagingEvent }> {
      const result = await iterator.next();
      if (result.done) throw new Error("stream ended");
      const [id, data] = result.value as [string, MessagingEvent, symbol];
      return { id, data };
    },
  };
}

/** Every public table's rows as text that contain `needle` (the archive is the one allowed holder). */
async function tablesHolding(handle: DbHandle, needle: string): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const holding: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${`%${needle}%`}`,
    );
    if (Number(row?.n) > 0) holding.push(table_name);
  }
  return holding;
}

describe.each(testBackends())("deleted messages on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  let realtime: RealtimeRuntime;
  let alex: string;
  const callerFor = (key: Key, signal?: AbortSignal) =>
    createCaller(
      {
        db: handle.db,
        dbKind: handle.kind,
        actor: { userId: ids.users[key], role: ROLE[key], patientId: key === "alex" ? ids.patients.alex : null, active: true },
        actorName: NAME[key],
        sessionId: null,
        settings: TEST_CLINIC_SETTINGS,
        services: TEST_SERVICES,
        events: realtime.bus,
      },
      signal ? { signal } : undefined,
    );

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    alex = ids.patients.alex;
    realtime = await startRealtime(handle);
    const updated = await handle.db.update(schema.carePlans).set({ document: plan(alex, "del-alex") }).where(sql`patient_id = ${alex}`).returning();
    if (updated.length === 0) await handle.db.insert(schema.carePlans).values({ patientId: alex, version: 1, document: plan(alex, "del-alex"), reviewDueAt: "2027-01-01" });
  });
  afterAll(async () => {
    await realtime?.close();
    await handle?.close();
  });

  it("keeps the words of a deleted message and its earlier edits out of every answer, every role and every table but the archive", async () => {
    // Words that appear nowhere else: the first version, an edit, and the text at deletion.
    const tag = `${backend}-${Date.now()}`;
    const first = `violet harbour ${tag}`;
    const second = `saffron lantern ${tag}`;
    const pt = callerFor("pt");
    const startAt = String(await latestRealtimeEventId(handle.db));
    const { threadId } = await pt.messaging.createThread({ patientId: alex, space: "patient", title: "Mirror therapy at home", body: "Let us plan the week." });
    const posted = await pt.messaging.post({
      patientId: alex,
      threadId,
      body: `@Alex ${first}`,
      reference: { kind: "plan_item", id: "del-alex" },
    });
    await pt.messaging.edit({ patientId: alex, messageId: posted.id, body: `@Alex ${second}`, expectedVersion: 1 });
    // Before the deletion the team and the patient see the edited words and the first version in the history.
    expect(JSON.stringify(await callerFor("alex").messaging.history({ patientId: alex, messageId: posted.id }))).toContain(first);

    const liveController = new AbortController();
    const beforeDelete = String(await latestRealtimeEventId(handle.db));
    const live = reader(await callerFor("alex", liveController.signal).messaging.events({ patientId: alex, lastEventId: beforeDelete }));
    const liveDelete = live.next();
    expect(await pt.messaging.delete({ patientId: alex, messageId: posted.id, expectedVersion: 2 })).toEqual({ id: posted.id, version: 3 });
    const deleteEvent = await liveDelete;
    expect(deleteEvent.data).toMatchObject({ kind: "message.updated", threadId, message: { id: posted.id, body: null, reference: null } });
    liveController.abort();

    for (const key of ["pt", "physician", "ot", "alex"] as const) {
      const caller = callerFor(key);
      const answers: Record<string, unknown> = {
        messages: await caller.messaging.messages({ patientId: alex, threadId }),
        history: await caller.messaging.history({ patientId: alex, messageId: posted.id }),
        threads: await caller.messaging.threads({ patientId: alex }),
        thread: await caller.messaging.thread({ patientId: alex, threadId }),
        notifications: await caller.notifications.list({}),
      };
      // A stream resumed from before the message was posted replays its created, edited and deleted events.
      const controller = new AbortController();
      const resumed = reader(await callerFor(key, controller.signal).messaging.events({ patientId: alex, lastEventId: startAt }));
      const replay: MessagingEvent[] = [];
      while (replay.filter((e) => e.kind !== "message.read" && e.message.id === posted.id).length < 3) replay.push((await resumed.next()).data);
      controller.abort();
      answers.events = replay;

      for (const [name, answer] of Object.entries(answers)) {
        const json = JSON.stringify(answer);
        expect(json, `${key} ${name}`).not.toContain(first);
        expect(json, `${key} ${name}`).not.toContain(second);
        expect(json, `${key} ${name}`).not.toContain(tag);
      }
      const messages = answers.messages as Awaited<ReturnType<typeof caller.messaging.messages>>;
      expect(messages.items.find((m) => m.id === posted.id)).toMatchObject({ body: null, reference: null, version: 3 });
      expect((answers.history as { action: string; previousBody: string | null }[]).map((h) => [h.action, h.previousBody])).toEqual([
        ["edit", null],
        ["delete", null],
      ]);
      // The mention notification was written for the patient before the deletion and never held the words.
      if (key === "alex") expect((answers.notifications as { items: { kind: string }[] }).items.some((n) => n.kind === "mention")).toBe(true);
    }

    // The database holds the words only in the archive.
    expect(await tablesHolding(handle, first)).toEqual(["deleted_message_archive"]);
    expect(await tablesHolding(handle, second)).toEqual(["deleted_message_archive"]);
    const [row] = await queryRows<{ body: string | null; reference: unknown }>(handle.db, sql`select body, reference from messages where id = ${posted.id}`);
    expect(row).toEqual({ body: null, reference: null });
    const edits = await queryRows<{ action: string; previous_body: string | null }>(
      handle.db,
      sql`select action, previous_body from message_edits where message_id = ${posted.id} order by id`,
    );
    expect(edits).toEqual([
      { action: "edit", previous_body: null },
      { action: "delete", previous_body: null },
    ]);
    const [archived] = await queryRows<{ body: string; reference: { id: string }; versions: { version: number; body: string }[]; deleted_by: string; author_id: string; thread_id: string }>(
      handle.db,
      sql`select body, reference, versions, deleted_by, author_id, thread_id from deleted_message_archive where message_id = ${posted.id}`,
    );
    expect(archived).toMatchObject({ body: `@Alex ${second}`, reference: { id: "del-alex" }, deleted_by: ids.users.pt, author_id: ids.users.pt, thread_id: threadId });
    expect(archived?.versions.map((v) => [v.version, v.body])).toEqual([[1, `@Alex ${first}`]]);

    // The deletion is audited: who, which message, thread and patient (and, above, never the words).
    const audits = await queryRows<{ actor_id: string; patient_id: string; detail: { messageId: number; threadId: string } }>(
      handle.db,
      sql`select actor_id, patient_id, detail from audit_events where action = 'message.deleted' and (detail->>'messageId')::bigint = ${posted.id}`,
    );
    expect(audits).toEqual([{ actor_id: ids.users.pt, patient_id: alex, detail: expect.objectContaining({ messageId: posted.id, threadId }) }]);

    // A deleted message cannot be edited back into view, nor deleted twice.
    expect(await codeOf(pt.messaging.edit({ patientId: alex, messageId: posted.id, body: "back again", expectedVersion: 3 }))).toMatch(/^CONFLICT: This message has already been deleted/);
    expect(await codeOf(pt.messaging.delete({ patientId: alex, messageId: posted.id, expectedVersion: 3 }))).toMatch(/^CONFLICT/);
  });

  it("lets the database refuse every other change to the history, the archive and a tombstone", async () => {
    const pt = callerFor("pt");
    const { threadId, messageId: kept } = await pt.messaging.createThread({ patientId: alex, space: "team", title: "Kept and deleted", body: "kept one" });
    await pt.messaging.edit({ patientId: alex, messageId: kept, body: "kept two", expectedVersion: 1 });
    const gone = await pt.messaging.post({ patientId: alex, threadId, body: "gone one" });
    await pt.messaging.edit({ patientId: alex, messageId: gone.id, body: "gone two", expectedVersion: 1 });
    await pt.messaging.delete({ patientId: alex, messageId: gone.id, expectedVersion: 2 });

    // A live message's history cannot be cleared (its words are not archived), nor any history rewritten or removed.
    await expect(handle.db.execute(sql`update message_edits set previous_body = null where message_id = ${kept}`)).rejects.toThrow();
    await expect(handle.db.execute(sql`update message_edits set previous_body = 'rewritten' where message_id = ${gone.id}`)).rejects.toThrow();
    await expect(handle.db.execute(sql`update message_edits set editor_id = ${ids.users.ot} where message_id = ${gone.id}`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from message_edits where message_id = ${kept}`)).rejects.toThrow();
    // The archive is append-only.
    await expect(handle.db.execute(sql`update deleted_message_archive set body = 'x' where message_id = ${gone.id}`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from deleted_message_archive where message_id = ${gone.id}`)).rejects.toThrow();
    // A tombstone cannot get words back; a live message cannot lose them; a deletion record cannot copy them.
    await expect(handle.db.execute(sql`update messages set body = 'gone two' where id = ${gone.id}`)).rejects.toThrow();
    await expect(handle.db.execute(sql`update messages set body = null where id = ${kept}`)).rejects.toThrow();
    await expect(
      handle.db.execute(
        sql`insert into message_edits (message_id, patient_id, editor_id, action, previous_body, previous_version) values (${kept}, ${alex}, ${ids.users.pt}, 'delete', 'kept two', 2)`,
      ),
    ).rejects.toThrow();

    // The live message keeps its full history for everyone who may read it.
    const history = await callerFor("physician").messaging.history({ patientId: alex, messageId: kept });
    expect(history.map((h) => [h.action, h.previousBody])).toEqual([["edit", "kept one"]]);
    expect((await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from deleted_message_archive where message_id = ${kept}`))[0]?.n).toBe(0);
  });
});
