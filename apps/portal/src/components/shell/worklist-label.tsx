"use client";
import { useEffect, useState } from "react";
import { Badge } from "@concord/ui/badge";
import { NOTIFICATION_ARRIVED, trpcGet } from "./live-counts";

/** How often the counts are asked for when nothing else has changed them. */
const REFRESH_MS = 60_000;

export interface AlertCounts {
  urgent: number;
  review: number;
}

/**
 * The Worklist link's words with the signed-in clinician's open urgent and review counts (over their own
 * care teams), e.g. "Worklist, 1 urgent, 2 to review". The server renders the counts; they are re-read
 * every minute, on focus, and whenever a notification arrives (a new alert notifies the team), without a
 * second event stream. The main navigation renders the link around it.
 */
export function WorklistLabel({ initial }: { initial: AlertCounts }) {
  const [counts, setCounts] = useState(initial);
  useEffect(() => setCounts(initial), [initial]);
  useEffect(() => {
    const reread = async () => {
      const fresh = await trpcGet<AlertCounts>("alerts.counts");
      if (fresh) setCounts({ urgent: fresh.urgent, review: fresh.review });
    };
    const onFocus = () => void reread();
    const timer = window.setInterval(onFocus, REFRESH_MS);
    window.addEventListener("focus", onFocus);
    window.addEventListener(NOTIFICATION_ARRIVED, onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      window.removeEventListener(NOTIFICATION_ARRIVED, onFocus);
    };
  }, []);

  // The accessible name is the visible text, in words ("Worklist, 1 urgent, 2 to review"): the commas are
  // for screen readers only, so the name contains what sighted users read (axe label-content-name-mismatch).
  return (
    <>
      Worklist
      {counts.urgent > 0 ? (
        <Badge variant="danger">
          <span className="sr-only">, </span>
          {counts.urgent} urgent
        </Badge>
      ) : null}
      {counts.review > 0 ? (
        <Badge variant="warning">
          <span className="sr-only">, </span>
          {counts.review} to review
        </Badge>
      ) : null}
    </>
  );
}
