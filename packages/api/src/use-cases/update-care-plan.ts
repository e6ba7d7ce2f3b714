import { randomUUID } from "node:crypto";
import {
  type Actor,
  type CarePlan,
  type ClinicSettings,
  DISCIPLINE_LABELS,
  type Discipline,
  DomainError,
  ROLE_LABELS,
  addCalendarDays,
  applyCommand,
  commandFootprint,
  conflict,
  diffFootprint,
  diffPlans,
  forbidden,
  footprintOverlap,
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
  emitRealtimeEvents,
  getCarePlan,
  getCareTeam,
  getPatient,
  insertCarePlanRevision,
  listCarePlanRevisionDiffs,
  listCarePlanRevisionsSince,
  lockCarePlan,
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

/**
 * `detectedBy` says what refused the edit: "read" (the edit overlaps a change saved since its version,
 * or claims a version the plan has not reached), "rebase" (it touches nothing changed since, but no
 * longer applies to the current plan: `reason` says why) or "write" (the version-guarded UPDATE saw
 * a writer that did not take the plan lock).
 */
async function staleEdit(
  db: Database,
  plan: CarePlanRecord,
  expectedVersion: number,
  detectedBy: "read" | "rebase" | "write",
  extra: { overlap?: string; reason?: string } = {},
): Promise<DomainError> {
  const changes = await changesSince(db, plan.id, Math.min(expectedVersion, plan.version));
  const latest = changes.at(-1);
  const earlier = changes.length > 1 ? `; and ${changes.length - 1} earlier ${changes.length === 2 ? "change" : "changes"}` : "";
  const what = latest ? `: ${latest.authorName} — ${latest.summary}${earlier}` : "";
  const why = extra.reason ? `, and your change no longer fits it: ${extra.reason}` : ".";
  return conflict(
    `Someone else changed this plan while you were editing (now version ${plan.version}${what})${why} Review their change and apply yours again.`,
    { currentVersion: plan.version, expectedVersion, changes, detectedBy, ...extra },
  );
}

/** An edit made this many versions ago or more is refused as stale rather than re-applied. */
export const MAX_REBASE_SPAN = 500;

/**
 * Applies one command to the patient's plan, conflict-safe at the level of items. `db` is the
 * procedure's transaction (which also holds the audit row), so a refusal anywhere leaves nothing
 * written.
 *
 * Writers of one plan queue on its row lock. An edit made at an older version is re-applied to the
 * current plan (rebased) when none of the changes saved since touched what it touches (the same
 * intervention or goal, or a plan-wide field such as the review date); otherwise it gets CONFLICT
 * with those changes, as does a rebased edit that no longer passes the plan's rules.
 */
export async function updateCarePlan(
  db: Database,
  actor: Actor,
  /** The discipline the actor holds on the patient's team; carePlan.edit admits team members only, so null is refused. */
  actorDiscipline: Discipline | null,
  patientId: string,
  input: UpdateCarePlanInput,
  settings: ClinicSettings,
  /** When the edit was made (a replayed history passes its own); absent, the present moment and the database's clock. */
  now?: Date,
) {
  if (!actorDiscipline) throw forbidden();
  // Plan dates (a first review, a started item) are days of the patient's own calendar.
  const { today } = await patientToday(db, patientId, settings, now);
  const plan = await lockedPlan(db, patientId, actor, today, now);
  if (input.expectedVersion > plan.version) throw await staleEdit(db, plan, input.expectedVersion, "read");
  const rebasedFrom = input.expectedVersion < plan.version ? input.expectedVersion : null;
  if (rebasedFrom !== null) await assertNoOverlapSince(db, plan, input);

  const before = plan.document;
  let after: CarePlan;
  try {
    after = applyCommand(before, input.command, { actorId: actor.userId, actorDiscipline, today, newId: randomUUID });
  } catch (error) {
    // The edit was written against an older plan; if it does not fit the current one, the changes since are why.
    if (rebasedFrom !== null && error instanceof DomainError && error.code === "INVALID") {
      throw await staleEdit(db, plan, input.expectedVersion, "rebase", { reason: error.message });
    }
    throw error;
  }
  const diff = diffPlans(before, after);
  if (diff.length === 0) throw invalid("That change leaves the plan exactly as it is, so nothing was saved.");
  await assertResponsibleOnTeam(db, patientId, before, after);

  // The lock makes this guard redundant for writers that take it; it stays as the final check.
  const saved = await saveCarePlanVersion(db, { planId: plan.id, expectedVersion: plan.version, document: after, authorId: actor.userId, at: now });
  if (!saved) {
    const current = await getCarePlan(db, patientId);
    throw await staleEdit(db, current ?? plan, input.expectedVersion, "write");
  }
  const version = plan.version + 1;
  const summary = summariseDiff(diff);
  const command = input.command as Record<string, unknown>;
  await insertCarePlanRevision(db, {
    planId: plan.id,
    version,
    patientId,
    authorId: actor.userId,
    summary,
    diff,
    // A rebased edit says which version its author was looking at (command parsing ignores the key).
    command: rebasedFrom === null ? command : { ...command, rebasedFrom },
    createdAt: now,
  });
  await notifyPlanChange(db, { patientId, authorId: actor.userId, before, after, summary, version, today, at: now });
  // The live "plan updated" banner: appended and NOTIFYed inside this transaction, so it is heard only
  // once the change has committed. Ids only; each team subscriber re-reads the plan through its access.
  await emitRealtimeEvents(db, [{ patientId, audience: "team", kind: "plan.updated" }]);
  return { version, summary, diff, plan: { ...after, version } };
}

/** The patient's plan, read under its row lock; the first change creates it (version 0, the empty plan). */
async function lockedPlan(db: Database, patientId: string, actor: Actor, today: string, at: Date | undefined): Promise<CarePlanRecord> {
  if (!(await lockCarePlan(db, patientId))) {
    // Of two first writers, one inserts; the other waits for it on the unique index, then locks its row.
    await createCarePlan(db, { patientId, reviewDueAt: addCalendarDays(today, FIRST_REVIEW_AFTER_DAYS), createdBy: actor.userId, at });
    if (!(await lockCarePlan(db, patientId))) throw new Error("care plan vanished after creation");
  }
  const plan = await getCarePlan(db, patientId);
  if (!plan) throw new Error("care plan vanished under its lock");
  return plan;
}

/** A stale edit may be rebased only when no change saved since its version touched what it touches. */
async function assertNoOverlapSince(db: Database, plan: CarePlanRecord, input: UpdateCarePlanInput): Promise<void> {
  const span = plan.version - input.expectedVersion;
  if (span > MAX_REBASE_SPAN) throw await staleEdit(db, plan, input.expectedVersion, "read", { overlap: "too many changes since" });
  const since = await listCarePlanRevisionDiffs(db, plan.id, { sinceVersion: input.expectedVersion, upToVersion: plan.version });
  // A chain with a gap cannot say what changed; refuse rather than guess.
  if (since.length !== span) throw await staleEdit(db, plan, input.expectedVersion, "read", { overlap: "incomplete revision chain" });
  const mine = commandFootprint(input.command, plan.document);
  for (const revision of since) {
    const overlap = footprintOverlap(mine, diffFootprint(revision.diff));
    if (overlap) throw await staleEdit(db, plan, input.expectedVersion, "read", { overlap });
  }
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
  change: { patientId: string; authorId: string; before: CarePlan; after: CarePlan; summary: string; version: number; today: string; at: Date | undefined },
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
    createdAt: change.at,
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
    createdAt: change.at,
  });
}
