import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { type CarePlan, type Discipline, type PlanCommand, addCalendarDays, applyCommand, diffPlans, summariseDiff } from "@concord/domain";
import { and, asc, eq, getCarePlan, insertCarePlanRevision, listCarePlanRevisionVersions, saveCarePlanVersion, schema, sql } from "@concord/db";
import { TEST_CLINIC_SETTINGS, testBackends } from "@concord/db/testing";
import { appRouter } from "../root";
import type { Context } from "../context";
import { type DemoActorKey, type Harness, openHarness } from "../testing/harness";

const ITEMS = 200;
const ONE_ITEM_WRITERS = 200;
const ONE_ITEM_ROUNDS = 2;
const ACTOR_HEADER = "x-concord-test-actor";
/** The writers of one plan are serialised, so on a busy 2-core machine a race can take a minute: no timing is asserted. */
const RACE_TIMEOUT_MS = 240_000;

type Clinician = "physician" | "pt" | "ot" | "psychologist";
const CLINICIANS: Clinician[] = ["physician", "pt", "ot", "psychologist"];
const DISCIPLINE: Record<Clinician, Discipline> = {
  physician: "pain_physician",
  pt: "physical_therapist",
  ot: "occupational_therapist",
  psychologist: "psychologist",
};

/** One custom item owned by each discipline, in a category only that discipline may edit. */
function itemCommand(owner: Clinician, n: number, today: string): PlanCommand {
  const name = `Race item ${n}`;
  switch (owner) {
    case "physician":
      return {
        type: "addIntervention",
        therapy: { custom: true, name, category: "interventional", ownerDiscipline: "pain_physician" },
        goalIds: ["pain"],
        details: { plannedDate: addCalendarDays(today, 30), side: "left", recordPainBeforeAfter: true },
      };
    case "pt":
      return {
        type: "addIntervention",
        therapy: { custom: true, name, category: "pt_ot", ownerDiscipline: "physical_therapist" },
        goalIds: ["mobility"],
        details: { sets: 1, repetitions: 5, frequency: "daily" },
      };
    case "ot":
      return {
        type: "addIntervention",
        therapy: { custom: true, name, category: "pt_ot", ownerDiscipline: "occupational_therapist" },
        goalIds: ["function"],
        details: { sets: 1, repetitions: 5, frequency: "daily" },
      };
    case "psychologist":
      return {
        type: "addIntervention",
        therapy: { custom: true, name, category: "psychological", ownerDiscipline: "psychologist" },
        goalIds: ["wellbeing"],
        details: { sessionType: "individual", frequency: "weekly" },
      };
  }
}

interface Answer {
  status: number;
  data?: { version: number; plan: CarePlan };
  error?: { message: string; data: { code: string; details?: { currentVersion?: number; detectedBy?: string } } };
}

/**
 * The real router behind a real HTTP server, as the portal's fetch handler serves it: each request
 * gets its own context (the actor named by a test header), so each runs its own transaction.
 */
