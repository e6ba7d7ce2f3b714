"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { COMMENT_MAX } from "@concord/domain/client";
import { Printer } from "lucide-react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { NativeSelect } from "@concord/ui/native-select";
import { Textarea } from "@concord/ui/textarea";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

/** Records that the patient has now seen this version, once the page has shown them the changes. */
export function MarkPlanSeen({ patientId, version }: { patientId: string; version: number }) {
  const trpc = useTRPC();
  const markSeen = useMutation(trpc.carePlan.markSeen.mutationOptions());
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    markSeen.mutate({ patientId, version });
  }, [patientId, version, markSeen]);
  return null;
}

export function PrintSummaryButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer aria-hidden="true" />
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
  const trpc = useTRPC();
  const router = useRouter();
  const comment = useMutation(trpc.carePlan.comment.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  return (
    <form
      className="grid max-w-xl gap-4 print:hidden"
      aria-label="Comment on your care plan"
      onSubmit={async (event) => {
        event.preventDefault();
        const element = event.currentTarget;
        const form = new FormData(element);
        const body = String(form.get("body") ?? "");
        const interventionId = String(form.get("interventionId") ?? "") || undefined;
        setError(null);
        setSent(false);
        try {
          await comment.mutateAsync({ patientId, body, interventionId });
          element.reset();
          setSent(true);
          router.refresh();
        } catch (e) {
          setError(errorMessage(e));
        }
      }}
    >
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {sent ? (
        <Alert variant="success" role="status">
          {thanks}
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <Field id="plan-comment-about" label="About">
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
      <Field id="plan-comment" label={label}>
        <Textarea name="body" maxLength={COMMENT_MAX} required />
      </Field>
      <Button type="submit" className="w-fit" disabled={comment.isPending}>
        Send comment
      </Button>
    </form>
  );
}
