import type { Metadata } from "next";
import Link from "next/link";
import { CardSection } from "@concord/ui/card";
import { redirect } from "next/navigation";
import { RangeLinks, rangeDays } from "~/components/progress/range-links";
import { ProgressSummary, TrendsPanel } from "~/components/progress/trends-panel";
import { trendRange } from "~/components/progress/trend-range";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "My progress" };

export default async function MyProgressPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  const days = rangeDays((await searchParams).days);
  const caller = await getCaller(session);
  // The chart ends on the patient's own today (their zone).
  const { today } = await caller.me.get();
  const trends = await caller.measures.trends({ patientId: session.actor.patientId, ...trendRange(days, today) });
  return (
    <>
      <h1>My progress</h1>
      <p>
        Progress with CRPS is often slow; look at the trend over weeks rather than day to day.{" "}
        <Link href="/me/check-in">Today’s check-in</Link>
      </p>
      <CardSection aria-labelledby="summary-h">
        <h2 id="summary-h">The last 4 weeks in words</h2>
        <ProgressSummary summary={trends.summary} />
      </CardSection>
      <RangeLinks base="/me/progress" current={days} />
      {/* The charts' titles are h3s: this heading keeps the outline h1 → h2 → h3 for screen-reader navigation. */}
      <CardSection aria-labelledby="trends-h">
        <h2 id="trends-h" className="sr-only">Trends</h2>
        <TrendsPanel trends={trends} planHistoryBase={null} />
      </CardSection>
    </>
  );
}
