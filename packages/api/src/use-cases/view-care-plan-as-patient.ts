import { type Actor, type ClinicSettings, type PlanDiffEntry, invalid, toPatientView } from "@concord/domain";
import { type Database, getCarePlan, getCareTeam, getLastSeenVersion, listCarePlanRevisionsSince, markCarePlanSeen, userNames } from "@concord/db";
import { patientToday } from "./patient-clock";

/** Team-internal detail (notes, stop reasons, who was assigned) stays out of the patient's change list. */
const TEAM_ONLY_PATHS = /\.(note|stopReason|responsibleClinicianId)$/;

export function patientChangeSummary(diff: readonly PlanDiffEntry[]): string | null {
  const labels = diff
    .filter((d) => !TEAM_ONLY_PATHS.test(d.path))
    .map((d) => d.label.replace(/\s*\(reason: [^)]*\)$/, ""));
  return labels.length ? labels.join("; ") : null;
}

/** The plan in plain language, and what changed since this person last looked. */
export async function viewCarePlanAsPatient(db: Database, actor: Actor, patientId: string, settings: ClinicSettings, now: Date = new Date()) {
  // "This week", today's dose and the next titration step follow the patient's own calendar.
  const { today } = await patientToday(db, patientId, settings, now);
  const record = await getCarePlan(db, patientId);
  if (!record) return { exists: false as const, view: null };
  const lastSeen = await getLastSeenVersion(db, patientId, actor.userId);
  const revisions = lastSeen === null ? [] : await listCarePlanRevisionsSince(db, record.id, lastSeen, 30);
  const plan = record.document;
  const clinicianNames = await userNames(db, plan.interventions.flatMap((i) => (i.responsibleClinicianId ? [i.responsibleClinicianId] : [])));
  const team = await getCareTeam(db, patientId);
  const view = toPatientView(plan, {
    clinicianNames,
    clinicianDisciplines: Object.fromEntries(team.map((m) => [m.clinicianId, m.discipline])),
    today,
    lastSeenVersion: lastSeen ?? undefined,
    revisionsSinceSeen: revisions.flatMap((r) => {
      const summary = patientChangeSummary(r.diff);
      return summary ? [{ summary, createdAt: r.createdAt.toISOString() }] : [];
    }),
  });
  return { exists: true as const, view };
}

export async function markCarePlanSeenByActor(db: Database, actor: Actor, patientId: string, version: number) {
  const record = await getCarePlan(db, patientId);
  if (!record) throw invalid("There is no care plan to mark as seen yet.");
  if (version > record.version) throw invalid(`The plan is at version ${record.version}; reload it and try again.`);
  return { lastSeenVersion: await markCarePlanSeen(db, { patientId, userId: actor.userId, version }) };
}
