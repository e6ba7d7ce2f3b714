import { describe, expect, it } from "vitest";
import { auditCsv, auditFilterSchema, csvCell } from "./audit-search";
import { normalizePersonName, openEmergencyAccessInput } from "./emergency-access";

describe("audit CSV", () => {
  it("quotes commas, quotes and line breaks (RFC 4180) and keeps empty cells empty", () => {
    expect(csvCell('a,b "c"\nd')).toBe('"a,b ""c""\nd"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });
  it("never lets a cell run as a spreadsheet formula", () => {
    for (const v of ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx"]) expect(csvCell(v).replace(/^"/, "").startsWith("'")).toBe(true);
  });
  it("writes a header and one line per row, detail as JSON", () => {
    const csv = auditCsv([
      { id: 7, at: "2026-12-01T10:00:00.000Z", actorName: "Dr. A, B", actorRole: "pain_physician", actorId: "u1", action: "patients.get", outcome: "allowed", patientName: "Alex", patientId: "p1", detail: { permission: "patient.read" } },
    ]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor,actor_role,actor_id,action,outcome,patient,patient_id,detail");
    expect(lines[1]).toBe('7,2026-12-01T10:00:00.000Z,"Dr. A, B",pain_physician,u1,patients.get,allowed,Alex,p1,"{""permission"":""patient.read""}"');
    expect(lines).toHaveLength(2);
  });
});

describe("audit filters", () => {
  it("accepts an exact action or a prefix ending in *, and refuses anything else with a message", () => {
    expect(auditFilterSchema.parse({ action: "carePlan.*" }).action).toBe("carePlan.*");
    expect(auditFilterSchema.safeParse({ action: "carePlan.% or 1=1" }).error?.issues[0]?.message).toMatch(/prefix ending in \*/);
  });
  it("refuses an end date before the start date, on the To field", () => {
    const issue = auditFilterSchema.safeParse({ from: "2026-12-02", to: "2026-12-01" }).error?.issues[0];
    expect(issue?.path).toEqual(["to"]);
    expect(issue?.message).toBe("The end date is before the start date.");
  });
});

describe("emergency access input", () => {
  it("compares names as people type them", () => {
    expect(normalizePersonName("  Alex   MORGAN ")).toBe(normalizePersonName("alex morgan"));
  });
  it("asks for a reason of at least 15 characters", () => {
    const r = openEmergencyAccessInput.safeParse({ name: "Alex Morgan", dateOfBirth: "1988-04-12", reason: "urgent" });
    expect(r.error?.issues[0]?.path).toEqual(["reason"]);
  });
});
