import { z } from "zod";
import { type CalendarDate, calendarDateSchema, daysBetween } from "../dates/index";
import { GOAL_IDS, type Goal, type GoalId, goalLabel, goalSchema } from "./goals";
import { type Intervention, interventionName, interventionSchema } from "./intervention";
import type { MedicationTrial } from "./medication-trial";
import { doseOn } from "./prescription";

/** A patient's care plan. `version` is owned by the db layer, which bumps it on every saved change. */
export const carePlanSchema = z
  .object({
    patientId: z.string().min(1),
    version: z.number().int().min(0),
    reviewDueAt: calendarDateSchema,
    goals: z.array(goalSchema),
    interventions: z.array(interventionSchema),
  })
  .superRefine((plan, ctx) => {
    const goalIds = new Set<string>();
    plan.goals.forEach((g, index) => {
      if (goalIds.has(g.id)) {
        ctx.addIssue({ code: "custom", path: ["goals", index], message: `The goal ‘${goalLabel(g.id)}’ appears twice.` });
      }
      goalIds.add(g.id);
    });
    const interventionIds = new Set<string>();
    plan.interventions.forEach((i, index) => {
      if (interventionIds.has(i.id)) {
        ctx.addIssue({ code: "custom", path: ["interventions", index, "id"], message: `Intervention id ${i.id} appears twice.` });
      }
      interventionIds.add(i.id);
      for (const g of i.goalIds) {
        if (!goalIds.has(g)) {
          ctx.addIssue({
            code: "custom",
            path: ["interventions", index, "goalIds"],
            message: `${interventionName(i)} is linked to ‘${goalLabel(g)}’, which is not a goal in this plan.`,
          });
        }
      }
    });
  });
export type CarePlan = z.infer<typeof carePlanSchema>;

/** True once the review date has gone by; on the due date itself the plan is due, not late. */
export function isPastReview(plan: Pick<CarePlan, "reviewDueAt">, today: CalendarDate): boolean {
  return plan.reviewDueAt < today;
}

/** Where an item's next review falls from today: gone by, today, or still to come. */
export const REVIEW_DUE_STATES = ["overdue", "today", "soon"] as const;
export type ReviewDue = (typeof REVIEW_DUE_STATES)[number];

/** "overdue by 3 days", "due today", "due in 5 days": the state, and whole days late or to go (0 today). */
export function reviewDue(nextReviewDate: CalendarDate, today: CalendarDate): { due: ReviewDue; days: number } {
  const days = daysBetween(today, nextReviewDate);
  return { due: days < 0 ? "overdue" : days === 0 ? "today" : "soon", days: Math.abs(days) };
}

export function findIntervention(plan: CarePlan, id: string): Intervention | undefined {
  return plan.interventions.find((i) => i.id === id);
}

/** The plan's medications as trials, ready for summariseTrials. */
export function medicationTrialsOf(plan: CarePlan, today: CalendarDate): MedicationTrial[] {
  return plan.interventions.flatMap((i) =>
    i.details.kind === "medication"
      ? [
          {
            interventionId: i.id,
            medication: interventionName(i),
            prescribedDose: { value: doseOn(i.details, today), unit: i.details.unit },
            entries: i.trialEntries,
          },
        ]
      : [],
  );
}

export interface GoalWithItems {
  goalId: GoalId;
  goal: Goal | null;
  /** Every item serving this goal; `primary` when it is the item's first goal (where its card lives). */
  items: Array<{ item: Intervention; primary: boolean }>;
}

/**
 * The plan by goal, in the standard goal order: an item that serves several goals is under each of
 * them. Goals the plan lacks appear only when an item still links to them.
 */
export function planByGoal(plan: Pick<CarePlan, "goals" | "interventions">): GoalWithItems[] {
  return GOAL_IDS.map((goalId) => ({
    goalId,
    goal: plan.goals.find((g) => g.id === goalId) ?? null,
    items: plan.interventions.filter((i) => i.goalIds.includes(goalId)).map((item) => ({ item, primary: item.goalIds[0] === goalId })),
  })).filter((g) => g.goal !== null || g.items.length > 0);
}
