import { describe, expect, it } from "vitest";
import { isFhirError, parseFhirRequest } from "./request";

const ID = "7a1f1c9e-2a4b-4c3d-9e8f-0a1b2c3d4e5f";
const parse = (path: string, query = "") => parseFhirRequest(path.split("/").filter(Boolean), new URLSearchParams(query));
const status = (r: ReturnType<typeof parse>) => (isFhirError(r) ? r.status : 200);

describe("parseFhirRequest", () => {
  it("reads metadata, a patient and $everything", () => {
    expect(parse("metadata")).toEqual({ kind: "metadata" });
    expect(parse(`Patient/${ID}`)).toEqual({ kind: "read", type: "Patient", id: ID });
    expect(parse(`Patient/${ID}/$everything`)).toEqual({ kind: "everything", patientId: ID });
  });

  it("answers 404 for unknown types, ids and operations, 400 for unsupported parameters", () => {
    expect(status(parse("Encounter", `patient=${ID}`))).toBe(404);
    expect(status(parse("Patient/not-a-uuid"))).toBe(404);
    expect(status(parse(`Patient/${ID}/$export`))).toBe(404);
    expect(status(parse(`CarePlan/${ID}`))).toBe(404);
    expect(status(parse("CarePlan", `patient=${ID}&status=active`))).toBe(400);
    expect(status(parse("CarePlan"))).toBe(400);
    expect(status(parse("CarePlan", "patient=Patient/xyz"))).toBe(404);
    expect(status(parse("metadata", "_format=xml"))).toBe(400);
  });

  it("searches by patient, as a bare id or a reference", () => {
    expect(parse("Condition", `patient=Patient/${ID}`)).toEqual({ kind: "search", type: "Condition", patientId: ID });
    expect(parse("Goal", `patient=${ID}`)).toEqual({ kind: "search", type: "Goal", patientId: ID });
  });

  it("maps Observation codes, date prefixes, _count and the page cursor", () => {
    const r = parse("Observation", `patient=${ID}&code=http://loinc.org|72514-3&date=ge2026-01-01&date=lt2026-02-01&_count=10&_cursor=c.abc`);
    expect(r).toEqual({ kind: "observations", query: { patientId: ID, code: { source: "checkIns" }, from: "2026-01-01", to: "2026-01-31", count: 10, cursor: "c.abc" } });
    expect(parse("Observation", `patient=${ID}&code=44261-6`)).toMatchObject({ query: { code: { source: "measures", kind: "phq9" } } });
    expect(parse("Observation", `patient=${ID}&code=http://snomed.info/sct|72514-3`)).toMatchObject({ query: { code: { source: "none" } } });
    expect(parse("Observation", `patient=${ID}`)).toMatchObject({ query: { code: { source: "all" }, count: 50 } });
    expect(parse("Observation", `patient=${ID}&date=2026-01-05`)).toMatchObject({ query: { from: "2026-01-05", to: "2026-01-05" } });
  });

  it("refuses bad dates, counts and cursors with 400", () => {
    for (const q of ["date=2026-13-45x", "date=sa2026-01-01", "_count=0", "_count=101", "_count=ten", "_cursor=zzz", "code=a,b"]) {
      expect(status(parse("Observation", `patient=${ID}&${q}`)), q).toBe(400);
    }
  });
});
