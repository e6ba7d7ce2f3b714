import { describe, expect, it } from "vitest";
import { formatRecoveryCode, parseSecondFactorCode, secondFactorRequired } from "./second-factor";

describe("secondFactorRequired", () => {
  it.each([
    ["admin", "admins", true],
    ["pain_physician", "admins", false],
    ["psychologist", "clinicians-and-admins", true],
    ["admin", "clinicians-and-admins", true],
    ["patient", "clinicians-and-admins", false],
    ["admin", "off", false],
  ] as const)("%s with %s → %s", (role, requirement, required) => {
    expect(secondFactorRequired(role, requirement)).toBe(required);
  });
});

describe("parseSecondFactorCode", () => {
  it("reads six digits as an app code and ten base32 letters as a recovery code, ignoring spaces and dashes", () => {
    expect(parseSecondFactorCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactorCode("ABCDE-FG234")).toEqual({ kind: "recovery", code: "abcdefg234" });
    expect(formatRecoveryCode("abcdefg234")).toBe("abcde-fg234");
  });

  it("refuses anything else", () => {
    for (const input of ["12345", "1234567", "abcde-fg231", "", null, 123456]) expect(parseSecondFactorCode(input)).toBeNull();
  });
});
