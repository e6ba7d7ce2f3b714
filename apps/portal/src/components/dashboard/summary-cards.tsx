import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { formatCalendarDate } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { CardSection } from "@concord/ui/card";
import { cn } from "@concord/ui/utils";
import { When } from "~/components/viewer-clock";

type Summary = RouterOutputs["patients"]["summary"];

const heading = "text-lg";
/** The summary's cards are tighter than a page's: seven of them share one laptop screen. */
export const summaryCard = "gap-2 p-4 sm:p-4";

/** Current medications with their doses as the plan states them (the domain formats them). */
export function MedicationsCard({ summary, patientId, className }: { summary: Summary; patientId: string; className?: string }) {
  return (
    <CardSection aria-labelledby="meds-h" data-testid="summary-medications" className={cn(summaryCard, className)}>
      <h2 id="meds-h" className={heading}>
        Current medications
      </h2>
      {summary.medications.length === 0 ? (
        <p className="text-muted-foreground">None on the plan.</p>
      ) : (
        <ul className="flex flex-col gap-1.5">
          {summary.medications.map((m) => (
            <li key={m.id}>
              <span className="font-semibold">{m.name}</span>
              {m.status === "paused" ? (
                <>
                  {" "}
                  <Badge variant="neutral">paused</Badge>
                </>
              ) : null}
              <span className="block text-sm">{m.dose ?? "Dose awaiting the physician's review"}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm">
        <Link href={`/patients/${patientId}/plan`}>Doses and titration on the plan</Link>
      </p>
    </CardSection>
  );
}

/** Active (and paused) items under the four goals, medications aside. */
export function GoalsCard({ summary, className }: { summary: Summary; className?: string }) {
  return (
    <CardSection aria-labelledby="goals-h" data-testid="summary-goals" className={cn(summaryCard, className)}>
      <h2 id="goals-h" className={heading}>
        Active interventions by goal
      </h2>
      {summary.goals.length === 0 ? (
        <p className="text-muted-foreground">{summary.hasPlan ? "No active interventions." : "No care plan yet."}</p>
      ) : (
        <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-2 xl:grid-cols-4">
          {summary.goals.map((g) => (
            <div key={g.goalId}>
              <dt className="font-semibold text-muted-foreground">{g.label}</dt>
              <dd>
                {g.interventions.length === 0
                  ? "Nothing active"
                  : g.interventions.map((i) => `${i.name}${i.status === "paused" ? " (paused)" : ""}`).join(" · ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </CardSection>
  );
}

/** Open alerts, urgent first, each linking to its card on Progress where it is acknowledged. */
export function OpenAlertsCard({ summary, patientId, className }: { summary: Summary; patientId: string; className?: string }) {
  const { items, total, urgentTotal } = summary.openAlerts;
  return (
    <CardSection aria-labelledby="open-alerts-h" data-testid="summary-alerts" className={cn(summaryCard, className)}>
      <h2 id="open-alerts-h" className={heading}>
        Open alerts ({total})
      </h2>
      {total === 0 ? (
        <p className="text-muted-foreground">No open alerts.</p>
      ) : (
        <>
          {urgentTotal > 0 ? <p className="text-sm font-semibold">{urgentTotal} urgent</p> : null}
          <ul className="flex flex-col gap-1.5">
            {items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline gap-x-2">
                <Badge variant={a.severity === "urgent" ? "urgent" : "warning"}>{a.severity === "urgent" ? "Urgent" : "Review"}</Badge>
                <Link href={`/patients/${patientId}/progress#alert-${a.id}`}>{a.title}</Link>
              </li>
            ))}
          </ul>
          {total > items.length ? <p className="text-sm text-muted-foreground">and {total - items.length} more on Progress.</p> : null}
        </>
      )}
      <p className="text-sm">
        <Link href={`/patients/${patientId}/progress#alerts-h`}>Review and acknowledge the alerts</Link>
      </p>
    </CardSection>
  );
}

/** The next dates the team has set: the first item review and the plan's own review. */
export function NextReviewCard({ summary, className }: { summary: Summary; className?: string }) {
  return (
    <CardSection aria-labelledby="next-review-h" data-testid="summary-next-review" className={cn(summaryCard, "gap-1", className)}>
      <h2 id="next-review-h" className={heading}>
        Next review
      </h2>
      {summary.nextReview ? (
        <p>
          <span className="font-semibold">{formatCalendarDate(summary.nextReview.date)}</span>: {summary.nextReview.name}
        </p>
      ) : (
        <p className="text-muted-foreground">No item review set.</p>
      )}
      {summary.planReviewDueAt ? <p className="text-sm text-muted-foreground">Whole plan due for review {formatCalendarDate(summary.planReviewDueAt)}</p> : null}
    </CardSection>
  );
}

/** The newest messages the viewer may read, each opening its thread. */
export function RecentMessagesCard({ summary, patientId, className }: { summary: Summary; patientId: string; className?: string }) {
  return (
    <CardSection aria-labelledby="recent-messages-h" data-testid="summary-messages" className={cn(summaryCard, className)}>
      <h2 id="recent-messages-h" className={heading}>
        Recent messages
      </h2>
      {summary.recentMessages.length === 0 ? (
        <p className="text-muted-foreground">{summary.messagesVisible ? "No messages yet." : "Messages are not part of this access."}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {summary.recentMessages.map((m) => (
            <li key={m.id} className="min-w-0 text-sm">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/patients/${patientId}/messages?thread=${m.threadId}`} className="font-semibold">
                  {m.threadTitle}
                </Link>
                <Badge variant={m.space === "team" ? "neutral" : "default"}>{m.space === "team" ? "Care team only" : "With the patient"}</Badge>
              </div>
              <p className="line-clamp-2 break-words">
                <span className="text-muted-foreground">
                  {m.author}, <When at={m.createdAt} />:
                </span>{" "}
                {m.body}
              </p>
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
