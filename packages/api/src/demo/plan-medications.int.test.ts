import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carePlanSchema, toPatientView } from "@concord/domain";
import { type DbHandle, eq, getCarePlan, schema } from "@concord/db";
import { fixtureHash, openTestDatabase, testBackends } from "@concord/db/testing";
import { type DemoIds, buildDemoClinic } from "./index";

const { carePlans } = schema;

describe.each(testBackends())("care plan medications on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
  });
  afterAll(async () => handle?.close());

  it("seeds medications by agent, with doses per day, through the domain's checks", async () => {
    const alex = await getCarePlan(handle.db, ids.patients.alex);
    const pregabalin = alex?.document.interventions.find((i) => i.therapyId === "pregabalin");
    expect(pregabalin?.details).toMatchObject({ agentId: "pregabalin", dose: 75, unit: "mg", route: "oral", dosesPerDay: 2, reviewNeeded: [] });
    const jordan = await getCarePlan(handle.db, ids.patients.jordan);
    expect(jordan?.document.interventions.find((i) => i.therapyId === "duloxetine")?.details).toMatchObject({ agentId: "duloxetine", dosesPerDay: 1 });
  });

  it("reads a document stored before agents in the current shape, flagging what needs review", async () => {
    const record = await getCarePlan(handle.db, ids.patients.jordan);
    if (!record) throw new Error("Jordan has no plan");
    // Rewrite the stored JSON the way plans were saved before this change: a class, a dose, schedule text.
    const legacy = {
      ...record.document,
      interventions: record.document.interventions.map((i) =>
        i.therapyId === "duloxetine"
          ? { ...i, therapyId: "nsaids", details: { kind: "medication", dose: 500, unit: "mg", route: "oral", schedule: "twice daily with food", titrationSteps: [] } }
          : i,
      ),
    };
    await handle.db.update(carePlans).set({ document: legacy as never }).where(eq(carePlans.id, record.id));

    const read = await getCarePlan(handle.db, ids.patients.jordan);
    const item = read?.document.interventions.find((i) => i.therapyId === "nsaids");
    expect(item?.details).toMatchObject({
      agentId: null,
      dose: 500,
      dosesPerDay: 2,
      schedule: "with food",
      reviewNeeded: [expect.stringContaining("Name the medicine")],
    });
    expect(carePlanSchema.safeParse(read?.document).success).toBe(true);
    // The patient never reads the class with a bare dose.
    const view = read ? toPatientView(read.document, { today: "2026-12-01", clinicianNames: {} }) : null;
    const action = view?.actions.find((a) => a.interventionId === item?.id)?.action ?? "";
    expect(action).toContain("your team is checking");
    expect(action).not.toContain("500");
  });
});
