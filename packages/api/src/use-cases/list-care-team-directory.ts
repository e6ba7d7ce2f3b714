import { type Database, getCareTeams, listPatientDirectory, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/**
 * Patient names with their teams: the directory an administrator assigns clinicians from (no
 * clinical content). Every patient a page names gets an audit row.
 */
export async function listCareTeamDirectory(db: Database, audit: ProcedureAudit, input: { search?: string | undefined; cursor?: string | undefined; limit: number }) {
  const page = await listPatientDirectory(db, input);
  const patientIds = page.items.map((p) => p.id);
  const teams = await getCareTeams(db, patientIds);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "admin.careTeam.manage" } }, patientIds);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((p) => ({
      id: p.id,
      name: p.name,
      team: (teams.get(p.id) ?? []).map(({ clinicianId, name, discipline }) => ({ clinicianId, name, discipline })),
    })),
  };
}
