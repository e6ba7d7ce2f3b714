import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { formatWhen } from "~/components/care-plan/revision-diff";
import styles from "~/components/patient-questions/patient-questions.module.css";
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
    <section aria-labelledby="patient-questions-h">
      <h2 id="patient-questions-h">Patient questions</h2>
      {page.items.length === 0 ? (
        <p className="card">{after ? "No more patient questions." : "No patient is waiting for an answer."}</p>
      ) : (
        page.items.map((q) => (
          <article key={q.id} className={`card ${styles.question}`} aria-labelledby={`question-${q.id}`} data-testid="patient-question">
            <h3 id={`question-${q.id}`}>
              <span className="badge warn">Patient question</span>{" "}
              <Link href={`/patients/${q.patientId}/plan#comment-${q.id}`}>{q.patientName}</Link>
              {q.about ? ` about ${q.about}` : " about their care plan"}
            </h3>
            <p className={styles.words}>{q.body}</p>
            <p className={`muted ${styles.when}`}>Asked {formatWhen(q.createdAt)}</p>
            <QuestionActions patientId={q.patientId} commentId={q.id} asker={q.patientName} />
          </article>
        ))
      )}
      {after || page.nextCursor ? (
        <nav aria-label="Patient question pages" className="inline">
          {after ? (
            <Link className="button secondary" href={href(undefined)}>
              First questions
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link className="button secondary" href={href(page.nextCursor)}>
              More questions
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
