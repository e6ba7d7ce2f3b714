import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARE_PLAN_SCHEMA_VERSION, type CarePlan, MalformedCarePlanError, addCalendarDays, diffPlans, summariseDiff } from "@concord/domain";
import {
  type DbHandle,
  createCarePlan,
  eq,
  getCarePlan,
  getCarePlanAtVersion,
  insertCarePlanRevision,
  listAllCarePlanItems,
  listItemsPastReview,
  listMyTasks,
  listPatientsOnTherapy,
  migrationsFolder,
  rebuildCarePlanItems,
  rewriteStoredCarePlans,
  saveCarePlanVersion,
  schema,
  sql,
} from "@concord/db";
import { fixtureHash, openTestDatabase, testBackends } from "@concord/db/testing";
import { type DemoIds, buildDemoClinic } from "./index";

/*
 * The plan storage (document, projection, history) on the demo clinic's plans, which the team
 * built through the plan editor's use case; the database package's own tests have no plans.
 */
const { carePlanItems, carePlanRevisions, carePlans } = schema;

const TODAY = "2026-12-01";
const day = (n: number) => addCalendarDays(TODAY, n);

describe.each(testBackends())("care plan document, projection and history on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;

  /** One plan change the way the use case makes it: a guarded save, then the revision. */
  async function edit(patientId: string, authorId: string, change: (plan: CarePlan) => CarePlan): Promise<number> {
    const record = await getCarePlan(handle.db, patientId);
    if (!record) throw new Error("no plan");
    const after = change(record.document);
    const diff = diffPlans(record.document, after);
    return handle.db.transaction(async (tx) => {
      expect(await saveCarePlanVersion(tx, { planId: record.id, expectedVersion: record.version, document: after, authorId })).toBe(true);
      await insertCarePlanRevision(tx, {
        planId: record.id,
        version: record.version + 1,
        patientId,
        authorId,
        summary: summariseDiff(diff) || "test change",
        diff,
        command: { type: "test" },
      });
      return record.version + 1;
    });
  }

  const setItems = (updates: Record<string, { nextReviewDate?: string | null; responsibleClinicianId?: string | null }>) => (plan: CarePlan): CarePlan => ({
    ...plan,
    interventions: plan.interventions.map((i) => ({ ...i, nextReviewDate: null, ...(updates[i.id] ?? {}) })),
  });

  async function storedDocument(planId: string): Promise<Record<string, unknown>> {
    const [row] = await handle.db.select({ d: carePlans.document }).from(carePlans).where(eq(carePlans.id, planId));
    if (!row) throw new Error("no plan row");
    return row.d as Record<string, unknown>;
  }

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash, now: new Date(`${TODAY}T12:00:00Z`) });
  });
  afterAll(async () => handle?.close());

  it("stores every seeded plan at the newest schema version, with its projection rows", async () => {
    const rows = await handle.db.select({ document: carePlans.document }).from(carePlans);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect((r.document as { schemaVersion?: number }).schemaVersion).toBe(CARE_PLAN_SCHEMA_VERSION);
    const alex = await getCarePlan(handle.db, ids.patients.alex);
    const items = (await listAllCarePlanItems(handle.db)).filter((i) => i.patientId === ids.patients.alex);
    expect(items.map((i) => i.itemId).sort()).toEqual(alex?.document.interventions.map((i) => i.id).sort());
    expect(items.every((i) => i.planVersion === alex?.version)).toBe(true);
  });

  it("My tasks: my open items due by the horizon on my own patients, overdue first, keyset pages", async () => {
    const alex = await getCarePlan(handle.db, ids.patients.alex);
    const jordan = await getCarePlan(handle.db, ids.patients.jordan);
    if (!alex || !jordan) throw new Error("demo plans missing");
    const [a1, a2, a3] = alex.document.interventions;
    const [j1, j2] = jordan.document.interventions;
    if (!a1 || !a2 || !a3 || !j1 || !j2) throw new Error("demo plans have fewer items than expected");
    const me = ids.users.physician;
    await edit(ids.patients.alex, me, setItems({
      [a1.id]: { nextReviewDate: day(-3), responsibleClinicianId: me }, // overdue
      [a2.id]: { nextReviewDate: day(30), responsibleClinicianId: me }, // beyond the horizon
      [a3.id]: { nextReviewDate: day(-10), responsibleClinicianId: ids.users.pt }, // someone else's
    }));
    await edit(ids.patients.jordan, me, setItems({
      [j1.id]: { nextReviewDate: day(0), responsibleClinicianId: me }, // due today
      [j2.id]: { nextReviewDate: day(14), responsibleClinicianId: me }, // the last day of the horizon
    }));
    // Casey is on the outsider's team only: an item naming the physician there is not the physician's task.
    const casey = await createCarePlan(handle.db, { patientId: ids.patients.casey, reviewDueAt: day(60), createdBy: ids.users.outsider });
    if (!casey) throw new Error("Casey has a plan already");
    await edit(ids.patients.casey, ids.users.outsider, (plan) => ({
      ...plan,
      goals: alex.document.goals,
      interventions: [
        { ...a1, id: "casey-1", nextReviewDate: day(-1), responsibleClinicianId: me },
        { ...a1, id: "casey-2", nextReviewDate: day(-1), responsibleClinicianId: ids.users.outsider },
      ],
    }));

    const all = await listMyTasks(handle.db, me, { until: day(14), limit: 50 });
    expect(all.items.map((t) => [t.itemId, t.nextReviewDate])).toEqual([
      [a1.id, day(-3)],
      [j1.id, day(0)],
      [j2.id, day(14)],
    ]);
    expect(all.items[0]?.patientName).toBe("Alex Morgan");
    expect(all.nextCursor).toBeNull();

    const first = await listMyTasks(handle.db, me, { until: day(14), limit: 2 });
    expect(first.items.map((t) => t.itemId)).toEqual([a1.id, j1.id]);
    const second = await listMyTasks(handle.db, me, { until: day(14), cursor: first.nextCursor ?? undefined, limit: 2 });
    expect(second.items.map((t) => t.itemId)).toEqual([j2.id]);
    expect(second.nextCursor).toBeNull();

    // The outsider sees their own Casey item, never Alex's or Jordan's; the PT sees only theirs.
    expect((await listMyTasks(handle.db, ids.users.outsider, { until: day(14), limit: 50 })).items.map((t) => t.itemId)).toEqual(["casey-2"]);
    expect((await listMyTasks(handle.db, ids.users.pt, { until: day(14), limit: 50 })).items.map((t) => t.itemId)).toEqual([a3.id]);

    // Items past their review date among my patients (any responsible clinician), oldest first.
    const past = await listItemsPastReview(handle.db, me, { today: TODAY, limit: 50 });
    expect(past.map((p) => p.itemId)).toEqual([a3.id, a1.id]);
  });

  it("patients on a therapy, among my patients only", async () => {
    const alex = await getCarePlan(handle.db, ids.patients.alex);
    const pregabalin = alex?.document.interventions.find((i) => i.therapyId === "pregabalin");
    if (pregabalin?.details.kind !== "medication") throw new Error("Alex has no pregabalin");
    const mine = await listPatientsOnTherapy(handle.db, ids.users.physician, { therapyId: "pregabalin" });
    expect(mine.map((p) => p.patientId)).toContain(ids.patients.alex);
    expect(mine.map((p) => p.patientId)).not.toContain(ids.patients.casey);
    expect(mine.find((p) => p.patientId === ids.patients.alex)).toMatchObject({ dose: pregabalin.details.dose, doseUnit: pregabalin.details.unit });
    const outsider = await listPatientsOnTherapy(handle.db, ids.users.outsider, { therapyId: "pregabalin" });
    // One row per item: Casey has two pregabalin items, both on the outsider's own team.
    expect(outsider.map((p) => [p.patientId, p.itemId])).toEqual([
      [ids.patients.casey, "casey-1"],
      [ids.patients.casey, "casey-2"],
    ]);
  });

  it("rebuilding the projection from the documents gives exactly the incremental rows", async () => {
    const incremental = await listAllCarePlanItems(handle.db);
    expect(incremental.length).toBeGreaterThan(3);
    await handle.db.delete(carePlanItems);
    expect(await listAllCarePlanItems(handle.db)).toEqual([]);
    const report = await rebuildCarePlanItems(handle.db, { batchSize: 2 });
    const planCount = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(carePlans))[0]?.n;
    expect(report).toEqual({ plans: planCount, items: incremental.length, malformed: [] });
    expect(await listAllCarePlanItems(handle.db)).toEqual(incremental);
    // Twice is the same as once.
    await rebuildCarePlanItems(handle.db);
    expect(await listAllCarePlanItems(handle.db)).toEqual(incremental);
  });

  it("each revision keeps its plan, so the plan as of version N is one read", async () => {
    const before = await getCarePlan(handle.db, ids.patients.jordan);
    if (!before) throw new Error("no plan");
    const v1 = await edit(ids.patients.jordan, ids.users.physician, (p) => ({ ...p, reviewDueAt: day(40) }));
    const afterFirst = await getCarePlan(handle.db, ids.patients.jordan);
    const v2 = await edit(ids.patients.jordan, ids.users.physician, (p) => ({ ...p, reviewDueAt: day(50) }));
    expect(v2).toBe(v1 + 1);
    const atV1 = await getCarePlanAtVersion(handle.db, ids.patients.jordan, v1);
    expect(atV1?.plan).toEqual(afterFirst?.document);
    expect(atV1?.plan?.reviewDueAt).toBe(day(40));
    expect((await getCarePlanAtVersion(handle.db, ids.patients.jordan, v2))?.plan?.reviewDueAt).toBe(day(50));
    // Every seeded version kept its plan too, with its own version number.
    for (let v = 1; v <= v2; v += 1) expect((await getCarePlanAtVersion(handle.db, ids.patients.jordan, v))?.plan?.version).toBe(v);
    // Another patient's id never reaches this plan's versions.
    expect(await getCarePlanAtVersion(handle.db, ids.patients.casey, v2)).toBeNull();
    expect(await getCarePlanAtVersion(handle.db, ids.patients.jordan, v2 + 1)).toBeNull();
  });

  it("the rewrite command upgrades old documents once, and reports malformed ones without touching them", async () => {
    const record = await getCarePlan(handle.db, ids.patients.alex);
    if (!record) throw new Error("no plan");
    // Alex's plan as it was stored before schema versions: no schemaVersion, a medication before agents.
    const { schemaVersion: _v, ...raw } = await storedDocument(record.id);
    const legacy = {
      ...raw,
      interventions: record.document.interventions.map((i) =>
        i.details.kind === "medication" ? { ...i, details: { kind: "medication", dose: i.details.dose, unit: i.details.unit, route: i.details.route, schedule: "twice daily" } } : i,
      ),
    };
    await handle.db.update(carePlans).set({ document: legacy }).where(eq(carePlans.id, record.id));
    const readLegacy = await getCarePlan(handle.db, ids.patients.alex);
    expect(readLegacy?.document.interventions.find((i) => i.details.kind === "medication")?.details).toMatchObject({ dosesPerDay: 2 });

    const dry = await rewriteStoredCarePlans(handle.db, { dryRun: true });
    expect(dry.rewritten).toBe(1);
    expect(await storedDocument(record.id)).toEqual(legacy);

    const first = await rewriteStoredCarePlans(handle.db);
    expect(first).toMatchObject({ rewritten: 1, alreadyCurrent: first.plans - 1, malformed: [] });
    expect((await storedDocument(record.id)).schemaVersion).toBe(CARE_PLAN_SCHEMA_VERSION);
    expect((await getCarePlan(handle.db, ids.patients.alex))?.version).toBe(record.version);
    expect((await getCarePlan(handle.db, ids.patients.alex))?.document).toEqual(readLegacy?.document);
    const second = await rewriteStoredCarePlans(handle.db);
    expect(second).toMatchObject({ rewritten: 0, alreadyCurrent: second.plans });

    // A malformed plan: the reader refuses it whole, the commands report it, nothing is half-written.
    const good = await storedDocument(record.id);
    const broken = { ...good, interventions: [{ ...(good.interventions as object[])[0], status: "unheard-of" }] };
    await handle.db.update(carePlans).set({ document: broken }).where(eq(carePlans.id, record.id));
    const error = await getCarePlan(handle.db, ids.patients.alex).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedCarePlanError);
    expect((error as MalformedCarePlanError).message).toContain(ids.patients.alex);
    expect((error as MalformedCarePlanError).problems.map((p) => p.path)).toContain("interventions.0.status");
    expect((error as Error).message).not.toContain("unheard-of");
    const rewrite = await rewriteStoredCarePlans(handle.db);
    expect(rewrite.malformed.map((m) => m.patientId)).toEqual([ids.patients.alex]);
    const rebuild = await rebuildCarePlanItems(handle.db);
    expect(rebuild.malformed.map((m) => m.patientId)).toEqual([ids.patients.alex]);
    expect((await listAllCarePlanItems(handle.db)).filter((i) => i.patientId === ids.patients.alex)).toEqual([]);
    // Put it back for anything after.
    await handle.db.update(carePlans).set({ document: good }).where(eq(carePlans.id, record.id));
    await rebuildCarePlanItems(handle.db);
  });

  it("migration 0013's backfill reads the stored documents like the projection does (names aside)", async () => {
    const expected = await listAllCarePlanItems(handle.db);
    const text = readFileSync(join(migrationsFolder(), "0013_plan_document.sql"), "utf8");
    const handWritten = text.slice(text.indexOf("-- Hand-written."));
    await handle.db.delete(carePlanItems);
    for (const statement of handWritten.split("--> statement-breakpoint")) {
      if (statement.replace(/--.*$/gm, "").trim()) await handle.db.execute(sql.raw(statement));
    }
    const backfilled = await listAllCarePlanItems(handle.db);
    // The SQL cannot look up an agent's display name; the rebuild command writes it.
    const withoutName = (rows: typeof expected) => rows.map(({ name: _n, ...r }) => r);
    expect(withoutName(backfilled)).toEqual(withoutName(expected));
    await rebuildCarePlanItems(handle.db);
    expect(await listAllCarePlanItems(handle.db)).toEqual(expected);
    // The append-only guard the backfill lifted for one statement is back on.
    const refused = await handle.db.execute(sql`update care_plan_revisions set summary = 'rewritten'`).then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(`${refused?.message} ${refused?.cause?.message}`).toContain("append-only");
  });

  it("refuses to store a plan the domain schema refuses, and writes nothing", async () => {
    const record = await getCarePlan(handle.db, ids.patients.jordan);
    if (!record) throw new Error("no plan");
    const bad = { ...record.document, interventions: [...record.document.interventions, ...record.document.interventions.slice(0, 1)] };
    await expect(saveCarePlanVersion(handle.db, { planId: record.id, expectedVersion: record.version, document: bad, authorId: ids.users.physician })).rejects.toBeInstanceOf(
      MalformedCarePlanError,
    );
    expect((await getCarePlan(handle.db, ids.patients.jordan))?.version).toBe(record.version);
    const revisions = await handle.db.select({ n: sql<number>`count(*)::int` }).from(carePlanRevisions).where(eq(carePlanRevisions.planId, record.id));
    expect(revisions[0]?.n).toBe(record.version);
  });
});
