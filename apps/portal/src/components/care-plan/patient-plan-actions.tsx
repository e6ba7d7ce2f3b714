"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
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
    <button type="button" className="secondary no-print" onClick={() => window.print()}>
      Print summary
    </button>
  );
}

export function PlanCommentBox({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const comment = useMutation(trpc.carePlan.comment.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  return (
    <form
      className="stack no-print"
      aria-label="Comment on your care plan"
      onSubmit={async (event) => {
        event.preventDefault();
        const element = event.currentTarget;
        const body = String(new FormData(element).get("body") ?? "");
        setError(null);
        setSent(false);
        try {
          await comment.mutateAsync({ patientId, body });
          element.reset();
          setSent(true);
          router.refresh();
        } catch (e) {
          setError(errorMessage(e));
        }
      }}
    >
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {sent ? <div className="alert success" role="status">Thank you — your care team will see your comment.</div> : null}
      <div>
        <label htmlFor="plan-comment">A question or comment for your care team</label>
        <textarea id="plan-comment" name="body" maxLength={2000} required />
      </div>
      <button type="submit" disabled={comment.isPending}>Send comment</button>
    </form>
  );
}
