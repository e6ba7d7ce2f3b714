// Zod-free: read-only views of a plan (by goal, its trials, review timing) for pages and the browser.
// ./plan.ts holds the plan's schema.
import { type CalendarDate, daysBetween } from "../dates/calendar";
import type { Goal, GoalId } from "./goals";
import type { Intervention } from "./intervention";
import { interventionName } from "./intervention-name";
import { doseOn } from "./medication-dosing";
import type { CarePlan } from "./plan";
import { GOAL_IDS } from "./treatment-goals";
import type { MedicationTrial } from "./trial-summary";

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
