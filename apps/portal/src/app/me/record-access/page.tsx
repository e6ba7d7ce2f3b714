import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formatCalendarDate } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card, CardSection } from "@concord/ui/card";
import { RowList } from "~/components/layout";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Who has looked at my record" };

/** "Who has looked at my record": every person who opened or changed it, by day. */
export default async function RecordAccessPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  const patientId = session.actor.patientId;
  const raw = (await searchParams).before;
  const before = raw && z.iso.date().safeParse(raw).success ? raw : undefined;
  const caller = await getCaller(session);
  const log = await caller.patients.accessLog({ patientId, ...(before ? { before } : {}) });
  return (
    <>
      <h1>Who has looked at my record</h1>
      <p className="text-muted-foreground">
        Everyone on your care team and the clinic staff who opened or changed your record, and when. Every look is recorded; this list comes from
        that record. Your own visits are not listed. A clinician outside your care team may open your record in an emergency: it is marked
        “Emergency access”, with the reason they gave; they can only read it, for up to an hour, and a compliance officer reviews every such
        use.
      </p>
      {log.days.length === 0 ? <Card>
          <p>{before ? "Nothing earlier." : "Nobody else has opened your record yet."}</p>
        </Card> : null}
      {log.days.map((d) => (
        <CardSection key={d.day} aria-labelledby={`day-${d.day}`}>
          <h2 id={`day-${d.day}`}>{formatCalendarDate(d.day)}</h2>
          <RowList data-testid="record-access-day">
            {d.entries.map((e) => (
              <li key={`${e.who}-${e.what}-${e.emergency ? "emergency" : ""}-${e.reason ?? ""}`} data-emergency={e.emergency ? "true" : undefined}>
                {e.emergency ? (
                  <>
                    <Badge variant="danger">Emergency access</Badge>{" "}
                  </>
                ) : null}
                <strong>{e.who}</strong> ({e.role}) {e.what}
                {e.times > 1 ? `, ${e.times} times` : ""} · last at <When at={e.lastAt} />
                {e.reason ? (
                  <p className="mt-1 break-words">
                    Reason given: <q>{e.reason}</q>
                  </p>
                ) : null}
              </li>
            ))}
          </RowList>
        </CardSection>
      ))}
      <nav aria-label="Earlier days" className="flex flex-wrap gap-2">
        {before ? (
          <Button asChild variant="secondary">
            <Link href="/me/record-access">Most recent</Link>
          </Button>
        ) : null}
        {log.nextBefore ? (
          <Button asChild variant="secondary">
            <Link href={`/me/record-access?before=${log.nextBefore}`}>Earlier days</Link>
          </Button>
        ) : null}
      </nav>
    </>
  );
}
