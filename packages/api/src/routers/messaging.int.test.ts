import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CarePlan, carePlanSchema, uuid } from "@concord/domain";
import { type DbHandle, latestRealtimeEventId, queryRows, removeCareTeamMember, schema, sql } from "@concord/db";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { createCaller } from "../root";
import { type RealtimeRuntime, startRealtime } from "../realtime/event-bus";
import type { MessagingEvent } from "../realtime/patient-stream";
import { type DemoIds, buildDemoClinic } from "../demo/index";
import { testServices } from "../testing/services";
import { codeOf } from "../testing/harness";

const TEST_SERVICES = testServices();

type Key = "physician" | "pt" | "ot" | "outsider" | "alex" | "casey";
const ROLE = { physician: "pain_physician", pt: "physical_therapist", ot: "occupational_therapist", outsider: "pain_physician", alex: "patient", casey: "patient" } as const;
const NAME = { physician: "Dr. Maya Okafor", pt: "Sam Lindqvist", ot: "Priya Raman", outsider: "Dr. Elena Vargas", alex: "Alex Morgan", casey: "Casey Nguyen" } as const;


async function countRows(handle: DbHandle, table: string) {
  const [row] = await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row?.n);
}

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
        customName: "Graded motor imagery",
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

/** Reads events from a live subscription one at a time. */
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

