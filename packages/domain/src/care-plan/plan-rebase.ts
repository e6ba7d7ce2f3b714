import { getTherapy } from "./catalogue";
import type { PlanCommand } from "./plan-commands";
import type { PlanDiffEntry } from "./plan-diff";
import type { CarePlan } from "./plan";

/**
 * What one change reads or writes in a plan: the intervention ids and goal ids it depends on, or
 * the whole plan. Two changes overlap when their footprints share an item, or when either is
 * plan-wide; a stale edit that overlaps none of the changes made since its version can be applied
 * to the current plan instead (rebased), because it would have done exactly the same there.
 */
export interface PlanFootprint {
  /** A plan-level field (the review date) or a change we cannot place: overlaps every other change. */
  planWide: boolean;
  interventionIds: ReadonlySet<string>;
  goalIds: ReadonlySet<string>;
}

const footprint = (parts: { planWide?: boolean; interventionIds?: Iterable<string>; goalIds?: Iterable<string> }): PlanFootprint => ({
  planWide: parts.planWide ?? false,
  interventionIds: new Set(parts.interventionIds ?? []),
  goalIds: new Set(parts.goalIds ?? []),
});

/**
 * What `command` depends on when applied to `plan` (the current plan):
 * - an item edit (note, details, status, trial entry) is that item;
 * - a goal added or edited is that goal (two people adding the same goal overlap);
 * - a new intervention has a new id, so it overlaps no one else's edit, except that it also
 *   depends on the plan's other items for the same catalogue therapy (the one-live-item rule) and,
 *   when it names no goals, on the goals it links to by default;
 * - the review date is plan-wide.
 */
export function commandFootprint(command: PlanCommand, plan: Pick<CarePlan, "interventions">): PlanFootprint {
  switch (command.type) {
    case "addGoal":
    case "updateGoal":
      return footprint({ goalIds: [command.goalId] });
    case "updateIntervention":
    case "changeInterventionStatus":
    case "recordTrialEntry":
    case "editIntervention":
      return footprint({ interventionIds: [command.interventionId] });
    case "addIntervention": {
      const therapy = command.therapy;
      if (therapy.custom === true) return footprint({ goalIds: command.goalIds ?? [] });
      const sameTherapy = plan.interventions.filter((i) => !i.custom && i.therapyId === therapy.therapyId).map((i) => i.id);
      const defaultGoals = command.goalIds ? [] : (getTherapy(therapy.therapyId)?.defaultGoals ?? []);
      return footprint({ interventionIds: sameTherapy, goalIds: defaultGoals });
    }
    case "setReviewDate":
      return footprint({ planWide: true });
    default:
      // A command kind this function does not know yet: assume it touches everything.
      return footprint({ planWide: true });
  }
}

/**
 * What a saved revision changed, read from its stored diff (paths are keyed by id:
 * "interventions.<id>.details.dose", "goals.<id>.targets", "reviewDueAt"). Intervention ids are
 * UUIDs and goal ids are fixed words, so neither holds a dot. A path of any other shape makes the
 * revision plan-wide, so an unknown change can never be rebased over.
 */
export function diffFootprint(diff: readonly Pick<PlanDiffEntry, "path">[]): PlanFootprint {
  const interventionIds: string[] = [];
  const goalIds: string[] = [];
  let planWide = false;
  for (const { path } of diff) {
    const [head, id] = typeof path === "string" ? path.split(".", 2) : [];
    if (head === "interventions" && id) interventionIds.push(id);
    else if (head === "goals" && id) goalIds.push(id);
    else planWide = true;
  }
  return footprint({ planWide, interventionIds, goalIds });
}

/** The first thing `mine` shares with `other`, in words for a log or a test; null when they are independent. */
export function footprintOverlap(mine: PlanFootprint, other: PlanFootprint): string | null {
  if (mine.planWide) return "plan-wide change";
  if (other.planWide) return "plan-wide change since";
  for (const id of mine.interventionIds) if (other.interventionIds.has(id)) return `intervention ${id}`;
  for (const id of mine.goalIds) if (other.goalIds.has(id)) return `goal ${id}`;
  return null;
}

/**
 * Whether an edit made at an older version may be applied to the current plan: true when none of
 * the changes saved since (`footprintsSince`, one per revision) overlaps what the edit touches.
 * With nothing saved since there is nothing to overlap.
 */
export function canRebase(mine: PlanFootprint, footprintsSince: readonly PlanFootprint[]): boolean {
  return footprintsSince.every((other) => footprintOverlap(mine, other) === null);
}
