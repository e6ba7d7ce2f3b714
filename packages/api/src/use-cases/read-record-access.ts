import { ACCESS_LOG_DAYS_PER_PAGE, type Actor, type ClinicSettings, ROLE_LABELS, type Role, describeRecordAccess } from "@concord/domain";
import { type Database, recordAccessByDay } from "@concord/db";
import { patientToday } from "./patient-clock";

/**
 * "Who has looked at my record", for the patient: each day (in their zone), each person with their
 * role and what they did, how often, and when last. Built from the audit trail, which every read
 * and write of patient data feeds; the patient's own actions are left out. Emergency accesses and the
 * reads made under them are marked, the opening with its reason.
 */
export async function readRecordAccess(db: Database, actor: Actor, patientId: string, settings: ClinicSettings, params: { before?: string | undefined }) {
  const { timeZone } = await patientToday(db, patientId, settings);
  const rows = await recordAccessByDay(db, {
    patientId,
    excludeActorId: actor.userId,
    timeZone,
    before: params.before ?? null,
    days: ACCESS_LOG_DAYS_PER_PAGE,
  });
  const days = new Map<string, Map<string, { who: string; role: string; what: string; times: number; lastAt: string; emergency: boolean; reason: string | null }>>();
  for (const r of rows) {
    const what = describeRecordAccess(r.action);
    const byKey = days.get(r.day) ?? new Map();
    days.set(r.day, byKey);
    // An emergency access keeps its own line (with its reason), and so do the reads made under it.
    const key = `${r.actor_id}|${what}|${r.emergency ? "emergency" : ""}|${r.reason ?? ""}`;
    const existing = byKey.get(key);
    const lastAt = new Date(r.last_at).toISOString();
    if (existing) {
      existing.times += r.times;
      if (lastAt > existing.lastAt) existing.lastAt = lastAt;
    } else {
      byKey.set(key, {
        who: r.actor_name ?? "A former member of staff",
        role: r.actor_role && r.actor_role in ROLE_LABELS ? ROLE_LABELS[r.actor_role as Role] : "Staff",
        what,
        times: r.times,
        lastAt,
        emergency: r.emergency === true || (r.emergency as unknown) === "t",
        reason: r.reason,
      });
    }
  }
  const list = [...days.entries()].map(([day, entries]) => ({ day, entries: [...entries.values()].sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1)) }));
  const last = list[list.length - 1];
  return { timeZone, days: list, nextBefore: list.length === ACCESS_LOG_DAYS_PER_PAGE && last ? last.day : null };
}
