import { describe, expect, it } from "vitest";
import { fixtureRecord } from "./fixture";
import { recordResources } from "./mappers";
import { operationOutcome, searchsetBundle } from "./bundle";
import { capabilityStatement } from "./capability";
import { validateResources } from "./validation";

describe("FHIR R4 validation (official StructureDefinitions, @medplum/core)", () => {
  it("validates every resource the mappers produce for a full record, with zero errors", async () => {
    const resources = recordResources(fixtureRecord());
    const bundle = searchsetBundle(resources, { baseUrl: "http://localhost/fhir/R4", selfUrl: "http://localhost/fhir/R4/Patient/x/$everything" });
    const all = [...resources, bundle, capabilityStatement({ baseUrl: "http://localhost/fhir/R4", date: "2026-12-02" }), operationOutcome(404, "not-found", "Not found").resource];
    const report = await validateResources(all);
    console.log(`[fhir validation] fixture: ${report.validated} resources validated, ${report.errors.length} with errors`);
    expect(report.errors).toEqual([]);
  });

  it("rejects a resource that breaks R4 (the validator is really on)", async () => {
    const report = await validateResources([{ resourceType: "Observation", id: "bad", status: "final" } as never]);
    expect(report.errors).toHaveLength(1);
  });
});
