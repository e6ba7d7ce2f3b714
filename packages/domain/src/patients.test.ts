import { describe, expect, it } from "vitest";
import { registerPatientInput } from "./accounts/invitations";
import { PHONE_MESSAGE, optionalPhoneSchema, phoneSchema } from "./patients";

describe("phoneSchema", () => {
  it.each(["+1 415 555 0142", "(415) 555-0142", "020 7946 0000", "+44 20-7946-0000", "5550142", "+12345678901234567890"])("accepts %s", (phone) => {
    expect(phoneSchema.parse(`  ${phone} `)).toBe(phone);
  });

  it.each([
    ["too few digits", "555 014"],
    ["too many digits", "+123456789012345678901"],
    ["letters", "415-CALL-NOW"],
    ["a plus inside the number", "1+415 555 0142"],
    ["an extension mark", "415 555 0142 x12"],
    ["only separators", "() - -"],
  ])("refuses %s with a message a person understands", (_name, phone) => {
    const result = phoneSchema.safeParse(phone);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([PHONE_MESSAGE]);
  });

  it("treats an empty form field as no phone, but still checks a filled one", () => {
    expect(optionalPhoneSchema.parse(undefined)).toBeUndefined();
    expect(optionalPhoneSchema.parse("   ")).toBeUndefined();
    expect(optionalPhoneSchema.parse(" +1 415 555 0142")).toBe("+1 415 555 0142");
    expect(optionalPhoneSchema.safeParse("12").success).toBe(false);
  });
});

describe("registerPatientInput with a patient phone", () => {
  const base = {
    email: "new@concord.test",
    name: "New Patient",
    patient: { dateOfBirth: "1990-01-01", diagnosisCode: "G90.512" as const, onsetDate: "2026-01-01" },
  };
  it("is optional and kept when valid", () => {
    expect(registerPatientInput.parse(base).patient.phone).toBeUndefined();
    expect(registerPatientInput.parse({ ...base, patient: { ...base.patient, phone: "+1 415 555 0142" } }).patient.phone).toBe("+1 415 555 0142");
  });
  it("names the field when invalid", () => {
    const result = registerPatientInput.safeParse({ ...base, patient: { ...base.patient, phone: "call me" } });
    expect(result.error?.issues[0]).toMatchObject({ path: ["patient", "phone"], message: PHONE_MESSAGE });
  });
});
