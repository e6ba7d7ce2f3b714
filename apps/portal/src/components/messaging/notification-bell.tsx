"use client";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { unreadLabel } from "@concord/domain";
import { useTRPC } from "~/trpc/react";

/** Unread notifications in the navigation, kept live over SSE (the count is sent, never summed). */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const count = useQuery(trpc.notifications.unreadCount.queryOptions());
  useSubscription(
    trpc.notifications.events.subscriptionOptions(
      {},
      {
        onStarted: () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
        onData: (event) => {
          queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), { unread: event.data.unread });
          void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
        },
      },
    ),
  );
  const unread = count.data?.unread ?? 0;
  return (
    <Link href="/notifications" data-testid="notification-bell">
      Notifications{unread > 0 ? <span className="badge warn" style={{ marginLeft: ".35rem" }}><span className="sr-only">, </span>{unreadLabel(unread)}<span className="sr-only"> unread</span></span> : null}
    </Link>
  );
}
