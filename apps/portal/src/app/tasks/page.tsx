import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { type ReviewDue, formatCalendarDate, isClinicianRole } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function dueText(task: { due: ReviewDue; days: number }): string {
  if (task.due === "overdue") return `Overdue by ${plural(task.days, "day")}`;
  if (task.due === "today") return "Due today";
  return `Due in ${plural(task.days, "day")}`;
}

const BADGE = { overdue: "danger", today: "warning", soon: "default" } as const;

export const metadata: Metadata = { title: "My tasks" };

/** My tasks: plan items I am responsible for whose review is due, overdue first. */
export default async function MyTasksPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const { after } = await searchParams;
  const caller = await getCaller(session);
  const page = await caller.tasks.mine({ limit: 25, cursor: after?.slice(0, 200) });
  return (
    <>
      <h1>My tasks</h1>
      <p>
        Plan items you are responsible for whose review is due today or earlier, or in the next two weeks (up to{" "}
        {formatCalendarDate(page.until)}), for patients on your care teams. Overdue reviews come first.
      </p>
      {page.items.length === 0 ? (
        <Card>
          <p>{after ? "No more tasks." : "No reviews are due in the next two weeks. Nothing to do here."}</p>
        </Card>
      ) : (
        <Card asChild className="gap-0 divide-y p-0 sm:p-0">
        <ul aria-label="Reviews due, overdue first">
          {page.items.map((t) => (
            <li key={`${t.patientId}/${t.itemId}`} data-testid="task" className="grid gap-1 px-4 py-3">
              <p>
                <Badge variant={BADGE[t.due]}>{dueText(t)}</Badge>{" "}
                <Link href={`/patients/${t.patientId}/plan#item-${encodeURIComponent(t.itemId)}`}>
                  Review {t.name} for {t.patientName}
                </Link>
              </p>
              <p className="text-sm text-muted-foreground">
                {t.categoryLabel} · {t.status} · review date {formatCalendarDate(t.nextReviewDate)}
              </p>
            </li>
          ))}
        </ul>
        </Card>
      )}
      <nav aria-label="Task pages" className="flex flex-wrap gap-2 empty:hidden">
        {after ? (
          <Button asChild variant="secondary">
            <Link href="/tasks">First page</Link>
          </Button>
        ) : null}
        {page.nextCursor ? (
          <Button asChild variant="secondary">
            <Link href={`/tasks?after=${encodeURIComponent(page.nextCursor)}`}>Next page</Link>
          </Button>
        ) : null}
      </nav>
    </>
  );
}
