import { notFound } from "@concord/domain";
import { type Database, getPatient, listAlertsForPatient } from "@concord/db";

/**
 * A patient's alerts for their care team, each with the patient's name and phone so the card can
 * offer "Call Alex Morgan" for "contact the patient today". Called only inside the patient-scoped
 * procedure, so the phone reaches care-team clinicians only.
 */
export async function listPatientAlerts(
  db: Database,
  patientId: string,
  params: { includeAcknowledged: boolean; cursor?: string | undefined; limit: number },
) {
  const patient = await getPatient(db, patientId);
  if (!patient) throw notFound("This patient");
  const page = await listAlertsForPatient(db, patientId, params);
  return {
    ...page,
    items: page.items.map((alert) => ({ ...alert, patientName: patient.name, patientPhone: patient.phone })),
  };
}
