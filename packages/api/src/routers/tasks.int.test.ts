import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { addCalendarDays, todayInZone } from "@concord/domain";
import { eq, getCarePlan, listAuditForActor, schema } from "@concord/db";
import { TEST_CLINIC_SETTINGS, testBackends } from "@concord/db/testing";
import { type Harness, codeOf, openHarness } from "../testing/harness";

describe.each(testBackends())("tasks.mine and carePlanHistory.atVersion on %s", (backend) => {
  let h: Harness;
  let alex: string;
  const today = () => todayInZone(TEST_CLINIC_SETTINGS.timeZone);

  /** Sets an item's review date and responsible clinician through the real use case (projection and revision included). */
  async function setReview(by: "physician" | "pt", interventionId: string, nextReviewDate: string | null, patientId = alex) {
    const plan = await h.callerFor(by).carePlan.get({ patientId });
    return h.callerFor(by).carePlan.update({ patientId, expectedVersion: plan.version, command: { type: "updateIntervention", interventionId, nextReviewDate } });
  }

  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("lists my items due within two weeks, overdue first, and nobody else's", async () => {
    const jordan = h.ids.patients.jordan;
    const open = (i: { status: string }) => i.status !== "stopped" && i.status !== "completed";
    const alexPlan = (await h.callerFor("physician").carePlan.get({ patientId: alex })).plan.interventions.filter(open);
    const jordanPlan = (await h.callerFor("physician").carePlan.get({ patientId: jordan })).plan.interventions.filter(open);
    const first = alexPlan.find((i) => i.responsibleClinicianId === h.ids.users.physician);
    const second = jordanPlan.find((i) => i.responsibleClinicianId === h.ids.users.physician);
    const theirs = alexPlan.find((i) => i.responsibleClinicianId === h.ids.users.pt);
    if (!first || !second || !theirs) throw new Error("the demo plans lack the items this test needs");
    // Clear every other review date of the physician's so the expected list is exactly these.
    for (const [patientId, items] of [[alex, alexPlan], [jordan, jordanPlan]] as const) {
      for (const item of items) {
        if (item.responsibleClinicianId === h.ids.users.physician && item.nextReviewDate !== null && item.id !== first.id && item.id !== second.id) {
          await setReview("physician", item.id, null, patientId);
        }
      }
    }
    await setReview("physician", first.id, addCalendarDays(today(), 5));
    await setReview("physician", second.id, addCalendarDays(today(), -2), jordan);
    await setReview("pt", theirs.id, addCalendarDays(today(), -20));

    const page = await h.callerFor("physician").tasks.mine({ limit: 10 });
    expect(page.items.map((t) => [t.patientId, t.itemId, t.due, t.days])).toEqual([
      [jordan, second.id, "overdue", 2],
      [alex, first.id, "soon", 5],
    ]);
    const alexItems = page.items.filter((t) => t.patientId === alex);
    expect(page.items.every((t) => t.itemId !== theirs.id)).toBe(true);
    expect(page.items.map((t) => t.nextReviewDate)).toEqual([...page.items.map((t) => t.nextReviewDate)].sort());
    expect(page.until).toBe(addCalendarDays(page.today, 14));
    expect(alexItems[0]?.patientName).toBe("Alex Morgan");

    const pt = await h.callerFor("pt").tasks.mine({ limit: 10 });
    expect(pt.items.filter((t) => t.patientId === alex).map((t) => t.itemId)).toEqual([theirs.id]);
    // The outsider (Casey's team only) sees none of Alex's items.
    expect((await h.callerFor("outsider").tasks.mine({ limit: 10 })).items.filter((t) => t.patientId === alex)).toEqual([]);

    // The read is audited: its own row, and a row for each patient shown.
    const audit = await listAuditForActor(h.handle.db, h.ids.users.physician, "tasks.mine", 20);
    expect(audit[0]).toMatchObject({ patientId: null, outcome: "allowed", detail: { permission: "tasks.mine", type: "query" } });
    expect(audit.map((a) => a.patientId)).toContain(alex);
  });

  it("refuses patients and administrators, and a forged page link in words", async () => {
    expect(await codeOf(h.callerFor("alex").tasks.mine({ limit: 10 }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(h.callerFor("admin").tasks.mine({ limit: 10 }))).toMatch(/^FORBIDDEN/);
    const forged = Buffer.from(JSON.stringify(["2026-01-01", "not-a-uuid", "x"])).toString("base64url");
    expect(await codeOf(h.callerFor("physician").tasks.mine({ cursor: forged, limit: 10 }))).toMatch(/^BAD_REQUEST/);
  });

  it("returns the whole plan as a version left it, to the team only", async () => {
    const before = await h.callerFor("physician").carePlan.get({ patientId: alex });
    const item = before.plan.interventions[0];
    if (!item) throw new Error("no item");
    const saved = await setReview("physician", item.id, addCalendarDays(today(), 9));
    await setReview("physician", item.id, addCalendarDays(today(), 10));
    const at = await h.callerFor("pt").carePlanHistory.atVersion({ patientId: alex, version: saved.version });
    expect(at.version).toBe(saved.version);
    expect(at.currentVersion).toBe(saved.version + 1);
    expect(at.plan?.interventions.find((i) => i.id === item.id)?.nextReviewDate).toBe(addCalendarDays(today(), 9));
    expect(at.plan).toEqual(saved.plan);
    expect(at.names[h.ids.users.physician]).toBeTruthy();

    expect(await codeOf(h.callerFor("outsider").carePlanHistory.atVersion({ patientId: alex, version: 1 }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("alex").carePlanHistory.atVersion({ patientId: alex, version: 1 }))).toMatch(/^FORBIDDEN|^NOT_FOUND/);
    expect(await codeOf(h.callerFor("physician").carePlanHistory.atVersion({ patientId: alex, version: saved.version + 5 }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(h.callerFor("physician").carePlanHistory.atVersion({ patientId: alex, version: 0 }))).toMatch(/^BAD_REQUEST/);
  });

  it("a malformed stored plan is a clear error naming the patient and the paths, never half a plan or a value", async () => {
    const record = await getCarePlan(h.handle.db, alex);
    if (!record) throw new Error("no plan");
    const [row] = await h.handle.db.select({ d: schema.carePlans.document }).from(schema.carePlans).where(eq(schema.carePlans.id, record.id));
    const good = row?.d as { interventions: Array<Record<string, unknown>> };
    const broken = { ...good, interventions: [{ ...good.interventions[0], ownerDiscipline: "SECRET-VALUE" }, ...good.interventions.slice(1)] };
    await h.handle.db.update(schema.carePlans).set({ document: broken }).where(eq(schema.carePlans.id, record.id));
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(" "));
    try {
      for (const call of [
        () => h.callerFor("physician").carePlan.get({ patientId: alex }),
        () => h.callerFor("alex").carePlan.patientView({ patientId: alex }),
      ]) {
        const failure = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(failure).toBeInstanceOf(TRPCError);
        const e = failure as TRPCError;
        expect(e.code).toBe("INTERNAL_SERVER_ERROR");
        expect(e.message).toContain(`patient ${alex}`);
        expect(e.message).toContain("interventions.0.ownerDiscipline");
        expect(e.message).not.toContain("SECRET-VALUE");
      }
      expect(errors.join("\n")).not.toContain("SECRET-VALUE");
    } finally {
      console.error = original;
      await h.handle.db.update(schema.carePlans).set({ document: good }).where(eq(schema.carePlans.id, record.id));
    }
    expect((await h.callerFor("physician").carePlan.get({ patientId: alex })).plan.interventions.length).toBe(good.interventions.length);
  });
});
