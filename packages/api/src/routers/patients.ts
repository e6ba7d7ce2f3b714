import type { TRPCRouterRecord } from "@trpc/server";
import { patientListInput, recordAccessInput, registerPatientInput, setPatientTimeZoneInput } from "@concord/domain";
import { careTeamOutput, patientListOutput, patientOutput, patientSafetyOutput, patientTimeZoneOutput, recordAccessOutput, registeredPatientOutput } from "../outputs/patients";
import { patientSummaryOutput } from "../outputs/patient-summary";
import { globalProcedure, patientProcedure } from "../trpc";
import { listMyPatients } from "../use-cases/list-my-patients";
import { readCareTeam, readPatient } from "../use-cases/read-patient";
import { readPatientSafety } from "../use-cases/read-patient-safety";
import { readPatientSummary } from "../use-cases/read-patient-summary";
import { readRecordAccess } from "../use-cases/read-record-access";
import { readSecondOpinionSummary } from "../use-cases/read-second-opinion-summary";
import { secondOpinionOutput } from "../outputs/second-opinion";
import { registerPatient } from "../use-cases/register-patient";
import { setPatientTimeZone } from "../use-cases/set-time-zone";

export const patientsRouter = {
  /** A pain physician (who joins the care team) or an admin registers a patient and invites them by email. */
  register: globalProcedure("patient.register", { sendsMail: true })
    .input(registerPatientInput)
    .output(registeredPatientOutput)
    .mutation(({ ctx, input }) => registerPatient({ db: ctx.db, actor: ctx.actor, audit: ctx.audit, input, services: ctx.services, settings: ctx.settings })),

  /** My patients: only those on the caller's care teams; those with an open urgent alert first, with their open alert counts. */
  list: globalProcedure("patient.list")
    .input(patientListInput)
    .output(patientListOutput)
    .query(({ ctx, input }) => listMyPatients(ctx.db, ctx.actor, ctx.audit, input, ctx.settings)),

  get: patientProcedure("patient.read").output(patientOutput).query(({ ctx }) => readPatient(ctx.db, ctx.actor, ctx.scope, ctx.settings)),

  /** The clinician's one-screen summary: medications, items by goal, open alerts, next review, recent messages. */
  summary: patientProcedure("patient.summary.read").output(patientSummaryOutput).query(({ ctx }) => readPatientSummary(ctx.db, ctx.actor, ctx.scope)),

  /** Sets the zone of the patient's day (null: the clinic default): the team, the patient, or an administrator. */
  setTimeZone: patientProcedure("patient.timeZone.update")
    .input(setPatientTimeZoneInput)
    .output(patientTimeZoneOutput)
    .mutation(({ ctx, input }) => setPatientTimeZone(ctx.db, ctx.actor, input, ctx.settings)),

  /** "Who has looked at my record": the patient's own access log, by day (from the audit trail). */
  accessLog: patientProcedure("patient.accessLog.read")
    .input(recordAccessInput)
    .output(recordAccessOutput)
    .query(({ ctx, input }) => readRecordAccess(ctx.db, ctx.actor, ctx.scope.patientId, ctx.settings, input)),

  /** The patient's own home: crisis resources while an urgent alert about them is open (never the alert itself). */
  safety: patientProcedure("patient.safety").output(patientSafetyOutput).query(({ ctx }) => readPatientSafety(ctx.db, ctx.scope.patientId, ctx.settings)),

  /** The second-opinion summary (drawn as a PDF by the portal): the patient themself or their care team; audited. */
  secondOpinion: patientProcedure("patient.read").output(secondOpinionOutput).query(({ ctx }) => readSecondOpinionSummary(ctx.db, ctx.actor, ctx.scope, ctx.settings)),

  careTeam: patientProcedure("careTeam.read").output(careTeamOutput).query(({ ctx }) => readCareTeam(ctx.db, ctx.scope.patientId)),
} satisfies TRPCRouterRecord;
