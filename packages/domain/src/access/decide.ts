import { type Discipline, type Role, isClinicianRole } from "../roles";
import { PERMISSIONS, type Permission, type PermissionPolicy } from "./permissions";

export interface Actor {
  userId: string;
  role: Role;
  /** For a patient account: the patient record it belongs to. */
  patientId: string | null;
  active: boolean;
}

/** What the database says about the actor's relation to one patient. */
export interface PatientFacts {
  /** The discipline the actor holds on this patient's care team, or null when not on it. */
  careTeamDiscipline: Discipline | null;
  /** True when the actor is this patient. */
  isPatientSelf: boolean;
  /**
   * True while the actor, a clinician not on the team, holds an unexpired emergency access to this
   * patient ("break the glass"): it admits only permissions that list the emergencyAccess audience,
   * all of them reads.
   */
  emergencyAccess: boolean;
}

export type Decision = { allowed: true; via: string } | { allowed: false; reason: string };

const NO_FACTS: PatientFacts = { careTeamDiscipline: null, isPatientSelf: false, emergencyAccess: false };

/**
 * Decides whether an actor may use a permission. Deny by default: an unknown permission, an
 * inactive or missing actor, a patient-scoped permission without facts, and any audience that
 * does not match all deny.
 */
export function decide(
  actor: Actor | null | undefined,
  permission: Permission | string,
  facts: PatientFacts = NO_FACTS,
): Decision {
  const policy: PermissionPolicy | undefined = (PERMISSIONS as Record<string, PermissionPolicy>)[permission];
  // A public page (forgot password) is open to everyone, signed in or not, whatever their account's state.
  if (policy?.allow.includes("anyone")) return { allowed: true, via: "anyone" };
  if (!actor) return { allowed: false, reason: "not signed in" };
  if (!actor.active) return { allowed: false, reason: "account deactivated" };
  if (!policy) return { allowed: false, reason: `unknown permission ${permission}` };

  for (const audience of policy.allow) {
    switch (audience) {
      case "anyUser":
        return { allowed: true, via: audience };
      case "anyClinician":
        if (isClinicianRole(actor.role) && (!policy.disciplines || policy.disciplines.includes(actor.role))) return { allowed: true, via: audience };
        break;
      case "anyPatient":
        if (actor.role === "patient") return { allowed: true, via: audience };
        break;
      case "admin":
        if (actor.role === "admin") return { allowed: true, via: audience };
        break;
      case "careTeam":
        if (
          policy.scope === "patient" &&
          isClinicianRole(actor.role) &&
          facts.careTeamDiscipline !== null &&
          (!policy.disciplines || policy.disciplines.includes(facts.careTeamDiscipline))
        ) {
          return { allowed: true, via: audience };
        }
        break;
      case "emergencyAccess":
        if (policy.scope === "patient" && isClinicianRole(actor.role) && facts.careTeamDiscipline === null && facts.emergencyAccess) {
          return { allowed: true, via: audience };
        }
        break;
      case "compliance":
        if (actor.role === "compliance_officer") return { allowed: true, via: audience };
        break;
      case "patientSelf":
        if (policy.scope === "patient" && actor.role === "patient" && facts.isPatientSelf) {
          return { allowed: true, via: audience };
        }
        break;
    }
  }
  return { allowed: false, reason: `${actor.role} may not ${permission} here` };
}

export function can(actor: Actor | null | undefined, permission: Permission | string, facts?: PatientFacts): boolean {
  return decide(actor, permission, facts).allowed;
}
