import { type Discipline, type Phq9Result, type RuleFiring, evaluateRules } from "@concord/domain";
import { type AlertRow, type Database, createNotifications, getCareTeam, getPatient, inOrder, raiseAlerts, ruleSnapshot } from "@concord/db";

/**
 * Runs every decision rule on the patient's data and stores the new alerts, in the caller's
 * transaction (so a rejected submission raises nothing). Urgent alerts notify the disciplines the
 * rule names (PHQ-9 item 9: psychologist and pain physician), or the whole team when it names none;
 * review alerts go to the worklist only, so routine decision support does not flood notifications.
 *
 * `submittedPhq9` makes sure a PHQ-9 with item 9 above 0 raises its alert even when it was dated
 * before a later form (the rule itself looks at the latest form only).
 */
export async function evaluateAlerts(
  db: Database,
  patientId: string,
  today: string,
  options: { submittedPhq9?: { date: string; result: Phq9Result } } = {},
): Promise<AlertRow[]> {
  const snapshot = await ruleSnapshot(db, patientId, today);
  const firings = evaluateRules(snapshot);
  const submitted = options.submittedPhq9;
  if (submitted?.result.selfHarmFlag) {
    const extra = evaluateRules({ ...snapshot, phq9: [{ date: submitted.date, item9: submitted.result.item9, total: submitted.result.total }] }).filter(
      (f) => f.ruleId === "phq9-self-harm" && !firings.some((g) => g.dedupeKey === f.dedupeKey),
    );
    firings.unshift(...extra);
  }
  const { inserted, raised } = await raiseAlerts(db, patientId, firings, today);
  await notifyUrgent(db, patientId, inserted, raised);
  return inserted;
}

async function notifyUrgent(db: Database, patientId: string, inserted: AlertRow[], firings: RuleFiring[]) {
  const urgent = inserted.filter((a) => a.severity === "urgent");
  if (urgent.length === 0) return;
  const [team, patient] = await inOrder([() => getCareTeam(db, patientId), () => getPatient(db, patientId)] as const);
  for (const alert of urgent) {
    const notify = (firings.find((f) => f.dedupeKey === alert.dedupeKey)?.notify ?? []) as Discipline[];
    const recipients = team.filter((m) => m.active && (notify.length === 0 || notify.includes(m.discipline))).map((m) => m.clinicianId);
    await createNotifications(db, {
      userIds: recipients,
      patientId,
      kind: "alert",
      title: `Urgent: ${alert.title} — ${patient?.name ?? "patient"}`,
      link: `/patients/${patientId}/progress`,
      ref: { alertId: alert.id },
    });
  }
}
