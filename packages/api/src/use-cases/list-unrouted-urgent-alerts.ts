import { type Database, patientsWithUnroutedUrgentAlerts, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/**
 * Patients whose open urgent alert has nobody to notify: no active clinician on their care team.
 * Admins see the patient's name, how many such alerts and since when — never the alert's content —
 * so they can assign a clinician at once. Each listed patient gets an audit row.
 */
export async function listUnroutedUrgentAlerts(db: Database, audit: ProcedureAudit) {
  const rows = await patientsWithUnroutedUrgentAlerts(db, { limit: 100 });
  await writeAuditForPatients(db, { ...audit, detail: { permission: "admin.unroutedAlerts.read" } }, rows.map((r) => r.patientId));
  return rows;
}
