import { type PlanCommand, addCalendarDays } from "@concord/domain";
import type { DemoStaffKey } from "./accounts";

/** One plan edit: who makes it (they edit as the discipline they hold on the team) and the command the plan editor sends. */
export type PlanStep = [author: DemoStaffKey, command: PlanCommand];

/**
 * The demo plans as the team builds them, one edit at a time. Dates the team chose (targets,
 * reviews, a titration step) are set from the demo's calendar day, so the plans read the same
 * whenever the demo is loaded; items start on the day they were added.
 * Alex: early CRPS of the left arm, plan made at diagnosis. Jordan: chronic, and the plan is overdue for review.
 */
export function demoPlanSteps(today: string, days: { alexPlanMade: string }): { alex: PlanStep[]; jordan: PlanStep[] } {
  const inDays = (n: number) => addCalendarDays(today, n);
  return {
    alex: [
      ["physician", { type: "addGoal", goalId: "pain", status: "in_progress", targets: [{ kind: "pain_average_at_most", value: 4, byDate: inDays(90) }] }],
      ["pt", { type: "addGoal", goalId: "mobility", status: "in_progress", targets: [{ kind: "activity_minutes", activity: "Gentle hand and wrist exercises", minutes: 15 }] }],
      ["ot", { type: "addGoal", goalId: "function", targets: [{ kind: "psfs_activity_score", activity: "Typing at work", atLeast: 6, byDate: inDays(120) }] }],
      ["psychologist", { type: "addGoal", goalId: "wellbeing", targets: [{ kind: "measure_at_most", measure: "gad7", value: 7 }] }],
      [
        "physician",
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
        "pt",
        {
          type: "addIntervention",
          therapy: { therapyId: "mirror-therapy" },
          goalIds: ["pain", "mobility"],
          nextReviewDate: inDays(14),
          details: { sets: 3, repetitions: 10, frequency: "daily", durationMinutes: 10, stage: "left_right_judgement", stageStartedOn: days.alexPlanMade },
        },
      ],
      [
        "ot",
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
      ["physician", { type: "addIntervention", therapy: { therapyId: "cbt" }, details: { sessionType: "individual", frequency: "weekly" } }],
      [
        "psychologist",
        {
          type: "addIntervention",
          therapy: { therapyId: "sleep-hygiene" },
          goalIds: ["wellbeing"],
          details: { frequency: "every evening", instructions: "Same bedtime each night; no screens in the last hour." },
        },
      ],
    ],
    jordan: [
      ["physician", { type: "addGoal", goalId: "pain", status: "in_progress", targets: [{ kind: "pain_average_at_most", value: 5, byDate: inDays(60) }] }],
      ["pt", { type: "addGoal", goalId: "mobility", status: "in_progress", targets: [{ kind: "activity_minutes", activity: "Walking", minutes: 20 }] }],
      ["ot", { type: "addGoal", goalId: "function", status: "in_progress", targets: [{ kind: "psfs_activity_score", activity: "Climbing stairs", atLeast: 5 }] }],
      ["psychologist", { type: "addGoal", goalId: "wellbeing", status: "in_progress", targets: [{ kind: "measure_at_most", measure: "phq9", value: 9 }] }],
      [
        "physician",
        { type: "addIntervention", therapy: { therapyId: "duloxetine" }, details: { agentId: "duloxetine", dose: 60, dosesPerDay: 1, schedule: "in the morning" } },
      ],
      [
        "pt",
        {
          type: "addIntervention",
          therapy: { therapyId: "range-of-motion-exercises" },
          details: { sets: 2, repetitions: 12, frequency: "twice daily", instructions: "Ankle circles and toe curls, slowly, within comfort." },
        },
      ],
      ["ot", { type: "addIntervention", therapy: { therapyId: "functional-retraining" }, details: { sets: 1, repetitions: 5, frequency: "daily", instructions: "Practise stairs with the handrail." } }],
      ["psychologist", { type: "addIntervention", therapy: { therapyId: "mbsr" }, details: { sessionType: "group", frequency: "weekly", nextSessionDate: inDays(3) } }],
      ["pt", { type: "addIntervention", therapy: { therapyId: "gentle-movement" }, goalIds: ["mobility"], details: { frequency: "daily", instructions: "A short walk after lunch." } }],
    ],
  };
}
