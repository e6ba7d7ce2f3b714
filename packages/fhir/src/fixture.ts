import { carePlanSchema } from "@concord/domain";
import type { FhirPatientRecordInput } from "./record";

const PATIENT_ID = "7a1f1c9e-2a4b-4c3d-9e8f-0a1b2c3d4e5f";

const base = { custom: false, customName: null, responsibleClinicianId: "c-1", status: "active", startDate: "2026-02-01", nextReviewDate: null, note: null, stopReason: null };

/** One record that exercises every mapping: each goal target kind, a titrated and a custom medication, non-drug items, every measure kind. */
export function fixtureRecord(): FhirPatientRecordInput {
  const carePlan = carePlanSchema.parse({
    patientId: PATIENT_ID,
    version: 7,
    reviewDueAt: "2026-04-01",
    goals: [
      { id: "pain", status: "in_progress", note: null, targets: [{ kind: "pain_average_at_most", value: 4, byDate: "2026-06-01" }] },
      { id: "mobility", status: "achieved", note: "Walks daily", targets: [{ kind: "activity_minutes", activity: "Walking", minutes: 20 }] },
      { id: "function", status: "revised", note: null, targets: [{ kind: "psfs_activity_score", activity: "Typing", atLeast: 6 }, { kind: "custom", description: "Carry a bag of shopping", measure: "patient report" }] },
      { id: "wellbeing", status: "not_started", note: null, targets: [{ kind: "measure_at_most", measure: "phq9", value: 9 }, { kind: "measure_at_most", measure: "css", value: 8, byDate: "2026-09-01" }] },
    ],
    interventions: [
      {
        ...base,
        id: "iv-preg",
        therapyId: "pregabalin",
        category: "medication",
        ownerDiscipline: "pain_physician",
        goalIds: ["pain"],
        details: { kind: "medication", agentId: "pregabalin", dose: 75, unit: "mg", route: "oral", dosesPerDay: 2, schedule: "with food", titrationSteps: [{ dose: 150, startsOn: "2026-02-15", note: "if tolerated" }] },
      },
      {
        ...base,
        id: "iv-custom",
        therapyId: null,
        custom: true,
        customName: "Low-dose naltrexone",
        category: "medication",
        ownerDiscipline: "pain_physician",
        goalIds: ["pain"],
        status: "stopped",
        stopReason: "No benefit after 8 weeks",
        details: { kind: "medication", agentId: null, dose: 4.5, unit: "mg", route: "oral", dosesPerDay: 1, maxDailyDose: 4.5 },
      },
      { ...base, id: "iv-mirror", therapyId: "mirror-therapy", category: "pt_ot", ownerDiscipline: "physical_therapist", goalIds: ["mobility", "pain"], details: { kind: "exercise", sets: 3, repetitions: 10, frequency: "daily", stage: "left_right_judgement" } },
      { ...base, id: "iv-block", therapyId: "sympathetic-nerve-block", category: "interventional", ownerDiscipline: "pain_physician", goalIds: ["pain"], details: { kind: "procedure", plannedDate: "2026-03-07", side: "left", recordPainBeforeAfter: true } },
      {
        ...base,
        id: "iv-cbt",
        therapyId: "cbt",
        category: "psychological",
        ownerDiscipline: "psychologist",
        responsibleClinicianId: null,
        goalIds: ["wellbeing"],
        status: "proposed",
        startDate: null,
        details: { kind: "psychological", sessionType: "individual", frequency: "weekly", nextSessionDate: "2026-03-04" },
      },
      { ...base, id: "iv-sleep", therapyId: "sleep-hygiene", category: "self_management", ownerDiscipline: "psychologist", goalIds: ["wellbeing"], details: { kind: "self_management", frequency: "every evening", instructions: "Same bedtime each night" } },
    ],
  });
  return {
    patient: { id: PATIENT_ID, name: "Alex Rivera", dateOfBirth: "1988-04-12", onsetDate: "2025-11-02", mrn: "MRN-1001", phone: "+1 415 555 0142", diagnosis: { code: "G90.512", label: "CRPS I of left upper limb", crpsType: "I", limb: "left upper limb" } },
    careTeam: [
      { clinicianId: "c-1", name: "Dr. Priya Shah", discipline: "pain_physician", active: true },
      { clinicianId: "c-2", name: "Sam Lee", discipline: "physical_therapist", active: false },
    ],
    carePlan,
    checkIns: [{ id: "0b7c2a4e-1111-4a2b-8c3d-000000000001", date: "2026-03-01", painNow: 6, painAverage: 5, painWorst: 8, updatedAt: "2026-03-01T18:00:00.000Z" }],
    measures: [
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000001", kind: "phq9", takenOn: "2026-02-20", score: 11, recordedAt: "2026-02-20T10:00:00.000Z" },
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000002", kind: "gad7", takenOn: "2026-02-20", score: 7, recordedAt: "2026-02-20T10:01:00.000Z" },
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000003", kind: "css", takenOn: "2026-02-10", score: 12, recordedAt: "2026-02-10T10:00:00.000Z" },
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000004", kind: "psfs", takenOn: "2026-02-10", score: 4.7, recordedAt: "2026-02-10T10:02:00.000Z" },
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000005", kind: "limb_temperature", takenOn: "2026-02-10", score: -1.4, recordedAt: "2026-02-10T10:03:00.000Z" },
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000006", kind: "budapest", takenOn: "2026-01-05", score: 4, recordedAt: "2026-01-05T10:00:00.000Z" },
      { id: "0b7c2a4e-2222-4a2b-8c3d-000000000007", kind: "pcs", takenOn: "2026-01-05", score: null, recordedAt: "2026-01-05T10:05:00.000Z" },
    ],
    alerts: [
      { id: "0b7c2a4e-3333-4a2b-8c3d-000000000001", severity: "urgent", title: "PHQ-9 item 9 answered above 0", createdAt: "2026-02-20T10:00:01.000Z", acknowledgedAt: null },
      { id: "0b7c2a4e-3333-4a2b-8c3d-000000000002", severity: "review", title: "Pain worse by 3 points", createdAt: "2026-02-01T10:00:00.000Z", acknowledgedAt: "2026-02-02T09:00:00.000Z" },
    ],
    communications: [
      { id: 41, threadId: "t-1", threadTitle: "Mirror therapy questions", authorName: "Alex Rivera", fromPatient: true, body: "Should the mirror be on the left?", sentAt: "2026-02-03T09:00:00.000Z", previousId: null },
      { id: 42, threadId: "t-1", threadTitle: "Mirror therapy questions", authorName: "Sam Lee", fromPatient: false, body: "Yes: hide the painful hand behind it.", sentAt: "2026-02-03T10:00:00.000Z", previousId: 41 },
    ],
  };
}
