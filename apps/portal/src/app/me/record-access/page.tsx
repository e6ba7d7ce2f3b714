import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formatCalendarDate } from "@concord/domain";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

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
      <p className="muted">
        Everyone on your care team and the clinic staff who opened or changed your record, and when. Every look is recorded; this list comes from
        that record. Your own visits are not listed. A clinician outside your care team may open your record in an emergency: it is marked
        “Emergency access”, with the reason they gave; they can only read it, for up to an hour, and a compliance officer reviews every such
        use.
      </p>
      {log.days.length === 0 ? <p className="card">{before ? "Nothing earlier." : "Nobody else has opened your record yet."}</p> : null}
      {log.days.map((d) => (
        <section key={d.day} className="card" aria-labelledby={`day-${d.day}`}>
          <h2 id={`day-${d.day}`} style={{ marginTop: 0 }}>
            {formatCalendarDate(d.day)}
          </h2>
          <ul className="plain" data-testid="record-access-day">
            {d.entries.map((e) => (
              <li key={`${e.who}-${e.what}-${e.emergency ? "emergency" : ""}-${e.reason ?? ""}`} data-emergency={e.emergency ? "true" : undefined}>
                {e.emergency ? (
                  <>
                    <span className="badge danger">Emergency access</span>{" "}
                  </>
                ) : null}
                <strong>{e.who}</strong> ({e.role}) {e.what}
                {e.times > 1 ? `, ${e.times} times` : ""} · last at <When at={e.lastAt} />
                {e.reason ? (
                  <p style={{ margin: ".25rem 0 0", overflowWrap: "anywhere" }}>
                    Reason given: <q>{e.reason}</q>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <nav aria-label="Earlier days" className="inline">
        {before ? <Link className="button secondary" href="/me/record-access">Most recent</Link> : null}
        {log.nextBefore ? <Link className="button secondary" href={`/me/record-access?before=${log.nextBefore}`}>Earlier days</Link> : null}
      </nav>
    </>
  );
}
