import { randomUUID } from "node:crypto";
import {
  type Actor,
  type CarePlan,
  type ClinicSettings,
  DISCIPLINE_LABELS,
  type Discipline,
  type DomainError,
  ROLE_LABELS,
  addCalendarDays,
  applyCommand,
  conflict,
  diffPlans,
  interventionName,
  ownersOf,
  invalid,
  summariseDiff,
  toPatientView,
} from "@concord/domain";
import {
  type CarePlanRecord,
  type Database,
  careTeamUserIds,
  createCarePlan,
  createNotifications,
  getCarePlan,
  getCareTeam,
  getPatient,
  insertCarePlanRevision,
  listCarePlanRevisionsSince,
  patientUserId,
  saveCarePlanVersion,
  userNames,
} from "@concord/db";
import type { UpdateCarePlanInput } from "./care-plan-inputs";
import { patientToday } from "./patient-clock";

/** A new plan is due for its first multidisciplinary review after twelve weeks unless the team sets a date. */
export const FIRST_REVIEW_AFTER_DAYS = 84;

export interface PlanChange {
  version: number;
  authorName: string;
  authorRole: string;
  createdAt: string;
  summary: string;
  diff: unknown[];
}

/** What changed after `sinceVersion`, for an editor who must review it before applying again. */
export async function changesSince(db: Database, planId: string, sinceVersion: number): Promise<PlanChange[]> {
  const rows = await listCarePlanRevisionsSince(db, planId, sinceVersion, 50);
  return rows.map((r) => ({
    version: r.version,
    authorName: r.authorName,
    authorRole: ROLE_LABELS[r.authorRole],
    createdAt: r.createdAt.toISOString(),
    summary: r.summary,
    diff: r.diff,
  }));
}

/** `detectedBy` says whether the first read saw the newer version or only the guarded UPDATE did (a true race). */
async function staleEdit(db: Database, plan: CarePlanRecord, expectedVersion: number, detectedBy: "read" | "write"): Promise<DomainError> {
  const changes = await changesSince(db, plan.id, Math.min(expectedVersion, plan.version));
  const latest = changes.at(-1);
  const earlier = changes.length > 1 ? `; and ${changes.length - 1} earlier ${changes.length === 2 ? "change" : "changes"}` : "";
  const what = latest ? `: ${latest.authorName} — ${latest.summary}${earlier}` : "";
  return conflict(
    `Someone else changed this plan while you were editing (now version ${plan.version}${what}). Review their change and apply yours again.`,
    { currentVersion: plan.version, expectedVersion, changes, detectedBy },
  );
}

/**
 * Applies one command to the patient's plan, conflict-safe. `db` is the procedure's transaction
 * (which also holds the audit row), so a refusal anywhere leaves nothing written.
 */
export async function updateCarePlan(
  db: Database,
  actor: Actor,
  actorDiscipline: Discipline,
  patientId: string,
  input: UpdateCarePlanInput,
  settings: ClinicSettings,
  now: Date = new Date(),
) {
  // Plan dates (a first review, a started item) are days of the patient's own calendar.
  const { today } = await patientToday(db, patientId, settings, now);
  let plan = await getCarePlan(db, patientId);
  if (!plan) {
    // The first change creates the plan; version 0 is the empty plan every patient starts from.
    plan =
      (await createCarePlan(db, { patientId, reviewDueAt: addCalendarDays(today, FIRST_REVIEW_AFTER_DAYS), createdBy: actor.userId })) ??
      (await getCarePlan(db, patientId));
    if (!plan) throw new Error("care plan vanished after creation");
  }
  if (plan.version !== input.expectedVersion) throw await staleEdit(db, plan, input.expectedVersion, "read");

  const before = plan.document;
  const after = applyCommand(before, input.command, { actorId: actor.userId, actorDiscipline, today, newId: randomUUID });
  const diff = diffPlans(before, after);
  if (diff.length === 0) throw invalid("That change leaves the plan exactly as it is, so nothing was saved.");
  await assertResponsibleOnTeam(db, patientId, before, after);

  const saved = await saveCarePlanVersion(db, { planId: plan.id, expectedVersion: input.expectedVersion, document: after, authorId: actor.userId });
  if (!saved) {
    // Another transaction committed this version between our read and our write.
    const current = await getCarePlan(db, patientId);
    throw await staleEdit(db, current ?? plan, input.expectedVersion, "write");
  }
  const version = input.expectedVersion + 1;
  const summary = summariseDiff(diff);
  await insertCarePlanRevision(db, {
    planId: plan.id,
    version,
    patientId,
    authorId: actor.userId,
    summary,
    diff,
    command: input.command as Record<string, unknown>,
  });
  await notifyPlanChange(db, { patientId, authorId: actor.userId, before, after, summary, version, today });
  return { version, summary, diff, plan: { ...after, version } };
}

/** A responsible clinician must be on this patient's care team; anyone else would be a data leak. */
async function assertResponsibleOnTeam(db: Database, patientId: string, before: CarePlan, after: CarePlan) {
  const previous = new Map(before.interventions.map((i) => [i.id, i.responsibleClinicianId]));
  const assigned = after.interventions
    .filter((i) => i.responsibleClinicianId !== null && previous.get(i.id) !== i.responsibleClinicianId)
    .map((i) => ({ id: i.responsibleClinicianId as string, item: i }));
  if (assigned.length === 0) return;
  const team = new Map((await getCareTeam(db, patientId)).map((m) => [m.clinicianId, m]));
  for (const { id, item } of assigned) {
    const member = team.get(id);
    if (!member) throw invalid("The responsible clinician must be on this patient's care team.");
    if (!member.active) throw invalid(`${member.name}'s account is deactivated; choose another responsible clinician.`);
    const owners = ownersOf(item);
    if (!owners.includes(member.discipline)) {
      const who = owners.map((d) => DISCIPLINE_LABELS[d].toLowerCase()).join(" or ");
      throw invalid(`${member.name} cannot be responsible for ${interventionName(item)}; choose the ${who}.`);
    }
  }
}

/**
 * Tells the rest of the team, and the patient when what they see has changed, in the same
 * transaction: a rolled-back change never announces itself.
 */
async function notifyPlanChange(
  db: Database,
  change: { patientId: string; authorId: string; before: CarePlan; after: CarePlan; summary: string; version: number; today: string },
) {
  // Sequential on purpose: one transaction is one connection, which runs one query at a time.
  const team = await careTeamUserIds(db, change.patientId, { except: change.authorId });
  const patientUser = await patientUserId(db, change.patientId);
  const patient = await getPatient(db, change.patientId);
  const names = await userNames(db, [change.authorId]);
  const author = names[change.authorId] ?? "A team member";
  await createNotifications(db, {
    userIds: team,
    patientId: change.patientId,
    kind: "plan_change",
    title: `${author} changed ${patient?.name ?? "a patient"}'s care plan: ${change.summary}`,
    link: `/patients/${change.patientId}/plan`,
    ref: { version: change.version },
  });
  if (!patientUser || patientUser === change.authorId) return;
  const seenByPatient = (plan: CarePlan) => {
    const view = toPatientView(plan, { clinicianNames: {}, today: change.today });
    return JSON.stringify([view.goals, view.upcoming, view.reviewDue]);
  };
  if (seenByPatient(change.before) === seenByPatient(change.after)) return;
  await createNotifications(db, {
    userIds: [patientUser],
    patientId: change.patientId,
    kind: "plan_change",
    title: `Your care team updated your care plan (${author}).`,
    link: "/me/plan",
    ref: { version: change.version },
  });
}