describe.each(testBackends())("messaging on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  let realtime: RealtimeRuntime;
  const callerFor = (key: Key | null, signal?: AbortSignal) => {
    const patientId = key === "alex" ? ids.patients.alex : key === "casey" ? ids.patients.casey : null;
    return createCaller({
      db: handle.db,
      dbKind: handle.kind,
      actor: key ? { userId: ids.users[key], role: ROLE[key], patientId, active: true } : null,
      actorName: key ? NAME[key] : null,
      sessionId: null,
      settings: TEST_CLINIC_SETTINGS,
      services: TEST_SERVICES,
      events: realtime.bus,
    }, signal ? { signal } : undefined);
  };
  let alex: string;

  beforeAll(async () => {
      handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    alex = ids.patients.alex;
    realtime = await startRealtime(handle);
    // The demo clinic may already hold plans: give both patients a known plan item either way.
    for (const [patientId, item] of [[alex, "int-alex"], [ids.patients.casey, "int-casey"]] as const) {
      const updated = await handle.db.update(schema.carePlans).set({ document: plan(patientId, item) }).where(sql`patient_id = ${patientId}`).returning();
      if (updated.length === 0) await handle.db.insert(schema.carePlans).values({ patientId, version: 1, document: plan(patientId, item), reviewDueAt: "2027-01-01" });
    }
  });
  afterAll(async () => {
    await realtime?.close();
    await handle?.close();
  });

  it("keeps team threads, their counts and notifications away from the patient", async () => {
    const pt = callerFor("pt");
    const created = await pt.messaging.createThread({
      patientId: alex,
      space: "team",
      title: "Pregabalin titration",
      body: "@physician should we consider the next step? See https://example.org/x",
      reference: { kind: "plan_item", id: "int-alex" },
    });
    expect(uuid.safeParse(created.threadId).success).toBe(true);

    const physicianThreads = await callerFor("physician").messaging.threads({ patientId: alex });
    expect(physicianThreads.items).toEqual([expect.objectContaining({ id: created.threadId, space: "team", unread: 1 })]);
    const ptThreads = await pt.messaging.threads({ patientId: alex });
    expect(ptThreads.items[0]?.unread).toBe(0);

    const patientThreads = await callerFor("alex").messaging.threads({ patientId: alex });
    expect(patientThreads).toEqual({ spaces: ["patient"], items: [], nextCursor: null });
    expect(await codeOf(callerFor("alex").messaging.messages({ patientId: alex, threadId: created.threadId }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(callerFor("alex").messaging.thread({ patientId: alex, threadId: created.threadId }))).toMatch(/^NOT_FOUND/);
    expect(await callerFor("alex").notifications.unreadCount()).toEqual({ unread: 0 });

    const physicianNotes = await callerFor("physician").notifications.list({});
    expect(physicianNotes.items[0]).toMatchObject({ kind: "mention", title: "Sam Lindqvist (Physical therapist) mentioned you in “Pregabalin titration” · Alex Morgan" });
    const otNotes = await callerFor("ot").notifications.list({});
    expect(otNotes.items[0]).toMatchObject({ kind: "message" });

    const page = await callerFor("physician").messaging.messages({ patientId: alex, threadId: created.threadId });
    expect(page.items[0]?.reference).toEqual({ kind: "plan_item", id: "int-alex", label: "Plan item: Graded motor imagery" });

    await callerFor("physician").messaging.markRead({ patientId: alex, threadId: created.threadId, lastReadMessageId: page.items[0]!.id });
    const thread = await pt.messaging.thread({ patientId: alex, threadId: created.threadId });
    expect(thread.readers.map((r) => r.label).sort()).toEqual(["Dr. Maya Okafor (Pain physician)", "Sam Lindqvist (Physical therapist)"]);
    expect((await callerFor("physician").messaging.threads({ patientId: alex })).items[0]?.unread).toBe(0);
    expect(await callerFor("physician").notifications.unreadCount()).toEqual({ unread: 0 });
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const pt = callerFor("pt");
    const { threadId } = await pt.messaging.createThread({ patientId: alex, space: "patient", title: "After the sympathetic block", body: "How are you feeling?" });
    const teamThread = (await pt.messaging.threads({ patientId: alex, space: "team" })).items[0]!.id;
    const before = { messages: await countRows(handle, "messages"), notifications: await countRows(handle, "notifications"), events: await countRows(handle, "realtime_events") };

    expect(await codeOf(pt.messaging.post({ patientId: alex, threadId, body: "   " }))).toBe("BAD_REQUEST: body: Write a message before sending.");
    expect(await codeOf(pt.messaging.post({ patientId: alex, threadId, body: "x".repeat(4001) }))).toBe("BAD_REQUEST: body: The message is too long (at most 4000 characters).");
    expect(await codeOf(callerFor("alex").messaging.post({ patientId: alex, threadId: teamThread, body: "hello" }))).toMatch(/^NOT_FOUND: This conversation was not found/);
    expect(await codeOf(callerFor("outsider").messaging.post({ patientId: alex, threadId, body: "hello" }))).toMatch(/^NOT_FOUND: This patient was not found/);
    expect(await codeOf(pt.messaging.post({ patientId: alex, threadId, body: "@Elena can you look?" }))).toMatch(/^BAD_REQUEST: @Elena is not someone in this conversation/);
    expect(await codeOf(pt.messaging.post({ patientId: alex, threadId: teamThread, body: "@Alex fyi" }))).toMatch(/^BAD_REQUEST: @Alex is not someone/);
    expect(await codeOf(pt.messaging.post({ patientId: alex, threadId, body: "see this", reference: { kind: "plan_item", id: "int-casey" } }))).toBe(
      "BAD_REQUEST: The linked item was not found in this patient's record.",
    );
    expect(await codeOf(pt.messaging.post({ patientId: alex, threadId, body: "see", reference: { kind: "check_in", id: "00000000-0000-4000-8000-000000000000" } }))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(callerFor("alex").messaging.createThread({ patientId: alex, space: "team", title: "Secret", body: "hi" }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(pt.messaging.createThread({ patientId: alex, space: "team", title: "ab", body: "hi" }))).toMatch(/^BAD_REQUEST: title: The topic is too short/);

    expect(await countRows(handle, "messages")).toBe(before.messages);
    expect(await countRows(handle, "notifications")).toBe(before.notifications);
    expect(await countRows(handle, "realtime_events")).toBe(before.events);

    // The patient can mention the team in the shared space.
    await callerFor("alex").messaging.post({ patientId: alex, threadId, body: "Thanks @PT, better today." });
    expect((await pt.notifications.list({})).items[0]).toMatchObject({ kind: "mention", title: expect.stringContaining("Alex Morgan mentioned you") });
  });

  it("edits keep their history, deletes leave a tombstone, stale edits are refused", async () => {
    const pt = callerFor("pt");
    const { threadId, messageId } = await pt.messaging.createThread({ patientId: alex, space: "team", title: "Edit test", body: "first words" });
    expect(await codeOf(callerFor("physician").messaging.edit({ patientId: alex, messageId, body: "not mine", expectedVersion: 1 }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(callerFor("alex").messaging.edit({ patientId: alex, messageId, body: "x", expectedVersion: 1 }))).toMatch(/^NOT_FOUND/);
    await pt.messaging.edit({ patientId: alex, messageId, body: "second words", expectedVersion: 1 });
    expect(await codeOf(pt.messaging.edit({ patientId: alex, messageId, body: "stale", expectedVersion: 1 }))).toMatch(/^CONFLICT/);
    await pt.messaging.delete({ patientId: alex, messageId, expectedVersion: 2 });
    const [message] = (await pt.messaging.messages({ patientId: alex, threadId })).items;
    expect(message).toMatchObject({ body: null, reference: null, version: 3 });
    expect(message?.deletedAt).toBeInstanceOf(Date);
    const history = await pt.messaging.history({ patientId: alex, messageId });
    // Deleted means deleted: the history keeps who and when, never the words (see messaging-deleted.int.test.ts).
    expect(history.map((h) => [h.action, h.previousBody])).toEqual([
      ["edit", null],
      ["delete", null],
    ]);
    await expect(handle.db.execute(sql`update message_edits set previous_body = 'x'`)).rejects.toThrow();
  });

  it("refers to a check-in the composer picked from checkIns.list", async () => {
    const date = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await callerFor("alex").checkIns.submit({
      patientId: alex,
      checkIn: { date, painNow: 6, painAverage: 5, painWorst: 8, symptoms: { burningPain: true }, chestPainOrBreathlessness: false, suddenSwelling: false, coldPaleLimb: false, signsOfInfection: false, newLimbAffected: false, bodyLocations: [{ site: "left_arm" }], sleepHours: 6.5, sleepQuality: 5, mood: 6, adherence: [] },
    });
    const listed = (await callerFor("alex").checkIns.list({ patientId: alex, limit: 5 })).items.find((c) => c.date === date);
    expect(listed?.id).toMatch(/^[0-9a-f-]{36}$/);
    const { threadId } = await callerFor("alex").messaging.createThread({
      patientId: alex,
      space: "patient",
      title: "About this check-in",
      body: "A bad night",
      reference: { kind: "check_in", id: listed!.id },
    });
    const [message] = (await callerFor("pt").messaging.messages({ patientId: alex, threadId })).items;
    expect(message?.reference).toEqual({ kind: "check_in", id: listed!.id, label: `Check-in of ${date}` });
  });

  it("pages a thread newest first by key", async () => {
    const pt = callerFor("pt");
    const { threadId } = await pt.messaging.createThread({ patientId: alex, space: "team", title: "Paging", body: "m0" });
    for (let i = 1; i <= 70; i++) await pt.messaging.post({ patientId: alex, threadId, body: `m${i}` });
    const seen: string[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await pt.messaging.messages({ patientId: alex, threadId, before, limit: 30 });
      seen.push(...page.items.map((m) => m.body ?? ""));
      pages += 1;
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 71 }, (_, i) => `m${70 - i}`));
    expect(await codeOf(pt.messaging.messages({ patientId: alex, threadId, before: -1 }))).toMatch(/^BAD_REQUEST/);
  });

  it("resumes after a reconnect with exactly the missed events, and never shows team events to the patient", async () => {
    const pt = callerFor("pt");
    const { threadId: teamThread } = await pt.messaging.createThread({ patientId: alex, space: "team", title: "Resume test", body: "start" });
    const { threadId: sharedThread } = await pt.messaging.createThread({ patientId: alex, space: "patient", title: "Shared resume", body: "start" });

    // A caller-side generator starts on the first read: pin the starting point explicitly.
    const startAt = String(await latestRealtimeEventId(handle.db));
    const first = new AbortController();
    const live = reader(await callerFor("physician", first.signal).messaging.events({ patientId: alex, lastEventId: startAt }));
    const patientController = new AbortController();
    const patientLive = reader(await callerFor("alex", patientController.signal).messaging.events({ patientId: alex, lastEventId: startAt }));
    const outsider = await codeOf(callerFor("outsider").messaging.events({ patientId: alex }));
    expect(outsider).toMatch(/^NOT_FOUND/);

    const nextLive = live.next();
    await pt.messaging.post({ patientId: alex, threadId: teamThread, body: "before the disconnect" });
    const seen = await nextLive;
    expect(seen.data).toMatchObject({ kind: "message.created", threadId: teamThread, message: { body: "before the disconnect" } });
    first.abort();

    for (const body of ["missed 1", "missed 2", "missed 3"]) await pt.messaging.post({ patientId: alex, threadId: teamThread, body });

    const resumeController = new AbortController();
    const resumed = reader(await callerFor("physician", resumeController.signal).messaging.events({ patientId: alex, lastEventId: seen.id }));
    const replay = [await resumed.next(), await resumed.next(), await resumed.next()];
    expect(replay.map((e) => (e.data.kind === "message.created" ? e.data.message.body : e.data.kind))).toEqual(["missed 1", "missed 2", "missed 3"]);
    // Nothing twice: the next event after the three is the one posted after the resume.
    await pt.messaging.post({ patientId: alex, threadId: sharedThread, body: "after the resume" });
    const after = await resumed.next();
    expect(after.data).toMatchObject({ kind: "message.created", message: { body: "after the resume" } });
    expect(new Set([seen.id, ...replay.map((e) => e.id), after.id]).size).toBe(5);

    // The patient's stream skipped every team-space event and got the shared one.
    const patientEvent = await patientLive.next();
    expect(patientEvent.data).toMatchObject({ kind: "message.created", threadId: sharedThread, message: { body: "after the resume" } });
    patientController.abort();
    resumeController.abort();
  });

  it("ends a live stream as soon as the clinician is no longer on the care team", async () => {
    const pt = callerFor("pt");
    const { threadId } = await pt.messaging.createThread({ patientId: alex, space: "team", title: "Leaving the team", body: "start" });
    const controller = new AbortController();
    const startAt = String(await latestRealtimeEventId(handle.db));
    const iterator = (await callerFor("ot", controller.signal).messaging.events({ patientId: alex, lastEventId: startAt }))[Symbol.asyncIterator]();
    const first = iterator.next();
    await pt.messaging.post({ patientId: alex, threadId, body: "while on the team" });
    expect((await first).done).toBe(false);
    await removeCareTeamMember(handle.db, alex, ids.users.ot);
    const next = iterator.next();
    await pt.messaging.post({ patientId: alex, threadId, body: "after leaving" });
    expect(await next).toEqual({ done: true, value: undefined });
    controller.abort();
  });

  it("streams the unread notification count to its owner only", async () => {
    const pt = callerFor("pt");
    const startAt = String(await latestRealtimeEventId(handle.db));
    const controller = new AbortController();
    const physicianStream = (await callerFor("physician", controller.signal).notifications.events({ lastEventId: startAt }))[Symbol.asyncIterator]();
    const caseyController = new AbortController();
    const caseyStream = (await callerFor("casey", caseyController.signal).notifications.events({ lastEventId: startAt }))[Symbol.asyncIterator]();
    const caseyNext = caseyStream.next();
    const next = physicianStream.next();
    await pt.messaging.createThread({ patientId: alex, space: "team", title: "Notify the physician", body: "@physician a question" });
    const unread = await callerFor("physician").notifications.unreadCount();
    const [, data] = (await next).value as unknown as [string, { unread: number }];
    expect(data.unread).toBe(unread.unread);
    expect(data.unread).toBeGreaterThan(0);
    // Casey's stream got nothing: ending it now shows it was still waiting.
    caseyController.abort();
    expect(await caseyNext).toEqual({ done: true, value: undefined });
    controller.abort();
  });
});
