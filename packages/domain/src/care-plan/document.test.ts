import { describe, expect, it } from "vitest";
import { CARE_PLAN_SCHEMA_VERSION, MalformedCarePlanError, parseStoredCarePlan, storedSchemaVersion, toStoredCarePlan, upgradeStoredCarePlan } from "./document";
import { plan } from "./test-fixtures";

const row = { patientId: "p-1", version: 4, reviewDueAt: "2026-04-01" };

/** A version-1 document: no schemaVersion, pregabalin saved before agents (dose, unit, route, free-text schedule). */
function versionOneDocument() {
  const current = plan();
  return {
    ...current,
    interventions: current.interventions.map((i) =>
      i.details.kind === "medication" ? { ...i, details: { kind: "medication", dose: 75, unit: "mg", route: "oral", schedule: "twice daily" } } : i,
    ),
  };
}

function malformed(fn: () => unknown): MalformedCarePlanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MalformedCarePlanError) return e;
    throw e;
  }
  throw new Error("expected a MalformedCarePlanError");
}

describe("the stored plan document", () => {
  it("is stamped with the newest schema version on write and read back unchanged", () => {
    const stored = toStoredCarePlan(plan());
    expect(stored.schemaVersion).toBe(CARE_PLAN_SCHEMA_VERSION);
    expect(parseStoredCarePlan(JSON.parse(JSON.stringify(stored)), row)).toEqual(plan());
  });

  it("treats a document without schemaVersion as version 1 and upgrades its medications (1 → 2)", () => {
    const old = versionOneDocument();
    expect(storedSchemaVersion(old)).toBe(1);
    const upgraded = upgradeStoredCarePlan(old, "p-1");
    expect(upgraded.schemaVersion).toBe(2);
    const read = parseStoredCarePlan(old, row);
    const preg = read.interventions.find((i) => i.therapyId === "pregabalin");
    expect(preg?.details).toMatchObject({ kind: "medication", agentId: "pregabalin", dosesPerDay: 2, dose: 75, unit: "mg" });
  });

  it("upgrading is idempotent: an upgraded document upgrades to itself", () => {
    const once = upgradeStoredCarePlan(versionOneDocument(), "p-1");
    expect(upgradeStoredCarePlan(once, "p-1")).toEqual(once);
  });

  it("takes the row's patient, version and review date over the document's copies", () => {
    const read = parseStoredCarePlan({ ...toStoredCarePlan(plan()), patientId: "someone-else", version: 99 }, { patientId: "p-1", version: 7, reviewDueAt: "2026-05-05" });
    expect(read).toMatchObject({ patientId: "p-1", version: 7, reviewDueAt: "2026-05-05" });
  });

  it("refuses a malformed document whole, naming the patient and the paths but no stored value", () => {
    const stored = toStoredCarePlan(plan()) as unknown as { interventions: Array<Record<string, unknown>> };
    const broken = { ...stored, interventions: [{ ...stored.interventions[0], status: "SECRET-VALUE", goalIds: "pain" }, stored.interventions[1]] };
    const error = malformed(() => parseStoredCarePlan(broken, row));
    expect(error.patientId).toBe("p-1");
    expect(error.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["interventions.0.status", "interventions.0.goalIds"]));
    expect(error.message).toContain("patient p-1");
    expect(error.message).toContain("interventions.0.status");
    expect(error.message).not.toContain("SECRET-VALUE");
  });

  it.each([
    ["not an object", "a string"],
    ["an array", []],
    ["a schema version that is not a number", { ...plan(), schemaVersion: "2" }],
    ["a schema version from the future", { ...plan(), schemaVersion: CARE_PLAN_SCHEMA_VERSION + 1 }],
    ["no interventions", { ...toStoredCarePlan(plan()), interventions: undefined }],
  ])("refuses %s", (_label, raw) => {
    expect(malformed(() => parseStoredCarePlan(raw, row))).toBeInstanceOf(MalformedCarePlanError);
  });
});
