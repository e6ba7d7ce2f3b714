"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type AlertSeverity, type AlertSourceKind, telHref } from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { When } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";
import styles from "./progress.module.css";

export interface AlertView {
  id: string;
  patientId: string;
  patientName?: string;
  /** The patient's contact phone (care-team outputs only); null when none is on record. */
  patientPhone?: string | null;
  severity: AlertSeverity;
  title: string;
  logic: string;
  consider: string;
  message: string;
  evidence: Array<{ label: string; value: string | number }>;
  /** What raised it: a check-in, a questionnaire or measure, or a pattern over time. */
  sourceKind?: AlertSourceKind | null;
  /** Where the rule comes from (a citation). */
  source?: string | null;
  createdAt: Date | string;
  /** Urgent alerts: acknowledge by this time. */
  acknowledgeBy?: Date | string | null;
  acknowledgedAt?: Date | string | null;
  acknowledgedByName?: string | null;
  acknowledgementNote?: string | null;
}

// Times read in the viewer's zone, named ("1 Dec 2026, 09:12 PST").
const when = (d: Date | string) => <When at={d} />;

const SOURCE_LABELS: Record<NonNullable<AlertView["sourceKind"]>, string> = {
  check_in: "the patient's check-in",
  measure: "a questionnaire or clinical measure",
  pattern: "a pattern over several check-ins or measures",
};

function CallPatient({ name, phone }: { name: string; phone: string | null }) {
  if (!phone) return <p className={styles.noPhone}>No phone number on record for {name}.</p>;
  return (
    <p className={styles.alertText}>
      <a className={styles.callPatient} href={telHref(phone)}>Call {name}: {phone}</a>
    </p>
  );
}

/**
 * One decision-support alert as clinicians read it: what fired, the data behind it, what to
 * consider, the rule and its source, and acknowledgement. Urgent alerts stand apart (strong red
 * frame, an "Urgent" label in words, the acknowledge-by time) and carry the patient's phone.
 */
export function AlertCard({ alert, showPatient = false, readOnly = false }: { alert: AlertView; showPatient?: boolean; readOnly?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions());
  const headingId = `alert-${alert.id}`;
  const urgent = alert.severity === "urgent";
  const open = !alert.acknowledgedAt;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    setError(null);
    try {
      await acknowledge.mutateAsync({ patientId: alert.patientId, alertId: alert.id, note });
      // The Worklist link's counts change with it.
      void queryClient.invalidateQueries({ queryKey: trpc.alerts.counts.queryKey() });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <article className={`card ${styles.alertItem}`} data-severity={alert.severity} aria-labelledby={headingId} data-testid="alert">
      <h3 id={headingId} className={styles.alertTitle}>
        <span className={urgent ? styles.severityUrgent : styles.severityReview}>{urgent ? "Urgent" : "Review"}</span>{" "}
        {showPatient ? (
          <>
            <Link href={`/patients/${alert.patientId}/progress`}>{alert.patientName}</Link>:{" "}
          </>
        ) : null}
        {alert.title}
      </h3>
      {urgent && open && alert.acknowledgeBy ? <p className={styles.deadline}>{readOnly ? "The care team acknowledges it by" : "Acknowledge by"} {when(alert.acknowledgeBy)}</p> : null}
      <p className={styles.alertText}>{alert.message}</p>
      <p className={styles.alertText}><strong>{alert.consider}</strong></p>
      {alert.patientName !== undefined && alert.patientPhone !== undefined ? <CallPatient name={alert.patientName} phone={alert.patientPhone} /> : null}
      {alert.evidence.length > 0 ? (
        <dl className={`facts ${styles.evidence}`} aria-label="Evidence">
          {alert.evidence.map((e) => (
            <div key={e.label} className={styles.evidenceRow}>
              <dt>{e.label}</dt>
              <dd>{String(e.value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className={styles.evidence}>Rule: {alert.logic}</p>
      {alert.sourceKind ? <p className={styles.evidence}>Raised by: {SOURCE_LABELS[alert.sourceKind]}</p> : null}
      {alert.source ? <p className={styles.evidence}>Source: {alert.source}</p> : null}
      <p className={styles.alertMeta}>Raised {when(alert.createdAt)}</p>
      {alert.acknowledgedAt ? (
        <p className={styles.alertMeta}>
          Acknowledged by {alert.acknowledgedByName ?? "a team member"} at {when(alert.acknowledgedAt)}: “{alert.acknowledgementNote}”
        </p>
      ) : readOnly ? (
        // Under emergency access: shown, but only the care team acknowledges it.
        <p className={styles.alertMeta}>Not yet acknowledged by the care team.</p>
      ) : (
        <form className="inline" onSubmit={onSubmit} aria-label={`Acknowledge: ${alert.title}`}>
          {error ? <div className={`alert error ${styles.ackForm}`} role="alert">{error}</div> : null}
          <div className={styles.ackNote}>
            <label htmlFor={`note-${alert.id}`}>Note (what was done)</label>
            <input id={`note-${alert.id}`} name="note" required maxLength={2000} />
          </div>
          <button type="submit" disabled={acknowledge.isPending}>Acknowledge</button>
        </form>
      )}
    </article>
  );
}
