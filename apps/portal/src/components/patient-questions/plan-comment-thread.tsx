import type { RouterOutputs } from "@concord/api";
import { patientQuestionStatus, teamQuestionStatus } from "@concord/domain";
import { formatWhen } from "~/components/care-plan/revision-diff";
import styles from "./patient-questions.module.css";
import { QuestionActions } from "./question-actions";

type PlanComment = RouterOutputs["carePlan"]["comments"]["items"][number];

/**
 * The plan's comments, newest first, with each reply shown under the question it answers. A
 * patient's question says where it stands, in words for the reader: the team sees open/answered
 * and can answer or mark it handled here; the patient sees "Your team has been told", "Answered
 * by …" with the reply, or "Seen by your team".
 */
export function PlanCommentThread({
  comments,
  viewer,
  patientId,
  patientName,
  itemNames,
  readOnly = false,
}: {
  comments: PlanComment[];
  viewer: "team" | "patient";
  patientId: string;
  patientName: string;
  /** Plan item id → the name this viewer knows it by. */
  itemNames: ReadonlyMap<string, string>;
  /** Under emergency access: the thread is shown, but nobody answers or marks a question from here. */
  readOnly?: boolean;
}) {
  const onPage = new Set(comments.map((c) => c.id));
  const repliesTo = new Map<string, PlanComment[]>();
  for (const c of comments) {
    if (c.replyToId && onPage.has(c.replyToId)) repliesTo.set(c.replyToId, [c, ...(repliesTo.get(c.replyToId) ?? [])]);
  }
  const threads = comments.filter((c) => !(c.replyToId && onPage.has(c.replyToId)));
  const about = (c: PlanComment) => {
    if (!c.interventionId) return "";
    const name = itemNames.get(c.interventionId);
    // The patient's names cover only what their plan shows them; the team's cover every item.
    if (name) return ` on ${name}`;
    return viewer === "team" ? " on an item no longer in the plan" : "";
  };

  if (comments.length === 0) return <p className="muted">No comments yet.</p>;
  return (
    <ul className="plain" aria-label="Comments">
      {threads.map((c) => {
        const replies = repliesTo.get(c.id) ?? [];
        const question = c.question;
        const status = question
          ? viewer === "patient"
            ? patientQuestionStatus(question.state, question.resolvedByName)
            : teamQuestionStatus(question.state, question.resolvedByName)
          : null;
        return (
          <li key={c.id} id={`comment-${c.id}`} data-testid={question ? "plan-question" : "plan-comment"}>
            <strong>{c.authorName}</strong>{" "}
            <span className="muted">
              ({c.authorRole}, {formatWhen(c.createdAt)}){about(c)}
              {c.replyToId && !onPage.has(c.replyToId) ? " · in reply to an earlier question" : ""}
            </span>
            <div className={styles.words}>{c.body}</div>
            {question && status ? (
              <p className={styles.status}>
                <span className={`badge ${question.state === "open" ? "warn" : "ok"}`}>{status}</span>
                {question.resolvedAt && viewer === "team" ? <span className="muted"> {formatWhen(question.resolvedAt)}</span> : null}
              </p>
            ) : null}
            {replies.length > 0 ? (
              <ul className={styles.replies} aria-label={`Replies to ${c.authorName}`}>
                {replies.map((r) => (
                  <li key={r.id} id={`comment-${r.id}`} data-testid="plan-reply">
                    <strong>{r.authorName}</strong>{" "}
                    <span className="muted">
                      ({r.authorRole}, {formatWhen(r.createdAt)})
                    </span>
                    <div className={styles.words}>{r.body}</div>
                  </li>
                ))}
              </ul>
            ) : question?.state === "answered" && question.answer ? (
              // The reply itself is on another page of comments: show its words here.
              <blockquote className={styles.words}>{question.answer}</blockquote>
            ) : null}
            {viewer === "team" && !readOnly && question?.state === "open" ? <QuestionActions patientId={patientId} commentId={c.id} asker={patientName} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
