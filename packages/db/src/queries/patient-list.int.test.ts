import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/pglite";
import { addDays } from "@concord/domain";
import type { Database, DbHandle } from "../client";
import * as schema from "../schema/index";
import { openTestDatabase, seedTestClinic, type TestClinicIds } from "../testing";
import { InvalidCursorError } from "./cursor";
import { listPatientsForClinician, listRecentCheckInsForClinician } from "./patients";
import { insertAlerts, insertCheckIn } from "./progress";
import { carePlanItems, carePlans } from "../schema/index";

const TODAY = "2026-12-02";

function checkInData(pain: number, adherence: Array<"done" | "partly" | "skipped">) {
  return {
    painNow: pain,
    painAverage: pain,
    painWorst: pain,
    sleepHours: 7,
    mood: 5,
    suddenSwelling: false,
    signsOfInfection: false,
    newLimbAffected: false,
    adherence: adherence.map((status, i) => ({ interventionId: `ex-${i}`, status })),
  } as never;
}

describe("my patients list: columns, sorts, fixed query count", () => {
  let handle: DbHandle;
  let ids: TestClinicIds;
  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    ids = await seedTestClinic(handle.db);
    const db = handle.db;
    // Alex: three check-ins in the window, one older; Jordan: none. Jordan has an urgent alert, Alex two to review.
    for (const [date, pain, adherence] of [
      [addDays(TODAY, -40), 9, ["skipped"]],
      [addDays(TODAY, -20), 7, ["done", "skipped"]],
      [addDays(TODAY, -10), 6, ["done", "partly"]],
      [addDays(TODAY, -1), 5, ["done"]],
    ] as const) {
      await insertCheckIn(db, { patientId: ids.patients.alex, actorId: ids.users.alex, date, adherencePercent: null, data: checkInData(pain, [...adherence]) } as never);
    }
    const alert = (patientId: string, severity: "urgent" | "review", key: string) => ({
      patientId,
      ruleId: "test",
      severity,
      title: "Test alert",
      logic: "test",
      consider: "Consider a review.",
      message: "Test",
      evidence: [],
      notify: [],
      dedupeKey: key,
    });
    await insertAlerts(db, [alert(ids.patients.jordan, "urgent", "j1"), alert(ids.patients.alex, "review", "a1"), alert(ids.patients.alex, "review", "a2")]);
    // Alex's plan: two open items with review dates and a stopped one with an earlier date (not counted).
    const [plan] = await db.insert(carePlans).values({ patientId: ids.patients.alex, version: 1, document: {}, reviewDueAt: "2027-01-01" }).returning();
    if (!plan) throw new Error("no plan");
    const item = (itemId: string, status: string, nextReviewDate: string) => ({
      patientId: ids.patients.alex,
      planId: plan.id,
      itemId,
      category: "exercise",
      status,
      ownerDiscipline: "physical_therapist",
      name: itemId,
      nextReviewDate,
      goalIds: [],
      planVersion: 1,
      updatedAt: new Date(),
    });
    await db.insert(carePlanItems).values([item("a", "active", "2026-12-20"), item("b", "paused", "2026-12-10"), item("c", "stopped", "2026-12-05")] as never);
  });
  afterAll(async () => handle?.close());

  it("gives each row its last check-in, latest pain, alert counts and next review", async () => {
    const page = await listPatientsForClinician(handle.db, ids.users.physician, { limit: 10 });
    // Urgent first by default: Jordan's open urgent alert puts them above Alex.
    expect(page.items.map((p) => p.name)).toEqual(["Jordan Lee", "Alex Morgan"]);
    const alex = page.items.find((p) => p.name === "Alex Morgan");
    expect(alex).toMatchObject({ lastCheckInDate: addDays(TODAY, -1), lastPainAverage: 5, openUrgentAlerts: 0, openReviewAlerts: 2, nextReviewDate: "2026-12-10" });
    const jordan = page.items.find((p) => p.name === "Jordan Lee");
    expect(jordan).toMatchObject({ lastCheckInDate: null, lastPainAverage: null, openUrgentAlerts: 1, openReviewAlerts: 0, nextReviewDate: null });
  });

  it("sorts by each key, nulls last, and pages within a sort", async () => {
    const order = async (sort: Parameters<typeof listPatientsForClinician>[2]["sort"]) =>
      (await listPatientsForClinician(handle.db, ids.users.physician, { limit: 10, sort })).items.map((p) => p.name);
    expect(await order("name")).toEqual(["Alex Morgan", "Jordan Lee"]);
    expect(await order("lastCheckIn")).toEqual(["Alex Morgan", "Jordan Lee"]);
    expect(await order("pain")).toEqual(["Alex Morgan", "Jordan Lee"]);
    expect(await order("nextReview")).toEqual(["Alex Morgan", "Jordan Lee"]);
    // Most open alerts first: Alex's two to review outrank none, Jordan's urgent outranks them.
    expect(await order("alerts")).toEqual(["Jordan Lee", "Alex Morgan"]);
    const first = await listPatientsForClinician(handle.db, ids.users.physician, { limit: 1, sort: "lastCheckIn" });
    expect(first.items.map((p) => p.name)).toEqual(["Alex Morgan"]);
    const second = await listPatientsForClinician(handle.db, ids.users.physician, { limit: 1, sort: "lastCheckIn", cursor: first.nextCursor ?? undefined });
    expect(second.items.map((p) => p.name)).toEqual(["Jordan Lee"]);
    expect(second.nextCursor).toBeNull();
    // A cursor made for one sort is refused under another rather than misread.
    await expect(listPatientsForClinician(handle.db, ids.users.physician, { limit: 1, sort: "name", cursor: first.nextCursor ?? undefined })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("keeps the scope: another clinician's patients and their check-ins never appear", async () => {
    const outsider = await listPatientsForClinician(handle.db, ids.users.outsider, { limit: 10, sort: "pain" });
    expect(outsider.items.map((p) => p.name)).toEqual(["Casey Nguyen"]);
    const leaked = await listRecentCheckInsForClinician(handle.db, ids.users.outsider, { patientIds: [ids.patients.alex], since: addDays(TODAY, -29) });
    expect(leaked.size).toBe(0);
  });

  it("returns the 30-day check-ins of the page's patients with their adherence entries", async () => {
    const recent = await listRecentCheckInsForClinician(handle.db, ids.users.physician, {
      patientIds: [ids.patients.alex, ids.patients.jordan],
      since: addDays(TODAY, -29),
    });
    expect(recent.get(ids.patients.alex)?.map((c) => [c.date, c.painAverage, c.adherence.map((a) => a.status)])).toEqual([
      [addDays(TODAY, -20), 7, ["done", "skipped"]],
      [addDays(TODAY, -10), 6, ["done", "partly"]],
      [addDays(TODAY, -1), 5, ["done"]],
    ]);
    expect(recent.has(ids.patients.jordan)).toBe(false);
  });

  it("reads a page in the same number of queries whatever its size (no query per row)", async () => {
    let statements = 0;
    const pglite = handle.pglite;
    if (!pglite) throw new Error("this test counts PGlite statements");
    const counted = drizzle({ client: pglite, schema, logger: { logQuery: () => void statements++ } }) as unknown as Database;
    const countFor = async (limit: number) => {
      statements = 0;
      const page = await listPatientsForClinician(counted, ids.users.physician, { limit });
      await listRecentCheckInsForClinician(counted, ids.users.physician, { patientIds: page.items.map((p) => p.id), since: addDays(TODAY, -29) });
      return { statements, rows: page.items.length };
    };
    const one = await countFor(1);
    const all = await countFor(10);
    expect(one.rows).toBe(1);
    expect(all.rows).toBe(2);
    expect(all.statements).toBe(2);
    expect(one.statements).toBe(all.statements);
  });
});
