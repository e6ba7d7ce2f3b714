import { EMERGENCY_ACCESS_MINUTES } from "@concord/domain";
import { type Database, insertEmergencyAccess } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { CLINICIANS, type MatrixRow, allow } from "./types";

const REASON = "Matrix: seen in the emergency department, needs the current plan.";

/**
 * Two emergency accesses to Casey (whose team is the outsider's): an open one the physician may end,
 * and an ended one a compliance officer may review. Neither touches Alex, the patient every patient-scoped row targets.
 */
export async function complianceFixtures(db: Database, ids: DemoIds): Promise<Record<string, string>> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_MINUTES * 60_000);
  const toEnd = await insertEmergencyAccess(db, { patientId: ids.patients.casey, clinicianId: ids.users.physician, reason: REASON, openedAt: now, expiresAt });
  // Reviewed once ended: this one was opened two hours ago and ran its hour.
  const toReview = await insertEmergencyAccess(db, {
    patientId: ids.patients.casey,
    clinicianId: ids.users.pt,
    reason: REASON,
    openedAt: new Date(now.getTime() - 2 * 3_600_000),
    expiresAt: new Date(now.getTime() - 3_600_000),
  });
  return { emergencyAccessToEnd: toEnd.id, emergencyAccessToReview: toReview.id };
}

export const complianceRows: MatrixRow[] = [
  {
    // Any clinician may break the glass on a patient whose team they are not on: the outsider on
    // Jordan, the demo team on Casey. Patients, administrators and compliance officers may not.
    path: "emergencyAccess.open",
    patientScoped: false,
    input: (c) =>
      c.actor === "outsider"
        ? { name: "Jordan Lee", dateOfBirth: "1975-09-30", reason: REASON }
        : { name: "Casey Nguyen", dateOfBirth: "1996-01-22", reason: REASON },
    expect: allow(...CLINICIANS),
  },
  { path: "emergencyAccess.mine", patientScoped: false, input: () => undefined, expect: allow(...CLINICIANS) },
  // Only the clinician who holds the access may end it; for anyone else it does not exist.
  { path: "emergencyAccess.end", patientScoped: false, input: (c) => ({ id: c.fixtures.emergencyAccessToEnd }), expect: allow("physician") },
  { path: "compliance.auditLog", patientScoped: false, input: (c) => ({ filter: { patientId: c.patientId }, limit: 5 }), expect: allow("compliance") },
  { path: "compliance.exportAudit", patientScoped: false, input: (c) => ({ filter: { patientId: c.patientId, action: "patients.*" } }), expect: allow("compliance") },
  { path: "compliance.directory", patientScoped: false, input: () => undefined, expect: allow("compliance") },
  { path: "compliance.emergencyAccesses", patientScoped: false, input: () => ({ status: "waiting" }), expect: allow("compliance") },
  {
    path: "compliance.reviewEmergencyAccess",
    patientScoped: false,
    input: (c) => ({ id: c.fixtures.emergencyAccessToReview, note: "Matrix review: reason checked." }),
    expect: allow("compliance"),
  },
  { path: "compliance.deletedMessages", patientScoped: false, input: () => ({ limit: 5 }), expect: allow("compliance") },
];
