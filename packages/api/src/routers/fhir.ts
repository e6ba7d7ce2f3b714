import type { TRPCRouterRecord } from "@trpc/server";
import { fhirCommunicationsOutput, fhirObservationsInput, fhirObservationsOutput, fhirPatientRecordOutput } from "../outputs/fhir";
import { patientProcedure } from "../trpc";
import { listFhirObservations, readFhirCommunications, readFhirPatientRecord } from "../use-cases/fhir-patient-record";

/**
 * What the FHIR R4 route (apps/portal /fhir/R4) maps to resources. The same permission and access
 * rule as the patient's own pages: the patient themself or their care team; audited like any read.
 */
export const fhirRouter = {
  patientRecord: patientProcedure("patient.read").output(fhirPatientRecordOutput).query(({ ctx }) => readFhirPatientRecord(ctx.db, ctx.actor, ctx.scope)),

  /** A keyset page of check-ins (pain) or measures (questionnaires, examinations), newest first. */
  observations: patientProcedure("patient.read")
    .input(fhirObservationsInput)
    .output(fhirObservationsOutput)
    .query(({ ctx, input }) => listFhirObservations(ctx.db, ctx.scope, input)),

  /** Shared-thread messages (the team-only space never): message.read, as the messages page (an emergency reader has none). */
  communications: patientProcedure("message.read").output(fhirCommunicationsOutput).query(({ ctx }) => readFhirCommunications(ctx.db, ctx.actor, ctx.scope)),
} satisfies TRPCRouterRecord;
