import type { TRPCRouterRecord } from "@trpc/server";
import {
  CRPS_CODES,
  type CrpsCode,
  crpsStage,
  notFound,
  patientListInput,
  recordAccessInput,
  registerPatientInput,
  setPatientTimeZoneInput,
  todayInZone,
} from "@concord/domain";
import { activeEmergencyAccess, getCareTeam, getPatient, listPatientsForClinician, writeAuditForPatients } from "@concord/db";
import { globalProcedure, patientProcedure } from "../trpc";
import { readPatientSafety } from "../use-cases/read-patient-safety";
import { readRecordAccess } from "../use-cases/read-record-access";
import { registerPatient } from "../use-cases/register-patient";
import { setPatientTimeZone } from "../use-cases/set-time-zone";
import { careTeamOutput, patientListOutput, patientOutput, patientSafetyOutput, patientTimeZoneOutput, recordAccessOutput, registeredPatientOutput } from "../outputs/patients";

function describeDiagnosis(code: string) {
  const known = CRPS_CODES[code as CrpsCode];
  return known ? { code, label: known.label, crpsType: known.type, limb: known.limb } : { code, label: code, crpsType: null, limb: null };
}

export const patientsRouter = {
  /** A pain physician (who joins the care team) or an admin registers a patient and invites them by email. */
  register: globalProcedure("patient.register")
    .input(registerPatientInput)
    .output(registeredPatientOutput)
    .mutation(({ ctx, input }) => registerPatient({ db: ctx.db, actor: ctx.actor, input, services: ctx.services, settings: ctx.settings })),
  /** My patients: only those on the caller's care teams; those with an open urgent alert first, with their open alert counts. */
  list: globalProcedure("patient.list")
    .input(patientListInput)
    .output(patientListOutput)
    .query(async ({ ctx, input }) => {
      const page = await listPatientsForClinician(ctx.db, ctx.actor.userId, input);
      await writeAuditForPatients(
        ctx.db,
        { actorId: ctx.actor.userId, actorRole: ctx.actor.role, action: "patients.list", detail: { permission: "patient.list" } },
        page.items.map((p) => p.id),
      );
      // The stage is counted in months, so the clinic's day serves the whole list.
      const today = todayInZone(ctx.settings.timeZone);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((p) => ({ ...p, diagnosis: describeDiagnosis(p.diagnosisCode), stage: crpsStage(p.onsetDate, today) })),
      };
    }),

  get: patientProcedure("patient.read").output(patientOutput).query(async ({ ctx }) => {
    const patient = await getPatient(ctx.db, ctx.scope.patientId);
    if (!patient) throw notFound("This patient");
    // The patient's own day (their zone, else the clinic's): forms default to it and refuse later dates.
    const timeZone = patient.timeZone ?? ctx.settings.timeZone;
    const today = todayInZone(timeZone);
    return {
      id: patient.id,
      name: patient.name,
      dateOfBirth: patient.dateOfBirth,
      onsetDate: patient.onsetDate,
      // patient.read admits the care team and the patient themself only.
      phone: patient.phone,
      diagnosis: describeDiagnosis(patient.diagnosisCode),
      stage: crpsStage(patient.onsetDate, today),
      viewerDiscipline: ctx.scope.facts.careTeamDiscipline,
      // Open under "break the glass": read-only until this time (pages show it and offer no edits).
      emergencyAccessUntil: ctx.scope.via === "emergencyAccess" ? ((await activeEmergencyAccess(ctx.db, ctx.actor.userId, patient.id, new Date()))?.expiresAt ?? null) : null,
      timeZone,
      ownTimeZone: patient.timeZone,
      clinicTimeZone: ctx.settings.timeZone,
      today,
    };
  }),

  /** Sets the zone of the patient's day (null: the clinic default): the team, the patient, or an administrator. */
  setTimeZone: patientProcedure("patient.timeZone.update")
    .input(setPatientTimeZoneInput)
    .output(patientTimeZoneOutput)
    .mutation(({ ctx, input }) => setPatientTimeZone(ctx.db, ctx.actor, input, ctx.settings)),

  /** The patient's own home: crisis resources while an urgent alert about them is open (never the alert itself). */
  /** "Who has looked at my record": the patient's own access log, by day (from the audit trail). */
  accessLog: patientProcedure("patient.accessLog.read")
    .input(recordAccessInput)
    .output(recordAccessOutput)
    .query(({ ctx, input }) => readRecordAccess(ctx.db, ctx.actor, ctx.scope.patientId, ctx.settings, input)),

  safety: patientProcedure("patient.safety").output(patientSafetyOutput).query(({ ctx }) => readPatientSafety(ctx.db, ctx.scope.patientId, ctx.settings)),

  careTeam: patientProcedure("careTeam.read").output(careTeamOutput).query(async ({ ctx }) => {
    const team = await getCareTeam(ctx.db, ctx.scope.patientId);
    return team.map(({ clinicianId, name, discipline, active }) => ({ clinicianId, name, discipline, active }));
  }),
} satisfies TRPCRouterRecord;
