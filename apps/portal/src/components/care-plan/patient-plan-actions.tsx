"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import { COMMENT_MAX } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { NativeSelect } from "@concord/ui/native-select";
import { Textarea } from "@concord/ui/textarea";
import { commentOnPlan, markPlanSeen } from "~/app/me/plan/actions";
import { type Refusal, fieldError } from "~/components/refusal";

/** The request itself failed (offline, the server unreachable): nothing was sent. */
const UNREACHABLE: Refusal = { ok: false, code: "NETWORK", message: "The server could not be reached. Nothing was sent; please try again.", issues: [], details: null };

/** Records that the patient has now seen this version, once the page has shown them the changes. */
export function MarkPlanSeen({ patientId, version }: { patientId: string; version: number }) {
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    // A server action (the same procedure): nothing to show if it fails; the next visit records it.
    markPlanSeen({ patientId, version }).catch(() => undefined);
  }, [patientId, version]);
  return null;
}

/** `icon` is drawn by the page (a server component), so no icon code loads with the button. */
export function PrintSummaryButton({ icon }: { icon: ReactNode }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {icon}
      Print summary
    </Button>
  );
}

export function PlanCommentBox({
  patientId,
  label = "A question or comment for your care team",
  thanks = "Sent. Your team has been told and will answer here.",
  items = [],
}: {
  patientId: string;
  label?: string;
  thanks?: string;
  /** Plan items a comment can be about; a patient's question about one goes to the clinician responsible for it. */
  items?: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sent, setSent] = useState(false);
  const bodyError = fieldError(refusal, "body");
  const aboutError = fieldError(refusal, "interventionId");
  // The notice at the top holds what no field shows.
  const notice = refusal && !bodyError && !aboutError ? refusal.message : null;
  return (
    <form
      className="grid max-w-xl gap-4 print:hidden"
      aria-label="Comment on your care plan"
      onSubmit={(event) => {
        event.preventDefault();
        const element = event.currentTarget;
        const form = new FormData(element);
        const body = String(form.get("body") ?? "");
        const interventionId = String(form.get("interventionId") ?? "") || undefined;
        setRefusal(null);
        setSent(false);
        startTransition(async () => {
          const result = await commentOnPlan({ patientId, body, interventionId }).catch((): Refusal => UNREACHABLE);
          if (!result.ok) {
            setRefusal(result);
            return;
          }
          element.reset();
          setSent(true);
          router.refresh();
        });
      }}
    >
      {notice ? (
        <Alert variant="danger" role="alert">
          {notice}
        </Alert>
      ) : null}
      {sent ? (
        <Alert variant="success" role="status">
          {thanks}
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <Field id="plan-comment-about" label="About" error={aboutError} errorRole="alert">
          <NativeSelect name="interventionId" defaultValue="">
            <option value="">The plan as a whole</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      <Field id="plan-comment" label={label} error={bodyError} errorRole="alert">
        <Textarea name="body" maxLength={COMMENT_MAX} required />
      </Field>
      <Button type="submit" className="w-fit" disabled={pending}>
        Send comment
      </Button>
    </form>
  );
}
