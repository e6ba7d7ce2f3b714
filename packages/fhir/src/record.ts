import type { CarePlan, Discipline } from "@concord/domain";

/**
 * What the mappers read: the shapes Concord's api returns for one patient (the `fhir.patientRecord`
 * procedure's output). Plain data with string dates, so the mappers stay pure and testable.
 */
export interface FhirPatientInput {
  id: string;
  name: string;
  dateOfBirth: string;
  onsetDate: string;
  mrn: string | null;
  phone: string | null;
  diagnosis: { code: string; label: string; crpsType: "I" | "II" | null; limb: string | null };
}

export interface FhirCareTeamMemberInput {
  clinicianId: string;
  name: string;
  discipline: Discipline;
  active: boolean;
}

export interface FhirCheckInInput {
  id: string;
  date: string;
  painNow: number;
  painAverage: number;
  painWorst: number;
  /** ISO instant of the last save. */
  updatedAt: string;
}

export interface FhirMeasureInput {
  id: string;
  kind: string;
  takenOn: string;
  score: number | null;
  /** ISO instant. */
  recordedAt: string;
}

export interface FhirAlertInput {
  id: string;
  severity: string;
  title: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

/** One message of a thread shared with the patient (never a team-only thread's). */
export interface FhirCommunicationInput {
  id: number;
  threadId: string;
  threadTitle: string;
  authorName: string;
  /** True when the patient themself wrote it. */
  fromPatient: boolean;
  body: string;
  /** ISO instant. */
  sentAt: string;
  /** The message it follows in its thread, if any (for Communication.inResponseTo). */
  previousId: number | null;
}

export interface FhirPatientRecordInput {
  patient: FhirPatientInput;
  careTeam: FhirCareTeamMemberInput[];
  carePlan: CarePlan | null;
  checkIns: FhirCheckInInput[];
  measures: FhirMeasureInput[];
  /** null when the reader may not see alerts (the patient's own copy: alerts are the team's decision support). */
  alerts: FhirAlertInput[] | null;
  /** Shared-thread messages, when the reader may read messages (an emergency reader may not). */
  communications?: FhirCommunicationInput[];
}
