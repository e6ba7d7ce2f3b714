import { describe, expect, it } from "vitest";
import { acceptInvitationInput, invitationState, inviteUserInput, registerPatientInput } from "./invitations";

const now = new Date("2026-12-01T12:00:00Z");
const later = new Date("2026-12-04T12:00:00Z");
const earlier = new Date("2026-11-28T12:00:00Z");

describe("invitationState", () => {
  it.each([
    ["no invitation", null, "none"],
    ["sent and live", { expiresAt: later, usedAt: null, revokedAt: null, emailStatus: "sent" as const }, "sent"],
    ["mail failed", { expiresAt: later, usedAt: null, revokedAt: null, emailStatus: "failed" as const }, "not_sent"],
    ["mail not tried yet", { expiresAt: later, usedAt: null, revokedAt: null, emailStatus: "pending" as const }, "pending"],
    ["expired though sent", { expiresAt: earlier, usedAt: null, revokedAt: null, emailStatus: "sent" as const }, "expired"],
    ["expires exactly now", { expiresAt: now, usedAt: null, revokedAt: null, emailStatus: "sent" as const }, "expired"],
    ["expired and failed", { expiresAt: earlier, usedAt: null, revokedAt: null, emailStatus: "failed" as const }, "expired"],
    ["revoked", { expiresAt: later, usedAt: null, revokedAt: earlier, emailStatus: "sent" as const }, "revoked"],
    ["accepted, then expired", { expiresAt: earlier, usedAt: earlier, revokedAt: null, emailStatus: "sent" as const }, "accepted"],
  ])("%s → %s", (_label, facts, expected) => {
    expect(invitationState(facts, now)).toBe(expected);
  });
});

describe("invitation inputs", () => {
  it("invites staff but sends patients to registration", () => {
    expect(inviteUserInput.safeParse({ email: "A@B.org", name: "Sam", role: "physical_therapist" }).data?.email).toBe("a@b.org");
    expect(inviteUserInput.safeParse({ email: "a@b.org", name: "Sam", role: "patient" }).error?.issues[0]?.message).toContain("patients are registered");
  });

  it("registers a patient with an optional MRN and phone, naming the bad field", () => {
    const base = { email: "p@b.org", name: "Robin", patient: { dateOfBirth: "1990-01-01", diagnosisCode: "G90.512", onsetDate: "2026-01-01" } };
    const ok = registerPatientInput.parse({ ...base, patient: { ...base.patient, mrn: " ", phone: "" } });
    expect(ok.patient.mrn).toBeUndefined();
    expect(ok.patient.phone).toBeUndefined();
    expect(registerPatientInput.parse({ ...base, patient: { ...base.patient, mrn: " MRN-00123 " } }).patient.mrn).toBe("MRN-00123");
    expect(registerPatientInput.safeParse({ ...base, patient: { ...base.patient, mrn: "drop table;" } }).error?.issues[0]?.path).toEqual(["patient", "mrn"]);
    expect(registerPatientInput.safeParse({ ...base, patient: { ...base.patient, onsetDate: "1980-01-01" } }).error?.issues[0]?.path).toEqual(["patient", "onsetDate"]);
  });

  it("asks for the password twice and names the field that is wrong", () => {
    const token = "x".repeat(43);
    expect(acceptInvitationInput.safeParse({ token, password: "short", confirm: "short" }).error?.issues[0]?.path).toEqual(["password"]);
    expect(acceptInvitationInput.safeParse({ token, password: "a-long-enough-password", confirm: "a-long-enough-passwort" }).error?.issues[0]).toMatchObject({
      path: ["confirm"],
      message: "The two passwords are not the same.",
    });
    expect(acceptInvitationInput.safeParse({ token, password: "a-long-enough-password", confirm: "a-long-enough-password" }).success).toBe(true);
  });
});
