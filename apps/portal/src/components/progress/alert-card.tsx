"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import styles from "./progress.module.css";

export interface AlertView {
  id: string;
  patientId: string;
  patientName?: string;
  severity: "urgent" | "review";
  title: string;
  logic: string;
  consider: string;
  message: string;
  evidence: Array<{ label: string; value: string | number }>;
  createdAt: Date | string;
  acknowledgedAt?: Date | string | null;
  acknowledgedByName?: string | null;
  acknowledgementNote?: string | null;
}

const when = (d: Date | string) => `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** One decision-support alert: what fired, the data behind it, what to consider, and acknowledgement. */
export function AlertCard({ alert, showPatient = false }: { alert: AlertView; showPatient?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions());
  const headingId = `alert-${alert.id}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    setError(null);
    try {
      await acknowledge.mutateAsync({ patientId: alert.patientId, alertId: alert.id, note });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <article className={`card ${styles.alertItem}`} data-severity={alert.severity} aria-labelledby={headingId} data-testid="alert">
      <h3 id={headingId} style={{ margin: "0 0 .25rem" }}>
        <span className={`badge ${alert.severity === "urgent" ? "danger" : "warn"}`}>{alert.severity === "urgent" ? "Urgent" : "Review"}</span>{" "}
        {showPatient ? (
          <>
            <Link href={`/patients/${alert.patientId}/progress`}>{alert.patientName}</Link>:{" "}
          </>
        ) : null}
        {alert.title}
      </h3>
      <p style={{ margin: ".25rem 0" }}>{alert.message}</p>
      <p style={{ margin: ".25rem 0" }}><strong>{alert.consider}</strong></p>
      <details>
        <summary>Why this fired (rule and data)</summary>
        <p className={styles.evidence}>Rule: {alert.logic}</p>
        <dl className={`facts ${styles.evidence}`}>
          {alert.evidence.map((e) => (
            <div key={e.label} style={{ display: "contents" }}>
              <dt>{e.label}</dt>
              <dd>{String(e.value)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p className="muted" style={{ margin: ".25rem 0", fontSize: ".85rem" }}>Raised {when(alert.createdAt)}</p>
      {alert.acknowledgedAt ? (
        <p className="muted" style={{ margin: ".25rem 0" }}>
          Acknowledged by {alert.acknowledgedByName ?? "a team member"} at {when(alert.acknowledgedAt)}: “{alert.acknowledgementNote}”
        </p>
      ) : (
        <form className="inline" onSubmit={onSubmit} aria-label={`Acknowledge: ${alert.title}`}>
          {error ? <div className="alert error" role="alert" style={{ width: "100%" }}>{error}</div> : null}
          <div style={{ flex: 1, minWidth: "14rem" }}>
            <label htmlFor={`note-${alert.id}`}>Note (what was done)</label>
            <input id={`note-${alert.id}`} name="note" required maxLength={2000} />
          </div>
          <button type="submit" disabled={acknowledge.isPending}>Acknowledge</button>
        </form>
      )}
    </article>
  );
}
