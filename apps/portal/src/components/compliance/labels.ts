import { ROLES, ROLE_LABELS, type Role } from "@concord/domain";

/** A role as people read it; a role the product no longer has (an old audit row) is shown as stored. */
export function roleLabel(role: string | null | undefined): string {
  if (!role) return "";
  return (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role;
}

export const OUTCOME_LABELS = { allowed: "Allowed", denied: "Denied", error: "Error" } as const;
/** The Badge variant of each outcome (the word is always shown too). */
export const OUTCOME_BADGES = { allowed: "success", denied: "danger", error: "warning" } as const;
