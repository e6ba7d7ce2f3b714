import { type Actor, addDays, describeDiagnosis } from "@concord/domain";
import { type Database, encodeCursor, getPatient, inOrder, listAlertsForPatient, listCheckIns, listMeasures, listMessages, listThreads, readCarePlanDocument } from "@concord/db";
import type { PatientScope } from "../access";
import { FHIR_RECORD_LIMITS } from "../outputs/fhir";
import { readCareTeam } from "./read-patient";

type CheckInRow = Awaited<ReturnType<typeof listCheckIns>>["items"][number];
type MeasureRow = Awaited<ReturnType<typeof listMeasures>>["items"][number];

const checkInModel = (c: CheckInRow) => ({ id: c.id, date: c.date, painNow: c.painNow, painAverage: c.painAverage, painWorst: c.painWorst, updatedAt: c.updatedAt.toISOString() });
const measureModel = (m: MeasureRow) => ({ id: m.id, kind: m.kind, takenOn: m.takenOn, score: m.score, recordedAt: m.recordedAt.toISOString() });

/**
 * One patient's record as the FHIR mappers read it: demographics with the MRN, diagnosis, care
 * team, care plan, the newest check-ins and measures, and (for the team only) alerts. Access was
 * decided by the calling procedure (patient.read) and its audit row written in this transaction.
 */
export async function readFhirPatientRecord(db: Database, actor: Actor, scope: PatientScope) {
  const forPatient = actor.role === "patient";
  const [patient, team, plan, checkIns, measures, alerts] = await inOrder([
    () => getPatient(db, scope.patientId),
    () => readCareTeam(db, scope.patientId),
    () => readCarePlanDocument(db, scope.patientId),
    () => listCheckIns(db, scope.patientId, { limit: FHIR_RECORD_LIMITS.checkIns }),
    () => listMeasures(db, scope.patientId, { limit: FHIR_RECORD_LIMITS.measures }),
    () => (forPatient ? Promise.resolve(null) : listAlertsForPatient(db, scope.patientId, { includeAcknowledged: true, limit: FHIR_RECORD_LIMITS.alerts })),
  ] as const);
  if (!patient) throw new Error("patient vanished after its access check");
  return {
    patient: {
      id: patient.id,
      name: patient.name,
      dateOfBirth: patient.dateOfBirth,
      onsetDate: patient.onsetDate,
      mrn: patient.mrn,
      phone: patient.phone,
      diagnosis: describeDiagnosis(patient.diagnosisCode),
    },
    careTeam: team,
    carePlan: plan,
    checkIns: checkIns.items.map(checkInModel),
    measures: measures.items.map(measureModel),
    alerts: alerts
      ? alerts.items.map((a) => ({ id: a.id, severity: a.severity, title: a.title, createdAt: a.createdAt.toISOString(), acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null }))
      : null,
    more: { checkIns: checkIns.nextCursor !== null, measures: measures.nextCursor !== null, alerts: Boolean(alerts?.nextCursor) },
  };
}

/** A cursor that starts a newest-first page at `to` (inclusive): the sort key just after that day. */
function startAt(source: "checkIns" | "measures", to: string): string {
  const after = addDays(to, 1);
  return source === "checkIns" ? encodeCursor([after]) : encodeCursor([after, "0001-01-01T00:00:00Z", "00000000-0000-4000-8000-000000000000"]);
}

export interface FhirObservationsQuery {
  source: "checkIns" | "measures";
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * One keyset page of check-ins or measures, newest first, within [from, to]. `to` becomes the
 * starting key; rows are ordered by date, so the first row older than `from` ends the search.
 */
export async function listFhirObservations(db: Database, scope: PatientScope, query: FhirObservationsQuery) {
  const cursor = query.cursor ?? (query.to ? startAt(query.source, query.to) : undefined);
  const inRange = (date: string) => !query.from || date >= query.from;
  if (query.source === "checkIns") {
    const page = await listCheckIns(db, scope.patientId, { cursor, limit: query.limit });
    const items = page.items.filter((c) => inRange(c.date));
    return { checkIns: items.map(checkInModel), measures: [], nextCursor: items.length < page.items.length ? null : page.nextCursor };
  }
  const page = await listMeasures(db, scope.patientId, { kind: query.kind, cursor, limit: query.limit });
  const items = page.items.filter((m) => inRange(m.takenOn));
  return { checkIns: [], measures: items.map(measureModel), nextCursor: items.length < page.items.length ? null : page.nextCursor };
}

/**
 * The messages of the threads shared with the patient, for FHIR Communication: the "patient" space
 * only, so a team-only thread never leaves through this read, whoever asks. Deleted messages are left
 * out (their words are gone). A bounded number of queries: one for the threads, one per thread.
 */
export async function readFhirCommunications(db: Database, actor: Actor, scope: PatientScope) {
  const threads = await listThreads(db, { patientId: scope.patientId, spaces: ["patient"], viewerId: actor.userId, limit: FHIR_RECORD_LIMITS.sharedThreads });
  const pages = await inOrder(threads.items.map((t) => () => listMessages(db, { threadId: t.id, limit: FHIR_RECORD_LIMITS.messagesPerThread })));
  return {
    communications: threads.items.flatMap((thread, index) => {
      const oldestFirst = [...(pages[index]?.items ?? [])].reverse();
      return oldestFirst.flatMap((m, i) =>
        m.body === null || m.deletedAt
          ? []
          : [
              {
                id: m.id,
                threadId: thread.id,
                threadTitle: thread.title,
                authorName: m.authorName,
                // Only the patient holds the patient role in their own threads.
                fromPatient: m.authorRole === "patient",
                body: m.body,
                sentAt: m.createdAt.toISOString(),
                previousId: oldestFirst[i - 1]?.id ?? null,
              },
            ],
      );
    }),
  };
}
