import type { CalendarDate } from "../dates/index";
import { doseOn } from "./medication-dosing";
import type { MedicationDetails, TitrationStep } from "./prescription";

export interface TitrationReconciliation {
  /** The steps to keep, in date order: every step up to `after` untouched, then the planned ones still meaningful. */
  steps: TitrationStep[];
  /** Planned steps taken out, for the trial log and the plan's history. */
  withdrawn: TitrationStep[];
}

/**
 * When the dose in effect changes outside the plan (the physician raises pregabalin from 75 to
 * 150 mg), planned steps written against the old dose can now say nothing or the opposite of what
 * was meant: "from 8 Dec: 150 mg" when already on 150 mg, or a planned rise that would now be a cut.
 *
 * Each planned step (starting after `after`) meant a move from the dose before it: up, down (a
 * taper), or, rarely, no change. Walking the planned steps from the new dose, a step is kept only
 * if it still makes the move it meant; otherwise it is withdrawn and the walk continues from the
 * last dose kept. So a rise plan drops the steps the new dose already reaches, a taper drops the
 * steps it has already gone below, and an unchanged dose keeps every step.
 */
export function reconcileTitration(
  steps: readonly TitrationStep[],
  change: { previousDose: number; newDose: number; after: CalendarDate },
): TitrationReconciliation {
  const kept: TitrationStep[] = [];
  const withdrawn: TitrationStep[] = [];
  let meantFrom = change.previousDose;
  let from = change.newDose;
  for (const step of steps) {
    if (step.startsOn <= change.after) {
      kept.push(step);
      continue;
    }
    const meant = Math.sign(step.dose - meantFrom);
    meantFrom = step.dose;
    if (Math.sign(step.dose - from) === meant) {
      kept.push(step);
      from = step.dose;
    } else {
      withdrawn.push(step);
    }
  }
  return { steps: kept, withdrawn };
}

type Dosed = Pick<MedicationDetails, "dose" | "titrationSteps">;

/**
 * A prescription edited in place (its dose, its steps): planned steps after today are reconciled
 * against the change in today's dose. An unchanged dose keeps every step.
 */
export function reconcileEdit(before: Dosed, after: Dosed, today: CalendarDate): TitrationReconciliation {
  const started = after.titrationSteps.filter((s) => s.startsOn <= today);
  return reconcileTitration(after.titrationSteps, {
    previousDose: doseOn(before, today),
    newDose: doseOn({ dose: after.dose, titrationSteps: started }, today),
    after: today,
  });
}

/**
 * A dose change recorded on `date` (today or earlier): it supersedes the steps up to that date,
 * and planned steps it has made meaningless are withdrawn. Forms call this to show, before saving,
 * which steps a new dose would withdraw.
 */
export function reconcileDoseChange(details: Dosed, to: number, date: CalendarDate, today: CalendarDate): TitrationReconciliation {
  return reconcileEdit(details, { dose: to, titrationSteps: details.titrationSteps.filter((s) => s.startsOn > date) }, today);
}
