import {
  type Actor,
  type CheckIn,
  adherenceItems,
  adherenceOverWindow,
  conflict,
  invalid,
  latestPossibleToday,
  notFound,
  validateCheckInDate,
} from "@concord/domain";
import { type CheckInRow, type Database, getCheckIn, inOrder, insertCheckIn, readCarePlanDocument, updateCheckIn } from "@concord/db";
import { evaluateAlerts } from "./evaluate-alerts";

export type CheckInMode = { kind: "create" } | { kind: "edit"; expectedVersion: number };

export function presentCheckIn(row: CheckInRow) {
  return { date: row.date, version: row.version, updatedAt: row.updatedAt, ...row.data, adherencePercent: row.adherencePercent };
}

/**
 * Saves the patient's check-in for a day. One per day: a second "create" for the same day is
 * refused with CONFLICT and the way to edit it; an edit must name the version it started from, so
 * an edit made on another device in between is never silently overwritten. Rules run in the same
 * transaction.
 */
export async function submitCheckIn(db: Database, actor: Actor, patientId: string, checkIn: CheckIn, mode: CheckInMode) {
  const today = latestPossibleToday();
  validateCheckInDate(checkIn.date, today);

  if (checkIn.adherence.length > 0) {
    // Any item of the plan may be reported (the plan may change while the form is open), nothing else.
    const plan = await readCarePlanDocument(db, patientId);
    const known = new Set((plan?.interventions ?? []).map((i) => i.id));
    const unknown = checkIn.adherence.filter((a) => !known.has(a.interventionId));
    if (unknown.length > 0) throw invalid("Some of the treatments reported are not in your care plan. Reload the page and try again.", { unknown: unknown.map((a) => a.interventionId) });
  }

  const { date, ...data } = checkIn;
  const values = {
    patientId,
    date,
    data,
    adherencePercent: adherenceOverWindow([checkIn], date, date).percentage,
    actorId: actor.userId,
  };

  let row: CheckInRow | null;
  if (mode.kind === "create") {
    row = await insertCheckIn(db, values);
    if (!row) {
      const existing = await getCheckIn(db, patientId, date);
      throw conflict(`You have already checked in for ${date}. Edit that check-in instead.`, { date, version: existing?.version ?? null });
    }
  } else {
    row = await updateCheckIn(db, { ...values, expectedVersion: mode.expectedVersion });
    if (!row) {
      const existing = await getCheckIn(db, patientId, date);
      if (!existing) throw notFound(`The check-in for ${date}`);
      throw conflict("This check-in was changed somewhere else since you opened it. Reload to see the latest answers, then edit again.", {
        date,
        version: existing.version,
      });
    }
  }

  const raised = await evaluateAlerts(db, patientId, today);
  const redFlags = checkIn.suddenSwelling || checkIn.signsOfInfection || checkIn.newLimbAffected;
  return {
    checkIn: presentCheckIn(row),
    /** Only the count: the patient is told their team was alerted, not the rule wording. */
    alertsRaised: raised.length,
    redFlagAdvice: redFlags,
  };
}

/** What the check-in form needs: the plan's items to report on, and that day's entry if any. */
export async function getCheckInForm(db: Database, patientId: string, date: string) {
  const [plan, existing] = await inOrder([() => readCarePlanDocument(db, patientId), () => getCheckIn(db, patientId, date)] as const);
  return { date, adherenceItems: adherenceItems(plan), existing: existing ? presentCheckIn(existing) : null };
}
