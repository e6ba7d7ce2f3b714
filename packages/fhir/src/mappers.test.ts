import { describe, expect, it } from "vitest";
import type { CarePlan, Communication, Goal, MedicationRequest, Observation, ServiceRequest } from "@medplum/fhirtypes";
import { MEDICATION_AGENTS } from "@concord/domain";
import { fixtureRecord } from "./fixture";
import { FHIR_ID_PATTERN, fhirId } from "./ids";
import { recordResources, resourceIds, toCondition, toPatient } from "./mappers";
import { LOINC, RXNORM, SYSTEMS } from "./terminology";
import { operationOutcome, searchsetBundle } from "./bundle";
import { SEARCHABLE_TYPES, capabilityStatement } from "./capability";

const record = fixtureRecord();
const resources = recordResources(record);
const byType = <T>(type: string) => resources.filter((r) => r.resourceType === type) as T[];

describe("FHIR mappers", () => {
  it("gives the patient their MRN as an MR identifier and their date of birth", () => {
    const p = toPatient(record.patient);
    expect(p.identifier?.[0]).toMatchObject({ value: "MRN-1001", type: { coding: [{ system: SYSTEMS.identifierType, code: "MR" }] } });
    expect(p.birthDate).toBe("1988-04-12");
    expect(toPatient({ ...record.patient, mrn: null }).identifier).toBeUndefined();
  });

  it("codes CRPS I with ICD-10-CM and SNOMED CT, and keeps the laterality in the body site", () => {
    const c = toCondition(record.patient);
    expect(c.code?.coding?.map((x) => `${x.system}|${x.code}`)).toEqual([`${SYSTEMS.icd10cm}|G90.512`, `${SYSTEMS.snomed}|734947007`]);
    expect(c.bodySite?.[0]).toMatchObject({ coding: [{ code: "53120007" }], text: "left upper limb" });
    const typeII = toCondition({ ...record.patient, diagnosis: { code: "G57.71", label: "Causalgia of right lower limb", crpsType: "II", limb: "right lower limb" } });
    expect(typeII.code?.coding?.map((x) => x.code)).toEqual(["G57.71", "128200000"]);
    expect(typeII.bodySite?.[0]?.coding?.[0]?.code).toBe("61685007");
  });

  it("links the care plan to every goal and every item by reference", () => {
    const [plan] = byType<CarePlan>("CarePlan");
    const ids = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    expect(plan?.activity).toHaveLength(6);
    for (const ref of [...(plan?.goal ?? []), ...(plan?.activity ?? []).map((a) => a.reference)]) expect(ids.has(ref?.reference ?? "")).toBe(true);
    expect(plan?.meta?.versionId).toBe("7");
  });

  it("sends medications as MedicationRequests with RxNorm and a dosage line per titration step, and other items as ServiceRequests", () => {
    const meds = byType<MedicationRequest>("MedicationRequest");
    expect(meds.map((m) => m.medicationCodeableConcept?.coding?.[0]?.code ?? null)).toEqual(["187832", null]);
    const preg = meds[0];
    expect(preg?.dosageInstruction?.map((d) => d.doseAndRate?.[0]?.doseQuantity?.value)).toEqual([75, 150]);
    expect(preg?.dosageInstruction?.[1]?.timing?.repeat?.boundsPeriod?.start).toBe("2026-02-15");
    expect(preg?.dosageInstruction?.[0]?.timing?.repeat).toMatchObject({ frequency: 2, period: 1, periodUnit: "d" });
    expect(meds[1]).toMatchObject({ status: "stopped", statusReason: { text: "No benefit after 8 weeks" } });
    expect(meds[1]?.dosageInstruction?.[0]?.maxDosePerPeriod?.numerator?.value).toBe(4.5);
    const services = byType<ServiceRequest>("ServiceRequest");
    expect(services.map((s) => s.status)).toEqual(["active", "active", "draft", "active"]);
    expect(services.find((s) => s.status === "draft")?.intent).toBe("proposal");
  });

  it("gives goals their measurable targets", () => {
    const goals = byType<Goal>("Goal");
    expect(goals).toHaveLength(4);
    const pain = goals.find((g) => g.id === resourceIds.goal(record.patient.id, "pain"));
    expect(pain?.target?.[0]).toMatchObject({ detailRange: { high: { value: 4 } }, dueDate: "2026-06-01" });
    const wellbeing = goals.find((g) => g.id === resourceIds.goal(record.patient.id, "wellbeing"));
    expect(wellbeing?.target?.[0]?.measure?.coding?.[0]?.code).toBe(LOINC.phq9Total.code);
    expect(goals.find((g) => g.lifecycleStatus === "completed")?.achievementStatus?.coding?.[0]?.code).toBe("achieved");
  });

  it("codes pain 0-10 as LOINC 72514-3, PHQ-9 as 44261-6 and GAD-7 as 70274-6", () => {
    const obs = byType<Observation>("Observation");
    const code = (o: Observation) => o.code.coding?.[0]?.code;
    expect(obs.filter((o) => code(o) === "72514-3").map((o) => o.valueInteger)).toEqual([6]);
    expect(obs.find((o) => code(o) === "44261-6")?.valueInteger).toBe(11);
    expect(obs.find((o) => code(o) === "70274-6")?.valueInteger).toBe(7);
    expect(obs.find((o) => code(o) === "limb-temperature-difference")?.valueQuantity).toMatchObject({ value: -1.4, code: "Cel" });
    expect(obs.find((o) => o.dataAbsentReason)).toBeDefined();
  });

  it("builds ids FHIR accepts, even from long or odd stored ids", () => {
    for (const r of resources) expect(r.id).toMatch(FHIR_ID_PATTERN);
    expect(fhirId("x".repeat(80))).toMatch(FHIR_ID_PATTERN);
    expect(fhirId("a b/c")).toMatch(FHIR_ID_PATTERN);
    expect(fhirId("x".repeat(80))).not.toBe(fhirId(`${"x".repeat(79)}y`));
  });

  it("omits the alerts entirely when the reader may not see them", () => {
    expect(recordResources({ ...record, alerts: null }).some((r) => r.resourceType === "Flag")).toBe(false);
    expect(byType("Flag")).toHaveLength(2);
  });
});

