import { type CarePlan, type ClinicSettings, addCalendarDays, type Discipline, ROLE_LABELS, isPastReview } from "@concord/domain";
import { type Database, getCarePlan, getCareTeam, listCarePlanRevisions, userNames } from "@concord/db";
import { patientToday } from "./patient-clock";
import { FIRST_REVIEW_AFTER_DAYS } from "./update-care-plan";

/**
 * The plan with its version. A patient without a plan yet gets the empty version-0 plan: the first
 * change any team clinician makes creates it, so there is no separate "create" step to race on.
 */
export async function getCarePlanForEditing(
  db: Database,
  patientId: string,
  viewerDiscipline: Discipline | null,
  settings: ClinicSettings,
  now: Date = new Date(),
) {
  // "Past review" and the default review date are read on the patient's own calendar.
  const { today } = await patientToday(db, patientId, settings, now);
  const record = await getCarePlan(db, patientId);
  const team = await getCareTeam(db, patientId);
  const plan: CarePlan = record?.document ?? { patientId, version: 0, reviewDueAt: addCalendarDays(today, FIRST_REVIEW_AFTER_DAYS), goals: [], interventions: [] };
  const responsible = plan.interventions.flatMap((i) => (i.responsibleClinicianId ? [i.responsibleClinicianId] : []));
  const known = new Set(team.map((m) => m.clinicianId));
  const others = await userNames(db, [...responsible.filter((id) => !known.has(id)), ...(record?.updatedBy ? [record.updatedBy] : [])]);
  const names: Record<string, string> = { ...others, ...Object.fromEntries(team.map((m) => [m.clinicianId, m.name])) };
  return {
    exists: record !== null,
    version: plan.version,
    plan,
    today,
    pastReview: record !== null && isPastReview(plan, today),
    firstReviewAfterDays: FIRST_REVIEW_AFTER_DAYS,
    updatedAt: record?.updatedAt.toISOString() ?? null,
    updatedByName: record?.updatedBy ? (names[record.updatedBy] ?? null) : null,
    team: team.filter((m) => m.active).map(({ clinicianId, name, discipline }) => ({ clinicianId, name, discipline })),
    names,
    viewerDiscipline,
  };
}

export async function getCarePlanHistory(db: Database, patientId: string, params: { cursor?: string | undefined; limit: number }) {
  const record = await getCarePlan(db, patientId);
  if (!record) return { items: [], nextCursor: null, currentVersion: 0 };
  const page = await listCarePlanRevisions(db, record.id, params);
  return {
    currentVersion: record.version,
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      summary: r.summary,
      diff: r.diff,
      authorName: r.authorName,
      authorRole: ROLE_LABELS[r.authorRole],
    })),
  };
}
