// Zod-free: the limits and timing of emergency access, read by the form in the browser; ./emergency-access.ts
// builds the input schemas.

/**
 * Emergency access ("break the glass"): a clinician who is not on a patient's care team opens the
 * record in an emergency. It is read-only (only permissions listing the emergencyAccess audience, all
 * reads), lasts EMERGENCY_ACCESS_MINUTES, is audited with the reason, tells the care team and the
 * administrators at once, and waits on a review list until a compliance officer marks it reviewed.
 */
export const EMERGENCY_ACCESS_MINUTES = 60;

export const EMERGENCY_REASON_MIN = 15;
export const EMERGENCY_REASON_MAX = 1000;

export const EMERGENCY_REVIEW_NOTE_MAX = 2000;

/** The compliance review list: accesses still to review (oldest first), or those reviewed. */
export const EMERGENCY_ACCESS_REVIEW_STATUSES = ["waiting", "reviewed"] as const;
export type EmergencyAccessReviewStatus = (typeof EMERGENCY_ACCESS_REVIEW_STATUSES)[number];

/** Names compared as people type them: case, accents' composition and runs of spaces do not matter. */
export function normalizePersonName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

export function emergencyAccessExpiry(openedAt: Date): Date {
  return new Date(openedAt.getTime() + EMERGENCY_ACCESS_MINUTES * 60_000);
}