describe.each(testBackends())("concurrent plan edits over HTTP on %s", (backend) => {
  let h: Harness;
  let server: ReturnType<typeof createHTTPServer>;
  let base: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    server = createHTTPServer({
      router: appRouter,
      createContext: ({ req }): Context => {
        const key = req.headers[ACTOR_HEADER];
        const actorKey = typeof key === "string" && key in h.ids.users ? (key as DemoActorKey) : null;
        return {
          db: h.handle.db,
          dbKind: h.handle.kind,
          actor: actorKey ? h.actor(actorKey) : null,
          actorName: actorKey,
          sessionId: null,
          settings: TEST_CLINIC_SETTINGS,
          services: h.services,
        };
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await h?.close();
  });

  /** A non-batched tRPC 11 mutation: POST /<path> with the superjson-encoded input as the body. */
  async function update(actor: Clinician, input: { patientId: string; expectedVersion: number; command: PlanCommand }): Promise<Answer> {
    const response = await fetch(`${base}/carePlan.update`, {
      method: "POST",
      headers: { "content-type": "application/json", [ACTOR_HEADER]: actor },
      body: JSON.stringify(superjson.serialize(input)),
    });
    const body = (await response.json()) as { result?: { data: never }; error?: never };
    if (body.result) return { status: response.status, data: superjson.deserialize(body.result.data) };
    return { status: response.status, error: superjson.deserialize(body.error as never) };
  }

  async function revisionCommands(planId: string, after: number) {
    const rows = await h.handle.db
      .select({ version: schema.carePlanRevisions.version, command: schema.carePlanRevisions.command })
      .from(schema.carePlanRevisions)
      .where(and(eq(schema.carePlanRevisions.planId, planId), sql`${schema.carePlanRevisions.version} > ${after}`))
      .orderBy(asc(schema.carePlanRevisions.version));
    return new Map(rows.map((r) => [r.version, r.command]));
  }

  let planId: string;
  let items: Array<{ id: string; owner: Clinician; n: number }>;
  let seededVersion: number;

  it(`seeds Alex's plan with ${ITEMS} items owned by the four disciplines, one revision each`, async () => {
    const patientId = h.ids.patients.alex;
    const today = new Date().toISOString().slice(0, 10);
    let record = await getCarePlan(h.handle.db, patientId);
    if (!record) throw new Error("seed has no plan for Alex");
    planId = record.id;
    let document = record.document;
    let version = record.version;
    items = [];
    for (let n = 0; n < ITEMS; n++) {
      const owner = CLINICIANS[n % CLINICIANS.length] as Clinician;
      const command = itemCommand(owner, n, today);
      const id = randomUUID();
      const after = applyCommand(document, command, { actorId: h.ids.users[owner], actorDiscipline: DISCIPLINE[owner], today, newId: () => id });
      const diff = diffPlans(document, after);
      expect(await saveCarePlanVersion(h.handle.db, { planId, expectedVersion: version, document: after, authorId: h.ids.users[owner] })).toBe(true);
      version += 1;
      await insertCarePlanRevision(h.handle.db, { planId, version, patientId, authorId: h.ids.users[owner], summary: summariseDiff(diff), diff, command });
      document = after;
      items.push({ id, owner, n });
    }
    record = await getCarePlan(h.handle.db, patientId);
    seededVersion = version;
    expect(record?.version).toBe(seededVersion);
    expect(record?.document.interventions.filter((i) => i.customName?.startsWith("Race item"))).toHaveLength(ITEMS);
  }, RACE_TIMEOUT_MS);

  it(`lands all ${ITEMS} concurrent edits of different items by four clinicians, all made at the same version`, async () => {
    const patientId = h.ids.patients.alex;
    const began = performance.now();
    const answers = await Promise.all(
      items.map(({ id, owner, n }) =>
        update(owner, { patientId, expectedVersion: seededVersion, command: { type: "updateIntervention", interventionId: id, note: `Edited by ${owner}, writer ${n}` } }),
      ),
    );
    const elapsedMs = Math.round(performance.now() - began);
    const ok = answers.filter((a) => a.status === 200);
    const conflicts = answers.filter((a) => a.error?.data.code === "CONFLICT");
    console.log(
      `[http race ${backend}] ${ITEMS} edits of different items at v${seededVersion}: successes=${ok.length} conflicts=${conflicts.length} other=${ITEMS - ok.length - conflicts.length} in ${elapsedMs}ms (${Math.round(ITEMS / (elapsedMs / 1000))} edits/s)`,
    );
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.error?.message}`)).toEqual([]);

    // One version each, none shared, none skipped.
    const versions = ok.map((a) => a.data?.version ?? 0).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: ITEMS }, (_, i) => seededVersion + i + 1));
    const record = await getCarePlan(h.handle.db, patientId);
    expect(record?.version).toBe(seededVersion + ITEMS);
    for (const { id, owner, n } of items) {
      expect(record?.document.interventions.find((i) => i.id === id)?.note).toBe(`Edited by ${owner}, writer ${n}`);
    }
    expect(await listCarePlanRevisionVersions(h.handle.db, planId)).toEqual(Array.from({ length: seededVersion + ITEMS }, (_, i) => i + 1));
    // The first to take the lock was current; every later one was re-applied on top and says so.
    const commands = await revisionCommands(planId, seededVersion);
    const rebased = [...commands.values()].filter((c) => c.rebasedFrom === seededVersion).length;
    expect(commands.get(seededVersion + 1)?.rebasedFrom).toBeUndefined();
    expect(rebased).toBe(ITEMS - 1);
  }, RACE_TIMEOUT_MS);

  it(`gives ${ONE_ITEM_WRITERS} concurrent edits of one item exactly one winner per version, and loses no update`, async () => {
    const patientId = h.ids.patients.alex;
    const target = items.find((i) => i.owner === "pt");
    if (!target) throw new Error("no PT item");
    let contenders = Array.from({ length: ONE_ITEM_WRITERS }, (_, n) => n);
    let version = (await getCarePlan(h.handle.db, patientId))?.version ?? -1;
    const startVersion = version;
    const winners: Array<{ version: number; writer: number }> = [];
    for (let round = 1; round <= ONE_ITEM_ROUNDS; round++) {
      const began = performance.now();
      const note = (writer: number) => `Round ${round}, writer ${writer}`;
      const answers = await Promise.all(
        contenders.map((writer) =>
          update("pt", { patientId, expectedVersion: version, command: { type: "updateIntervention", interventionId: target.id, note: note(writer) } }),
        ),
      );
      const elapsedMs = Math.round(performance.now() - began);
      const won = contenders.filter((_, i) => answers[i]?.status === 200);
      const lost = contenders.filter((_, i) => answers[i]?.error?.data.code === "CONFLICT");
      console.log(
        `[http race ${backend}] round ${round}: ${contenders.length} edits of one item at v${version}: successes=${won.length} conflicts=${lost.length} other=${contenders.length - won.length - lost.length} in ${elapsedMs}ms`,
      );
      expect(answers.filter((a) => a.status !== 200 && a.error?.data.code !== "CONFLICT").map((a) => `${a.status} ${a.error?.message}`)).toEqual([]);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(contenders.length - 1);
      const winner = won[0] as number;
      const winning = answers[contenders.indexOf(winner)];
      expect(winning?.data?.version).toBe(version + 1);
      // Every loser is told the version it lost to, and that the item changed there.
      for (const a of answers) if (a.status !== 200) expect(a.error?.data.details).toMatchObject({ currentVersion: version + 1, detectedBy: "read" });
      for (const a of answers) if (a.status !== 200) expect(a.status).toBe(409);

      // No lost update: what is stored is the winner's note, recorded in the winner's revision.
      const record = await getCarePlan(h.handle.db, patientId);
      expect(record?.version).toBe(version + 1);
      expect(record?.document.interventions.find((i) => i.id === target.id)?.note).toBe(note(winner));
      const revision = (await revisionCommands(planId, version)).get(version + 1);
      expect(revision).toMatchObject({ type: "updateIntervention", interventionId: target.id, note: note(winner) });
      winners.push({ version: version + 1, writer: winner });
      // The losers do what the conflict panel offers: apply their change again at the version they were shown.
      version += 1;
      contenders = lost;
    }
    expect(winners.map((w) => w.version)).toEqual(Array.from({ length: ONE_ITEM_ROUNDS }, (_, i) => startVersion + i + 1));
    expect(await listCarePlanRevisionVersions(h.handle.db, planId)).toEqual(Array.from({ length: startVersion + ONE_ITEM_ROUNDS }, (_, i) => i + 1));
  }, RACE_TIMEOUT_MS);
});
