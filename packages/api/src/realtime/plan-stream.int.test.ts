import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "@concord/domain";
import { type DbHandle, getCarePlan, latestRealtimeEventId } from "@concord/db";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { createCaller } from "../root";
import { type RealtimeRuntime, startRealtime } from "./event-bus";
import type { PlanUpdatedEvent } from "./plan-stream";
import { type DemoIds, buildDemoClinic } from "../demo/index";
import { testServices } from "../testing/services";
import { codeOf } from "../testing/harness";

const TEST_SERVICES = testServices();
type Key = "physician" | "pt" | "outsider" | "alex";
const ROLE = { physician: "pain_physician", pt: "physical_therapist", outsider: "pain_physician", alex: "patient" } as const;
const NAME = { physician: "Dr. Maya Okafor", pt: "Sam Lindqvist", outsider: "Dr. Elena Vargas", alex: "Alex Morgan" } as const;

function reader(iterable: AsyncIterable<unknown>) {
  const iterator = iterable[Symbol.asyncIterator]();
  return {
    async next(): Promise<{ id: string; data: PlanUpdatedEvent }> {
      const result = await iterator.next();
      if (result.done) throw new Error("stream ended");
      const [id, data] = result.value as [string, PlanUpdatedEvent, symbol];
      return { id, data };
    },
  };
}

describe.each(testBackends())("carePlan.events on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  let realtime: RealtimeRuntime;
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
    realtime = await startRealtime(handle);
  });
  afterAll(async () => {
    await realtime?.close();
    await handle?.close();
  });

  it("tells a team member who changed the plan, and refuses an outsider and the patient", async () => {
    const alex = ids.patients.alex;
    const startAt = String(await latestRealtimeEventId(handle.db));
    const ptController = new AbortController();
    const ptLive = reader(await callerFor("pt", ptController.signal).carePlan.events({ patientId: alex, lastEventId: startAt }));
    const mineController = new AbortController();
    const physicianLive = reader(await callerFor("physician", mineController.signal).carePlan.events({ patientId: alex, lastEventId: startAt }));
    expect(await codeOf(callerFor("outsider").carePlan.events({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(callerFor("alex").carePlan.events({ patientId: alex }))).toMatch(/^(NOT_FOUND|FORBIDDEN)/);

    const before = (await getCarePlan(handle.db, alex))?.version ?? 0;
    const nextPt = ptLive.next();
    const nextMine = physicianLive.next();
    const saved = await callerFor("physician").carePlan.update({
      patientId: alex,
      expectedVersion: before,
      command: { type: "setReviewDate", reviewDueAt: addCalendarDays(new Date().toISOString().slice(0, 10), 45) },
    });
    expect(saved.version).toBe(before + 1);

    const heard = await nextPt;
    expect(heard.data).toEqual({ kind: "plan.updated", version: before + 1, authorName: "Dr. Maya Okafor", authorDiscipline: "Pain physician", byYou: false });
    // The author's own stream hears it too, marked as theirs, so their page raises no banner.
    expect((await nextMine).data).toMatchObject({ version: before + 1, byYou: true });
    ptController.abort();
    mineController.abort();
  });

  it("sends nothing for a refused change (it rolled back)", async () => {
    const alex = ids.patients.alex;
    const startAt = String(await latestRealtimeEventId(handle.db));
    const version = (await getCarePlan(handle.db, alex))?.version ?? 0;
    const refused = await codeOf(
      callerFor("physician").carePlan.update({ patientId: alex, expectedVersion: version, command: { type: "setReviewDate", reviewDueAt: "2000-01-01" } }),
    );
    expect(refused).toMatch(/^BAD_REQUEST/);
    expect(String(await latestRealtimeEventId(handle.db))).toBe(startAt);
  });
});
