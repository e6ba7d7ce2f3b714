import type {
  CarePlan as FhirCarePlan,
  CareTeam,
  CodeableConcept,
  Communication,
  Condition,
  Dosage,
  Flag,
  Goal as FhirGoal,
  GoalTarget as FhirGoalTarget,
  MedicationRequest,
  Observation,
  Patient,
  Reference,
  Resource,
  ServiceRequest,
} from "@medplum/fhirtypes";
import {
  type CarePlan,
  DISCIPLINE_LABELS,
  type Goal,
  type GoalTarget,
  type Intervention,
  MEASURE_LABELS,
  ROUTE_LABELS,
  THERAPY_CATEGORY_LABELS,
  goalLabel,
  interventionName,
} from "@concord/domain";
import { fhirId } from "./ids";
import type { FhirAlertInput, FhirCareTeamMemberInput, FhirCommunicationInput, FhirCheckInInput, FhirMeasureInput, FhirPatientInput, FhirPatientRecordInput } from "./record";
import { LOCAL_CODES, LOINC, RXNORM, SNOMED, SYSTEMS, type TermCode, UCUM_DOSE_UNITS, codingsOf, snomedForCrps } from "./terminology";

export const resourceIds = {
  condition: (patientId: string) => fhirId(patientId, "crps"),
  careTeam: (patientId: string) => fhirId(patientId, "team"),
  carePlan: (patientId: string) => fhirId(patientId, "plan"),
  goal: (patientId: string, goalId: string) => fhirId(patientId, "goal", goalId),
  item: (patientId: string, itemId: string) => fhirId(patientId, "item", itemId),
  checkIn: (checkInId: string) => fhirId("checkin", checkInId),
  measure: (measureId: string) => fhirId("measure", measureId),
  alert: (alertId: string) => fhirId("alert", alertId),
  message: (messageId: number) => fhirId("message", String(messageId)),
};

const patientRef = (patientId: string): Reference<Patient> => ({ reference: `Patient/${patientId}` });

function concept(term: TermCode, text?: string): CodeableConcept {
  const coding = codingsOf(term);
  return { ...(coding.length ? { coding } : {}), text: text ?? term.display };
}

/* ------------------------------------------------------------------ Patient, Condition, CareTeam */

export function toPatient(p: FhirPatientInput): Patient {
  return {
    resourceType: "Patient",
    id: p.id,
    ...(p.mrn
      ? {
          identifier: [
            {
              use: "usual",
              type: { coding: [{ system: SYSTEMS.identifierType, code: "MR", display: "Medical record number" }], text: "Medical record number" },
              system: SYSTEMS.concordMrn,
              value: p.mrn,
            },
          ],
        }
      : {}),
    active: true,
    name: [{ use: "official", text: p.name }],
    ...(p.phone ? { telecom: [{ system: "phone", value: p.phone }] } : {}),
    birthDate: p.dateOfBirth,
  };
}

function limbSite(limb: string | null): CodeableConcept[] | undefined {
  if (!limb) return undefined;
  const term = limb.includes("upper limb") ? SNOMED.upperLimb : limb.includes("lower limb") ? SNOMED.lowerLimb : null;
  // The laterality stays in the text: the laterality qualifier codes were not verified here.
  return [term ? concept(term, limb) : { text: limb }];
}

export function toCondition(p: FhirPatientInput): Condition {
  const d = p.diagnosis;
  const crps = d.crpsType !== null;
  return {
    resourceType: "Condition",
    id: resourceIds.condition(p.id),
    clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: "active", display: "Active" }] },
    verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: "confirmed", display: "Confirmed" }] },
    category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: "problem-list-item", display: "Problem List Item" }] }],
    code: {
      coding: [
        // ICD-10-CM as in the domain's CRPS_CODES (see ICD10CM_SOURCE).
        { system: SYSTEMS.icd10cm, code: d.code, ...(crps ? { display: d.label } : {}) },
        ...(crps ? codingsOf(snomedForCrps(d.crpsType)) : []),
      ],
      text: d.label,
    },
    ...(limbSite(d.limb) ? { bodySite: limbSite(d.limb) } : {}),
    subject: patientRef(p.id),
    onsetDateTime: p.onsetDate,
  };
}

export function toCareTeam(patientId: string, team: FhirCareTeamMemberInput[]): CareTeam {
  return {
    resourceType: "CareTeam",
    id: resourceIds.careTeam(patientId),
    status: "active",
    name: "CRPS care team",
    subject: patientRef(patientId),
    participant: team
      .filter((m) => m.active)
      .map((m) => ({ role: [{ text: DISCIPLINE_LABELS[m.discipline] }], member: { display: m.name } })),
  };
}

