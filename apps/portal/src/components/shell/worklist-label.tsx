"use client";
import { hashKey, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Badge } from "@concord/ui/badge";
import { useTRPC } from "~/trpc/react";

/** How often the counts are asked for when nothing else has changed them. */
const REFRESH_MS = 60_000;

/**
 * The Worklist link's words with the signed-in clinician's open urgent and review counts (over their own
 * care teams), e.g. "Worklist, 1 urgent, 2 to review". Refreshed every minute, on focus, and whenever the
 * live notification count changes (a new alert notifies the team), without opening a second event stream.
 * The main navigation renders the link around it.
 */
export function WorklistLabel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const counts = useQuery(trpc.alerts.counts.queryOptions(undefined, { refetchInterval: REFRESH_MS, refetchOnWindowFocus: true }));

  useEffect(() => {
    const unreadHash = hashKey(trpc.notifications.unreadCount.queryKey());
    const countsKey = trpc.alerts.counts.queryKey();
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success" && event.query.queryHash === unreadHash) {
        void queryClient.invalidateQueries({ queryKey: countsKey });
      }
    });
  }, [queryClient, trpc]);

  const urgent = counts.data?.urgent ?? 0;
  const review = counts.data?.review ?? 0;
  // The accessible name is the visible text, in words ("Worklist, 1 urgent, 2 to review"): the commas are
  // for screen readers only, so the name contains what sighted users read (axe label-content-name-mismatch).
  return (
    <>
      Worklist
      {urgent > 0 ? (
        <Badge variant="danger">
          <span className="sr-only">, </span>
          {urgent} urgent
        </Badge>
      ) : null}
      {review > 0 ? (
        <Badge variant="warning">
          <span className="sr-only">, </span>
          {review} to review
        </Badge>
      ) : null}
    </>
  );
}
