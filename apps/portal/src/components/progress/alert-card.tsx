"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type AlertSeverity, type AlertSourceKind, telHref } from "@concord/domain/client";
import { Phone } from "lucide-react";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { cn } from "@concord/ui/utils";
import { errorMessage } from "~/components/error-message";
import { Facts } from "~/components/layout";
import { When } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";

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
  if (!phone) return <p className="italic">No phone number on record for {name}.</p>;
  return (
    <p>
      <a className="inline-flex min-h-11 items-center gap-2 font-bold" href={telHref(phone)}>
        <Phone aria-hidden="true" className="size-4" />
        Call {name}: {phone}
      </a>
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
    <Card
      asChild
      className={cn(
        "gap-2",
        // Urgent stands apart by more than colour: a heavy frame, the word "Urgent", the deadline.
        urgent ? "border-3 border-l-[12px] border-danger bg-danger-soft" : "border-l-[6px] border-l-warning border-dashed",
      )}
    >
    <article id={`alert-${alert.id}`} data-severity={alert.severity} aria-labelledby={headingId} data-testid="alert" className="scroll-mt-20">
      <h3 id={headingId} className="text-lg">
        <Badge variant={urgent ? "urgent" : "warning"}>{urgent ? "Urgent" : "Review"}</Badge>{" "}
        {showPatient ? (
          <>
            <Link href={`/patients/${alert.patientId}/progress`}>{alert.patientName}</Link>:{" "}
          </>
        ) : null}
        {alert.title}
      </h3>
      {urgent && open && alert.acknowledgeBy ? <p className="font-bold text-danger-soft-foreground">{readOnly ? "The care team acknowledges it by" : "Acknowledge by"} {when(alert.acknowledgeBy)}</p> : null}
      <p>{alert.message}</p>
      <p>
        <strong>{alert.consider}</strong>
      </p>
      {alert.patientName !== undefined && alert.patientPhone !== undefined ? <CallPatient name={alert.patientName} phone={alert.patientPhone} /> : null}
      {alert.evidence.length > 0 ? (
        <Facts className="text-sm [&>div]:contents" aria-label="Evidence">
          {alert.evidence.map((e) => (
            <div key={e.label}>
              <dt>{e.label}</dt>
              <dd>{String(e.value)}</dd>
            </div>
          ))}
        </Facts>
      ) : null}
      <p className="text-sm">Rule: {alert.logic}</p>
      {alert.sourceKind ? <p className="text-sm">Raised by: {SOURCE_LABELS[alert.sourceKind]}</p> : null}
      {alert.source ? <p className="text-sm">Source: {alert.source}</p> : null}
      <p className="text-sm text-muted-foreground">Raised {when(alert.createdAt)}</p>
      {alert.acknowledgedAt ? (
        <p className="text-sm text-muted-foreground">
          Acknowledged by {alert.acknowledgedByName ?? "a team member"} at {when(alert.acknowledgedAt)}: “{alert.acknowledgementNote}”
        </p>
      ) : readOnly ? (
        // Under emergency access: shown, but only the care team acknowledges it.
        <p className="text-sm text-muted-foreground">Not yet acknowledged by the care team.</p>
      ) : (
        <form className="mt-1 flex flex-wrap items-end gap-2" onSubmit={onSubmit} aria-label={`Acknowledge: ${alert.title}`}>
          {error ? (
            <Alert variant="danger" role="alert" className="basis-full">
              {error}
            </Alert>
          ) : null}
          <Field id={`note-${alert.id}`} label="Note (what was done)" className="min-w-56 flex-1">
            <Input name="note" required maxLength={2000} />
          </Field>
          <Button type="submit" disabled={acknowledge.isPending}>
            Acknowledge
          </Button>
        </form>
      )}
    </article>
    </Card>
  );
}
