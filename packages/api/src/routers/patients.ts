import type { TRPCRouterRecord } from "@trpc/server";
import { CRPS_CODES, type CrpsCode, crpsStage, notFound, patientListInput } from "@concord/domain";
import { getCareTeam, getPatient, listPatientsForClinician, writeAuditForPatients } from "@concord/db";
import { globalProcedure, patientProcedure } from "../trpc";

const today = () => new Date().toISOString().slice(0, 10);

function describeDiagnosis(code: string) {
  const known = CRPS_CODES[code as CrpsCode];
  return known ? { code, label: known.label, crpsType: known.type, limb: known.limb } : { code, label: code, crpsType: null, limb: null };
}

export const patientsRouter = {
  /** My patients: only those on the caller's care teams. */
  list: globalProcedure("patient.list")
    .input(patientListInput)
    .query(async ({ ctx, input }) => {
      const page = await listPatientsForClinician(ctx.db, ctx.actor.userId, input);
      await writeAuditForPatients(
        ctx.db,
        { actorId: ctx.actor.userId, actorRole: ctx.actor.role, action: "patients.list", detail: { permission: "patient.list" } },
        page.items.map((p) => p.id),
      );
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((p) => ({ ...p, diagnosis: describeDiagnosis(p.diagnosisCode), stage: crpsStage(p.onsetDate, today()) })),
      };
    }),

  get: patientProcedure("patient.read").query(async ({ ctx }) => {
    const patient = await getPatient(ctx.db, ctx.scope.patientId);
    if (!patient) throw notFound("This patient");
    return {
      id: patient.id,
      name: patient.name,
      dateOfBirth: patient.dateOfBirth,
      onsetDate: patient.onsetDate,
      diagnosis: describeDiagnosis(patient.diagnosisCode),
      stage: crpsStage(patient.onsetDate, today()),
      viewerDiscipline: ctx.scope.facts.careTeamDiscipline,
    };
  }),

  careTeam: patientProcedure("careTeam.read").query(async ({ ctx }) => {
    const team = await getCareTeam(ctx.db, ctx.scope.patientId);
    return team.map(({ clinicianId, name, discipline, active }) => ({ clinicianId, name, discipline, active }));
  }),
} satisfies TRPCRouterRecord;