/* ------------------------------------------------------------------ Goals */

const GOAL_LIFECYCLE: Record<Goal["status"], FhirGoal["lifecycleStatus"]> = {
  not_started: "accepted",
  in_progress: "active",
  achieved: "completed",
  revised: "active",
  discontinued: "cancelled",
};
const GOAL_ACHIEVEMENT: Partial<Record<Goal["status"], { code: string; display: string }>> = {
  in_progress: { code: "in-progress", display: "In Progress" },
  achieved: { code: "achieved", display: "Achieved" },
};

function goalTarget(target: GoalTarget): FhirGoalTarget {
  const due = "byDate" in target && target.byDate ? { dueDate: target.byDate } : {};
  switch (target.kind) {
    case "pain_average_at_most":
      return { measure: concept(LOCAL_CODES.painAverage), detailRange: { high: { value: target.value } }, ...due };
    case "activity_minutes":
      return { measure: { text: target.activity }, detailQuantity: { value: target.minutes, unit: "min", system: SYSTEMS.ucum, code: "min" }, ...due };
    case "psfs_activity_score":
      return { measure: concept(LOCAL_CODES.psfs, `${LOCAL_CODES.psfs.display}: ${target.activity}`), detailRange: { low: { value: target.atLeast } }, ...due };
    case "measure_at_most": {
      const term = target.measure === "phq9" ? LOINC.phq9Total : target.measure === "gad7" ? LOINC.gad7Total : LOCAL_CODES.css;
      return { measure: concept(term), detailRange: { high: { value: target.value } }, ...due };
    }
    case "custom":
      return { measure: { text: target.measure }, detailString: target.description };
  }
}

