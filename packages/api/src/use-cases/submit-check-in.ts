import {
  type Actor,
  CHECK_IN_RED_FLAG_LABELS,
  type CheckIn,
  type ClinicSettings,
  adherenceItems,
  adherenceOverWindow,
  asksAboutProcedureRedFlag,
  conflict,
  emergencyAdvice,
  invalid,
  notFound,
  validateCheckInDate,
} from "@concord/domain";
import {
  type CheckInRow,
  type Database,
  getCheckIn,
  inOrder,
  insertCheckIn,
  insertReportedSideEffects,
  listCheckInRevisions,
  readCarePlanDocument,
  updateCheckIn,
} from "@concord/db";
import { evaluateAlerts } from "./evaluate-alerts";
import { patientToday } from "./patient-clock";

export type CheckInMode = { kind: "create" } | { kind: "edit"; expectedVersion: number };

export function presentCheckIn(row: CheckInRow) {
  return { id: row.id, date: row.date, version: row.version, updatedAt: row.updatedAt, ...row.data, adherencePercent: row.adherencePercent };
}

/**
 * Saves the patient's check-in for a day. One per day: a second "create" for the same day is
 * refused with CONFLICT and the way to edit it; an edit must name the version it started from, so
 * an edit made on another device in between is never silently overwritten. "Today" is the
 * patient's own day. In the same transaction: side effects reported on plan items are added to the
 * item's trial record as patient-reported, and the rules read this check-in, whatever its date.
 */
export async function submitCheckIn(
  db: Database,
  actor: Actor,
  patientId: string,
  checkIn: CheckIn,
  mode: CheckInMode,
  settings: ClinicSettings,
  /** When the patient saved it (a replayed history passes its own); absent, the present moment and the database's clock. */
  now?: Date,
) {
  const { today } = await patientToday(db, patientId, settings, now);
  validateCheckInDate(checkIn.date, today);

  const plan = await readCarePlanDocument(db, patientId);
  if (checkIn.adherence.length > 0) {
    // Any item of the plan may be reported (the plan may change while the form is open), nothing else.
    const known = new Set((plan?.interventions ?? []).map((i) => i.id));
    const unknown = checkIn.adherence.filter((a) => !known.has(a.interventionId));
    if (unknown.length > 0) throw invalid("Some of the treatments reported are not in your care plan. Reload the page and try again.", { unknown: unknown.map((a) => a.interventionId) });
  }
  if (asksAboutProcedureRedFlag(plan) && checkIn.neuroDeficitAfterProcedure === undefined) {
    // A missing answer must never be read as "no".
    throw invalid(`Please answer: ${CHECK_IN_RED_FLAG_LABELS.neuroDeficitAfterProcedure}.`, { field: "neuroDeficitAfterProcedure" });
  }

  const { date, ...data } = checkIn;
  const values = {
    patientId,
    date,
    data,
    adherencePercent: adherenceOverWindow([checkIn], date, date).percentage,
    actorId: actor.userId,
    at: now,
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

  const checkInId = row.id;
  await insertReportedSideEffects(
    db,
    checkIn.adherence.flatMap((a) =>
      a.sideEffects ? [{ patientId, interventionId: a.interventionId, checkInId, reportedOn: date, text: a.sideEffects, reportedAt: now }] : [],
    ),
  );

  const raised = await evaluateAlerts(db, patientId, settings, {
    now,
    submission: {
      kind: "check_in",
      id: checkInId,
      date,
      painAverage: checkIn.painAverage,
      answers: {
        chestPainOrBreathlessness: checkIn.chestPainOrBreathlessness,
        suddenSwelling: checkIn.suddenSwelling,
        coldPaleLimb: checkIn.coldPaleLimb,
        signsOfInfection: checkIn.signsOfInfection,
        neuroDeficitAfterProcedure: checkIn.neuroDeficitAfterProcedure,
        newLimbAffected: checkIn.newLimbAffected,
      },
    },
  });
  const urgentAnswer =
    checkIn.chestPainOrBreathlessness || checkIn.suddenSwelling || checkIn.coldPaleLimb || checkIn.signsOfInfection || checkIn.neuroDeficitAfterProcedure === true;
  return {
    checkIn: presentCheckIn(row),
    /** Only counts and what to tell the patient: never the rule wording. */
    alertsRaised: raised.alerts.length,
    /** The patient answered yes to an urgent red flag (on this save or an earlier one of this check-in). */
    redFlagAdvice: urgentAnswer === true,
    /** True when a clinician was notified (or had already been, for an unchanged answer); false: nobody could be. */
    teamNotified: raised.teamNotified,
    /** Tell the patient to call emergency services now, with the region's number. */
    emergency: raised.patientEmergency ? emergencyAdvice(settings) : null,
  };
}

/** What the check-in form needs: the plan's items to report on, and that day's entry if any. */
/** One day's check-in as the patient entered it, or null when there is none. */
export async function readCheckIn(db: Database, patientId: string, date: string) {
  const row = await getCheckIn(db, patientId, date);
  return row ? presentCheckIn(row) : null;
}

/** Every saved version of one day's check-in, oldest first (edits never overwrite). */
export function listCheckInHistory(db: Database, patientId: string, date: string) {
  return listCheckInRevisions(db, patientId, date);
}

export async function getCheckInForm(db: Database, patientId: string, date: string) {
  const [plan, existing] = await inOrder([() => readCarePlanDocument(db, patientId), () => getCheckIn(db, patientId, date)] as const);
  return {
    date,
    adherenceItems: adherenceItems(plan),
    /** Ask about numbness, weakness or bladder/bowel change after a stimulator or spinal procedure. */
    asksAboutProcedure: asksAboutProcedureRedFlag(plan),
    existing: existing ? presentCheckIn(existing) : null,
  };
}
