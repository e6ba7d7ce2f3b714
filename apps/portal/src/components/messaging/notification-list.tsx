"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { cn } from "@concord/ui/utils";
import { errorMessage } from "~/components/error-message";
import { When } from "~/components/viewer-clock";
import { NOTIFICATIONS_READ, NOTIFICATION_ARRIVED, announce } from "~/components/shell/live-counts";
import { useTRPC } from "~/trpc/react";

const KIND_LABEL = { message: "Message", mention: "Mention", plan_change: "Plan change", alert: "Alert", patient_question: "Question",
  unrouted_alert: "Needs a care team",
  emergency_access: "Emergency access",
} as const;

export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [before, setBefore] = useState<number | undefined>(undefined);
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 30, before }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  // The header's bell is outside this page's API client: it says when something arrives, and is told of reads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh only reads the stable client and keys
  useEffect(() => {
    window.addEventListener(NOTIFICATION_ARRIVED, refresh);
    return () => window.removeEventListener(NOTIFICATION_ARRIVED, refresh);
  }, []);
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => {
        void refresh();
        announce(NOTIFICATIONS_READ);
      },
    }),
  );
  if (list.isPending) return <p className="text-muted-foreground">Loading notifications…</p>;
  if (list.error) return <Alert variant="danger">{errorMessage(list.error)}</Alert>;
  const items = list.data.items;
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => markRead.mutate({})} disabled={markRead.isPending}>
          Mark all as read
        </Button>
        {before ? (
          <Button variant="secondary" onClick={() => setBefore(undefined)}>
            Back to newest
          </Button>
        ) : null}
      </div>
      {markRead.error ? <Alert variant="danger">{errorMessage(markRead.error)}</Alert> : null}
      {items.length === 0 ? <p className="text-muted-foreground">No notifications.</p> : null}
      {items.length > 0 ? (
        <Card asChild className="gap-0 divide-y p-0 sm:p-0">
          <ul aria-label="Notifications">
            {items.map((n) => (
              <li key={n.id} data-testid="notification" className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                <Badge variant={n.readAt ? "neutral" : "warning"}>{n.readAt ? "Read" : "New"}</Badge>
                <span className="text-sm text-muted-foreground">{KIND_LABEL[n.kind]}</span>
                <Link href={n.link} className={cn("min-w-48 flex-1 break-words", n.readAt ? "font-normal" : "font-semibold")}>
                  {n.title}
                </Link>
                <When className="text-sm text-muted-foreground" at={n.createdAt} />
                {!n.readAt ? (
                  <Button variant="ghost" size="sm" onClick={() => markRead.mutate({ ids: [n.id] })} disabled={markRead.isPending}>
                    Mark as read
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {list.data.nextBefore ? (
        <Button variant="secondary" className="w-fit" onClick={() => setBefore(list.data.nextBefore ?? undefined)}>
          Older notifications
        </Button>
      ) : null}
    </>
  );
}