describe("Communication", () => {
  it("sends shared-thread messages with the patient as sender or recipient, and the thread order through inResponseTo", () => {
    const [first, reply] = byType<Communication>("Communication");
    expect(first).toMatchObject({ sender: { reference: `Patient/${record.patient.id}` }, payload: [{ contentString: "Should the mirror be on the left?" }], topic: { text: "Mirror therapy questions" } });
    expect(first?.inResponseTo).toBeUndefined();
    expect(reply).toMatchObject({ sender: { display: "Sam Lee" }, recipient: [{ reference: `Patient/${record.patient.id}` }], inResponseTo: [{ reference: `Communication/${first?.id}` }] });
  });
});

describe("terminology", () => {
  it("covers every catalogue medication agent, and emits no code it could not verify", () => {
    for (const agent of MEDICATION_AGENTS) expect(RXNORM[agent.id], agent.id).toBeDefined();
    for (const term of Object.values(RXNORM)) {
      expect(term.source.length).toBeGreaterThan(10);
      if (term.code === null) expect(term.source).toMatch(/^Not verified/);
    }
  });
});

describe("bundles, outcomes and the capability statement", () => {
  it("links the next page only when there is one", () => {
    const b = searchsetBundle(resources.slice(0, 2), { baseUrl: "http://x/fhir/R4", selfUrl: "http://x/fhir/R4/Observation?patient=1", nextUrl: "http://x/fhir/R4/Observation?patient=1&_cursor=abc" });
    expect(b.link?.map((l) => l.relation)).toEqual(["self", "next"]);
    expect(b.entry?.[0]?.fullUrl).toBe(`http://x/fhir/R4/Patient/${record.patient.id}`);
    expect(searchsetBundle([], { baseUrl: "http://x", selfUrl: "http://x/a" }).link).toHaveLength(1);
  });

  it("answers errors as OperationOutcomes with their status", () => {
    expect(operationOutcome(404, "not-found", "Not found")).toMatchObject({ status: 404, resource: { issue: [{ severity: "error", code: "not-found" }] } });
  });

  it("lists exactly the supported types", () => {
    const cs = capabilityStatement({ baseUrl: "http://x/fhir/R4", date: "2026-12-02" });
    expect(cs.rest?.[0]?.resource?.map((r) => r.type).sort()).toEqual(["Patient", ...SEARCHABLE_TYPES].sort());
  });
});
