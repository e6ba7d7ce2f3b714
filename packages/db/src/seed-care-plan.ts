import { randomUUID } from "node:crypto";
import { type Discipline, type PlanCommand, addCalendarDays, applyCommand, diffPlans, summariseDiff } from "@concord/domain";
import type { Database } from "./client";
import { type CarePlanRecord, createCarePlan, insertCarePlanRevision, saveCarePlanVersion } from "./queries/care-plan";

type Author = { id: string; discipline: Discipline };

export interface CarePlanSeedAuthors {
  physician: string;
  pt: string;
  ot: string;
  psychologist: string;
}

/**
 * Builds a plan the way the team would, one command at a time through the domain, so the demo
 * history reads like real use and every seeded document passed the same validation as the UI.
 */
async function buildPlan(db: Database, patientId: string, reviewDueAt: string, today: string, steps: Array<[Author, PlanCommand]>) {
  let record = (await createCarePlan(db, { patientId, reviewDueAt, createdBy: null })) as CarePlanRecord;
  for (const [author, command] of steps) {
    const before = record.document;
    const after = applyCommand(before, command, { actorId: author.id, actorDiscipline: author.discipline, today, newId: randomUUID });
    const diff = diffPlans(before, after);
    await saveCarePlanVersion(db, { planId: record.id, expectedVersion: record.version, document: after, authorId: author.id });
    await insertCarePlanRevision(db, {
      planId: record.id,
      version: record.version + 1,
      patientId,
      authorId: author.id,
      summary: summariseDiff(diff),
      diff,
      command: command as Record<string, unknown>,
    });
    record = { ...record, version: record.version + 1, document: { ...after, version: record.version + 1 } };
  }
  return record;
}

/** Alex: early CRPS of the left arm, plan just started. Jordan: chronic, and the plan is overdue for review. */
export async function seedCarePlans(
  db: Database,
  params: { alex: string; jordan: string; authors: CarePlanSeedAuthors; today: string },
): Promise<void> {
  const { today } = params;
  const physician: Author = { id: params.authors.physician, discipline: "pain_physician" };
  const pt: Author = { id: params.authors.pt, discipline: "physical_therapist" };
  const ot: Author = { id: params.authors.ot, discipline: "occupational_therapist" };
  const psychologist: Author = { id: params.authors.psychologist, discipline: "psychologist" };
  const inDays = (n: number) => addCalendarDays(today, n);

  await buildPlan(db, params.alex, inDays(28), today, [
    [physician, { type: "addGoal", goalId: "pain", status: "in_progress", targets: [{ kind: "pain_average_at_most", value: 4, byDate: inDays(90) }] }],
    [pt, { type: "addGoal", goalId: "mobility", status: "in_progress", targets: [{ kind: "activity_minutes", activity: "Gentle hand and wrist exercises", minutes: 15 }] }],
    [ot, { type: "addGoal", goalId: "function", targets: [{ kind: "psfs_activity_score", activity: "Typing at work", atLeast: 6, byDate: inDays(120) }] }],
    [psychologist, { type: "addGoal", goalId: "wellbeing", targets: [{ kind: "measure_at_most", measure: "gad7", value: 7 }] }],
    [
      physician,
      {
        type: "addIntervention",
        therapy: { therapyId: "pregabalin" },
        nextReviewDate: inDays(14),
        // Route and unit come from the agent; the daily total (150 mg, then 300 mg) is checked against its bounds.
        details: {
          agentId: "pregabalin",
          dose: 75,
          dosesPerDay: 2,
          titrationSteps: [{ dose: 150, startsOn: inDays(7), note: "if well tolerated" }],
        },
      },
    ],
    [
      pt,
      {
        type: "addIntervention",
        therapy: { therapyId: "mirror-therapy" },
        goalIds: ["pain", "mobility"],
        nextReviewDate: inDays(14),
        details: { sets: 3, repetitions: 10, frequency: "daily", durationMinutes: 10, stage: "left_right_judgement", stageStartedOn: today },
      },
    ],
    [
      ot,
      {
        type: "addIntervention",
        therapy: { therapyId: "desensitization" },
        details: {
          sets: 3,
          repetitions: 5,
          frequency: "three times a day",
          durationMinutes: 5,
          instructions: "Stroke the sore skin with silk, then cotton, then a towel; stop at a 3 out of 10 discomfort.",
        },
      },
    ],
    [physician, { type: "addIntervention", therapy: { therapyId: "cbt" }, details: { sessionType: "individual", frequency: "weekly" } }],
    [
      psychologist,
      {
        type: "addIntervention",
        therapy: { therapyId: "sleep-hygiene" },
        goalIds: ["wellbeing"],
        details: { frequency: "every evening", instructions: "Same bedtime each night; no screens in the last hour." },
      },
    ],
  ]);

  await buildPlan(db, params.jordan, inDays(-10), today, [
    [physician, { type: "addGoal", goalId: "pain", status: "in_progress", targets: [{ kind: "pain_average_at_most", value: 5, byDate: inDays(60) }] }],
    [pt, { type: "addGoal", goalId: "mobility", status: "in_progress", targets: [{ kind: "activity_minutes", activity: "Walking", minutes: 20 }] }],
    [ot, { type: "addGoal", goalId: "function", status: "in_progress", targets: [{ kind: "psfs_activity_score", activity: "Climbing stairs", atLeast: 5 }] }],
    [psychologist, { type: "addGoal", goalId: "wellbeing", status: "in_progress", targets: [{ kind: "measure_at_most", measure: "phq9", value: 9 }] }],
    [
      physician,
      { type: "addIntervention", therapy: { therapyId: "duloxetine" }, details: { agentId: "duloxetine", dose: 60, dosesPerDay: 1, schedule: "in the morning" } },
    ],
    [
      pt,
      {
        type: "addIntervention",
        therapy: { therapyId: "range-of-motion-exercises" },
        details: { sets: 2, repetitions: 12, frequency: "twice daily", instructions: "Ankle circles and toe curls, slowly, within comfort." },
      },
    ],
    [ot, { type: "addIntervention", therapy: { therapyId: "functional-retraining" }, details: { sets: 1, repetitions: 5, frequency: "daily", instructions: "Practise stairs with the handrail." } }],
    [psychologist, { type: "addIntervention", therapy: { therapyId: "mbsr" }, details: { sessionType: "group", frequency: "weekly", nextSessionDate: inDays(3) } }],
    [pt, { type: "addIntervention", therapy: { therapyId: "gentle-movement" }, goalIds: ["mobility"], details: { frequency: "daily", instructions: "A short walk after lunch." } }],
  ]);
}
