// Builders for the care-plan tests. Not exported from index: test support only.
import { type Intervention, interventionSchema } from "./intervention";
import { type CarePlan, carePlanSchema } from "./plan";
import type { CommandContext } from "./plan-commands";
import type { Discipline } from "../roles";

export const TODAY = "2026-03-02";

export function intervention(overrides: Partial<Record<keyof Intervention, unknown>> & { id: string }): Intervention {
  return interventionSchema.parse({
    therapyId: "pregabalin",
    custom: false,
    customName: null,
    category: "medication",
    ownerDiscipline: "pain_physician",
    responsibleClinicianId: "c-phys",
    goalIds: ["pain"],
    status: "active",
    startDate: "2026-02-01",
    nextReviewDate: null,
    note: null,
    details: { kind: "medication", agentId: "pregabalin", dose: 75, unit: "mg", route: "oral", dosesPerDay: 2 },
    stopReason: null,
    ...overrides,
  });
}

export const pregabalin = () => intervention({ id: "iv-preg" });

/** Medication details as a physician enters them now: agent, dose and doses per day. */
export const medicationDetails = (extra: Record<string, unknown> = {}) => ({
  kind: "medication",
  agentId: "pregabalin",
  dose: 75,
  unit: "mg",
  route: "oral",
  dosesPerDay: 2,
  ...extra,
});

export const mirrorTherapy = () =>
  intervention({
    id: "iv-mirror",
    therapyId: "mirror-therapy",
    category: "pt_ot",
    ownerDiscipline: "physical_therapist",
    responsibleClinicianId: "c-pt",
    goalIds: ["mobility", "pain"],
    details: { kind: "exercise", sets: 3, repetitions: 10, frequency: "daily", stage: "left_right_judgement" },
  });

export const nerveBlock = () =>
  intervention({
    id: "iv-block",
    therapyId: "sympathetic-nerve-block",
    category: "interventional",
    goalIds: ["pain"],
    details: { kind: "procedure", plannedDate: "2026-03-07", side: "left", recordPainBeforeAfter: true },
  });

export const cbtProposal = () =>
  intervention({
    id: "iv-cbt",
    therapyId: "cbt",
    category: "psychological",
    ownerDiscipline: "psychologist",
    responsibleClinicianId: null,
    goalIds: ["wellbeing"],
    status: "proposed",
    startDate: null,
    details: { kind: "psychological", sessionType: "individual", frequency: "weekly", nextSessionDate: "2026-03-04" },
  });

export const sleepHygiene = () =>
  intervention({
    id: "iv-sleep",
    therapyId: "sleep-hygiene",
    category: "self_management",
    ownerDiscipline: "psychologist",
    responsibleClinicianId: "c-psy",
    goalIds: ["wellbeing"],
    details: { kind: "self_management", frequency: "every evening", instructions: "Same bedtime each night" },
  });

export const vrProposal = () =>
  intervention({
    id: "iv-vr",
    therapyId: "virtual-reality-therapy",
    category: "experimental",
    responsibleClinicianId: null,
    status: "proposed",
    startDate: null,
    details: { kind: "experimental", consentRecordedAt: null, studyReference: null },
  });

export const pacingDiary = () =>
  intervention({
    id: "iv-diary",
    therapyId: null,
    custom: true,
    customName: "Pacing diary",
    category: "pt_ot",
    ownerDiscipline: "occupational_therapist",
    responsibleClinicianId: "c-ot",
    goalIds: ["function"],
    details: { kind: "exercise", sets: 1, repetitions: 1, frequency: "daily", instructions: "Log activity and rest" },
  });

export function plan(interventions: Intervention[] = [pregabalin(), mirrorTherapy()]): CarePlan {
  return carePlanSchema.parse({
    patientId: "p-1",
    version: 4,
    reviewDueAt: "2026-04-01",
    goals: [
      { id: "pain", status: "in_progress", note: null, targets: [{ kind: "pain_average_at_most", value: 4, byDate: "2026-06-01" }] },
      { id: "mobility", status: "in_progress", note: null, targets: [{ kind: "activity_minutes", activity: "Walking", minutes: 20 }] },
      { id: "function", status: "not_started", note: null, targets: [{ kind: "psfs_activity_score", activity: "Typing", atLeast: 6 }] },
      { id: "wellbeing", status: "not_started", note: null, targets: [{ kind: "measure_at_most", measure: "phq9", value: 9 }] },
    ],
    interventions,
  });
}

export function ctx(actorDiscipline: Discipline, ids: string[] = ["new-1", "new-2"]): CommandContext {
  const queue = [...ids];
  return { actorId: `c-${actorDiscipline}`, actorDiscipline, today: TODAY, newId: () => queue.shift() ?? "new-x" };
}
