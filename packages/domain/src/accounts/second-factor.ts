import type { Role } from "../roles";

/**
 * Two-factor sign-in (TOTP, RFC 6238) policy: who must have a second factor. Administrators by
 * default; clinicians too when the clinic chooses; anyone may set one up. Patients are never forced
 * (a lost phone must not stand between a patient and their care team), but may opt in.
 */
export const SECOND_FACTOR_REQUIREMENTS = ["admins", "clinicians-and-admins", "off"] as const;
export type SecondFactorRequirement = (typeof SECOND_FACTOR_REQUIREMENTS)[number];

export function secondFactorRequired(role: Role | string, requirement: SecondFactorRequirement): boolean {
  if (requirement === "off" || role === "patient") return false;
  // A compliance officer reads every patient's audit trail: held to the administrators' standard.
  if (role === "admin" || role === "compliance_officer") return true;
  return requirement === "clinicians-and-admins";
}

export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/** What the person typed in the code field: six digits from the app, or a recovery code (spaces and dashes ignored). */
export function parseSecondFactorCode(input: unknown): SecondFactorCode | null {
  if (typeof input !== "string") return null;
  const compact = input.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (/^[a-z2-7]{10}$/.test(compact)) return { kind: "recovery", code: compact };
  return null;
}

/** A recovery code as shown to the person: two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The sign-in handler's answers that are not failures: the form asks for the code, or to set one up. */
export const SECOND_FACTOR_NEEDED = "SecondFactorNeeded";
export const SECOND_FACTOR_ENROL = "SecondFactorEnrol";

export const SECOND_FACTOR_MESSAGES = {
  needed: "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  enrol: "Your account needs two-factor sign-in. Scan the QR code with an authenticator app, save your recovery codes, then enter the 6-digit code the app shows.",
  wrongCode: "That code did not work. Enter the newest code from your app, or a recovery code you have not used.",
} as const;

