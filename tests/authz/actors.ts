import type { Actor } from "@concord/domain";
import type { DemoIds } from "@concord/api/demo";
import type { ActorKind } from "./matrix/types";

/** The actor behind each matrix column, built from the demo clinic. */
export function actorFor(kind: ActorKind, ids: DemoIds): Actor | null {
  switch (kind) {
    case "physician":
      return { userId: ids.users.physician, role: "pain_physician", patientId: null, active: true };
    case "pt":
      return { userId: ids.users.pt, role: "physical_therapist", patientId: null, active: true };
    case "ot":
      return { userId: ids.users.ot, role: "occupational_therapist", patientId: null, active: true };
    case "psychologist":
      return { userId: ids.users.psychologist, role: "psychologist", patientId: null, active: true };
    case "outsider":
      return { userId: ids.users.outsider, role: "pain_physician", patientId: null, active: true };
    case "patient":
      return { userId: ids.users.alex, role: "patient", patientId: ids.patients.alex, active: true };
    case "otherPatient":
      return { userId: ids.users.casey, role: "patient", patientId: ids.patients.casey, active: true };
    case "admin":
      return { userId: ids.users.admin, role: "admin", patientId: null, active: true };
    case "compliance":
      return { userId: ids.users.compliance, role: "compliance_officer", patientId: null, active: true };
    case "anonymous":
      return null;
  }
}

/** Demo account emails for the HTTP version of the matrix. */
export const ACTOR_EMAILS: Partial<Record<ActorKind, string>> = {
  physician: "physician@concord.demo",
  pt: "pt@concord.demo",
  ot: "ot@concord.demo",
  psychologist: "psychologist@concord.demo",
  outsider: "outside@concord.demo",
  patient: "alex@concord.demo",
  otherPatient: "casey@concord.demo",
  admin: "admin@concord.demo",
  compliance: "compliance@concord.demo",
};
