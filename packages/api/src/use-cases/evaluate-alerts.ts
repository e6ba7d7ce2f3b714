import {
  type ClinicSettings,
  type RuleFiring,
  type RuleSubmission,
  acknowledgeBy,
  alertsToRaise,
  conservativeCareStartedOn,
  evaluateRules,
  progressSnapshot,
  ruleCheckInsSince,
  urgentAlertRecipients,
} from "@concord/domain";
import {
  type AlertRow,
  type Database,
  activeAdminIds,
  alertHistoryForRules,
  createNotifications,
  getCareTeam,
  getPatient,
  inOrder,
  insertAlerts,
  readCarePlanDocument,
  ruleInputs,
} from "@concord/db";
import { patientToday } from "./patient-clock";

export interface AlertsRaised {
  alerts: AlertRow[];
  /** Urgent alerts raised now. */
  urgent: number;
  /** False when an urgent alert was raised and no clinician could be notified (admins were told instead). */
  teamNotified: boolean;
  /** The patient should see crisis resources now (PHQ-9 item 9). */
  patientCrisisResources: boolean;
  /** The patient should be told to call emergency services now (chest pain, breathlessness, a swollen calf). */
  patientEmergency: boolean;
}

/**
 * Runs every decision rule after a submission and stores the new alerts, in the caller's
 * transaction (so a rejected submission raises nothing). Answer rules read `submission`, the record
 * just submitted or edited, whatever its date; pattern rules read the history as of the patient's
 * own today. What the rules read, which firings become alerts (de-duplication, cool-down) and when
 * an urgent one must be acknowledged are the domain's decisions; the database only reads and writes.
 *
 * Every urgent alert reaches a person: the disciplines the rule names, else every active clinician
 * on the team; when the team has no active clinician, every active administrator is told that an
 * urgent alert has nobody to notify (without its clinical content). Review alerts go to the worklist.
 */
export async function evaluateAlerts(
  db: Database,
  patientId: string,
  settings: ClinicSettings,
  /** `now`: when the submission happened (a replayed history passes its own); absent, the present moment and the database's clock. */
  options: { submission?: RuleSubmission | null; now?: Date | undefined } = {},
): Promise<AlertsRaised> {
  const at = options.now;
  const now = at ?? new Date();
  const submission = options.submission ?? null;
  const { today, timeZone } = await patientToday(db, patientId, settings, now);
  const plan = await readCarePlanDocument(db, patientId);
  const since = ruleCheckInsSince(today, {
    conservativeCareStartedOn: conservativeCareStartedOn(plan),
    alsoFrom: submission?.kind === "check_in" ? submission.date : null,
  });
  const firings = evaluateRules(progressSnapshot(today, plan, await ruleInputs(db, patientId, since)), submission);
  const raised = await storeAlerts(db, patientId, firings, { today, timeZone, now, at });
  const urgent = raised.filter((r) => r.alert.severity === "urgent");
  let teamNotified = true;
  if (urgent.length > 0) {
    const [team, patient] = await inOrder([() => getCareTeam(db, patientId), () => getPatient(db, patientId)] as const);
    const patientName = patient?.name ?? "a patient";
    for (const { alert, firing } of urgent) {
      const recipients = urgentAlertRecipients(firing.notify, team);
      if (recipients.routedTo === "nobody") {
        teamNotified = false;
        // No clinical content: admins learn only that this patient needs clinicians on their team.
        await createNotifications(db, {
          userIds: await activeAdminIds(db),
          patientId: null,
          kind: "unrouted_alert",
          title: `Urgent alert with nobody to notify: ${patientName} has no active clinician on their care team. Add one now.`,
          link: "/admin#unrouted-alerts",
          ref: { patientId },
          createdAt: at,
        });
        continue;
      }
      await createNotifications(db, {
        userIds: recipients.clinicianIds,
        patientId,
        kind: "alert",
        title: `Urgent: ${alert.title} — ${patientName}`,
        link: `/patients/${patientId}/progress#alert-${alert.id}`,
        ref: { alertId: alert.id },
        createdAt: at,
      });
    }
  }
  return {
    alerts: raised.map((r) => r.alert),
    urgent: urgent.length,
    teamNotified,
    patientCrisisResources: raised.some((r) => r.firing.patientCrisisResources),
    patientEmergency: firings.some((f) => f.patientEmergency),
  };
}

/**
 * Stores the alerts the domain's policy raises from these firings, each with the record it came
 * from and, when urgent, the time it must be acknowledged by. Returns the rows inserted with the
 * firings they came from (routing is the caller's job).
 */
async function storeAlerts(
  db: Database,
  patientId: string,
  firings: RuleFiring[],
  clock: { today: string; timeZone: string; now: Date; at: Date | undefined },
): Promise<Array<{ alert: AlertRow; firing: RuleFiring }>> {
  if (firings.length === 0) return [];
  const raised = alertsToRaise(firings, await alertHistoryForRules(db, patientId, clock.timeZone), clock.today);
  const inserted = await insertAlerts(
    db,
    raised.map((f) => ({
      patientId,
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      logic: f.logic,
      consider: f.consider,
      source: f.source,
      message: f.message,
      evidence: f.evidence,
      notify: f.notify,
      dedupeKey: f.dedupeKey,
      sourceKind: f.record.kind,
      sourceId: f.record.id,
      acknowledgeBy: f.severity === "urgent" ? acknowledgeBy(clock.now) : null,
      ...(clock.at ? { createdAt: clock.at } : {}),
    })),
  );
  return inserted.flatMap((alert) => {
    const firing = raised.find((f) => f.dedupeKey === alert.dedupeKey);
    return firing ? [{ alert, firing }] : [];
  });
}
