"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { COMMENT_MAX } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Textarea } from "@concord/ui/textarea";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

/**
 * "Answer" (a reply the patient reads) and "Mark handled" (settled without a written answer) for
 * one open patient question. The server refuses a second resolution with who settled it first.
 */
export function QuestionActions({ patientId, commentId, asker }: { patientId: string; commentId: string; asker: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const answer = useMutation(trpc.carePlan.answerQuestion.mutationOptions());
  const markHandled = useMutation(trpc.carePlan.markQuestionHandled.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const busy = answer.isPending || markHandled.isPending;
  const fieldId = `answer-${commentId}`;

  async function onAnswer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    setError(null);
    try {
      await answer.mutateAsync({ patientId, commentId, body });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function onMarkHandled() {
    setError(null);
    try {
      await markHandled.mutateAsync({ patientId, commentId });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="mt-2 grid gap-3 print:hidden">
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <form className="grid max-w-xl gap-3" onSubmit={onAnswer} aria-label={`Answer ${asker}'s question`}>
        <Field id={fieldId} label={`Your answer (${asker} will see it)`}>
          <Textarea name="body" maxLength={COMMENT_MAX} required />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={busy}>
            Answer
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onMarkHandled}>
            Mark handled
          </Button>
        </div>
      </form>
    </div>
  );
}
