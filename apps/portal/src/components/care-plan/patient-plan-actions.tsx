"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { COMMENT_MAX } from "@concord/domain";
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
      className="stack no-print"
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
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {sent ? <div className="alert success" role="status">{thanks}</div> : null}
      {items.length > 0 ? (
        <div>
          <label htmlFor="plan-comment-about">About</label>
          <select id="plan-comment-about" name="interventionId" defaultValue="">
            <option value="">The plan as a whole</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>{i.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="plan-comment">{label}</label>
        <textarea id="plan-comment" name="body" maxLength={COMMENT_MAX} required />
      </div>
      <button type="submit" disabled={comment.isPending}>Send comment</button>
    </form>
  );
}
