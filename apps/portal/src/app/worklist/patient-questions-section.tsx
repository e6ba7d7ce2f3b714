import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { formatWhen } from "~/components/care-plan/revision-diff";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { QuestionActions } from "~/components/patient-questions/question-actions";

type QuestionPage = RouterOutputs["alerts"]["patientQuestions"];

/**
 * "Patient questions": each open question from a patient on the clinician's care teams, the
 * longest-waiting first, with the patient, the plan item, the words, when, and the two ways to
 * settle it. Paged separately from the alerts (its own cursor in the address).
 */
export function PatientQuestionsSection({ page, after, alertsAfter }: { page: QuestionPage; after: string | undefined; alertsAfter: string | undefined }) {
  const href = (questionsAfter: string | undefined) => {
    const params = new URLSearchParams();
    if (alertsAfter) params.set("after", alertsAfter);
    if (questionsAfter) params.set("qafter", questionsAfter);
    const query = params.toString();
    return query ? `/worklist?${query}#patient-questions-h` : "/worklist#patient-questions-h";
  };
  return (
    <section aria-labelledby="patient-questions-h" className="flex flex-col gap-4">
      <h2 id="patient-questions-h">Patient questions</h2>
      {page.items.length === 0 ? (
        <Card>
          <p>{after ? "No more patient questions." : "No patient is waiting for an answer."}</p>
        </Card>
      ) : (
        page.items.map((q) => (
          <Card asChild key={q.id}>
          <article aria-labelledby={`question-${q.id}`} data-testid="patient-question">
            <h3 id={`question-${q.id}`}>
              <Badge variant="warning">Patient question</Badge>{" "}
              <Link href={`/patients/${q.patientId}/plan#comment-${q.id}`}>{q.patientName}</Link>
              {q.about ? ` about ${q.about}` : " about their care plan"}
            </h3>
            <p className="whitespace-pre-wrap break-words">{q.body}</p>
            <p className="text-sm text-muted-foreground">Asked {formatWhen(q.createdAt)}</p>
            <QuestionActions patientId={q.patientId} commentId={q.id} asker={q.patientName} />
          </article>
          </Card>
        ))
      )}
      {after || page.nextCursor ? (
        <nav aria-label="Patient question pages" className="flex flex-wrap gap-2">
          {after ? (
            <Button asChild variant="secondary">
              <Link href={href(undefined)}>First questions</Link>
            </Button>
          ) : null}
          {page.nextCursor ? (
            <Button asChild variant="secondary">
              <Link href={href(page.nextCursor)}>More questions</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
