import { type ClinicSettings, type RuleSubmission, evaluateRules, urgentAlertRecipients } from "@concord/domain";
import { type AlertRow, type Database, activeAdminIds, createNotifications, getCareTeam, getPatient, inOrder, raiseAlerts, ruleSnapshot } from "@concord/db";
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
 * own today.
 *
 * Every urgent alert reaches a person: the disciplines the rule names, else every active clinician
 * on the team; when the team has no active clinician, every active administrator is told that an
 * urgent alert has nobody to notify (without its clinical content). Review alerts go to the worklist.
 */
export async function evaluateAlerts(
  db: Database,
  patientId: string,
  settings: ClinicSettings,
  options: { submission?: RuleSubmission | null; now?: Date } = {},
): Promise<AlertsRaised> {
  const now = options.now ?? new Date();
  const submission = options.submission ?? null;
  const { today, timeZone } = await patientToday(db, patientId, settings, now);
  const snapshot = await ruleSnapshot(db, patientId, today, submission?.kind === "check_in" ? { alsoFrom: submission.date } : {});
  const firings = evaluateRules(snapshot, submission);
  const raised = await raiseAlerts(db, patientId, firings, { today, timeZone, now });
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
