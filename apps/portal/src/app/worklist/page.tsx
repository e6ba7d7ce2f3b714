import Link from "next/link";
import { redirect } from "next/navigation";
import { isClinicianRole } from "@concord/domain";
import { AlertCard } from "~/components/progress/alert-card";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function WorklistPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const { after } = await searchParams;
  const caller = await getCaller(session);
  const page = await caller.alerts.worklist({ limit: 25, cursor: after?.slice(0, 200) });
  const urgent = page.items.filter((a) => a.severity === "urgent").length;
  return (
    <>
      <h1>Worklist</h1>
      <p>
        Who needs attention and why: open decision-support alerts for patients on your care teams, urgent first.
        {page.items.length > 0 ? ` ${urgent} urgent on this page.` : ""}
      </p>
      {page.items.length === 0 ? (
        <p className="card">{after ? "No more alerts." : "Nothing needs attention right now."}</p>
      ) : (
        page.items.map((a) => <AlertCard key={a.id} alert={a} showPatient />)
      )}
      <nav aria-label="Worklist pages" className="inline">
        {after ? <Link className="button secondary" href="/worklist">First page</Link> : null}
        {page.nextCursor ? <Link className="button secondary" href={`/worklist?after=${encodeURIComponent(page.nextCursor)}`}>Next page</Link> : null}
      </nav>
    </>
  );
}
