"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SIDE_EFFECT_REVIEW_LABELS, type SideEffectReviewStatus, formatCalendarDate } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Input } from "@concord/ui/input";
import { Label } from "@concord/ui/label";
import { errorMessage } from "~/components/error-message";
import { RowList } from "~/components/layout";
import { useTRPC } from "~/trpc/react";

/**
 * What the patient reported about one plan item in their check-ins, on that item's trial record:
 * marked "patient-reported", each with the physician's review when there is one. The physician
 * (`canReview`) confirms a report or adds a note; the report itself is never changed.
 */
export function ReportedSideEffects({ patientId, interventionId, canReview }: { patientId: string; interventionId: string; canReview: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reports = useQuery(trpc.checkIns.sideEffects.queryOptions({ patientId, interventionId, limit: 20 }));
  const review = useMutation(trpc.checkIns.reviewSideEffect.mutationOptions());
  const [error, setError] = useState<{ id: string; message: string } | null>(null);

  if (reports.isPending) return null;
  if (reports.isError) return <Alert variant="danger">{errorMessage(reports.error)}</Alert>;
  if (reports.data.length === 0)
    return (
      <p className="text-muted-foreground" data-testid="reported-side-effects">
        No side effects reported by the patient.
      </p>
    );

  async function submitReview(form: HTMLFormElement, reportId: string, status: SideEffectReviewStatus) {
    const note = String(new FormData(form).get("note") ?? "").trim();
    setError(null);
    try {
      await review.mutateAsync({ patientId, reportId, status, ...(note ? { note } : {}) });
      await queryClient.invalidateQueries({ queryKey: trpc.checkIns.sideEffects.queryKey() });
    } catch (e) {
      setError({ id: reportId, message: errorMessage(e) });
    }
  }

  return (
    <div data-testid="reported-side-effects" className="grid gap-2">
      <h4 className="font-semibold">Side effects the patient reported</h4>
      <RowList>
        {reports.data.map((r) => (
          <li key={r.id}>
            <Badge variant="warning">Patient-reported</Badge> {formatCalendarDate(r.reportedOn)}: <q>{r.text}</q>
            {r.review ? (
              <span className="text-muted-foreground">
                {" "}
                · {SIDE_EFFECT_REVIEW_LABELS[r.review.status]} ({r.review.reviewedByName}){r.review.note ? `: “${r.review.note}”` : ""}
              </span>
            ) : canReview ? (
              <form className="mt-2 flex flex-wrap items-end gap-2" aria-label={`Review the side effect reported on ${formatCalendarDate(r.reportedOn)}`} onSubmit={(e: FormEvent<HTMLFormElement>) => {
                  e.preventDefault();
                  void submitReview(e.currentTarget, r.id, "confirmed");
                }}>
                <div className="grid min-w-56 flex-1 gap-1.5">
                  <Label htmlFor={`se-note-${r.id}`}>
                    Your note<span className="sr-only"> on the side effect reported on {formatCalendarDate(r.reportedOn)}</span> (needed for
                    “Add note”, optional to confirm)
                  </Label>
                  <Input id={`se-note-${r.id}`} name="note" maxLength={500} />
                </div>
                <Button type="submit" variant="secondary" disabled={review.isPending}>
                  Confirm
                </Button>
                <Button
                  variant="secondary"
                  disabled={review.isPending}
                  onClick={(e) => {
                    const form = e.currentTarget.form;
                    if (form) void submitReview(form, r.id, "noted");
                  }}
                >
                  Add note
                </Button>
                {error?.id === r.id ? (
                  <Alert variant="danger" role="alert" className="basis-full">
                    {error.message}
                  </Alert>
                ) : null}
              </form>
            ) : null}
          </li>
        ))}
      </RowList>
    </div>
  );
}