export function toGoal(patientId: string, goal: Goal): FhirGoal {
  const achievement = GOAL_ACHIEVEMENT[goal.status];
  return {
    resourceType: "Goal",
    id: resourceIds.goal(patientId, goal.id),
    lifecycleStatus: GOAL_LIFECYCLE[goal.status],
    ...(achievement ? { achievementStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/goal-achievement", ...achievement }] } } : {}),
    description: { coding: [{ system: SYSTEMS.concordGoal, code: goal.id, display: goalLabel(goal.id) }], text: goalLabel(goal.id) },
    subject: patientRef(patientId),
    target: goal.targets.map(goalTarget),
    ...(goal.note || goal.status === "revised" ? { note: [{ text: [goal.status === "revised" ? "Revised." : null, goal.note].filter(Boolean).join(" ") }] } : {}),
  } as FhirGoal;
}

/* ------------------------------------------------------------------ Plan items */

const MEDICATION_STATUS: Record<Intervention["status"], MedicationRequest["status"]> = {
  proposed: "draft",
  active: "active",
  paused: "on-hold",
  completed: "completed",
  stopped: "stopped",
};
const SERVICE_STATUS: Record<Intervention["status"], ServiceRequest["status"]> = {
  proposed: "draft",
  active: "active",
  paused: "on-hold",
  completed: "completed",
  stopped: "revoked",
};

function doseQuantity(value: number, unit: string) {
  return { value, unit, system: SYSTEMS.ucum, code: UCUM_DOSE_UNITS[unit] ?? unit };
}

type MedicationDetails = Extract<Intervention["details"], { kind: "medication" }>;

/** The prescribed dose, then each titration step from its start date, as FHIR dosage lines. */
function dosageLines(item: Intervention, d: MedicationDetails): Dosage[] {
  const route = { text: ROUTE_LABELS[d.route] };
  const timing = (start: string | null, end: string | null) => ({
    repeat: {
      ...(d.dosesPerDay ? { frequency: d.dosesPerDay, period: 1, periodUnit: "d" as const } : {}),
      ...(start ? { boundsPeriod: { start, ...(end ? { end } : {}) } } : {}),
    },
  });
  const maxPerDay = d.maxDailyDose ? { maxDosePerPeriod: { numerator: doseQuantity(d.maxDailyDose, d.unit), denominator: { value: 1, unit: "d", system: SYSTEMS.ucum, code: "d" } } } : {};
  const steps = d.titrationSteps;
  const first: Dosage = {
    sequence: 1,
    text: [`${d.dose} ${d.unit}`, d.dosesPerDay ? `${d.dosesPerDay} time(s) a day` : null, d.schedule || null].filter(Boolean).join(", "),
    timing: timing(item.startDate, null),
    route,
    doseAndRate: [{ doseQuantity: doseQuantity(d.dose, d.unit) }],
    ...maxPerDay,
  };
  const titration: Dosage[] = steps.map((step, index) => ({
    sequence: index + 2,
    text: `Titration step from ${step.startsOn}: ${step.dose} ${d.unit}${step.note ? ` (${step.note})` : ""}`,
    timing: timing(step.startsOn, null),
    route,
    doseAndRate: [{ doseQuantity: doseQuantity(step.dose, d.unit) }],
    ...maxPerDay,
  }));
  return [first, ...titration];
}

export function toMedicationRequest(patientId: string, item: Intervention): MedicationRequest | null {
  const d = item.details;
  if (d.kind !== "medication") return null;
  const term = d.agentId ? RXNORM[d.agentId] : undefined;
  const name = interventionName(item);
  return {
    resourceType: "MedicationRequest",
    id: resourceIds.item(patientId, item.id),
    status: MEDICATION_STATUS[item.status],
    ...(item.stopReason ? { statusReason: { text: item.stopReason } } : {}),
    intent: item.status === "proposed" ? "proposal" : "order",
    medicationCodeableConcept: { ...(term ? { coding: codingsOf(term) } : {}), text: name },
    subject: patientRef(patientId),
    ...(item.startDate ? { authoredOn: item.startDate } : {}),
    ...(item.note ? { note: [{ text: item.note }] } : {}),
    dosageInstruction: dosageLines(item, d),
  } as MedicationRequest;
}

export function toServiceRequest(patientId: string, item: Intervention): ServiceRequest | null {
  if (item.details.kind === "medication") return null;
  const name = interventionName(item);
  const instructions = "instructions" in item.details && typeof item.details.instructions === "string" && item.details.instructions ? item.details.instructions : null;
  return {
    resourceType: "ServiceRequest",
    id: resourceIds.item(patientId, item.id),
    status: SERVICE_STATUS[item.status],
    intent: item.status === "proposed" ? "proposal" : "plan",
    category: [{ text: THERAPY_CATEGORY_LABELS[item.category] }],
    code: item.therapyId ? { coding: [{ system: SYSTEMS.concordTherapy, code: item.therapyId, display: name }], text: name } : { text: name },
    subject: patientRef(patientId),
    ...(item.startDate ? { occurrencePeriod: { start: item.startDate } } : {}),
    performerType: { text: DISCIPLINE_LABELS[item.ownerDiscipline] },
    ...(item.note || item.stopReason ? { note: [item.note, item.stopReason ? `Stopped: ${item.stopReason}` : null].filter((t): t is string => Boolean(t)).map((text) => ({ text })) } : {}),
    ...(instructions ? { patientInstruction: instructions } : {}),
  } as ServiceRequest;
}

export function toPlanItem(patientId: string, item: Intervention): MedicationRequest | ServiceRequest {
  return (toMedicationRequest(patientId, item) ?? toServiceRequest(patientId, item)) as MedicationRequest | ServiceRequest;
}

/* ------------------------------------------------------------------ CarePlan */

export function toCarePlan(patientId: string, plan: CarePlan): FhirCarePlan {
  return {
    resourceType: "CarePlan",
    id: resourceIds.carePlan(patientId),
    meta: { versionId: String(plan.version) },
    status: "active",
    intent: "plan",
    title: "CRPS care plan",
    description: `Organised around the four treatment goals; next review due ${plan.reviewDueAt}.`,
    subject: patientRef(patientId),
    careTeam: [{ reference: `CareTeam/${resourceIds.careTeam(patientId)}` }],
    addresses: [{ reference: `Condition/${resourceIds.condition(patientId)}` }],
    goal: plan.goals.map((g) => ({ reference: `Goal/${resourceIds.goal(patientId, g.id)}` })),
    activity: plan.interventions.map((item) => ({
      reference: { reference: `${item.details.kind === "medication" ? "MedicationRequest" : "ServiceRequest"}/${resourceIds.item(patientId, item.id)}`, display: interventionName(item) },
    })),
    note: [{ text: `Review due ${plan.reviewDueAt}.` }],
  };
}

/* ------------------------------------------------------------------ Observations and flags */

const SURVEY = [{ coding: [{ system: SYSTEMS.observationCategory, code: "survey", display: "Survey" }] }];
const EXAM = [{ coding: [{ system: SYSTEMS.observationCategory, code: "exam", display: "Exam" }] }];

export function checkInObservation(patientId: string, c: FhirCheckInInput): Observation {
  return {
    resourceType: "Observation",
    id: resourceIds.checkIn(c.id),
    status: "final",
    category: SURVEY,
    code: concept(LOINC.painSeverity, "Pain now (0-10)"),
    subject: patientRef(patientId),
    effectiveDateTime: c.date,
    issued: c.updatedAt,
    valueInteger: c.painNow,
    component: [
      { code: concept(LOCAL_CODES.painAverage), valueInteger: c.painAverage },
      { code: concept(LOCAL_CODES.painWorst), valueInteger: c.painWorst },
    ],
  };
}

const LICENSED_NAME = (kind: string) => MEASURE_LABELS[kind] ?? kind;

/** The code a stored measure kind is sent under. */
export function measureTerm(kind: string): TermCode {
  switch (kind) {
    case "phq9":
      return LOINC.phq9Total;
    case "gad7":
      return LOINC.gad7Total;
    case "css":
      return LOCAL_CODES.css;
    case "psfs":
      return LOCAL_CODES.psfs;
    case "limb_temperature":
      return LOCAL_CODES.limbTemperature;
    case "budapest":
      return LOCAL_CODES.budapest;
    default:
      return { ...LOCAL_CODES.licensed, code: `licensed-${kind}`, display: LICENSED_NAME(kind) };
  }
}

export function measureObservation(patientId: string, m: FhirMeasureInput): Observation {
  const term = measureTerm(m.kind);
  const value: Partial<Observation> =
    m.score === null
      ? { dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown", display: "Unknown" }] } }
      : m.kind === "limb_temperature"
        ? { valueQuantity: { value: m.score, unit: "°C", system: SYSTEMS.ucum, code: "Cel" } }
        : Number.isInteger(m.score)
          ? { valueInteger: m.score }
          : { valueQuantity: { value: m.score } };
  return {
    resourceType: "Observation",
    id: resourceIds.measure(m.id),
    status: "final",
    category: m.kind === "limb_temperature" || m.kind === "css" || m.kind === "budapest" ? EXAM : SURVEY,
    code: concept(term),
    subject: patientRef(patientId),
    effectiveDateTime: m.takenOn,
    issued: m.recordedAt,
    ...value,
  };
}

export function toFlag(patientId: string, a: FhirAlertInput): Flag {
  return {
    resourceType: "Flag",
    id: resourceIds.alert(a.id),
    status: a.acknowledgedAt ? "inactive" : "active",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/flag-category", code: "clinical", display: "Clinical" }] }],
    code: { text: `${a.severity === "urgent" ? "Urgent: " : ""}${a.title}` },
    subject: patientRef(patientId),
    period: { start: a.createdAt, ...(a.acknowledgedAt ? { end: a.acknowledgedAt } : {}) },
  };
}

/** A message in a thread shared with the patient; its place in the thread through inResponseTo. */
export function toCommunication(patientId: string, m: FhirCommunicationInput): Communication {
  return {
    resourceType: "Communication",
    id: resourceIds.message(m.id),
    status: "completed",
    subject: patientRef(patientId),
    topic: { text: m.threadTitle },
    ...(m.previousId !== null ? { inResponseTo: [{ reference: `Communication/${resourceIds.message(m.previousId)}` }] } : {}),
    sent: m.sentAt,
    sender: m.fromPatient ? { ...patientRef(patientId), display: m.authorName } : { display: m.authorName },
    ...(m.fromPatient ? {} : { recipient: [patientRef(patientId)] }),
    payload: [{ contentString: m.body }],
  };
}

/* ------------------------------------------------------------------ The whole record */

/** Every resource of one patient's record, in the order $everything lists them. */
export function recordResources(r: FhirPatientRecordInput): Resource[] {
  const id = r.patient.id;
  const plan = r.carePlan;
  return [
    toPatient(r.patient),
    toCondition(r.patient),
    toCareTeam(id, r.careTeam),
    ...(plan ? [toCarePlan(id, plan), ...plan.goals.map((g) => toGoal(id, g)), ...plan.interventions.map((i) => toPlanItem(id, i))] : []),
    ...r.checkIns.map((c) => checkInObservation(id, c)),
    ...r.measures.map((m) => measureObservation(id, m)),
    ...(r.alerts ?? []).map((a) => toFlag(id, a)),
    ...(r.communications ?? []).map((m) => toCommunication(id, m)),
  ];
}

