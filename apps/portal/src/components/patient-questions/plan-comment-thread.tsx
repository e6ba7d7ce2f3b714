import type { RouterOutputs } from "@concord/api";
import { patientQuestionStatus, teamQuestionStatus } from "@concord/domain";
import { formatWhen } from "~/components/care-plan/revision-diff";
import { Badge } from "@concord/ui/badge";
import { RowList } from "~/components/layout";
import type { ReactNode } from "react";

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
  itemNames,
  readOnly = false,
  questionActions,
}: {
  comments: PlanComment[];
  viewer: "team" | "patient";
  /** Plan item id → the name this viewer knows it by. */
  itemNames: ReadonlyMap<string, string>;
  /** Under emergency access: the thread is shown, but nobody answers or marks a question from here. */
  readOnly?: boolean;
  /**
   * The team's answer / mark-handled controls for an open question. Passed in by the team's page, so the
   * patient's page, which never shows them, does not load their code (they use the API client).
   */
  questionActions?: (commentId: string) => ReactNode;
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

  if (comments.length === 0) return <p className="text-muted-foreground">No comments yet.</p>;
  return (
    <RowList aria-label="Comments">
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
            <span className="text-muted-foreground">
              ({c.authorRole}, {formatWhen(c.createdAt)}){about(c)}
              {c.replyToId && !onPage.has(c.replyToId) ? " · in reply to an earlier question" : ""}
            </span>
            <div className="my-1 whitespace-pre-wrap break-words">{c.body}</div>
            {question && status ? (
              <p className="my-1">
                <Badge variant={question.state === "open" ? "warning" : "success"}>{status}</Badge>
                {question.resolvedAt && viewer === "team" ? <span className="text-muted-foreground"> {formatWhen(question.resolvedAt)}</span> : null}
              </p>
            ) : null}
            {replies.length > 0 ? (
              <ul className="mt-2 ml-4 grid gap-2 border-l-3 pl-3" aria-label={`Replies to ${c.authorName}`}>
                {replies.map((r) => (
                  <li key={r.id} id={`comment-${r.id}`} data-testid="plan-reply">
                    <strong>{r.authorName}</strong>{" "}
                    <span className="text-muted-foreground">
                      ({r.authorRole}, {formatWhen(r.createdAt)})
                    </span>
                    <div className="my-1 whitespace-pre-wrap break-words">{r.body}</div>
                  </li>
                ))}
              </ul>
            ) : question?.state === "answered" && question.answer ? (
              // The reply itself is on another page of comments: show its words here.
              <blockquote className="my-1 border-l-3 pl-3 whitespace-pre-wrap break-words">{question.answer}</blockquote>
            ) : null}
            {viewer === "team" && !readOnly && question?.state === "open" ? questionActions?.(c.id) : null}
          </li>
        );
      })}
    </RowList>
  );
}
