// Zod-free: the browser bundle reads these labels; the schemas built from them live in ./role-schemas.

/** The clinical disciplines that make up a CRPS care team. */
export const DISCIPLINES = [
  "pain_physician",
  "physical_therapist",
  "occupational_therapist",
  "psychologist",
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/**
 * A compliance officer reads the audit trail and reviews emergency accesses: never clinical content
 * beyond what the audit rows hold.
 */
export const ROLES = [...DISCIPLINES, "patient", "admin", "compliance_officer"] as const;
export type Role = (typeof ROLES)[number];

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  pain_physician: "Pain physician",
  physical_therapist: "Physical therapist",
  occupational_therapist: "Occupational therapist",
  psychologist: "Psychologist",
};

export const ROLE_LABELS: Record<Role, string> = {
  ...DISCIPLINE_LABELS,
  patient: "Patient",
  admin: "Administrator",
  compliance_officer: "Compliance officer",
};

/** Short handles used in mentions, e.g. "@PT". */
export const DISCIPLINE_HANDLES: Record<Discipline, string> = {
  pain_physician: "physician",
  physical_therapist: "PT",
  occupational_therapist: "OT",
  psychologist: "psychologist",
};

/** Everyone but patients: the roles an administrator invites. */
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, "patient"> => r !== "patient");

export function isClinicianRole(role: Role): role is Discipline {
  return (DISCIPLINES as readonly string[]).includes(role);
}
